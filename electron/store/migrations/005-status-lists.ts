// Migration 5: revocation lists (W3C Bitstring Status List v1.0) and each credential's place in one.
import type { Database } from 'better-sqlite3';

// IF NOT EXISTS: a store whose user_version was set back (as a repair tool or a test does) re-runs it harmlessly.

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS status_lists (
      id INTEGER PRIMARY KEY,
      url TEXT NOT NULL UNIQUE,            -- the statusListCredential URL the credentials name
      issuer_id TEXT NOT NULL,             -- the issuer whose credentials it covers, and who signs it
      purpose TEXT NOT NULL DEFAULT 'revocation' CHECK (purpose = 'revocation'),
      size INTEGER NOT NULL CHECK (size >= 131072 AND size % 8 = 0),
      bits BLOB NOT NULL,                  -- size/8 bytes; bit i from the left is entry i (1 = revoked)
      version INTEGER NOT NULL DEFAULT 1,  -- raised on every change of bits
      signed_json TEXT,                    -- the last signed BitstringStatusListCredential
      signed_version INTEGER,              -- the version it shows; a lower one than version is stale
      signed_at TEXT,
      created_at TEXT NOT NULL,
      CHECK (length(bits) * 8 = size)
    ) STRICT;

    -- An index is taken when a credential is about to be signed, before its award row exists.
    CREATE TABLE IF NOT EXISTS status_list_entries (
      list_id INTEGER NOT NULL REFERENCES status_lists(id),
      idx INTEGER NOT NULL CHECK (idx >= 0),
      credential_id TEXT NOT NULL UNIQUE,
      PRIMARY KEY (list_id, idx)
    ) STRICT;
  `);
}
