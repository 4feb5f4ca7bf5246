// `assay verify`: tells a genuine award (PDF, credential JSON or baked PNG) from a forged or revoked one.
// Genuine means: every signature holds AND the signer is one this store trusts (see trust.ts).
import { decodeUtf8 } from '../../shared/domain/utf8.js';
import path from 'node:path';
import fs from 'node:fs';
import { extractAttachment, qrKeyId, verifyPdfSignature, verifyQrPayload } from './certificate/index.js';
import { didKeyFromPublicKey, publicKeyFromMultikey } from './credential/keys.js';
import { checkOb3Structure, parseDidKey, readBakedPng, verifyCredential, type KnownKey } from './credential/index.js';
import { didDocumentAnchor, issuerVerifiability, parseDidDocument, storeDidWebKeys } from './did/index.js';
import { AssayError } from '../../shared/errors.js';
import { pemToDerChain } from './identity/index.js';
import { badgeKeyTrust, certificateTrust, storeTrust, type TrustContext } from './trust.js';
import type { Services } from '../services.js';
import type { Awards } from './awards.js';
import { READ_LIMITS, readBoundedFile } from '../files/bounded-read.js';
import { credentialStatus } from './status-list/check.js';
import { StatusLists } from './status-list/store.js';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
  /** A check of who signed, not of what was signed: failing only these means "signature valid, signer unknown". */
  trust?: boolean;
  /** Said for the reader's information (e.g. whether third parties can check the issuer); never a failure. */
  info?: boolean;
  /** Passed, but only because nothing could be checked (e.g. revocation status unknown). */
  unknown?: boolean;
}

/** valid: genuine; signer-unknown: every signature holds but nobody this store trusts made it. */
export type AwardStatusVerdict = 'valid' | 'signer-unknown' | 'not-valid' | 'unverifiable';

export interface AwardVerdict {
  /** Valid only when every check passed, the signer included; never when a proof could not be checked. */
  valid: boolean;
  status: AwardStatusVerdict;
  /** A proof whose key cannot be resolved offline: neither valid nor proven forged. */
  unverifiable: boolean;
  /** qr: the text of a certificate's QR code (the verify page URL with its signed proof). */
  kind: 'pdf' | 'json' | 'png' | 'qr';
  credentialId?: string;
  checks: Check[];
  /** The first failed check, in words. */
  reason?: string;
}

export interface VerifyContext {
  /** The local award records, for revocation and to compare with what was issued. */
  awards?: Awards;
  knownKeys?: readonly KnownKey[];
  /** Whom to believe (this store's identities, current and retired; outside anchors). Absent: nobody. */
  trust?: TrustContext;
  /** A status list credential to check revocation against (`--status-list FILE`); else `statusLists`. */
  statusList?: { name: string; json: unknown };
  /** This store's status lists. */
  statusLists?: StatusLists;
  /**
   * The DID document (did.json) the issuing body hosts for its did:web (`--did-document FILE`): the
   * credential must name it as issuer and be signed by a key it lists under assertionMethod, which then
   * vouches for the award as a trust anchor.
   */
  didDocument?: { name: string; json: unknown };
}

type ParsedDidDocument = ReturnType<typeof parseDidDocument> & { name: string; methodIds: string[] };

