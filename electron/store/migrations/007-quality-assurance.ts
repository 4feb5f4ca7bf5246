// Migration 7: quality assurance (../docs/quality-assurance.md). Calibration samples and seeds are stored as
// submissions (so the one workspace scores them, with evidence, drafts and keys) with their definitive score
// kept apart in qa_samples, which only the quality service reads. Calibration samples never reach the queue;
// seeds do, and nothing in their submission rows tells them from live work. A second reading keeps the first
// reader's review apart until the second reader's own is submitted.
import type { Database } from 'better-sqlite3';

// IF NOT EXISTS: a store whose user_version was set back (as a repair tool or a test does) re-runs it harmlessly.

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS calibration_sets (
      package_id TEXT PRIMARY KEY REFERENCES packages(id),
      required INTEGER NOT NULL CHECK (required IN (0, 1)),
      min_exact_agreement REAL NOT NULL CHECK (min_exact_agreement >= 0 AND min_exact_agreement <= 1),
      max_non_adjacent INTEGER NOT NULL CHECK (max_non_adjacent >= 0),
      -- When the assessor's agreement first met the thresholds; NULL while unmet.
      met_at TEXT
    ) STRICT;

    CREATE TABLE IF NOT EXISTS qa_samples (
      submission_seq INTEGER PRIMARY KEY REFERENCES submissions(seq),
      kind TEXT NOT NULL CHECK (kind IN ('calibration', 'seed')),
      package_id TEXT NOT NULL REFERENCES packages(id),
      -- The sample's place in the package's list.
      position INTEGER NOT NULL CHECK (position >= 0),
      -- The definitive score: { decision, results: [{ resultDescription, achievedLevel, rationale }] }.
      definitive_json TEXT NOT NULL
    ) STRICT;
    CREATE INDEX IF NOT EXISTS qa_samples_by_package ON qa_samples (package_id, kind, position);

    -- A finished round of calibration practice: the review of each sample as submitted, kept when the
    -- assessor practises again (the samples' reviews are then cleared for the next round).
    CREATE TABLE IF NOT EXISTS calibration_rounds (
      id INTEGER PRIMARY KEY,
      package_id TEXT NOT NULL REFERENCES packages(id),
      round INTEGER NOT NULL CHECK (round >= 1),
      submission_seq INTEGER NOT NULL REFERENCES submissions(seq),
      scores_json TEXT NOT NULL,
      decision TEXT CHECK (decision IN ('pass', 'not-yet')),
      submitted_at TEXT NOT NULL,
      UNIQUE (package_id, round, submission_seq)
    ) STRICT;

    CREATE TABLE IF NOT EXISTS second_readings (
      submission_seq INTEGER PRIMARY KEY REFERENCES submissions(seq),
      package_id TEXT NOT NULL REFERENCES packages(id),
      -- The results package whose review of this submission is read again.
      of_package TEXT NOT NULL,
      -- The first reader's review (secondReading.firstReadings[]), NULL when the package does not carry it.
      first_json TEXT
    ) STRICT;
  `);
}
