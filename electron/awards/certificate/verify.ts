// verifyPdfSignature: checks the last signature of a PDF the way `assay verify` needs it: the signed
// byte ranges hash to the CMS message digest, the CMS signature verifies with the embedded signer
// certificate, signing-certificate-v2 names that certificate, and the signature covers the whole file
// (nothing was appended after signing). Trust in the certificate is the caller's decision (compare
// certificatePem or its fingerprint with the issuer's).
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OIDS } from './cms.js';
import { PdfDict, PdfName, PdfString, decodeTextString, parsePdfDate } from './pdf/objects.js';
import { Lexer, parseIndirectObject } from './pdf/parser.js';

export interface PdfSignatureCheck {
  valid: boolean;
  /** Why it is not valid (absent when valid). */
  reason?: string;
  /** Subject common name of the signer's certificate. */
  signer?: string;
  /** The signing time claimed in /M. */
  signingTime?: Date;
  /** The signed bytes hash to the message digest in the signature. */
  digestOk: boolean;
  /** The CMS signature verifies with the signer's certificate. */
  signatureOk: boolean;
  /** No byte was added after the signed range. */
  coversWholeFile: boolean;
  /** /SubFilter /ETSI.CAdES.detached with signing-certificate-v2 and no signing-time attribute. */
  padesBaselineB: boolean;
  /** The signer's certificate (then any others the signature carries). */
  certificatePem?: string;
  certificateFingerprint256?: string;
  byteRange?: [number, number, number, number];
}

const NO = { valid: false, digestOk: false, signatureOk: false, coversWholeFile: false, padesBaselineB: false } as const;

const DIGEST_NAMES: Record<string, string> = { [OIDS.sha256]: 'sha256', [OIDS.sha384]: 'sha384', [OIDS.sha512]: 'sha512', '1.3.14.3.2.26': 'sha1' };

function pem(der: Uint8Array): string {
  return `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64').replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`;
}

function toArrayBuffer(b: Uint8Array): ArrayBuffer {
  const out = new ArrayBuffer(b.byteLength);
  new Uint8Array(out).set(b);
  return out;
}

interface Candidate {
  at: number;
  range: [number, number, number, number];
}

/** Every /ByteRange in the file with its numbers. */
function findByteRanges(bytes: Buffer): Candidate[] {
  const out: Candidate[] = [];
  for (let at = bytes.indexOf('/ByteRange'); at >= 0; at = bytes.indexOf('/ByteRange', at + 10)) {
    try {
      const lx = new Lexer(bytes, at + 10);
      const v = lx.value();
      if (Array.isArray(v) && v.length === 4 && v.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) out.push({ at, range: v as [number, number, number, number] });
    } catch {
      // not a signature dictionary
    }
  }
  return out;
}

function findObjectStart(bytes: Buffer, before: number): number {
  const window = bytes.subarray(Math.max(0, before - 4096), before).toString('latin1');
  const re = /(\d+)\s+(\d+)\s+obj\b/g;
  let last = -1;
  for (let m = re.exec(window); m; m = re.exec(window)) last = m.index;
  return last < 0 ? -1 : Math.max(0, before - 4096) + last;
}

function attributeValue(attrs: pkijs.Attribute[] | undefined, oid: string): unknown {
  return attrs?.find((a) => a.type === oid)?.values[0];
}

