// The 1EdTech eddsa-rdfc-2022 known-answer vector, reproduced byte for byte by our own implementation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  canonicalForms,
  canonicalizeWithJsonLd,
  defaultDocumentLoader,
  createDocumentLoader,
  didKeyFromPublicKey,
  ed25519PrivateKeyFromSeed,
  multikeyFromPublicKey,
  rawEd25519PublicKey,
  signCredential,
  verifyCredential,
  type JsonObject,
} from '../../../electron/awards/credential/index.js';

const OB3 = path.resolve('../shared/standards/open-badges-3');
interface Vector {
  publicKeyHex: string;
  privateKeySeedHex: string;
  verificationMethod: string;
  signedCredential: JsonObject & { proof: JsonObject };
}
const vector = JSON.parse(readFileSync(path.join(OB3, 'eddsa-rdfc-2022-test-vector.json'), 'utf8')) as Vector;
const expectedDocumentCanon = readFileSync(path.join(OB3, 'document-canon.txt'), 'utf8');
const expectedProofCanon = readFileSync(path.join(OB3, 'proof-canon.txt'), 'utf8');

const privateKey = ed25519PrivateKeyFromSeed(Buffer.from(vector.privateKeySeedHex, 'hex'));
const { proof, ...unsigned } = vector.signedCredential;
const multikey = multikeyFromPublicKey(Buffer.from(vector.publicKeyHex, 'hex'));
const knownKeys = [{ id: vector.verificationMethod, publicKeyMultibase: multikey }];

describe('eddsa-rdfc-2022 known-answer vector (1EdTech OB 3.0)', () => {
  it('derives the vector public key from its seed, and its Multikey is the fragment of the key URL', () => {
    expect(Buffer.from(rawEd25519PublicKey(privateKey)).toString('hex')).toBe(vector.publicKeyHex);
    expect(multikey).toBe('z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi');
    expect(vector.verificationMethod.endsWith(`#${multikey}`)).toBe(true);
    expect(didKeyFromPublicKey(privateKey)).toBe(`did:key:${multikey}`);
  });

  it('produces exactly document-canon.txt and proof-canon.txt', async () => {
    const forms = await canonicalForms(unsigned, proof);
    expect(forms.document).toBe(expectedDocumentCanon);
    expect(forms.proofConfig).toBe(expectedProofCanon);
    // The plain jsonld path (no template cache) gives the same document form.
    expect(await canonicalizeWithJsonLd(unsigned, defaultDocumentLoader)).toBe(expectedDocumentCanon);
  });

  it('signs to the same proofValue', async () => {
    const signed = await signCredential(unsigned, {
      privateKey,
      verificationMethod: vector.verificationMethod,
      created: new Date(proof['created'] as string),
    });
    expect(signed.proof).toHaveLength(1);
    expect(signed.proof[0]).toEqual(proof);
  });

  it('verifies the vector credential when its https key is known locally', async () => {
    const result = await verifyCredential(vector.signedCredential, { knownKeys });
    expect(result).toMatchObject({ verified: true, verificationMethod: vector.verificationMethod, controller: 'https://example.edu/issuers/565049', issuerIsController: true });
  });

  it('reports the vector credential as unverifiable (not valid, not invalid) without the key', async () => {
    const result = await verifyCredential(vector.signedCredential);
    expect(result).toMatchObject({ verified: false, code: 'unknown-key', unverifiable: true });
    if (!result.verified) expect(result.reason).toMatch(/cannot be resolved offline/);
  });

  it('rejects the vector credential after a one-character change', async () => {
    const tampered = { ...vector.signedCredential, name: 'Teamwork Badgf' };
    expect(await verifyCredential(tampered, { knownKeys })).toMatchObject({ verified: false, code: 'bad-signature' });
    const loader = createDocumentLoader({ knownKeys });
    const badValue = { ...vector.signedCredential, proof: { ...proof, created: '2010-01-01T19:23:25Z' } };
    expect(await verifyCredential(badValue, { documentLoader: loader })).toMatchObject({ verified: false, code: 'bad-signature' });
  });
});
