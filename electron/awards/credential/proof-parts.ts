// The parts of an eddsa-rdfc-2022 Data Integrity proof a verifier checks before any cryptography: its
// type and suite, key, purpose, date and signature bytes, and the document and proof options the
// signature covers. No Node here: data-integrity.ts (node:crypto) and the verify page's proof checker
// (verify-page/proof-check.ts, WebCrypto) both read proofs through this module, so they agree.
import { multibaseDecode } from './multikey.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const CRYPTOSUITE = 'eddsa-rdfc-2022';

export type VerifyFailureCode =
  | 'malformed'
  | 'no-proof'
  | 'unsupported-proof'
  | 'unknown-key'
  | 'unknown-context'
  | 'canonicalization-failed'
  | 'wrong-purpose'
  | 'bad-signature';

export interface ProofFailure {
  code: VerifyFailureCode;
  reason: string;
  /** True when the proof could not be checked at all (as opposed to checked and found wrong). */
  unverifiable?: boolean;
  verificationMethod?: string;
}

export interface ProofParts {
  verificationMethod: string;
  /** The 64 bytes of the Ed25519 signature. */
  signature: Uint8Array;
  /** The credential without its proofs, in the proof's @context when it carries one. */
  document: JsonObject;
  /** The proof without proofValue and @context: what the proof configuration is made of. */
  proofOptions: JsonObject;
}

/** RFC 3339 with an explicit zone: what `created` (an xsd:dateTimeStamp) must look like. */
export const DATE_TIME_STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export function withoutKey(obj: JsonObject, key: string): JsonObject {
  const { [key]: _dropped, ...rest } = obj;
  return rest;
}

/** The proof configuration: the proof options read in the document's @context (vc-di-eddsa). */
export function proofConfiguration(unsecured: JsonObject, proofOptions: JsonObject): JsonObject {
  return { '@context': unsecured['@context'] ?? null, ...withoutKey(proofOptions, 'proofValue') };
}

/** A credential's proofs (one or a set) and the document they sign: the credential without them. */
export function proofsOf(credential: JsonObject): { proofs: JsonValue[]; unsecured: JsonObject } {
  const raw = credential['proof'];
  const proofs = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return { proofs, unsecured: withoutKey(credential, 'proof') };
}

export const isFailure = (p: ProofParts | ProofFailure): p is ProofFailure => 'code' in p;

/** Reads one proof (`where` names it in messages: "the proof", "proof 2"). */
export function proofParts(
  credential: JsonObject,
  unsecured: JsonObject,
  proof: JsonValue,
  where: string,
): ProofParts | ProofFailure {
  if (!isObject(proof)) return { code: 'malformed', reason: `${where} is not an object` };
  const { type, cryptosuite, verificationMethod, proofPurpose, proofValue, created } = proof;
  if (type !== 'DataIntegrityProof' || cryptosuite !== CRYPTOSUITE) {
    const kind =
      typeof type === 'string' ? (typeof cryptosuite === 'string' ? `${type} / ${cryptosuite}` : type) : 'of no type';
    return {
      code: 'unsupported-proof',
      reason: `${where} is ${kind}; Assay checks only DataIntegrityProof / ${CRYPTOSUITE}`,
      unverifiable: true,
    };
  }
  const vmId =
    typeof verificationMethod === 'string'
      ? verificationMethod
      : isObject(verificationMethod) && typeof verificationMethod['id'] === 'string'
        ? verificationMethod['id']
        : undefined;
  if (!vmId) return { code: 'malformed', reason: `${where} names no verificationMethod` };
  const failure = (code: VerifyFailureCode, reason: string): ProofFailure => ({
    code,
    reason,
    verificationMethod: vmId,
  });
  if (proofPurpose !== 'assertionMethod') {
    // JSON, so a non-string purpose is shown as written rather than as "[object Object]"
    const found = proofPurpose === undefined ? 'no proofPurpose' : `proofPurpose ${JSON.stringify(proofPurpose)}`;
    return failure('wrong-purpose', `${where} has ${found}; an issuer's proof must be "assertionMethod"`);
  }
  if (created !== undefined && (typeof created !== 'string' || !DATE_TIME_STAMP.test(created)))
    return failure('malformed', `${where} has a "created" that is not a date-time with a time zone`);
  if (typeof proofValue !== 'string') return failure('malformed', `${where} has no proofValue`);
  let signature: Uint8Array;
  try {
    signature = multibaseDecode(proofValue);
  } catch (e) {
    return failure('malformed', `${where}: proofValue ${(e as Error).message}`);
  }
  if (signature.length !== 64)
    return failure('malformed', `${where}: proofValue holds ${signature.length} bytes, not an Ed25519 signature's 64`);

  // A proof carrying its own @context must agree with the document's (vc-data-integrity "verify proof").
  let document = unsecured;
  if (proof['@context'] !== undefined) {
    const own = [proof['@context']].flat();
    const docs = [credential['@context'] ?? []].flat();
    if (!own.every((c, i) => JSON.stringify(c) === JSON.stringify(docs[i])))
      return failure('malformed', `${where} has an @context that does not match the credential's`);
    document = { ...unsecured, '@context': proof['@context'] };
  }
  return { verificationMethod: vmId, signature, document, proofOptions: withoutKey(proof, '@context') };
}

/** jsonld wraps loader errors (in `details.cause` or `cause`); finds the loader's own, to tell "offline" from "broken". */
export function findCause<T>(e: unknown, is: (cause: unknown) => cause is T, depth = 0): T | undefined {
  if (is(e)) return e;
  if (depth > 5 || typeof e !== 'object' || e === null) return undefined;
  const { cause, details } = e as { cause?: unknown; details?: { cause?: unknown } };
  return findCause(cause, is, depth + 1) ?? findCause(details?.cause, is, depth + 1);
}

/** A jsonld error in words: its message and, in safe mode, the event that made it. */
export function describeJsonLdError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const details = (e as { details?: { event?: { message?: unknown } } }).details;
  const event = details?.event?.message;
  return typeof event === 'string' ? `${e.message} ${event}` : e.message;
}
