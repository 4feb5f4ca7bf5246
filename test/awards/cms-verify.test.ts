// verifyCms reads the usual SignedData straight from its DER and anything else with pkijs. Both readings
// must give the same verdict, signer and reasons for the same bytes: valid signatures (ECDSA, RSA, with a
// chain, padded as in a PDF), changed content, a changed signature, a certificate that is not the signer's,
// and bytes that are not a SignedData at all.
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCadesSignature } from '../../electron/awards/certificate/cms.js';
import { readsDirectly, verifyCms, verifyCmsWithPkijs } from '../../electron/awards/cms-verify.js';
import { generateSelfSignedIdentity, type SigningIdentity } from '../../electron/awards/identity/index.js';

const content = Buffer.from('{"format":"assay-results-manifest","files":[]}');
const digestOf = (data: Buffer) => (name: string) => createHash(name).update(data).digest();
const sign = (identity: SigningIdentity, data = content) =>
  Buffer.from(buildCadesSignature(identity, createHash('sha256').update(data).digest()));

/** `der` with its certificates replaced (the signer's info and signature unchanged), re-encoded by pkijs. */
function withCertificates(der: Buffer, certificates: readonly Buffer[]): Buffer {
  const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(new Uint8Array(der).buffer).result });
  const sd = new pkijs.SignedData({ schema: info.content });
  sd.certificates = certificates.map((c) => pkijs.Certificate.fromBER(new Uint8Array(c)));
  const out = new pkijs.ContentInfo({ contentType: info.contentType, content: sd.toSchema(true) });
  return Buffer.from(out.toSchema().toBER(false));
}

/** Both readings of `der` over `data`, which must agree. */
function both(der: Buffer, data = content) {
  const direct = verifyCms(der, digestOf(data));
  expect(direct).toEqual(verifyCmsWithPkijs(der, digestOf(data)));
  return direct;
}

let ecdsa: SigningIdentity;
let rsa: SigningIdentity;
let other: SigningIdentity;
beforeAll(async () => {
  ecdsa = await generateSelfSignedIdentity({ name: 'Riverside University', url: 'https://pd.example.edu' });
  rsa = await generateSelfSignedIdentity({ name: 'Lakeside College' }, { algorithm: 'rsa-3072' });
  other = await generateSelfSignedIdentity({ name: 'Mallory Institute' });
});

describe('verifyCms reads the usual SignedData directly, as pkijs reads it', () => {
  it('accepts a valid ECDSA or RSA signature with the same signer, fingerprint and certificate bytes', () => {
    for (const identity of [ecdsa, rsa]) {
      const der = sign(identity);
      expect(readsDirectly(der)).toBe(true);
      const r = both(der);
      expect(r).toMatchObject({ ok: true, digestOk: true, signatureOk: true, certificateBound: true });
      expect(r.signer!.certificateDer.equals(identity.certificateChain[0]!)).toBe(true);
      expect(r.signer!.others).toEqual([]);
    }
  });

  it('gives the other certificates of a chain, and ignores the zero padding a PDF puts after the signature', () => {
    const der = withCertificates(sign(ecdsa), [ecdsa.certificateChain[0]!, other.certificateChain[0]!]);
    expect(readsDirectly(der)).toBe(true);
    expect(both(der).signer!.others).toEqual([other.certificateChain[0]]);
    const padded = Buffer.concat([der, Buffer.alloc(4096)]);
    expect(readsDirectly(padded)).toBe(true);
    expect(both(padded).ok).toBe(true);
  });

  it('refuses changed content, a changed signature and a certificate that is not the signer’s, for the same reasons', () => {
    const der = sign(ecdsa);
    expect(both(der, Buffer.from('changed'))).toMatchObject({
      ok: false,
      digestOk: false,
      reason: 'the content was changed after it was signed (its digest does not match)',
    });
    // The signature value is the last element; its last byte is part of the ECDSA s value.
    const flipped = Buffer.from(der);
    flipped[flipped.length - 1]! ^= 0x01;
    expect(readsDirectly(flipped)).toBe(true);
    expect(both(flipped)).toMatchObject({ ok: false, signatureOk: false });
    // The signer's certificate left out, another one carried instead.
    const swapped = withCertificates(der, [other.certificateChain[0]!]);
    expect(readsDirectly(swapped)).toBe(false);
    expect(both(swapped)).toMatchObject({
      ok: false,
      reason: 'the signature does not carry the signer’s certificate',
    });
  });

  it('leaves what is not the usual shape to pkijs: BER lengths, damage, and bytes that are no SignedData', () => {
    const der = sign(ecdsa);
    // The outer length in a longer form than DER allows (BER): pkijs reads it and the signature holds.
    const n = der.readUInt16BE(2);
    expect(der.subarray(0, 2)).toEqual(Buffer.from([0x30, 0x82]));
    const ber = Buffer.concat([Buffer.from([0x30, 0x83, 0x00, n >> 8, n & 0xff]), der.subarray(4)]);
    expect(readsDirectly(ber)).toBe(false);
    expect(verifyCms(ber, digestOf(content)).ok).toBe(true);
    for (const bad of [der.subarray(0, der.length - 40), Buffer.from('not a signature'), Buffer.alloc(0)]) {
      expect(readsDirectly(bad)).toBe(false);
      expect(verifyCms(bad, digestOf(content))).toMatchObject({ ok: false, reason: expect.any(String) });
    }
  });
});
