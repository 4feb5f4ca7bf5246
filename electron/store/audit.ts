// The append-only audit log: each entry's hash covers its content and the hash before it.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/domain/canonical-json.js';
import type { Db } from './db.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  seq: number;
  at: string;
  action: string;
  subject: string;
  details: unknown;
  prevHash: string;
  hash: string;
}

function entryHash(
  prevHash: string,
  e: { seq: number; at: string; action: string; subject: string; detailsJson: string },
): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        prev: prevHash,
        seq: e.seq,
        at: e.at,
        action: e.action,
        subject: e.subject,
        details: e.detailsJson,
      }),
    )
    .digest('hex');
}

/** Appends one entry; call inside the transaction whose change it records. */
export function appendAudit(
  db: Db,
  action: string,
  subject: string,
  details: unknown,
  at = new Date().toISOString(),
): AuditEntry {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const detailsJson = canonicalJson(details ?? {});
  const hash = entryHash(prevHash, { seq, at, action, subject, detailsJson });
  db.prepare(
    'INSERT INTO audit_log (seq, at, action, subject, details_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(seq, at, action, subject, detailsJson, prevHash, hash);
  return { seq, at, action, subject, details, prevHash, hash };
}

export type AuditVerdict =
  { ok: true; entries: number; head: string } | { ok: false; entries: number; brokenAt: number; reason: string };

/** Walks the whole chain and recomputes every hash. */
export function verifyAudit(db: Db): AuditVerdict {
  const rows = db
    .prepare(
      'SELECT seq, at, action, subject, details_json AS detailsJson, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq',
    )
    .iterate() as IterableIterator<{
    seq: number;
    at: string;
    action: string;
    subject: string;
    detailsJson: string;
    prevHash: string;
    hash: string;
  }>;
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const row of rows) {
    count++;
    if (row.seq !== expectedSeq)
      return {
        ok: false,
        entries: count,
        brokenAt: expectedSeq,
        reason: `entry ${expectedSeq} is missing (next is ${row.seq})`,
      };
    if (row.prevHash !== expectedPrev)
      return {
        ok: false,
        entries: count,
        brokenAt: row.seq,
        reason: `entry ${row.seq} does not follow from entry ${row.seq - 1} (its previous-hash differs)`,
      };
    if (entryHash(row.prevHash, row) !== row.hash)
      return {
        ok: false,
        entries: count,
        brokenAt: row.seq,
        reason: `entry ${row.seq} (${row.action}) was changed after it was written (its hash does not match its content)`,
      };
    expectedPrev = row.hash;
    expectedSeq++;
  }
  return { ok: true, entries: count, head: expectedPrev };
}

export function listAudit(db: Db, limit = 100): AuditEntry[] {
  const rows = db
    .prepare(
      'SELECT seq, at, action, subject, details_json AS detailsJson, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq DESC LIMIT ?',
    )
    .all(limit) as {
    seq: number;
    at: string;
    action: string;
    subject: string;
    detailsJson: string;
    prevHash: string;
    hash: string;
  }[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    action: r.action,
    subject: r.subject,
    details: JSON.parse(r.detailsJson) as unknown,
    prevHash: r.prevHash,
    hash: r.hash,
  }));
}
