// Migration 009: the coordinator's state (../docs/quality-assurance.md, "The coordinator"). Kept in the
// store rather than a folder beside it: the adjudicator's decisions must be audited in the same
// transaction that records them (the audit log is here), the store's lock, backups and crash recovery
// cover it, and the overview at 100,000 decisions needs indexed queries, not files to re-read.
//
// The round's review packages are kept as their parts (achievements, submissions): the results refer to
// them and the second-reading packages are made from them. Evidence stays in the review package on disk
// (its path is kept) and is checked against the manifest's SHA-256 when a second-reading package is written.
//
// Numbered 009: 008 is another branch's. Registered in migrations/index.ts after 008 once both are merged.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS coord_review_packages (
      id TEXT PRIMARY KEY,
      -- round: sent out by the issuing body; second-reading: written by this coordinator from a sample.
      kind TEXT NOT NULL CHECK (kind IN ('round', 'second-reading')),
      label TEXT NOT NULL,
      path TEXT NOT NULL,
      issuer TEXT NOT NULL,
      manifest_sha256 TEXT NOT NULL,
      -- The manifest without its submissions (they are rows of coord_submissions).
      head_json TEXT NOT NULL,
      submissions INTEGER NOT NULL,
      opened_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE IF NOT EXISTS coord_achievements (
      id TEXT PRIMARY KEY,
      -- SHA-256 of the canonical JSON, as results packages name it (rubricSha256).
      sha256 TEXT NOT NULL,
      json TEXT NOT NULL
    ) STRICT;

    -- The round's submissions (from its review packages), and the copies written for second reading.
    CREATE TABLE IF NOT EXISTS coord_submissions (
      id TEXT PRIMARY KEY,
      package_id TEXT NOT NULL REFERENCES coord_review_packages(id),
      achievement_id TEXT NOT NULL REFERENCES coord_achievements(id),
      attempt INTEGER NOT NULL,
      due_at TEXT,
      earner_name TEXT NOT NULL,
      json TEXT NOT NULL,
      -- For a copy in a second-reading package: the round's submission it reads again.
      reads_again TEXT REFERENCES coord_submissions(id)
    ) STRICT;

    CREATE TABLE IF NOT EXISTS coord_results (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('first', 'second-reading')),
      label TEXT NOT NULL,
      assessor_key TEXT NOT NULL,
      assessor_name TEXT NOT NULL,
      signer_subject TEXT NOT NULL,
      signer_fingerprint TEXT NOT NULL,
      trusted_as TEXT,
      review_packages_json TEXT NOT NULL,
      decisions INTEGER NOT NULL,
      seeds INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      opened_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX IF NOT EXISTS coord_results_by_assessor ON coord_results (assessor_key);

    -- Every decision a results package carries (passed or not yet), first readings and second alike;
    -- submission_id is always the round's (a second reading's copy is mapped back).
    CREATE TABLE IF NOT EXISTS coord_decisions (
      seq INTEGER PRIMARY KEY,
      results_id TEXT NOT NULL REFERENCES coord_results(id),
      reading TEXT NOT NULL CHECK (reading IN ('first', 'second')),
      submission_id TEXT NOT NULL REFERENCES coord_submissions(id),
      assessor_key TEXT NOT NULL,
      achievement_id TEXT NOT NULL,
      attempt INTEGER NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('pass', 'not-yet')),
      -- [{ c: criterion id, l: level id, i: level index, n: levels, comment? }]
      levels_json TEXT NOT NULL,
      feedback TEXT,
      -- Why the reader's decision differs from the one the rubric computes, when it does.
      override_justification TEXT,
      submitted_at TEXT NOT NULL,
      time_on_task_s INTEGER,
      due_at TEXT,
      UNIQUE (reading, submission_id)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS coord_decisions_by_assessor ON coord_decisions (assessor_key, submitted_at);

    -- Seeds as results packages report them (levels against the definitive score, as indexes).
    CREATE TABLE IF NOT EXISTS coord_seeds (
      results_id TEXT NOT NULL REFERENCES coord_results(id),
      assessor_key TEXT NOT NULL,
      submission_id TEXT NOT NULL,
      achievement_id TEXT NOT NULL,
      submitted_at TEXT NOT NULL,
      decision TEXT,
      reference_decision TEXT NOT NULL,
      -- [{ c, n, a: achieved index, r: reference index }]
      pairs_json TEXT NOT NULL,
      PRIMARY KEY (results_id, submission_id)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS coord_seeds_by_assessor ON coord_seeds (assessor_key, submitted_at);

    CREATE TABLE IF NOT EXISTS coord_samples (
      id TEXT PRIMARY KEY,
      drawn_at TEXT NOT NULL,
      rules_json TEXT NOT NULL,
      counts_json TEXT NOT NULL
    ) STRICT;
    CREATE TABLE IF NOT EXISTS coord_sample_items (
      sample_id TEXT NOT NULL REFERENCES coord_samples(id),
      position INTEGER NOT NULL,
      submission_id TEXT NOT NULL REFERENCES coord_submissions(id),
      reasons_json TEXT NOT NULL,
      why TEXT NOT NULL,
      PRIMARY KEY (sample_id, submission_id)
    ) STRICT;

    -- Who reads a sampled decision again, in which second-reading package, under which copy id; then
    -- how it was settled. One per round submission: a decision is read again once.
    CREATE TABLE IF NOT EXISTS coord_reconciliation (
      submission_id TEXT PRIMARY KEY REFERENCES coord_submissions(id),
      sample_id TEXT NOT NULL REFERENCES coord_samples(id),
      second_reader_key TEXT NOT NULL,
      second_reader_name TEXT NOT NULL,
      package_id TEXT NOT NULL REFERENCES coord_review_packages(id),
      copy_id TEXT NOT NULL UNIQUE,
      state TEXT NOT NULL CHECK (state IN ('awaiting-second-reading', 'agreed', 'to-adjudicate', 'adjudicated')),
      rule TEXT CHECK (rule IN ('first', 'second', 'lower')),
      reasons_json TEXT NOT NULL DEFAULT '[]',
      -- { decision, results: [{ criterionId, levelId }], by, reasons?, at }
      final_json TEXT
    ) STRICT;
    CREATE INDEX IF NOT EXISTS coord_reconciliation_by_state ON coord_reconciliation (state);
  `);
}
