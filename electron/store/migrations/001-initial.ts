// Migration 1: packages, versioned achievements, submissions with evidence, reviews, FTS, audit log.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE packages (
      id TEXT PRIMARY KEY,
      manifest_sha256 TEXT NOT NULL,
      source_name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      issuer_json TEXT NOT NULL,
      assessor_json TEXT
    ) STRICT;

    -- Content-addressed evidence: one row per file in the evidence folder, named by its SHA-256.
    CREATE TABLE blobs (
      sha256 TEXT PRIMARY KEY,
      size INTEGER NOT NULL CHECK (size >= 0)
    ) STRICT;

    -- An achievement is versioned by content: the same id with another rubric is another row.
    CREATE TABLE achievement_versions (
      version_id INTEGER PRIMARY KEY,
      achievement_id TEXT NOT NULL,
      content_sha256 TEXT NOT NULL,
      name TEXT NOT NULL,
      json TEXT NOT NULL,
      image_sha256 TEXT REFERENCES blobs(sha256),
      -- NULL for a rubric authored in the app (electron/library).
      package_id TEXT REFERENCES packages(id),
      imported_at TEXT NOT NULL,
      UNIQUE (achievement_id, content_sha256)
    ) STRICT;
    CREATE INDEX achievement_versions_by_id ON achievement_versions(achievement_id, version_id);

    CREATE TABLE submissions (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      -- NULL for a submission added by hand (electron/library).
      package_id TEXT REFERENCES packages(id),
      achievement_version_id INTEGER NOT NULL REFERENCES achievement_versions(version_id),
      achievement_id TEXT NOT NULL,
      attempt INTEGER NOT NULL CHECK (attempt >= 1),
      submitted_at TEXT NOT NULL,
      due_at TEXT,
      -- due_at in UTC, or a far-future sentinel when there is none, so one index orders both.
      due_sort TEXT NOT NULL,
      earner_id TEXT NOT NULL,
      earner_name TEXT NOT NULL,
      earner_sort TEXT NOT NULL,
      earner_email TEXT,
      earner_organization TEXT,
      status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'in-progress', 'passed', 'not-yet', 'recused')),
      content_sha256 TEXT NOT NULL,
      json TEXT NOT NULL
    ) STRICT;
    CREATE INDEX submissions_by_due ON submissions(due_sort, seq);
    CREATE INDEX submissions_by_submitted ON submissions(submitted_at, seq);
    CREATE INDEX submissions_by_name ON submissions(earner_sort, seq);
    CREATE INDEX submissions_by_status_due ON submissions(status, due_sort, seq);
    CREATE INDEX submissions_by_achievement ON submissions(achievement_id, due_sort, seq);
    CREATE INDEX submissions_by_attempt ON submissions(attempt, due_sort, seq);
    CREATE INDEX submissions_by_package ON submissions(package_id);

    CREATE TABLE artifacts (
      submission_seq INTEGER NOT NULL REFERENCES submissions(seq),
      artifact_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      section_id TEXT NOT NULL,
      name TEXT NOT NULL,
      file_name TEXT,
      media_type TEXT,
      size INTEGER,
      sha256 TEXT REFERENCES blobs(sha256),
      url TEXT,
      CHECK ((sha256 IS NULL) <> (url IS NULL)),
      PRIMARY KEY (submission_seq, artifact_id)
    ) STRICT;
    CREATE INDEX artifacts_by_blob ON artifacts(sha256);

    CREATE TABLE reviews (
      id INTEGER PRIMARY KEY,
      submission_seq INTEGER NOT NULL UNIQUE REFERENCES submissions(seq),
      achievement_version_id INTEGER NOT NULL REFERENCES achievement_versions(version_id),
      state TEXT NOT NULL CHECK (state IN ('draft', 'submitted')),
      scores_json TEXT NOT NULL DEFAULT '{}',
      comments_json TEXT NOT NULL DEFAULT '{}',
      feedback TEXT NOT NULL DEFAULT '',
      decision TEXT CHECK (decision IN ('pass', 'not-yet')),
      computed_decision TEXT CHECK (computed_decision IN ('pass', 'not-yet')),
      override_json TEXT,
      started_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      submitted_at TEXT,
      time_on_task_ms INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    -- Reusable comments, per achievement and optionally per criterion.
    CREATE TABLE comment_bank (
      id INTEGER PRIMARY KEY,
      achievement_id TEXT NOT NULL,
      criterion_id TEXT,
      text TEXT NOT NULL CHECK (length(trim(text)) > 0),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX comment_bank_by_achievement ON comment_bank(achievement_id, criterion_id);

    CREATE TABLE recusals (
      submission_seq INTEGER PRIMARY KEY REFERENCES submissions(seq),
      reason TEXT NOT NULL,
      recused_at TEXT NOT NULL
    ) STRICT;

    -- A passed review becomes an award: a signed Open Badges credential (and certificates made from it).
    CREATE TABLE awards (
      credential_id TEXT PRIMARY KEY,
      submission_seq INTEGER NOT NULL REFERENCES submissions(seq),
      achievement_version_id INTEGER NOT NULL REFERENCES achievement_versions(version_id),
      verification_code TEXT NOT NULL UNIQUE,
      issued_at TEXT NOT NULL,
      earner_name TEXT NOT NULL,
      assessor_name TEXT NOT NULL,
      credits REAL,
      credit_unit TEXT,
      levels_json TEXT NOT NULL,
      credential_json TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked', 'superseded')),
      revoked_at TEXT,
      revocation_reason TEXT,
      replaces TEXT REFERENCES awards(credential_id),
      CHECK ((status = 'revoked') = (revocation_reason IS NOT NULL))
    ) STRICT;
    CREATE INDEX awards_by_submission ON awards(submission_seq, status);
    CREATE INDEX awards_by_issued ON awards(issued_at);

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    -- Full-text search over earner names and responses; rowid = submissions.seq.
    CREATE VIRTUAL TABLE submissions_fts USING fts5(
      earner_name, responses,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    );

    -- Append-only: each entry carries the hash of the one before.
    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      action TEXT NOT NULL,
      subject TEXT NOT NULL,
      details_json TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `);
}
