// Resolving did:web verification methods without the network: from this store's own issuer keys (the
// DID document says the same keys once the issuing body publishes it), or from a did.json the person
// verifying supplies (a copy of what the issuing body hosts), which then vouches as a trust anchor.
import crypto from 'node:crypto';
import { didWebProblem } from '../../../shared/schemas/did-web.js';
import type { KnownKey } from '../credential/document-loader.js';
import type { ExternalTrustAnchor, TrustContext } from '../trust.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The verification method URLs a credential's proofs name. */
function proofMethods(credential: unknown): string[] {
  if (!isObject(credential)) return [];
  const raw = credential['proof'];
  const proofs = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return proofs
    .map((p) => (isObject(p) ? p['verificationMethod'] : undefined))
    .map((vm) => (typeof vm === 'string' ? vm : isObject(vm) && typeof vm['id'] === 'string' ? vm['id'] : undefined))
    .filter((vm): vm is string => vm !== undefined);
}

function splitDidWebMethod(vm: string): { did: string; fragment: string } | undefined {
  const hash = vm.indexOf('#');
  if (!vm.startsWith('did:web:') || hash < 0) return undefined;
  const did = vm.slice(0, hash);
  const fragment = vm.slice(hash + 1);
  return didWebProblem(did) === undefined && fragment !== '' ? { did, fragment } : undefined;
}

/**
 * Keys for `did:web:…#z6Mk…` methods whose fragment is the Multikey of one of this store's issuer
 * identities: Assay issues under did:web with exactly that naming, so it can check its own awards
 * offline. Whether the domain really publishes the key is the did.json's to say (see didDocumentAnchor).
 */
export function storeDidWebKeys(credential: unknown, trust: TrustContext | undefined): KnownKey[] {
  const out: KnownKey[] = [];
  for (const vm of proofMethods(credential)) {
    const parts = splitDidWebMethod(vm);
    if (parts && trust?.issuers.some((i) => i.badgeKey === parts.fragment))
      out.push({ id: vm, publicKeyMultibase: parts.fragment, controller: parts.did });
  }
  return out;
}

interface ParsedDocument {
  id: string;
  /** Multikey verification methods listed (by id or embedded) under assertionMethod. */
  assertionKeys: KnownKey[];
  /** SHA-256 fingerprints (node's "AB:CD:…" form) of the x5c leaf certificates of its JWKs. */
  certificateFingerprints: string[];
}

/** Reads a DID document (did.json); throws with the reason when it is not one Assay can use. */
export function parseDidDocument(json: unknown): ParsedDocument {
  if (!isObject(json)) throw new Error('the DID document is not a JSON object');
  const id = json['id'];
  if (typeof id !== 'string' || didWebProblem(id) !== undefined)
    throw new Error(`the DID document's id ${JSON.stringify(id)} is not a did:web DID`);
  const methods = Array.isArray(json['verificationMethod']) ? json['verificationMethod'].filter(isObject) : [];
  const absolute = (ref: string): string => (ref.startsWith('#') ? `${id}${ref}` : ref);
  const byId = new Map(methods.filter((m) => typeof m['id'] === 'string').map((m) => [absolute(m['id'] as string), m]));
  const assertionKeys: KnownKey[] = [];
  for (const ref of Array.isArray(json['assertionMethod']) ? json['assertionMethod'] : []) {
    const m = typeof ref === 'string' ? byId.get(absolute(ref)) : isObject(ref) ? ref : undefined;
    if (!m || m['type'] !== 'Multikey' || typeof m['publicKeyMultibase'] !== 'string' || typeof m['id'] !== 'string')
      continue;
    // A key controlled by another DID is not this issuer's, whatever list it appears in.
    if (m['controller'] !== id) continue;
    assertionKeys.push({ id: absolute(m['id']), publicKeyMultibase: m['publicKeyMultibase'], controller: id });
  }
  const certificateFingerprints: string[] = [];
  for (const m of methods) {
    const jwk = m['publicKeyJwk'];
    const x5c = isObject(jwk) && Array.isArray(jwk['x5c']) ? jwk['x5c'] : [];
    if (typeof x5c[0] !== 'string') continue;
    try {
      certificateFingerprints.push(new crypto.X509Certificate(Buffer.from(x5c[0], 'base64')).fingerprint256);
    } catch {
      // An unreadable certificate vouches for nothing; the keys above still count.
    }
  }
  return { id, assertionKeys, certificateFingerprints };
}

/** A did.json as a trust anchor: it vouches for the keys it lists for assertions and its x5c certificates. */
export function didDocumentAnchor(
  json: unknown,
  source = 'the DID document',
): ExternalTrustAnchor & {
  knownKeys: KnownKey[];
} {
  const doc = parseDidDocument(json);
  return {
    description: `${source} of ${doc.id}`,
    knownKeys: doc.assertionKeys,
    vouchesForBadgeKey: (publicKeyMultibase, issuerId) =>
      issuerId === doc.id && doc.assertionKeys.some((k) => k.publicKeyMultibase === publicKeyMultibase),
    vouchesForCertificate: (chainDer) => {
      const leaf = chainDer[0];
      return (
        leaf !== undefined && doc.certificateFingerprints.includes(new crypto.X509Certificate(leaf).fingerprint256)
      );
    },
  };
}
