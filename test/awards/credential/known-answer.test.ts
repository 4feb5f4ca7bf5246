// The 1EdTech eddsa-rdfc-2022 known-answer vector, reproduced byte for byte by our own implementation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
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
import { describeWithStandards, standard } from '../../support/standards.js';

// The vector and its canonical forms are read from ../shared/standards when the block runs (skipped,
// saying why, in a checkout without it).
const OB3 = standard('open-badges-3');
interface Vector {
  publicKeyHex: string;
  privateKeySeedHex: string;
  verificationMethod: string;
  signedCredential: JsonObject & { proof: JsonObject };
}

function load() {
  const vector = JSON.parse(readFileSync(path.join(OB3, 'eddsa-rdfc-2022-test-vector.json'), 'utf8')) as Vector;
  const { proof, ...unsigned } = vector.signedCredential;
  const multikey = multikeyFromPublicKey(Buffer.from(vector.publicKeyHex, 'hex'));
  return {
    vector,
    expectedDocumentCanon: readFileSync(path.join(OB3, 'document-canon.txt'), 'utf8'),
    expectedProofCanon: readFileSync(path.join(OB3, 'proof-canon.txt'), 'utf8'),
    privateKey: ed25519PrivateKeyFromSeed(Buffer.from(vector.privateKeySeedHex, 'hex')),
    proof,
    unsigned,
    multikey,
    knownKeys: [{ id: vector.verificationMethod, publicKeyMultibase: multikey }],
  };
}
type Loaded = ReturnType<typeof load>;
let vector: Vector;
let expectedDocumentCanon: string;
let expectedProofCanon: string;
let privateKey: Loaded['privateKey'];
let proof: JsonObject;
let unsigned: Loaded['unsigned'];
let multikey: string;
let knownKeys: Loaded['knownKeys'];

describeWithStandards('eddsa-rdfc-2022 known-answer vector (1EdTech OB 3.0)', () => {
  beforeAll(() => {
    ({ vector, expectedDocumentCanon, expectedProofCanon, privateKey, proof, unsigned, multikey, knownKeys } = load());
  });

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
    expect(result).toMatchObject({
      verified: true,
      verificationMethod: vector.verificationMethod,
      controller: 'https://example.edu/issuers/565049',
      issuerIsController: true,
    });
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
    expect(await verifyCredential(badValue, { documentLoader: loader })).toMatchObject({
      verified: false,
      code: 'bad-signature',
    });
  });
});
