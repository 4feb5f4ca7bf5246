// Whom a verifier believes: this store's issuer identities, now and retired, and anchors from outside.
// A valid signature by anyone else proves only that someone signed; it never makes an award genuine.
import crypto from 'node:crypto';
import { appendAudit } from '../store/audit.js';
import type { Db } from '../store/db.js';
import { multikeyFromPublicKey } from './credential/keys.js';
import { readIdentityCertificatePem, readIdentityPublic, type SigningIdentity } from './identity/index.js';

export interface KnownIssuer {
  name: string;
  /** The Ed25519 Multikey ("z6Mk…") of its Open Badges proofs and audit checkpoints. */
  badgeKey: string;
  certificatePem: string;
  /** As node's X509Certificate gives it ("AB:CD:…"). */
  certificateFingerprint256: string;
  status: 'current' | 'retired';
  retiredAt?: string;
}

/**
 * Trust from outside the store: the issuer's did:web document, a CA chain the issuing body publishes.
 * Nothing implements it yet (another issue builds those); a verifier consults every anchor it is given.
 */
export interface ExternalTrustAnchor {
  readonly description: string;
  /** True when the anchor vouches for this Open Badges key as the issuer's (e.g. did:web lists it). */
  vouchesForBadgeKey?(publicKeyMultibase: string, issuerId: string | undefined): boolean;
  /** True when the anchor vouches for this signer certificate (chain: signer first), e.g. it chains to a trusted CA. */
  vouchesForCertificate?(chainDer: readonly Buffer[]): boolean;
}

export interface TrustContext {
  issuers: readonly KnownIssuer[];
  /** Certificates trusted because the person verifying named them (e.g. `--trust-cert FILE`). */
  certificates?: readonly { fingerprint256: string; label: string }[];
  anchors?: readonly ExternalTrustAnchor[];
}

export interface TrustFinding {
  trusted: boolean;
  /** Who vouches, or why nobody does, in words. */
  detail: string;
  issuer?: KnownIssuer;
}

interface IssuerRow {
  name: string;
  badge_key: string;
  certificate_pem: string;
  certificate_sha256: string;
  retired_at: string | null;
}

/** The store's issuer identities: identity.json (current) and every one recorded in issuer_keys. */
export function knownIssuers(db: Db, dataDir: string): KnownIssuer[] {
  const rows = db
    .prepare('SELECT name, badge_key, certificate_pem, certificate_sha256, retired_at FROM issuer_keys ORDER BY id')
    .all() as IssuerRow[];
  const out: KnownIssuer[] = rows.map((r) => ({
    name: r.name,
    badgeKey: r.badge_key,
    certificatePem: r.certificate_pem,
    certificateFingerprint256: r.certificate_sha256,
    status: r.retired_at ? 'retired' : 'current',
    ...(r.retired_at ? { retiredAt: r.retired_at } : {}),
  }));
  const current = currentIdentity(dataDir);
  if (current) {
    // identity.json is the identity in use even if the table lags (a store older than migration 4).
    const same = out.findIndex(
      (i) => i.badgeKey === current.badgeKey && i.certificateFingerprint256 === current.certificateFingerprint256,
    );
    if (same >= 0) out[same] = current;
    else out.push(current);
  }
  return out;
}

export function storeTrust(db: Db, dataDir: string, extra: Omit<TrustContext, 'issuers'> = {}): TrustContext {
  return { issuers: knownIssuers(db, dataDir), ...extra };
}

function currentIdentity(dataDir: string): KnownIssuer | null {
  const pub = readIdentityPublic(dataDir);
  const pem = readIdentityCertificatePem(dataDir);
  if (!pub || !pem) return null;
  const badge = crypto.createPublicKey({
    key: Buffer.from(pub.badgePublicKeySpki, 'base64'),
    format: 'der',
    type: 'spki',
  });
  return {
    name: pub.profile.name,
    badgeKey: multikeyFromPublicKey(badge),
    certificatePem: pem,
    certificateFingerprint256: pub.certificateFingerprint256,
    status: 'current',
  };
}

function describe(i: KnownIssuer): string {
  return i.status === 'current'
    ? `${i.name} (this store's issuer identity)`
    : `${i.name} (a former issuer identity of this store, retired ${i.retiredAt?.slice(0, 10)})`;
}

