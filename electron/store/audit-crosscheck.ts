// Cross-checks the audit log against what it describes: every submitted review, recusal, issued award
// and revocation has its entry, and every such entry its record, agreeing on what was decided.
import type { Db } from './db.js';

interface EntryRow {
  seq: number;
  action: string;
  subject: string;
  detailsJson: string;
}

function details(e: EntryRow): Record<string, unknown> {
  try {
    const v = JSON.parse(e.detailsJson) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Entries by subject for the actions given; a subject named twice is itself a discrepancy. */
function bySubject(entries: EntryRow[], actions: readonly string[], problems: string[]): Map<string, EntryRow> {
  const map = new Map<string, EntryRow>();
  for (const e of entries) {
    if (!actions.includes(e.action)) continue;
    const twice = map.get(e.subject);
    if (twice)
      problems.push(`entries ${twice.seq} and ${e.seq} both record ${e.action} of ${e.subject}; it can happen once`);
    else map.set(e.subject, e);
  }
  return map;
}

/** Every discrepancy in words (empty when the log and the records agree). */
export function crossCheckAudit(db: Db): string[] {
  const problems: string[] = [];
  const entries = db
    .prepare(
      "SELECT seq, action, subject, details_json AS detailsJson FROM audit_log WHERE action IN ('review.submit', 'review.recuse', 'award.issue', 'award.reissue', 'award.revoke') ORDER BY seq",
    )
    .all() as EntryRow[];

  const submits = bySubject(entries, ['review.submit'], problems);
  const reviews = db
    .prepare(
      "SELECT s.id, r.decision FROM reviews r JOIN submissions s ON s.seq = r.submission_seq WHERE r.state = 'submitted' ORDER BY s.seq",
    )
    .all() as { id: string; decision: string | null }[];
  for (const r of reviews) {
    const e = submits.get(r.id);
    if (!e) problems.push(`the submitted review of ${r.id} has no review.submit entry in the audit log`);
    else if (details(e).decision !== r.decision)
      problems.push(
        `entry ${e.seq} records the decision "${String(details(e).decision)}" for ${r.id}, but the review says "${r.decision}"`,
      );
    submits.delete(r.id);
  }
  for (const e of submits.values())
    problems.push(`entry ${e.seq} records a submitted review of ${e.subject}, but there is none`);

  const recuses = bySubject(entries, ['review.recuse'], problems);
  const recusals = db
    .prepare('SELECT s.id, x.reason FROM recusals x JOIN submissions s ON s.seq = x.submission_seq ORDER BY s.seq')
    .all() as { id: string; reason: string }[];
  for (const r of recusals) {
    const e = recuses.get(r.id);
    if (!e) problems.push(`the recusal from ${r.id} has no review.recuse entry in the audit log`);
    else if (details(e).reason !== r.reason)
      problems.push(`entry ${e.seq} records another reason for the recusal from ${r.id} than the store holds`);
    recuses.delete(r.id);
  }
  for (const e of recuses.values())
    problems.push(`entry ${e.seq} records a recusal from ${e.subject}, but there is none`);

  const issues = bySubject(entries, ['award.issue', 'award.reissue'], problems);
  const revokes = bySubject(entries, ['award.revoke'], problems);
  const awards = db
    .prepare(
      'SELECT w.credential_id AS id, s.id AS submissionId, w.status, w.revocation_reason AS reason, w.replaces FROM awards w JOIN submissions s ON s.seq = w.submission_seq ORDER BY w.issued_at, w.credential_id',
    )
    .all() as { id: string; submissionId: string; status: string; reason: string | null; replaces: string | null }[];
  const replaced = new Set(awards.map((a) => a.replaces).filter((r): r is string => r !== null));
  for (const a of awards) {
    const e = issues.get(a.id);
    if (!e) problems.push(`award ${a.id} has no award.issue entry in the audit log`);
    else {
      const d = details(e);
      if (d.submissionId !== a.submissionId)
        problems.push(
          `entry ${e.seq} records award ${a.id} for ${String(d.submissionId)}, but the award is for ${a.submissionId}`,
        );
      if ((d.replaces ?? null) !== a.replaces)
        problems.push(`entry ${e.seq} and award ${a.id} disagree on which award it replaces`);
    }
    issues.delete(a.id);
    const r = revokes.get(a.id);
    if (a.status === 'revoked' && !r)
      problems.push(`award ${a.id} is revoked, but the audit log has no award.revoke entry for it`);
    if (r && a.status !== 'revoked')
      problems.push(`entry ${r.seq} records the revocation of award ${a.id}, but the award is ${a.status}`);
    if (r && a.status === 'revoked' && details(r).reason !== a.reason)
      problems.push(`entry ${r.seq} records another reason for revoking ${a.id} than the award holds`);
    if (a.status === 'superseded' && !replaced.has(a.id))
      problems.push(`award ${a.id} is marked superseded, but no re-issued award replaces it`);
    revokes.delete(a.id);
  }
  for (const e of issues.values())
    problems.push(`entry ${e.seq} records the award ${e.subject}, but there is no such award`);
  for (const e of revokes.values())
    problems.push(`entry ${e.seq} records the revocation of ${e.subject}, but there is no such award`);
  return problems;
}
