// Migration 4: the issuer identities this store has used (kept when retired, so what they signed still
// verifies), signed checkpoints of the audit log's head, and where checkpoints became mandatory.
import type { Database } from 'better-sqlite3';

// IF NOT EXISTS: a store whose user_version was set back (as a repair tool or a test does) re-runs it harmlessly.

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS issuer_keys (
      id INTEGER PRIMARY KEY,
      badge_key TEXT NOT NULL,             -- Ed25519 Multikey (z6Mk…) of the Open Badges proofs
      name TEXT NOT NULL,
      certificate_pem TEXT NOT NULL,       -- the certificate chain of the PDF and results signatures
      certificate_sha256 TEXT NOT NULL,    -- its fingerprint as node's X509Certificate gives it
      added_at TEXT NOT NULL,
      retired_at TEXT,
      UNIQUE (badge_key, certificate_sha256)
    ) STRICT;

    -- A checkpoint seals the audit head at entry seq with the identity's Ed25519 key.
    CREATE TABLE IF NOT EXISTS audit_checkpoints (
      seq INTEGER PRIMARY KEY,
      hash TEXT NOT NULL,
      at TEXT NOT NULL,
      badge_key TEXT NOT NULL,
      signature TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER IF NOT EXISTS audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
      BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
    CREATE TRIGGER IF NOT EXISTS audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
      BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;

    CREATE TABLE IF NOT EXISTS audit_state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `);
  // Awards issued before this migration have no checkpoint; every later one must.
  const last = db.prepare('SELECT COALESCE(MAX(seq), 0) FROM audit_log').pluck().get() as number;
  db.prepare("INSERT OR IGNORE INTO audit_state (key, value) VALUES ('checkpoints_from_seq', ?)").run(String(last + 1));
}
