// Migration 012: the awards of a coordinated round. They are issued from the final outcome, only for
// final passes, by the coordinator's identity when the final package is written (electron/coordination/
// final-awards.ts), and kept here so that a later final package carries the same credentials rather than
// new ones, and one whose decision changed is revoked (its status list bit set) rather than left in force.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS coord_awards (
      credential_id TEXT PRIMARY KEY,
      submission_id TEXT NOT NULL REFERENCES coord_submissions(id),
      verification_code TEXT NOT NULL UNIQUE,
      issued_at TEXT NOT NULL,
      earner_name TEXT NOT NULL,
      -- Whom the certificate names as assessor: the adjudicator, or the reader whose reading stands.
      assessor_name TEXT NOT NULL,
      -- [{ criterionId, criterion, levelId, level }] in rubric order: the final levels the credential states.
      levels_json TEXT NOT NULL,
      credential_json TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked', 'superseded')),
      revoked_at TEXT,
      revocation_reason TEXT,
      replaces TEXT REFERENCES coord_awards(credential_id)
    ) STRICT;
    -- One award in force per decision: the app and \`assay coordinate export\` writing final packages at
    -- once cannot both issue one (the second insert fails and that writer takes the award that won).
    CREATE UNIQUE INDEX IF NOT EXISTS coord_awards_one_in_force ON coord_awards (submission_id) WHERE status = 'active';
  `);
}
