// CMS SignedData for PAdES baseline B-B (ETSI EN 319 142-1): detached, SHA-256, signed attributes
// content-type, message-digest and signing-certificate-v2 (RFC 5035) and no signing-time (PAdES puts
// the time in the signature dictionary's /M). Built with pkijs; the signature itself comes from
// node:crypto with the identity's in-memory key.
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SigningIdentity } from '../identity/identity.js';

export const OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
} as const;

function toArrayBuffer(b: Uint8Array): ArrayBuffer {
  const out = new ArrayBuffer(b.byteLength);
  new Uint8Array(out).set(b);
  return out;
}

interface Prepared {
  certificates: pkijs.Certificate[];
  leaf: pkijs.Certificate;
  signingCertificateV2: pkijs.Attribute;
  contentType: pkijs.Attribute;
  signatureAlgorithm: pkijs.AlgorithmIdentifier;
  /** Encodings made by pkijs once per signature length, with the digest and signature spliced in per use. */
  templates: Map<number, Template>;
  /** estimateCmsSize's answer, once made. */
  maxCmsSize?: number;
  signedAttrs?: { der: Buffer; digestAt: number };
}

interface Template {
  der: Buffer;
  digestAt: number;
  signatureAt: number;
}

const prepared = new WeakMap<SigningIdentity, Prepared>();

function prepare(identity: SigningIdentity): Prepared {
  const hit = prepared.get(identity);
  if (hit) return hit;
  const certificates = identity.certificateChain.map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der)));
  const leaf = certificates[0]!;
  const leafDer = identity.certificateChain[0]!;
  // ESSCertIDv2 { hashAlgorithm DEFAULT sha256 (omitted), certHash }: without the optional issuerSerial,
  // which ETSI EN 319 122-1 (5.2.2.3) says should not be included (the hash binds the certificate; the
  // issuer's name and the serial number cost about 240 bytes of the signature's hex placeholder).
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(crypto.createHash('sha256').update(leafDer).digest()) })],
  });
  const signingCertificateV2 = new pkijs.Attribute({
    type: OIDS.signingCertificateV2,
    values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })],
  });
  const contentType = new pkijs.Attribute({
    type: OIDS.contentType,
    values: [new asn1js.ObjectIdentifier({ value: OIDS.data })],
  });
  const signatureAlgorithm =
    identity.keyAlgorithm === 'rsa'
      ? new pkijs.AlgorithmIdentifier({ algorithmId: OIDS.rsaEncryption, algorithmParams: new asn1js.Null() })
      : new pkijs.AlgorithmIdentifier({ algorithmId: OIDS.ecdsaWithSha256 });
  const result: Prepared = {
    certificates,
    leaf,
    signingCertificateV2,
    contentType,
    signatureAlgorithm,
    templates: new Map(),
  };
  prepared.set(identity, result);
  return result;
}

/** The longest signature value the identity's key makes: an RSA modulus, or a DER ECDSA-Sig-Value with both integers at their longest. */
function maxSignatureLength(identity: SigningIdentity): number {
  const details = identity.signingKey.asymmetricKeyDetails;
  if (identity.keyAlgorithm === 'rsa') return Math.ceil((details?.modulusLength ?? 4096) / 8);
  const bits = { prime256v1: 256, secp384r1: 384, secp521r1: 521 }[details?.namedCurve ?? ''] ?? 521;
  const int = 2 + Math.ceil(bits / 8) + 1; // tag, length, a leading zero byte and the value
  const body = 2 * int;
  return body + (body < 128 ? 2 : 3);
}

/**
 * The DER size of the longest CMS this identity produces (the signature placeholder's size): the
 * encoding made with a signature value of the longest length the key gives. ECDSA signatures are up
 * to a few bytes shorter, and fill the rest of the placeholder with zeros.
 */
export function estimateCmsSize(identity: SigningIdentity): number {
  const p = prepare(identity);
  if (p.maxCmsSize === undefined) {
    const digestMarker = uniqueMarker(32, identity.certificateChain);
    const signatureMarker = uniqueMarker(maxSignatureLength(identity), [...identity.certificateChain, digestMarker]);
    p.maxCmsSize = encodeWithPkijs(p, digestMarker, signatureMarker).length;
  }
  return p.maxCmsSize;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function signedAttributes(p: Prepared, digest: Uint8Array): pkijs.SignedAndUnsignedAttributes {
  const messageDigest = new pkijs.Attribute({
    type: OIDS.messageDigest,
    values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })],
  });
  // DER: a SET OF is ordered by the encodings of its elements.
  const attributes = [p.contentType, messageDigest, p.signingCertificateV2]
    .map((a) => ({ a, der: new Uint8Array(a.toSchema().toBER(false)) }))
    .sort((x, y) => compareBytes(x.der, y.der))
    .map((x) => x.a);
  return new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
}

/** The full pkijs construction: ContentInfo { SignedData { … SignerInfo { signedAttrs, signature } } }. */
function encodeWithPkijs(p: Prepared, digest: Uint8Array, signature: Uint8Array): Buffer {
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: p.leaf.issuer, serialNumber: p.leaf.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OIDS.sha256 }),
    signedAttrs: signedAttributes(p, digest),
    signatureAlgorithm: p.signatureAlgorithm,
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OIDS.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OIDS.data }),
    certificates: p.certificates,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OIDS.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER(false));
}

function uniqueMarker(length: number, avoid: readonly Buffer[]): Buffer {
  for (;;) {
    const m = crypto.randomBytes(length);
    if (avoid.every((b) => b.indexOf(m) < 0)) return m;
  }
}

/**
 * A detached CMS SignedData (DER ContentInfo) over content whose SHA-256 is `digest`.
 * pkijs encodes the structure once per identity and signature length; each signature then splices its
 * message digest into the signed attributes and its signature value into that encoding.
 */
export function buildCadesSignature(identity: SigningIdentity, digest: Uint8Array): Buffer {
  if (digest.length !== 32) throw new TypeError('buildCadesSignature: expected a SHA-256 digest');
  const p = prepare(identity);
  if (!p.signedAttrs) {
    const marker = uniqueMarker(32, identity.certificateChain);
    const der = Buffer.from(signedAttributes(p, marker).toSchema().toBER(false));
    der[0] = 0x31; // signed over as SET OF, not [0] IMPLICIT
    p.signedAttrs = { der, digestAt: der.indexOf(marker) };
  }
  const attrs = Buffer.from(p.signedAttrs.der);
  attrs.set(digest, p.signedAttrs.digestAt);
  const signature = identity.signWithCertificateKey(attrs);
  let template = p.templates.get(signature.length);
  if (!template) {
    const digestMarker = uniqueMarker(32, identity.certificateChain);
    const signatureMarker = uniqueMarker(signature.length, [...identity.certificateChain, digestMarker]);
    const der = encodeWithPkijs(p, digestMarker, signatureMarker);
    template = { der, digestAt: der.indexOf(digestMarker), signatureAt: der.indexOf(signatureMarker) };
    if (template.digestAt < 0 || template.signatureAt < 0) throw new Error('internal: CMS template markers not found');
    p.templates.set(signature.length, template);
  }
  const out = Buffer.from(template.der);
  out.set(digest, template.digestAt);
  out.set(signature, template.signatureAt);
  return out;
}
