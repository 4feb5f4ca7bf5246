// The verify page's check of a credential's eddsa-rdfc-2022 Data Integrity proof (W3C vc-di-eddsa), in
// the reader's browser and offline: the proof is read by the same code as Assay's own verifier
// (credential/proof-parts.ts), the document and proof configuration are canonicalised with RDFC-1.0 by
// jsonld and rdf-canonize against the bundled contexts only (credential/contexts.ts; any other context
// is refused, never fetched), and the signature is checked with WebCrypto (SHA-256, Ed25519).
// Built for the browser by vite.verify-page.config.ts into dist/verify-page/proof-check.js (an IIFE that
// sets the global `AssayProof`), which page.ts inlines into the page's script at export time.
import type { RemoteDocument } from 'jsonld';
import { BUNDLED_CONTEXTS } from '../credential/contexts.js';
import { parseDidKey, rawFromMultikey } from '../credential/multikey.js';
import {
  describeJsonLdError,
  findCause,
  isFailure,
  isObject,
  proofConfiguration,
  proofParts,
  proofsOf,
  type ProofFailure,
} from '../credential/proof-parts.js';
import { rdfCanonicalize } from '../credential/rdfc.js';

/** A key the page carries for a did:web issuer: `<did>#<Multikey>`, as the issuer's did.json lists it. */
export interface PageMethod {
  id: string;
  controller: string;
  publicKeyMultibase: string;
}

export type ProofCheck =
  | { verified: true; verificationMethod: string; controller: string; publicKeyMultibase: string }
  | ({ verified: false } & ProofFailure);

class NotBundledError extends Error {
  constructor(readonly url: string) {
    super(`the JSON-LD context ${url} is not bundled in this page`);
  }
}

function loadBundled(url: string): Promise<RemoteDocument> {
  // jsonld awaits the loader: an unknown URL must reach it as a rejected promise, never a synchronous throw
  return new Promise((settle) => {
    const document = BUNDLED_CONTEXTS.get(url);
    if (!document) throw new NotBundledError(url);
    settle({ contextUrl: null, documentUrl: url, document, tag: 'static' });
  });
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** The key a verification method names: a did:key carries its own, a did:web one must be among `methods`. */
function resolveMethod(
  vmId: string,
  methods: readonly PageMethod[],
): { controller: string; publicKeyMultibase: string } | ProofFailure {
  let didKey;
  try {
    didKey = parseDidKey(vmId);
  } catch (e) {
    return {
      code: 'malformed',
      reason: `the verification method ${vmId}: ${(e as Error).message}`,
      verificationMethod: vmId,
    };
  }
  if (didKey) return { controller: didKey.did, publicKeyMultibase: didKey.publicKeyMultibase };
  const method = methods.find((m) => m.id === vmId);
  if (method) return method;
  return {
    code: 'unknown-key',
    reason: `the verification method ${vmId} is neither a did:key nor a key this page carries, so the signature was not checked`,
    unverifiable: true,
    verificationMethod: vmId,
  };
}

async function checkOne(
  credential: Parameters<typeof proofParts>[0],
  unsecured: Parameters<typeof proofParts>[1],
  proof: Parameters<typeof proofParts>[2],
  where: string,
  methods: readonly PageMethod[],
): Promise<ProofCheck> {
  const parts = proofParts(credential, unsecured, proof, where);
  if (isFailure(parts)) return { verified: false, ...parts };
  const vmId = parts.verificationMethod;
  const key = resolveMethod(vmId, methods);
  if ('code' in key) return { verified: false, ...key };
  let forms: [string, string];
  try {
    forms = await Promise.all([
      rdfCanonicalize(proofConfiguration(parts.document, parts.proofOptions), loadBundled),
      rdfCanonicalize(parts.document, loadBundled),
    ]);
  } catch (e) {
    const missing = findCause(e, (c): c is NotBundledError => c instanceof NotBundledError);
    if (missing)
      return {
        verified: false,
        code: 'unknown-context',
        reason: `the JSON-LD context ${missing.url} is not one this page carries, so the signature was not checked`,
        unverifiable: true,
        verificationMethod: vmId,
      };
    return {
      verified: false,
      code: 'canonicalization-failed',
      reason: `it cannot be canonicalized (${describeJsonLdError(e)}), so no signature over it can be valid`,
      verificationMethod: vmId,
    };
  }
  const [configHash, documentHash] = await Promise.all(forms.map(sha256));
  const data = new Uint8Array(64);
  data.set(configHash!, 0);
  data.set(documentHash!, 32);
  const publicKey = await crypto.subtle.importKey(
    'raw',
    rawFromMultikey(key.publicKeyMultibase),
    { name: 'Ed25519' },
    false,
    ['verify'],
  );
  if (!(await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, parts.signature, data)))
    return {
      verified: false,
      code: 'bad-signature',
      reason: 'the signature does not match: it was changed after it was signed, or it was signed with another key',
      verificationMethod: vmId,
    };
  return {
    verified: true,
    verificationMethod: vmId,
    controller: key.controller,
    publicKeyMultibase: key.publicKeyMultibase,
  };
}

/**
 * Checks every eddsa-rdfc-2022 proof of a credential (a proof set must hold in full) and says which key
 * made the first. Throws only when the browser cannot check signatures at all (no WebCrypto Ed25519).
 */
export async function checkProof(credential: unknown, methods: readonly PageMethod[]): Promise<ProofCheck> {
  if (!isObject(credential)) return { verified: false, code: 'malformed', reason: 'it is not a JSON object' };
  // an http page other than localhost has no crypto.subtle (not a secure context)
  if (!(globalThis as { crypto?: { subtle?: unknown } }).crypto?.subtle)
    throw new Error('this browser offers no signature checking here (open the page over https or as a file)');
  const { proofs, unsecured } = proofsOf(credential);
  if (proofs.length === 0)
    return { verified: false, code: 'no-proof', reason: 'it carries no proof, so nothing shows who issued it' };
  let first: ProofCheck | undefined;
  for (const [i, proof] of proofs.entries()) {
    const where = proofs.length > 1 ? `proof ${i + 1}` : 'the proof';
    const result = await checkOne(credential, unsecured, proof, where, methods);
    if (!result.verified) return result;
    first ??= result;
  }
  return first!;
}
