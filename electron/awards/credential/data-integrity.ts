// Our eddsa-rdfc-2022 Data Integrity proofs (W3C vc-di-eddsa): RDFC-1.0, SHA-256 and Ed25519 via node:crypto.
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalize } from './canonize.js';
import {
  createDocumentLoader,
  defaultDocumentLoader,
  OfflineDocumentError,
  type DocumentLoader,
  type KnownKey,
  type OfflineDocumentLoader,
} from './document-loader.js';
import { multibaseDecode, multibaseEncode, multikeyFromPublicKey, parseDidKey, publicKeyFromMultikey } from './keys.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const CRYPTOSUITE = 'eddsa-rdfc-2022';

export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  cryptosuite: typeof CRYPTOSUITE;
  created: string;
  verificationMethod: string;
  proofPurpose: 'assertionMethod';
  proofValue: string;
}

/** RFC 3339 with an explicit zone: what `created` (an xsd:dateTimeStamp) must look like. */
const DATE_TIME_STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Seconds precision and "Z": the form credentials conventionally carry (and the test vectors use). */
export function xsdDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('the date is invalid');
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** The two canonical forms the signature covers, exposed for the known-answer test. */
export async function canonicalForms(
  unsecured: JsonObject,
  proofOptions: JsonObject,
  documentLoader: DocumentLoader = defaultDocumentLoader,
): Promise<{ document: string; proofConfig: string }> {
  // The proof options are read in the document's @context (vc-di-eddsa "Proof Configuration").
  const proofConfig: JsonObject = {
    '@context': unsecured['@context'] ?? null,
    ...withoutKey(proofOptions, 'proofValue'),
  };
  const [document, config] = await Promise.all([
    canonicalize(unsecured, documentLoader),
    canonicalize(proofConfig, documentLoader),
  ]);
  return { document, proofConfig: config };
}

/** hashData = SHA-256(proof config) || SHA-256(document): the bytes Ed25519 signs. */
async function hashData(
  unsecured: JsonObject,
  proofOptions: JsonObject,
  documentLoader: DocumentLoader,
): Promise<Buffer> {
  const forms = await canonicalForms(unsecured, proofOptions, documentLoader);
  return Buffer.concat([sha256(forms.proofConfig), sha256(forms.document)]);
}

function withoutKey(obj: JsonObject, key: string): JsonObject {
  const { [key]: _dropped, ...rest } = obj;
  return rest;
}

/** Private keys already matched to their did:key, so a batch derives the public key once. */
const checkedDidKeys = new WeakMap<KeyObject, string>();

export interface SignOptions {
  privateKey: KeyObject;
  verificationMethod: string;
  created?: Date;
  documentLoader?: DocumentLoader;
}