export function verifyPdfSignature(pdf: Uint8Array): PdfSignatureCheck {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const candidates = findByteRanges(bytes).filter(({ range: [a, b, c, d] }) => a === 0 && b > 0 && c > b && c + d <= bytes.length);
  if (!candidates.length) return { ...NO, reason: 'The PDF has no digital signature.' };
  const { at, range } = candidates.reduce((best, c) => (c.range[2] + c.range[3] > best.range[2] + best.range[3] ? c : best));
  const [, b, c, d] = range;
  const coversWholeFile = c + d === bytes.length;
  const base = { ...NO, coversWholeFile, byteRange: range };

  if (bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e) return { ...base, reason: 'The signature’s byte range does not surround its /Contents.' };
  const hex = bytes.subarray(b + 1, c - 1).toString('latin1');
  if (!/^[0-9A-Fa-f\s]*$/.test(hex)) return { ...base, reason: 'The signature /Contents is not a hex string.' };

  let dict: PdfDict | undefined;
  // the dictionary starts before both its /ByteRange and its /Contents (which may be long)
  const objStart = findObjectStart(bytes, Math.min(at, b));
  if (objStart >= 0) {
    try {
      const obj = parseIndirectObject(bytes, objStart);
      if (obj.value instanceof PdfDict) dict = obj.value;
    } catch {
      dict = undefined;
    }
  }
  const m = dict?.get('M');
  const signingTime = m instanceof PdfString ? parsePdfDate(decodeTextString(m.bytes)) : undefined;
  const subFilter = dict?.get('SubFilter');
  const subFilterName = subFilter instanceof PdfName ? subFilter.name : undefined;

  let signedData: pkijs.SignedData;
  try {
    const der = Buffer.from(hex.replace(/\s+/g, ''), 'hex');
    const asn1 = asn1js.fromBER(toArrayBuffer(der));
    if (asn1.offset === -1) throw new Error(asn1.result.error);
    const info = new pkijs.ContentInfo({ schema: asn1.result });
    if (info.contentType !== OIDS.signedData) throw new Error('not SignedData');
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch (error) {
    return { ...base, signingTime, reason: `The signature is not a readable CMS SignedData (${(error as Error).message}).` };
  }
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) return { ...base, signingTime, reason: 'The signature has no signer.' };

  const certs = (signedData.certificates ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate);
  const sid = signerInfo.sid;
  const signerCert =
    sid instanceof pkijs.IssuerAndSerialNumber
      ? certs.find((x) => x.serialNumber.isEqual(sid.serialNumber) && x.issuer.isEqual(sid.issuer))
      : certs.find((x) => {
          const ski = x.extensions?.find((e) => e.extnID === '2.5.29.14');
          return ski && Buffer.from(ski.extnValue.valueBlock.valueHexView).includes(Buffer.from((sid as asn1js.OctetString).valueBlock.valueHexView));
        });
  if (!signerCert) return { ...base, signingTime, reason: 'The signature does not carry the signer’s certificate.' };
  const certDer = new Uint8Array(signerCert.toSchema(true).toBER(false));
  const x509 = new crypto.X509Certificate(Buffer.from(certDer));
  const signer = /(?:^|\n)CN=([^\n]*)/.exec(x509.subject)?.[1];
  const others = certs.filter((x) => x !== signerCert).map((x) => pem(new Uint8Array(x.toSchema(true).toBER(false))));
  const certificatePem = pem(certDer) + others.join('');
  const known = { ...base, signingTime, signer, certificatePem, certificateFingerprint256: x509.fingerprint256 };

  const digestName = DIGEST_NAMES[signerInfo.digestAlgorithm.algorithmId];
  if (!digestName) return { ...known, reason: `The signature uses an unsupported digest (${signerInfo.digestAlgorithm.algorithmId}).` };
  const attrs = signerInfo.signedAttrs?.attributes;
  const md = attributeValue(attrs, OIDS.messageDigest);
  if (!signerInfo.signedAttrs || !(md instanceof asn1js.OctetString)) return { ...known, reason: 'The signature has no signed message digest.' };
  const digest = crypto.createHash(digestName).update(bytes.subarray(0, b)).update(bytes.subarray(c, c + d)).digest();
  const digestOk = digest.equals(Buffer.from(md.valueBlock.valueHexView));

  const alg = signerInfo.signatureAlgorithm.algorithmId;
  const signedAttrsDer = Buffer.from(signerInfo.signedAttrs.encodedValue);
  const signature = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
  let signatureOk = false;
  try {
    const key = x509.publicKey;
    if (alg === OIDS.rsaEncryption || alg === OIDS.sha256WithRSA || alg === '1.2.840.113549.1.1.12' || alg === '1.2.840.113549.1.1.13') signatureOk = crypto.verify(digestName, signedAttrsDer, key, signature);
    else if (alg.startsWith('1.2.840.10045.')) signatureOk = crypto.verify(digestName, signedAttrsDer, { key, dsaEncoding: 'der' }, signature);
    else return { ...known, digestOk, reason: `The signature uses an unsupported algorithm (${alg}).` };
  } catch (error) {
    return { ...known, digestOk, reason: `The signature could not be checked (${(error as Error).message}).` };
  }

  const certV2 = attributeValue(attrs, OIDS.signingCertificateV2);
  let certBound = true;
  if (certV2 instanceof asn1js.Sequence) {
    const first = (certV2.valueBlock.value[0] as asn1js.Sequence | undefined)?.valueBlock.value[0] as asn1js.Sequence | undefined;
    const parts = first?.valueBlock.value ?? [];
    const hashAlg = parts[0] instanceof asn1js.Sequence ? (parts[0].valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString() : OIDS.sha256;
    const hashPart = parts.find((p) => p instanceof asn1js.OctetString) as asn1js.OctetString | undefined;
    const hashName = DIGEST_NAMES[hashAlg] ?? 'sha256';
    certBound = Boolean(hashPart && crypto.createHash(hashName).update(certDer).digest().equals(Buffer.from(hashPart.valueBlock.valueHexView)));
  }
  const padesBaselineB = subFilterName === 'ETSI.CAdES.detached' && certV2 !== undefined && certBound && attributeValue(attrs, OIDS.signingTime) === undefined;
  const result = { ...known, digestOk, signatureOk, padesBaselineB };
  if (!digestOk) return { ...result, reason: 'The document was changed after it was signed (the signed bytes do not match the signature’s digest).' };
  if (!signatureOk) return { ...result, reason: 'The signature does not verify with the signer’s certificate.' };
  if (!certBound) return { ...result, reason: 'The signature names a different signing certificate than the one it carries.' };
  if (!coversWholeFile) return { ...result, reason: `Content was added after the signature (it covers ${c + d} of ${bytes.length} bytes).` };
  return { ...result, valid: true };
}
