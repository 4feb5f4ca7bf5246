// Migration 6: blind review's hand-made redactions (boxes an assessor drew over an evidence file's page) and
// "I can still see who this is" reports. Redactions belong to the evidence file (its SHA-256), so they cover it
// wherever it appears and for every assessor of this store; reports belong to the submission and are exported.
import type { Database } from 'better-sqlite3';

// IF NOT EXISTS: a store whose user_version was set back (as a repair tool or a test does) re-runs it harmlessly.

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS evidence_redactions (
      id INTEGER PRIMARY KEY,
      sha256 TEXT NOT NULL,                -- the evidence file covered
      page INTEGER NOT NULL CHECK (page >= 1),
      -- The box as fractions of the page's width and height from its top-left corner: zoom does not change it.
      x REAL NOT NULL CHECK (x >= 0 AND x <= 1),
      y REAL NOT NULL CHECK (y >= 0 AND y <= 1),
      w REAL NOT NULL CHECK (w > 0 AND x + w <= 1.000001),
      h REAL NOT NULL CHECK (h > 0 AND y + h <= 1.000001),
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX IF NOT EXISTS evidence_redactions_file ON evidence_redactions (sha256, page);

    CREATE TABLE IF NOT EXISTS identity_leaks (
      id INTEGER PRIMARY KEY,
      submission_seq INTEGER NOT NULL REFERENCES submissions(seq),
      artifact_id TEXT NOT NULL,
      page INTEGER CHECK (page IS NULL OR page >= 1),
      note TEXT NOT NULL,
      reported_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX IF NOT EXISTS identity_leaks_submission ON identity_leaks (submission_seq);
  `);
}