/** The did.json given to check against, read once; a document Assay cannot use is refused by name. */
function readDidDocument(given: { name: string; json: unknown }): ParsedDidDocument {
  try {
    const doc = parseDidDocument(given.json);
    const raw = given.json as { verificationMethod?: unknown };
    const methodIds = (Array.isArray(raw.verificationMethod) ? (raw.verificationMethod as unknown[]) : [])
      .map((m) => (typeof m === 'object' && m !== null ? (m as { id?: unknown }).id : undefined))
      .filter((id): id is string => typeof id === 'string')
      .map((id) => (id.startsWith('#') ? `${doc.id}${id}` : id));
    return { ...doc, name: given.name, methodIds };
  } catch (err) {
    throw new AssayError('invalid-input', `The DID document ${given.name} cannot be used: ${(err as Error).message}.`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The status list a credential's revocation entry points to, if any. */
function statusListUrlOf(credential: unknown): string | null {
  if (!isObject(credential)) return null;
  const entries = [credential['credentialStatus'] ?? []].flat().filter(isObject);
  const url = entries.find((e) => e['statusPurpose'] === 'revocation')?.['statusListCredential'];
  return typeof url === 'string' ? url : null;
}

/** The verification method URLs a credential's proofs name. */
function proofMethods(credential: unknown): string[] {
  if (!isObject(credential)) return [];
  const proofs = [credential['proof'] ?? []].flat();
  return proofs
    .map((p) => (isObject(p) ? p['verificationMethod'] : undefined))
    .map((vm) => (typeof vm === 'string' ? vm : isObject(vm) && typeof vm['id'] === 'string' ? vm['id'] : undefined))
    .filter((vm): vm is string => vm !== undefined);
}

function didDocumentAnchorOf(given: { name: string; json: unknown }) {
  readDidDocument(given); // refuses an unusable document by name
  return didDocumentAnchor(given.json, `the DID document ${given.name}`);
}

/** Whether the did.json given is the credential issuer's and lists each proof's key for assertions. */
function didDocumentCheck(doc: ParsedDidDocument, credential: unknown, issuerId: string | undefined): Check {
  const name = `DID document (${doc.name})`;
  if (issuerId !== doc.id)
    return {
      name,
      ok: false,
      detail: `is the DID document of ${doc.id}, but the credential's issuer is ${issuerId ?? '(none named)'}`,
    };
  const methods = proofMethods(credential);
  if (methods.length === 0) return { name, ok: false, detail: 'the credential names no verification method' };
  const listed = new Set(doc.assertionKeys.map((k) => k.id));
  const missing = methods.find((vm) => !listed.has(vm));
  if (missing)
    return {
      name,
      ok: false,
      detail: doc.methodIds.includes(missing)
        ? `lists ${missing}, but not under assertionMethod: ${doc.id} does not issue credentials with that key`
        : `does not list ${missing}: that key is not ${doc.id}'s, so a verifier resolving the DID refuses the signature`,
    };
  return {
    name,
    ok: true,
    detail: `lists ${methods.join(', ')} under assertionMethod of ${doc.id}; the proof is checked with the key it gives`,
  };
}

function kindOf(bytes: Buffer, file: string): AwardVerdict['kind'] | undefined {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  const head = bytes.subarray(0, 64).toString('utf8').trimStart();
  if (head.startsWith('{') || path.extname(file).toLowerCase() === '.json') return 'json';
  return undefined;
}

async function checkCredential(
  json: string,
  ctx: VerifyContext,
  checks: Check[],
): Promise<{ id?: string; issuerName?: string; unverifiable: boolean }> {
  let credential: unknown;
  try {
    credential = JSON.parse(json);
  } catch (err) {
    checks.push({ name: 'credential', ok: false, detail: `is not JSON (${(err as Error).message})` });
    return { unverifiable: false };
  }
  const problems = checkOb3Structure(credential);
  checks.push({
    name: 'Open Badges 3.0 structure',
    ok: problems.length === 0,
    detail: problems.length ? `${problems[0]!.path}: ${problems[0]!.message}` : 'an AchievementCredential',
  });
  const c = credential as { id?: unknown; issuer?: { name?: unknown } | string | null };
  const id = typeof c.id === 'string' ? c.id : undefined;
  const issuerName = typeof c.issuer === 'object' && typeof c.issuer?.name === 'string' ? c.issuer.name : undefined;
  const issuerId =
    typeof c.issuer === 'string'
      ? c.issuer
      : typeof c.issuer === 'object' && typeof (c.issuer as { id?: unknown }).id === 'string'
        ? (c.issuer as { id: string }).id
        : undefined;
  const doc = ctx.didDocument ? readDidDocument(ctx.didDocument) : undefined;
  // Awards this store issued under a did:web resolve offline through its own issuer keys; a DID
  // document given to check against is the only source of its DID's keys.
  const knownKeys = [
    ...(ctx.knownKeys ?? []),
    ...storeDidWebKeys(credential, ctx.trust).filter((k) => k.controller !== doc?.id),
    ...(doc?.assertionKeys ?? []),
  ];
  const docCheck = doc ? didDocumentCheck(doc, credential, issuerId) : undefined;
  if (docCheck) checks.push(docCheck);
  const proof = await verifyCredential(credential, knownKeys.length ? { knownKeys } : {});
  if (proof.verified) {
    checks.push({ name: 'credential proof', ok: true, detail: `eddsa-rdfc-2022 by ${proof.verificationMethod}` });
    const key =
      parseDidKey(proof.verificationMethod)?.publicKeyMultibase ??
      knownKeys.find((k) => k.id === proof.verificationMethod)?.publicKeyMultibase;
    const found = key
      ? badgeKeyTrust(ctx.trust, key, issuerId)
      : { trusted: false, detail: `signature valid, signer unknown: ${proof.verificationMethod}` };
    checks.push({ name: 'credential issuer', ok: found.trusted, detail: found.detail, trust: true });
    if (found.trusted && !proof.issuerIsController) {
      checks.push({
        name: 'credential issuer id',
        ok: false,
        detail: `signed with a trusted key but names "${issuerId ?? '(no id)'}" as its issuer, not the key's controller ${proof.controller ?? ''}`,
      });
    }
    const reach = issuerVerifiability(issuerId, { statusListUrl: statusListUrlOf(credential) });
    checks.push({ name: 'third-party verification', ok: true, info: true, detail: reach.reason });
  } else {
    checks.push({
      name: 'credential proof',
      ok: false,
      detail: proof.unverifiable ? `cannot be checked offline: ${proof.reason}` : proof.reason,
    });
  }
  if (id && ctx.awards) {
    const award = ctx.awards.get(id);
    if (!award)
      checks.push({
        name: 'revocation (local records)',
        ok: true,
        detail: 'not issued from this data folder; no revocation known here',
      });
    else if (award.status === 'revoked')
      checks.push({
        name: 'revocation (local records)',
        ok: false,
        detail: `REVOKED on ${award.revokedAt}: ${award.revocationReason}`,
      });
    else if (award.status === 'superseded')
      checks.push({
        name: 'revocation (local records)',
        ok: false,
        detail: 'replaced by a corrected award; this one is no longer in force',
      });
    else
      checks.push({
        name: 'revocation (local records)',
        ok: true,
        detail: `in force (verification code ${award.verificationCode})`,
      });
    if (
      award &&
      award.credentialJson !== json &&
      JSON.stringify(JSON.parse(award.credentialJson)) !== JSON.stringify(credential)
    ) {
      checks.push({
        name: 'matches the issued record',
        ok: false,
        detail: 'differs from the credential this data folder issued under that id',
      });
    }
  }
  // After the local records: a revoked award's reason (kept here) is what the verdict names first.
  const status = await credentialStatus(credential, {
    ...(ctx.statusList ? { file: ctx.statusList } : {}),
    ...(ctx.statusLists ? { store: ctx.statusLists } : {}),
    ...(knownKeys.length ? { knownKeys } : {}),
  });
  checks.push({
    name: 'revocation status (status list)',
    ok: status.state !== 'revoked' && status.state !== 'failed',
    detail: status.detail,
    ...(status.state === 'unknown' ? { unknown: true } : {}),
  });
  return {
    ...(id ? { id } : {}),
    ...(issuerName ? { issuerName } : {}),
    // The issuer's own DID document refusing the key settles it: not unverifiable, not valid.
    unverifiable: !proof.verified && proof.unverifiable === true && docCheck?.ok !== false,
  };
}

/** Whether `assay verify` was given a QR code's text (`https://…/verify#<proof>`) rather than a file. */
export function isQrCodeText(arg: string): boolean {
  return /^https?:\/\/[^\s#]+#[A-Za-z0-9_-]{100,}$/.test(arg.trim()) && !fs.existsSync(arg);
}

/**
 * A certificate's QR code: its signed proof checked against this store's issuer keys (current and
 * retired), its claims against the issued record, and the award's revocation status.
 */
export async function verifyQrCode(text: string, ctx: VerifyContext = {}): Promise<AwardVerdict> {
  const checks: Check[] = [];
  const keys = (ctx.trust?.issuers ?? []).map((i) => publicKeyFromMultikey(i.badgeKey));
  const qr = verifyQrPayload(text, keys);
  if (!qr.valid) {
    checks.push({ name: 'QR code signature', ok: false, detail: qr.reason });
    return {
      valid: false,
      status: 'not-valid',
      unverifiable: false,
      kind: 'qr',
      checks,
      reason: `QR code signature: ${qr.reason}`,
    };
  }
  const { claims } = qr;
  checks.push({
    name: 'QR code signature',
    ok: true,
    detail: `Ed25519 by this data folder's issuer key ${qr.keyId}: ${claims.n}, ${claims.a}, ${claims.d}, code ${claims.c}`,
  });
  const award = ctx.awards?.get(claims.id);
  let credential: unknown;
  if (award) {
    const agree =
      award.earnerName === claims.n && award.achievementName === claims.a && award.verificationCode === claims.c;
    checks.push({
      name: 'matches the issued record',
      ok: agree,
      detail: agree
        ? `award ${claims.id}`
        : 'the QR code\u2019s details differ from the award this data folder issued under that id',
    });
    if (award.status !== 'active')
      checks.push({
        name: 'revocation (local records)',
        ok: false,
        detail:
          award.status === 'revoked'
            ? `REVOKED on ${award.revokedAt}: ${award.revocationReason}`
            : 'replaced by a corrected award; this one is no longer in force',
      });
    credential = JSON.parse(award.credentialJson);
  } else {
    checks.push({
      name: 'issued record',
      ok: true,
      detail: 'not issued from this data folder; no revocation known here',
    });
  }
  if (claims.status) {
    const issuerKey = keys.find((k) => qrKeyId(k) === qr.keyId)!;
    const issuer = (credential as { issuer?: unknown } | undefined)?.issuer ?? didKeyFromPublicKey(issuerKey);
    const status = await credentialStatus(
      {
        issuer,
        credentialStatus: {
          type: 'BitstringStatusListEntry',
          statusPurpose: 'revocation',
          statusListIndex: String(claims.status.index),
          statusListCredential: claims.status.url,
        },
      },
      {
        ...(ctx.statusList ? { file: ctx.statusList } : {}),
        ...(ctx.statusLists ? { store: ctx.statusLists } : {}),
        ...(ctx.knownKeys ? { knownKeys: ctx.knownKeys } : {}),
      },
    );
    checks.push({
      name: 'revocation status (status list)',
      ok: status.state !== 'revoked' && status.state !== 'failed',
      detail: status.detail,
      ...(status.state === 'unknown' ? { unknown: true } : {}),
    });
  }
  const failed = checks.find((c) => !c.ok);
  return {
    valid: !failed,
    status: failed ? 'not-valid' : 'valid',
    unverifiable: false,
    kind: 'qr',
    credentialId: claims.id,
    checks,
    ...(failed ? { reason: `${failed.name}: ${failed.detail}` } : {}),
  };
}

export async function verifyAwardFile(file: string, given: VerifyContext = {}): Promise<AwardVerdict> {
  // A DID document given vouches for the keys it lists under assertionMethod (and its x5c certificate).
  const ctx: VerifyContext = given.didDocument
    ? {
        ...given,
        trust: {
          issuers: given.trust?.issuers ?? [],
          ...given.trust,
          anchors: [...(given.trust?.anchors ?? []), didDocumentAnchorOf(given.didDocument)],
        },
      }
    : given;
  if (isQrCodeText(file)) return verifyQrCode(file, ctx);
  // Bounded: `assay verify /dev/zero` (or a pipe, or a huge file) is refused, not read without end.
  const bytes = readBoundedFile(file, { maxBytes: READ_LIMITS.verify, what: 'The file to verify' });
  const kind = kindOf(bytes, file);
  const checks: Check[] = [];
  if (!kind)
    return {
      valid: false,
      status: 'not-valid',
      unverifiable: false,
      kind: 'json',
      checks,
      reason: `${path.basename(file)} is not a certificate PDF, a credential JSON or a baked badge PNG`,
    };
  let credentialJson: string | undefined;
  let signerName: string | undefined;
  if (kind === 'pdf') {
    const sig = await verifyPdfSignature(bytes);
    checks.push({
      name: 'PDF signature',
      ok: sig.valid,
      detail: sig.valid
        ? `PAdES${sig.padesBaselineB ? ' B-B' : ''} by ${sig.signer}, signed ${sig.signingTime?.toISOString() ?? 'at an unknown time'}`
        : (sig.reason ?? 'not valid'),
    });
    signerName = sig.signer;
    if (sig.valid) {
      // The chain too, so an anchor (a did.json's x5c certificate) can vouch for the signer.
      const chain = sig.certificatePem ? pemToDerChain(sig.certificatePem) : [];
      const found = certificateTrust(ctx.trust, sig.certificateFingerprint256, chain);
      checks.push({ name: 'signer certificate', ok: found.trusted, detail: found.detail, trust: true });
    }
    const attached = await extractAttachment(bytes, 'credential.json');
    checks.push({
      name: 'attached credential',
      ok: attached !== undefined,
      detail: attached ? 'credential.json' : 'the PDF carries no credential.json',
    });
    if (attached) {
      try {
        credentialJson = decodeUtf8(attached, 'The attached credential.json');
      } catch (err) {
        checks.push({ name: 'credential encoding', ok: false, detail: (err as Error).message });
      }
    }
  } else if (kind === 'png') {
    try {
      credentialJson = readBakedPng(bytes) ?? undefined;
      checks.push({
        name: 'baked credential',
        ok: credentialJson !== undefined,
        detail: credentialJson ? 'iTXt openbadgecredential' : 'the PNG carries no openbadgecredential chunk',
      });
    } catch (err) {
      checks.push({ name: 'baked credential', ok: false, detail: (err as Error).message });
    }
  } else {
    try {
      credentialJson = decodeUtf8(bytes, path.basename(file));
    } catch (err) {
      checks.push({ name: 'credential encoding', ok: false, detail: (err as Error).message });
    }
  }
  let credentialId: string | undefined;
  let unverifiable = false;
  if (credentialJson !== undefined) {
    const r = await checkCredential(credentialJson, ctx, checks);
    credentialId = r.id;
    unverifiable = r.unverifiable;
    if (kind === 'pdf' && signerName && r.issuerName) {
      const agree = signerName === r.issuerName;
      checks.push({
        name: 'PDF and credential agree',
        ok: agree,
        detail: agree
          ? `both issued by ${signerName}`
          : `the PDF is signed by "${signerName}" but the credential names "${r.issuerName}"`,
      });
    }
  }
  // A failed check of what was signed outranks a failed check of who signed it.
  const failed = checks.find((c) => !c.ok && !c.trust) ?? checks.find((c) => !c.ok);
  const status: AwardStatusVerdict = !failed
    ? 'valid'
    : unverifiable
      ? 'unverifiable'
      : failed.trust
        ? 'signer-unknown'
        : 'not-valid';
  return {
    valid: !failed,
    status,
    unverifiable,
    kind,
    ...(credentialId ? { credentialId } : {}),
    checks,
    ...(failed ? { reason: `${failed.name}: ${failed.detail}` } : {}),
  };
}

/** What the app and `assay verify` call: this store's awards (revocation) and its issuer identities (trust). */
export function verifyAwardInStore(
  s: Pick<Services, 'db' | 'dataDir' | 'awards'>,
  file: string,
  extra: Omit<VerifyContext, 'awards' | 'trust'> = {},
): Promise<AwardVerdict> {
  return verifyAwardFile(file, {
    ...extra,
    awards: s.awards,
    trust: storeTrust(s.db, s.dataDir),
    statusLists: new StatusLists(s.db),
  });
}
