// `assay audit verify`: the hash chain, the signed checkpoints, the anchors given from outside, and the
// records the log describes, checked together. The chain alone can be recomputed by whoever edits it.
import { verifyAudit } from '../store/audit.js';
import {
  checkpointPayload,
  compareWithAnchor,
  listCheckpoints,
  verifyAnchorSignature,
  type SeenAnchor,
} from '../store/audit-anchor.js';
import { crossCheckAudit } from '../store/audit-crosscheck.js';
import type { Db } from '../store/db.js';

export interface AuditCheckOptions {
  /** Issuer badge keys (Multikey → who) whose checkpoints count: this store's identities, current and retired. */
  trustedKeys: ReadonlyMap<string, string>;
  /** Anchors read from results packages and backups kept outside the store (see anchor-files.ts). */
  anchors?: readonly SeenAnchor[];
}

export type AuditReport =
  | { ok: true; entries: number; head: string; checkpoints: number; lastAnchor?: SeenAnchor }
  | { ok: false; entries: number; brokenAt?: number; reason: string; problems: string[] };

export function verifyAuditLog(db: Db, options: AuditCheckOptions): AuditReport {
  const chain = verifyAudit(db);
  if (!chain.ok)
    return {
      ok: false,
      entries: chain.entries,
      brokenAt: chain.brokenAt,
      reason: chain.reason,
      problems: [chain.reason],
    };
  const problems: string[] = [];
  const anchors: SeenAnchor[] = [];
  const sealed = new Set<number>();
  for (const c of listCheckpoints(db)) {
    const who = options.trustedKeys.get(c.badgeKey);
    if (!who) {
      problems.push(
        `the checkpoint at entry ${c.seq} is signed by key ${c.badgeKey.slice(0, 16)}…, which is no issuer identity of this store`,
      );
      continue;
    }
    if (!verifyAnchorSignature(checkpointPayload(c), { badgeKey: c.badgeKey, value: c.signature })) {
      problems.push(`the checkpoint at entry ${c.seq} does not verify: it was changed after ${who} signed it`);
      continue;
    }
    sealed.add(c.seq);
    anchors.push({ entries: c.seq, hash: c.hash, source: `the checkpoint signed by ${who} on ${c.at}` });
  }
  // Issuing an award always seals the head (the key is unlocked then); a missing seal was removed.
  const from = Number(
    db.prepare("SELECT value FROM audit_state WHERE key = 'checkpoints_from_seq'").pluck().get() ?? 1,
  );
  const issued = db
    .prepare(
      "SELECT seq, subject FROM audit_log WHERE action IN ('award.issue', 'award.reissue') AND seq >= ? ORDER BY seq",
    )
    .all(from) as { seq: number; subject: string }[];
  for (const e of issued) {
    if (!sealed.has(e.seq))
      problems.push(
        `entry ${e.seq} (award ${e.subject}) has no valid signed checkpoint, though every award issued since entry ${from} is sealed when issued: the checkpoint was removed or the entry forged`,
      );
  }
  // Loops, not push(...list): a long list spread into arguments overflows the stack.
  for (const a of options.anchors ?? []) anchors.push(a);
  for (const a of anchors) {
    const p = compareWithAnchor(db, chain.entries, a);
    if (p) problems.push(p);
  }
  for (const p of crossCheckAudit(db)) problems.push(p);
  if (problems.length) return { ok: false, entries: chain.entries, reason: problems[0]!, problems };
  const lastAnchor = anchors.reduce<SeenAnchor | undefined>(
    (best, a) => (!best || a.entries > best.entries ? a : best),
    undefined,
  );
  return {
    ok: true,
    entries: chain.entries,
    head: chain.head,
    checkpoints: sealed.size,
    ...(lastAnchor ? { lastAnchor } : {}),
  };
}
