// Anchors for the audit log: its head (entry count, last hash), sealed by the issuer's Ed25519 key in
// checkpoints kept in the store, and carried signed in every results package and backup.
import { verify } from 'node:crypto';
import { canonicalJson } from '../../shared/domain/canonical-json.js';
import { multikeyFromPublicKey, publicKeyFromMultikey } from '../awards/credential/keys.js';
import type { SigningIdentity } from '../awards/identity/index.js';
import { GENESIS_HASH } from './audit.js';
import type { Db } from './db.js';

export interface AuditHead {
  /** The seq of the last entry (entries are numbered from 1 without gaps). */
  entries: number;
  /** The hash of the last entry; the genesis hash for an empty log. */
  hash: string;
}

/** A signature by an issuer's Open Badges key (Ed25519), named by its Multikey. */
export interface AnchorSignature {
  badgeKey: string;
  /** base64 */
  value: string;
}

export type AnchorSigner = (data: Buffer) => AnchorSignature;

export function auditHeadOf(db: Db): AuditHead {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  return { entries: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
}

/** Signs with the identity's badge key; the private key never leaves the SigningIdentity. */
export function anchorSigner(identity: SigningIdentity): AnchorSigner {
  const badgeKey = multikeyFromPublicKey(identity.badgePublicKey);
  return (data) => ({ badgeKey, value: identity.signWithBadgeKey(data).toString('base64') });
}

/** The bytes a checkpoint's signature covers; the purpose keeps it from being replayed as anything else. */
export function checkpointPayload(c: { seq: number; hash: string; at: string }): Buffer {
  return Buffer.from(canonicalJson({ purpose: 'assay-audit-checkpoint', seq: c.seq, hash: c.hash, at: c.at }));
}

/** What a backup's audit head signature covers: the head, when, and the database it belongs to. */
export function backupHeadPayload(h: {
  entries: number;
  hash: string;
  createdAt: string;
  databaseSha256: string;
}): Buffer {
  return Buffer.from(
    canonicalJson({
      purpose: 'assay-backup-audit-head',
      entries: h.entries,
      hash: h.hash,
      createdAt: h.createdAt,
      databaseSha256: h.databaseSha256,
    }),
  );
}

export function verifyAnchorSignature(data: Buffer, signature: AnchorSignature): boolean {
  try {
    return verify(null, data, publicKeyFromMultikey(signature.badgeKey), Buffer.from(signature.value, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Seals the current head with the identity's key (call it whenever the key is unlocked: issuing an
 * award, exporting results, a backup). Inside the caller's transaction when there is one.
 */
export function sealAuditHead(db: Db, signer: AnchorSigner, now = new Date()): AuditHead {
  const head = auditHeadOf(db);
  if (head.entries === 0) return head;
  const at = now.toISOString();
  const sig = signer(checkpointPayload({ seq: head.entries, hash: head.hash, at }));
  db.prepare(
    'INSERT OR IGNORE INTO audit_checkpoints (seq, hash, at, badge_key, signature) VALUES (?, ?, ?, ?, ?)',
  ).run(head.entries, head.hash, at, sig.badgeKey, sig.value);
  return head;
}

export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
  badgeKey: string;
  signature: string;
}

export function listCheckpoints(db: Db): Checkpoint[] {
  return db
    .prepare('SELECT seq, hash, at, badge_key AS badgeKey, signature FROM audit_checkpoints ORDER BY seq')
    .all() as Checkpoint[];
}

/** An anchor read from outside the log: a checkpoint row or a package/backup someone kept. */
export interface SeenAnchor extends AuditHead {
  /** Where it came from, in words ("checkpoint of 2026-…", "results package results.zip"). */
  source: string;
}

/**
 * Compares the log with an anchor: the entry the anchor sealed must still be there with the same hash.
 * Returns the problem in words, or null.
 */
export function compareWithAnchor(db: Db, logEntries: number, anchor: SeenAnchor): string | null {
  if (anchor.entries === 0) return null;
  if (logEntries < anchor.entries) {
    const missing = anchor.entries - logEntries;
    return `${missing} entr${missing === 1 ? 'y is' : 'ies are'} missing at the end: the log ends at entry ${logEntries}, but ${anchor.source} records ${anchor.entries} entries (head ${anchor.hash.slice(0, 16)}…)`;
  }
  const hash = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(anchor.entries) as string | undefined;
  if (hash !== anchor.hash) {
    return `the log was rewritten at or before entry ${anchor.entries}: its hash there is ${hash?.slice(0, 16) ?? '(none)'}…, but ${anchor.source} records ${anchor.hash.slice(0, 16)}…`;
  }
  return null;
}