/** Signs an unsigned credential; returns a copy with `proof: [DataIntegrityProof]` (OB 3.0 wants an array). */
export async function signCredential<T extends object>(
  credential: T,
  options: SignOptions,
): Promise<T & { proof: DataIntegrityProof[] }> {
  const unsecured = credential as unknown as JsonObject;
  if ('proof' in unsecured) throw new Error('the credential already has a proof; sign the unsigned credential');
  if (options.privateKey.type !== 'private' || options.privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error('the signing key must be an Ed25519 private key');
  const didKey = parseDidKey(options.verificationMethod);
  if (didKey && checkedDidKeys.get(options.privateKey) !== didKey.publicKeyMultibase) {
    // Refuse to issue something no verifier could check: the did:key must be this private key's public half.
    if (multikeyFromPublicKey(options.privateKey) !== didKey.publicKeyMultibase)
      throw new Error(`the verification method ${options.verificationMethod} does not belong to the signing key`);
    checkedDidKeys.set(options.privateKey, didKey.publicKeyMultibase);
  }
  const proofOptions = {
    type: 'DataIntegrityProof',
    cryptosuite: CRYPTOSUITE,
    created: xsdDateTime(options.created ?? new Date()),
    verificationMethod: options.verificationMethod,
    proofPurpose: 'assertionMethod',
  } as const;
  const data = await hashData(unsecured, proofOptions, options.documentLoader ?? defaultDocumentLoader);
  const proofValue = multibaseEncode(sign(null, data, options.privateKey));
  return { ...credential, proof: [{ ...proofOptions, proofValue }] };
}

export type VerifyFailureCode =
  | 'malformed'
  | 'no-proof'
  | 'unsupported-proof'
  | 'unknown-key'
  | 'unknown-context'
  | 'canonicalization-failed'
  | 'wrong-purpose'
  | 'bad-signature';

export type VerifyResult =
  | {
      verified: true;
      verificationMethod: string;
      controller?: string;
      /** Whether the issuer id is the key's controller; simple-did-key-method.json is signed by a key its issuer does not name. */
      issuerIsController: boolean;
      /** Present when the credential names a status entry; only local revocation is checked, by the caller. */
      credentialStatus?: JsonValue;
    }
  | {
      verified: false;
      code: VerifyFailureCode;
      reason: string;
      /** True when the proof could not be checked at all (as opposed to checked and found wrong). */
      unverifiable?: boolean;
      verificationMethod?: string;
      credentialStatus?: JsonValue;
    };

export interface VerifyOptions {
  knownKeys?: readonly KnownKey[];
  /** A prepared loader (e.g. shared across a batch); otherwise one is built from `knownKeys`. */
  documentLoader?: OfflineDocumentLoader;
}

type Failure = Extract<VerifyResult, { verified: false }>;
const fail = (code: VerifyFailureCode, reason: string, extra: Partial<Failure> = {}): Failure => ({
  verified: false,
  code,
  reason,
  ...extra,
});

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Verifies every eddsa-rdfc-2022 proof on a credential, offline. */
export async function verifyCredential(credential: unknown, options: VerifyOptions = {}): Promise<VerifyResult> {
  if (!isObject(credential)) return fail('malformed', 'the credential is not a JSON object');
  const status = credential['credentialStatus'];
  const withStatus = <R extends VerifyResult>(r: R): R =>
    status === undefined ? r : { ...r, credentialStatus: status };
  const loader =
    options.documentLoader ??
    (options.knownKeys?.length ? createDocumentLoader({ knownKeys: options.knownKeys }) : defaultDocumentLoader);

  const raw = credential['proof'];
  const proofs = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (proofs.length === 0)
    return withStatus(fail('no-proof', 'no proof: the credential carries no proof, so nothing shows who issued it'));
  const unsecured = withoutKey(credential, 'proof');

  let first: Extract<VerifyResult, { verified: true }> | undefined;
  // A proof set: each proof signs the document without any proofs, and every one must hold.
  for (const [i, proof] of proofs.entries()) {
    const where = proofs.length > 1 ? `proof ${i + 1}` : 'the proof';
    const result = await verifyProof(credential, unsecured, proof, where, loader);
    if (!result.verified) return withStatus(result);
    first ??= result;
  }
  return withStatus(first!);
}

async function verifyProof(
  credential: JsonObject,
  unsecured: JsonObject,
  proof: JsonValue,
  where: string,
  loader: OfflineDocumentLoader,
): Promise<VerifyResult> {
  if (!isObject(proof)) return fail('malformed', `${where} is not an object`);
  const { type, cryptosuite, verificationMethod, proofPurpose, proofValue, created } = proof;
  if (type !== 'DataIntegrityProof' || cryptosuite !== CRYPTOSUITE) {
    const kind =
      typeof type === 'string' ? (typeof cryptosuite === 'string' ? `${type} / ${cryptosuite}` : type) : 'of no type';
    return fail('unsupported-proof', `${where} is ${kind}; Assay checks only DataIntegrityProof / ${CRYPTOSUITE}`, {
      unverifiable: true,
    });
  }
  const vmId =
    typeof verificationMethod === 'string'
      ? verificationMethod
      : isObject(verificationMethod) && typeof verificationMethod['id'] === 'string'
        ? verificationMethod['id']
        : undefined;
  if (!vmId) return fail('malformed', `${where} names no verificationMethod`);
  if (proofPurpose !== 'assertionMethod') {
    // JSON, so a non-string purpose is shown as written rather than as "[object Object]"
    const found = proofPurpose === undefined ? 'no proofPurpose' : `proofPurpose ${JSON.stringify(proofPurpose)}`;
    return fail('wrong-purpose', `${where} has ${found}; an issuer's proof must be "assertionMethod"`, {
      verificationMethod: vmId,
    });
  }
  if (created !== undefined && (typeof created !== 'string' || !DATE_TIME_STAMP.test(created))) {
    return fail('malformed', `${where} has a "created" that is not a date-time with a time zone`, {
      verificationMethod: vmId,
    });
  }
  if (typeof proofValue !== 'string')
    return fail('malformed', `${where} has no proofValue`, { verificationMethod: vmId });
  let signature: Uint8Array;
  try {
    signature = multibaseDecode(proofValue);
  } catch (e) {
    return fail('malformed', `${where}: proofValue ${(e as Error).message}`, { verificationMethod: vmId });
  }
  if (signature.length !== 64)
    return fail('malformed', `${where}: proofValue holds ${signature.length} bytes, not an Ed25519 signature's 64`, {
      verificationMethod: vmId,
    });

  let key: KeyObject;
  let controller: string;
  try {
    const vm = loader.resolveKey(vmId);
    if (!vm) {
      return fail(
        'unknown-key',
        `the verification method ${vmId} cannot be resolved offline (it is neither a did:key nor an issuer key Assay knows), so the signature was not checked`,
        { unverifiable: true, verificationMethod: vmId },
      );
    }
    key = publicKeyFromMultikey(vm.publicKeyMultibase);
    controller = vm.controller;
  } catch (e) {
    return fail('malformed', `${where}: verification method ${vmId}: ${(e as Error).message}`, {
      verificationMethod: vmId,
    });
  }

  // A proof carrying its own @context must agree with the document's (vc-data-integrity "verify proof").
  let document = unsecured;
  if (proof['@context'] !== undefined) {
    const own = [proof['@context']].flat();
    const docs = [credential['@context'] ?? []].flat();
    if (!own.every((c, i) => JSON.stringify(c) === JSON.stringify(docs[i])))
      return fail('malformed', `${where} has an @context that does not match the credential's`, {
        verificationMethod: vmId,
      });
    document = { ...unsecured, '@context': proof['@context'] };
  }

  let data: Buffer;
  try {
    data = await hashData(document, withoutKey(proof, '@context'), loader);
  } catch (e) {
    const offline = findOfflineError(e);
    if (offline)
      return fail(
        'unknown-context',
        `the JSON-LD context ${offline.url} is not available offline, so the signature was not checked`,
        { unverifiable: true, verificationMethod: vmId },
      );
    return fail(
      'canonicalization-failed',
      `the credential cannot be canonicalized (${describeJsonLdError(e)}), so no signature over it can be valid`,
      { verificationMethod: vmId },
    );
  }
  if (!verify(null, data, key, signature)) {
    return fail(
      'bad-signature',
      'the signature does not match: the credential was changed after it was signed, or it was signed with another key',
      { verificationMethod: vmId },
    );
  }
  const issuer = credential['issuer'];
  const issuerId = typeof issuer === 'string' ? issuer : isObject(issuer) ? issuer['id'] : undefined;
  return { verified: true, verificationMethod: vmId, controller, issuerIsController: issuerId === controller };
}

/** jsonld wraps loader errors (in `details.cause` or `cause`); find ours to tell "offline" from "broken". */
function findOfflineError(e: unknown, depth = 0): OfflineDocumentError | undefined {
  if (e instanceof OfflineDocumentError) return e;
  if (depth > 5 || typeof e !== 'object' || e === null) return undefined;
  const { cause, details } = e as { cause?: unknown; details?: { cause?: unknown } };
  return findOfflineError(cause, depth + 1) ?? findOfflineError(details?.cause, depth + 1);
}

function describeJsonLdError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const details = (e as { details?: { event?: { message?: unknown } } }).details;
  const event = details?.event?.message;
  return typeof event === 'string' ? `${e.message} ${event}` : e.message;
}
