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
import { multibaseEncode, multikeyFromPublicKey, parseDidKey, publicKeyFromMultikey } from './keys.js';
import {
  CRYPTOSUITE,
  describeJsonLdError,
  findCause,
  isFailure,
  isObject,
  proofConfiguration,
  proofParts,
  proofsOf,
  type JsonObject,
  type JsonValue,
  type VerifyFailureCode,
} from './proof-parts.js';

export { CRYPTOSUITE, type JsonObject, type JsonValue, type VerifyFailureCode } from './proof-parts.js';

export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  cryptosuite: typeof CRYPTOSUITE;
  created: string;
  verificationMethod: string;
  proofPurpose: 'assertionMethod';
  proofValue: string;
}

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
  const proofConfig = proofConfiguration(unsecured, proofOptions);
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

/** Verifies every eddsa-rdfc-2022 proof on a credential, offline. */
export async function verifyCredential(credential: unknown, options: VerifyOptions = {}): Promise<VerifyResult> {
  if (!isObject(credential)) return fail('malformed', 'the credential is not a JSON object');
  const status = credential['credentialStatus'];
  const withStatus = <R extends VerifyResult>(r: R): R =>
    status === undefined ? r : { ...r, credentialStatus: status };
  const loader =
    options.documentLoader ??
    (options.knownKeys?.length ? createDocumentLoader({ knownKeys: options.knownKeys }) : defaultDocumentLoader);

  const { proofs, unsecured } = proofsOf(credential);
  if (proofs.length === 0)
    return withStatus(fail('no-proof', 'no proof: the credential carries no proof, so nothing shows who issued it'));

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
  const parts = proofParts(credential, unsecured, proof, where);
  if (isFailure(parts)) return { verified: false, ...parts };
  const { verificationMethod: vmId, signature, document, proofOptions } = parts;

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

  let data: Buffer;
  try {
    data = await hashData(document, proofOptions, loader);
  } catch (e) {
    const offline = findCause(e, (c): c is OfflineDocumentError => c instanceof OfflineDocumentError);
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
