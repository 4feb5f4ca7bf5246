// The DID document an issuing body publishes for did:web (W3C DID Core 1.0; did:web spec §3.2): the
// Ed25519 badge keys that sign credentials as Multikey verification methods listed under
// assertionMethod, and the X.509 signing certificate (the one in PDF and results-package signatures)
// as a JSON Web Key (JsonWebKey2020) carrying its chain in `x5c`, so a verifier can tie those signatures to the same DID.
import crypto, { type KeyObject } from 'node:crypto';
import { didWebDocumentUrl, parseDidWeb } from '../../../shared/schemas/did-web.js';
import { DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT } from '../credential/document-loader.js';
import { multikeyFromPublicKey, publicKeyFromMultikey } from '../credential/keys.js';

/**
 * Defines JsonWebKey2020 and publicKeyJwk for JSON-LD readers. The did/v1 generation's JWK type: CID 1.0's
 * plain "JsonWebKey" needs the cid/v1 context, which redefines Multikey and the verification
 * relationships that did/v1 and multikey/v1 already protect; DID resolvers read either as a JWK.
 */
export const JWS_2020_CONTEXT = 'https://w3id.org/security/suites/jws-2020/v1';

export interface MultikeyMethod {
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
}

export interface JsonWebKeyMethod {
  id: string;
  type: 'JsonWebKey2020';
  controller: string;
  publicKeyJwk: crypto.JsonWebKey & { x5c: string[] };
}

export interface DidDocument {
  '@context': string[];
  id: string;
  verificationMethod: (MultikeyMethod | JsonWebKeyMethod)[];
  assertionMethod: string[];
}

export interface DidDocumentInput {
  /** did:web:… (checked here; anything else is refused). */
  did: string;
  /** The Ed25519 badge key(s) whose credentials must verify: the current one first, then older ones still in use. */
  badgeKeys: readonly (KeyObject | string)[];
  /** The signing certificate and its issuers (DER, signer first), for the JsonWebKey with `x5c`. */
  certificateChain?: readonly Buffer[];
}

/** The verification method of a badge key under a DID: `<did>#<Multikey>`, stable for as long as the key is. */
export function badgeKeyMethodId(did: string, badgeKey: KeyObject | string): string {
  return `${did}#${typeof badgeKey === 'string' ? badgeKey : multikeyFromPublicKey(badgeKey)}`;
}

/** `<did>#x509-<first 16 hex digits of the certificate's SHA-256>`. */
export function certificateMethodId(did: string, leafDer: Buffer): string {
  return `${did}#x509-${crypto.createHash('sha256').update(leafDer).digest('hex').slice(0, 16)}`;
}

export function buildDidDocument(input: DidDocumentInput): DidDocument {
  parseDidWeb(input.did);
  const { did } = input;
  if (input.badgeKeys.length === 0) throw new Error('a DID document needs at least one badge key');
  const seen = new Set<string>();
  const methods: (MultikeyMethod | JsonWebKeyMethod)[] = [];
  for (const key of input.badgeKeys) {
    const multikey = typeof key === 'string' ? key : multikeyFromPublicKey(key);
    publicKeyFromMultikey(multikey); // refuses anything but an Ed25519 Multikey
    if (seen.has(multikey)) continue;
    seen.add(multikey);
    methods.push({
      id: badgeKeyMethodId(did, multikey),
      type: 'Multikey',
      controller: did,
      publicKeyMultibase: multikey,
    });
  }
  const assertionMethod = methods.map((m) => m.id);
  const context = [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT];
  const leaf = input.certificateChain?.[0];
  if (leaf) {
    const jwk = new crypto.X509Certificate(leaf).publicKey.export({ format: 'jwk' });
    // Listed as a key of the DID, not under assertionMethod: it signs PDFs and results packages (CMS),
    // never credentials, so a credential proof by it is not the issuer's.
    methods.push({
      id: certificateMethodId(did, leaf),
      type: 'JsonWebKey2020',
      controller: did,
      publicKeyJwk: { ...jwk, x5c: input.certificateChain!.map((c) => c.toString('base64')) },
    });
    context.push(JWS_2020_CONTEXT);
  }
  return { '@context': context, id: did, verificationMethod: methods, assertionMethod };
}

/** The file name and place to publish it: https://<domain>/.well-known/did.json or https://<domain>/<path>/did.json. */
export function didDocumentLocation(did: string): { url: string; fileName: 'did.json' } {
  return { url: didWebDocumentUrl(did), fileName: 'did.json' };
}
