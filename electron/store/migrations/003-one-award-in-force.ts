// Migration 3: at most one award in force per submission, enforced by a partial unique index.
import type { Database } from 'better-sqlite3';
import { appendAudit } from '../audit.js';

/**
 * A store written before this migration can hold two awards in force for one submission (two
 * issues that raced, e.g. the app and the CLI). Deleting one would destroy a credential the earner
 * may already hold, and refusing to open would lock the assessor out of their work. So the first
 * issued stays in force and each later one is revoked with a reason that names the one kept: the
 * verifier shows that reason to whoever checks the duplicate, and the audit log records it.
 */
export function up(db: Database): void {
  const duplicates = db
    .prepare(
      `SELECT w.credential_id AS credentialId, w.verification_code AS code, s.id AS submissionId,
        (SELECT k.credential_id FROM awards k WHERE k.submission_seq = w.submission_seq AND k.status = 'active'
          ORDER BY k.issued_at, k.rowid LIMIT 1) AS kept,
        (SELECT k.verification_code FROM awards k WHERE k.submission_seq = w.submission_seq AND k.status = 'active'
          ORDER BY k.issued_at, k.rowid LIMIT 1) AS keptCode
      FROM awards w JOIN submissions s ON s.seq = w.submission_seq
      WHERE w.status = 'active' ORDER BY w.submission_seq, w.issued_at, w.rowid`,
    )
    .all() as { credentialId: string; code: string; submissionId: string; kept: string; keptCode: string }[];
  const at = new Date().toISOString();
  const revoke = db.prepare(
    "UPDATE awards SET status = 'revoked', revoked_at = ?, revocation_reason = ? WHERE credential_id = ?",
  );
  for (const d of duplicates) {
    if (d.credentialId === d.kept) continue;
    const reason = `Issued twice for the same review by mistake; award ${d.keptCode} (${d.kept}) for submission ${d.submissionId} remains in force.`;
    revoke.run(at, reason, d.credentialId);
    appendAudit(db, 'award.revoke', d.credentialId, { reason, duplicateOf: d.kept, by: 'migration 3' }, at);
  }
  db.exec(`CREATE UNIQUE INDEX awards_one_in_force ON awards(submission_seq) WHERE status = 'active';`);
}
