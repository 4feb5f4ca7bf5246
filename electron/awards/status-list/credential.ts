// The BitstringStatusListCredential (W3C Bitstring Status List v1.0): built, signed with the issuer's
// eddsa-rdfc-2022 key, and checked the way `assay verify` needs it: signed by the credential's issuer.
import type { KeyObject } from 'node:crypto';
import {
  signCredential,
  verifyCredential,
  VC_V2_CONTEXT,
  xsdDateTime,
  type DataIntegrityProof,
  type KnownKey,
} from '../credential/index.js';
import { validFromFor } from '../credential/ob3.js';
import { decodeBitstring, encodeBitstring, StatusListFormatError } from './bitstring.js';

export const STATUS_PURPOSE = 'revocation' as const;

/** Who signs a status list: the issuer named in the credentials it covers, with that issuer's key. */
export interface StatusListSigner {
  issuerId: string;
  verificationMethod: string;
  privateKey: KeyObject;
}

export interface BitstringStatusListCredential {
  '@context': [typeof VC_V2_CONTEXT];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: string;
  validFrom: string;
  credentialSubject: {
    id: string;
    type: 'BitstringStatusList';
    statusPurpose: typeof STATUS_PURPOSE;
    encodedList: string;
  };
  proof?: DataIntegrityProof[];
}

/**
 * No `validUntil` and no `ttl`: a wallet treats every credential on an expired list as invalid, so a
 * list that is re-signed on every change and never expires is the safe form for an offline issuer.
 * validFrom is a minute before signing (see validFromFor), so a wallet whose clock is behind accepts it.
 */
export function buildStatusListCredential(url: string, issuerId: string, bits: Uint8Array, now: Date) {
  const credential: BitstringStatusListCredential = {
    '@context': [VC_V2_CONTEXT],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerId,
    validFrom: xsdDateTime(validFromFor(now, now)),
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: STATUS_PURPOSE,
      encodedList: encodeBitstring(bits),
    },
  };
  return credential;
}

export async function signStatusList(
  url: string,
  bits: Uint8Array,
  signer: StatusListSigner,
  now = new Date(),
): Promise<BitstringStatusListCredential & { proof: DataIntegrityProof[] }> {
  return signCredential(buildStatusListCredential(url, signer.issuerId, bits, now), {
    privateKey: signer.privateKey,
    verificationMethod: signer.verificationMethod,
    created: now,
  });
}

export type StatusListCheck =
  | { ok: true; bits: Uint8Array; validFrom: string | undefined; verificationMethod: string }
  | { ok: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a status list credential for the credential whose entry names `url` and whose issuer is
 * `issuerId`: its type and purpose, its id, its proof, and that the credential's issuer signed it
 * (the list's issuer is that issuer and the proof's key is controlled by it). Wallet verifiers skip
 * the last part; without it anyone could host a list saying "not revoked".
 */
export async function checkStatusListCredential(
  list: unknown,
  expected: { url: string; issuerId: string | undefined; purpose: string },
  options: { knownKeys?: readonly KnownKey[]; now?: Date } = {},
): Promise<StatusListCheck> {
  if (!isObject(list)) return { ok: false, reason: 'the status list is not a JSON object' };
  const types = [list['type']].flat();
  if (!types.includes('BitstringStatusListCredential'))
    return { ok: false, reason: 'the status list is not a BitstringStatusListCredential' };
  if (list['id'] !== expected.url)
    return {
      ok: false,
      reason: `the status list is ${JSON.stringify(list['id'])}, but the credential names ${expected.url}`,
    };
  const subject = list['credentialSubject'];
  if (!isObject(subject) || subject['type'] !== 'BitstringStatusList')
    return { ok: false, reason: 'the status list has no BitstringStatusList subject' };
  if (subject['statusPurpose'] !== expected.purpose)
    return {
      ok: false,
      reason: `the status list is for "${String(subject['statusPurpose'])}", the credential's entry for "${expected.purpose}"`,
    };
  const now = options.now ?? new Date();
  const validUntil = list['validUntil'];
  if (typeof validUntil === 'string' && !(Date.parse(validUntil) > now.getTime()))
    return { ok: false, reason: `the status list expired at ${validUntil}` };
  const proof = await verifyCredential(list, options.knownKeys ? { knownKeys: options.knownKeys } : {});
  if (!proof.verified) return { ok: false, reason: `the status list's proof: ${proof.reason}` };
  const issuer = list['issuer'];
  const listIssuer = typeof issuer === 'string' ? issuer : isObject(issuer) ? issuer['id'] : undefined;
  if (expected.issuerId === undefined || listIssuer !== expected.issuerId || proof.controller !== expected.issuerId)
    return {
      ok: false,
      reason: `the status list is signed by ${proof.controller ?? proof.verificationMethod}, not by the credential's issuer ${expected.issuerId ?? '(none named)'}`,
    };
  if (typeof subject['encodedList'] !== 'string') return { ok: false, reason: 'the status list has no encodedList' };
  try {
    const bits = decodeBitstring(subject['encodedList']);
    const validFrom = typeof list['validFrom'] === 'string' ? list['validFrom'] : undefined;
    return { ok: true, bits, validFrom, verificationMethod: proof.verificationMethod };
  } catch (e) {
    if (e instanceof StatusListFormatError) return { ok: false, reason: `the status list: ${e.message}` };
    throw e;
  }
}