export function badgeKeyTrust(
  trust: TrustContext | undefined,
  publicKeyMultibase: string,
  issuerId: string | undefined,
): TrustFinding {
  const issuer = trust?.issuers.find((i) => i.badgeKey === publicKeyMultibase);
  if (issuer) return { trusted: true, detail: `the key of ${describe(issuer)}`, issuer };
  const anchor = trust?.anchors?.find((a) => a.vouchesForBadgeKey?.(publicKeyMultibase, issuerId) === true);
  if (anchor) return { trusted: true, detail: `vouched for by ${anchor.description}` };
  return {
    trusted: false,
    detail: `signature valid, signer unknown: key ${publicKeyMultibase.slice(0, 16)}… is not an issuer identity of this data folder, current or retired, and nothing outside vouches for it`,
  };
}

export function certificateTrust(
  trust: TrustContext | undefined,
  fingerprint256: string | undefined,
  chainDer: readonly Buffer[] = [],
): TrustFinding {
  if (fingerprint256) {
    const issuer = trust?.issuers.find((i) => i.certificateFingerprint256 === fingerprint256);
    if (issuer) return { trusted: true, detail: `the certificate of ${describe(issuer)}`, issuer };
    const given = trust?.certificates?.find((c) => c.fingerprint256 === fingerprint256);
    if (given) return { trusted: true, detail: `the certificate you trusted (${given.label})` };
  }
  const anchor = chainDer.length
    ? trust?.anchors?.find((a) => a.vouchesForCertificate?.(chainDer) === true)
    : undefined;
  if (anchor) return { trusted: true, detail: `vouched for by ${anchor.description}` };
  return {
    trusted: false,
    detail: `signature valid, signer unknown: certificate SHA-256 ${fingerprint256 ?? '(none)'} is not an issuer identity of this data folder, current or retired, nor a certificate you trusted`,
  };
}

/** The fingerprint of a certificate file (PEM or DER) given to trust explicitly. */
export function certificateFingerprintOf(bytes: Buffer): string {
  return new crypto.X509Certificate(bytes).fingerprint256;
}

/** A key this store issues with is one of its issuer keys, whichever way the identity reached it. */
export function rememberIssuingIdentity(db: Db, identity: SigningIdentity, at: string): void {
  const key = multikeyFromPublicKey(identity.badgePublicKey);
  const added = db
    .prepare(
      'INSERT OR IGNORE INTO issuer_keys (badge_key, name, certificate_pem, certificate_sha256, added_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(key, identity.profile.name, identity.certificatePem, identity.fingerprint256, at).changes;
  if (added)
    appendAudit(db, 'identity.set', identity.fingerprint256, { badgeKey: key, name: identity.profile.name }, at);
}

/**
 * Records `next` as the store's identity before identity.json is replaced: the one it replaces is
 * retired, never forgotten, so every award and results package it signed keeps verifying.
 */
export function recordIdentity(db: Db, dataDir: string, next: SigningIdentity, now = new Date()): void {
  const at = now.toISOString();
  const previous = currentIdentity(dataDir);
  const nextKey = multikeyFromPublicKey(next.badgePublicKey);
  const insert = db.prepare(
    `INSERT INTO issuer_keys (badge_key, name, certificate_pem, certificate_sha256, added_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (badge_key, certificate_sha256) DO UPDATE SET name = excluded.name, retired_at = NULL`,
  );
  db.transaction(() => {
    if (previous) {
      db.prepare(
        'INSERT OR IGNORE INTO issuer_keys (badge_key, name, certificate_pem, certificate_sha256, added_at) VALUES (?, ?, ?, ?, ?)',
      ).run(previous.badgeKey, previous.name, previous.certificatePem, previous.certificateFingerprint256, at);
    }
    const isNew =
      db
        .prepare('SELECT 1 FROM issuer_keys WHERE badge_key = ? AND certificate_sha256 = ? AND retired_at IS NULL')
        .get(nextKey, next.fingerprint256) === undefined;
    const retired = db
      .prepare(
        'UPDATE issuer_keys SET retired_at = ? WHERE retired_at IS NULL AND NOT (badge_key = ? AND certificate_sha256 = ?) RETURNING badge_key AS badgeKey, certificate_sha256 AS certificate',
      )
      .all(at, nextKey, next.fingerprint256) as { badgeKey: string; certificate: string }[];
    insert.run(nextKey, next.profile.name, next.certificatePem, next.fingerprint256, at);
    for (const r of retired) appendAudit(db, 'identity.retire', r.certificate, { badgeKey: r.badgeKey }, at);
    if (isNew) appendAudit(db, 'identity.set', next.fingerprint256, { badgeKey: nextKey, name: next.profile.name }, at);
  }).immediate();
}
