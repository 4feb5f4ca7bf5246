// verifyPdfSignature: checks the last signature of a PDF the way `assay verify` needs it. pdf-lib reads
// the document and finds the signature fields' dictionaries; the checks are on the file's bytes, as the
// signature is: the signed byte ranges hash to the CMS message digest, the CMS signature verifies with
// the embedded signer certificate, signing-certificate-v2 names that certificate, and the signature
// covers the whole file (nothing was appended after signing). Trust in the certificate is the caller's
// decision (compare certificatePem or its fingerprint with the issuer's).
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, type PDFDict, type PDFObject } from 'pdf-lib';
import { OIDS } from './cms.js';
import { LOAD_OPTIONS, arrayOf, dictOf } from './pdf/util.js';

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

const N = { AcroForm: PDFName.of('AcroForm'), Fields: PDFName.of('Fields'), Kids: PDFName.of('Kids'), FT: PDFName.of('FT'), V: PDFName.of('V'), Sig: PDFName.of('Sig'), ByteRange: PDFName.of('ByteRange'), M: PDFName.of('M'), SubFilter: PDFName.of('SubFilter') } as const;

interface Candidate {
  dict: PDFDict;
  range: [number, number, number, number];
}

/** The signature fields' values (signature dictionaries) with their /ByteRange, walking the AcroForm's field tree. */
function signatures(doc: PDFDocument): Candidate[] {
  const ctx = doc.context;
  const out: Candidate[] = [];
  const seen = new Set<PDFDict>();
  const walk = (value: PDFObject | undefined, inheritedType: PDFObject | undefined, depth: number): void => {
    const field = dictOf(ctx, value);
    if (!field || seen.has(field) || depth > 32) return;
    seen.add(field);
    const type = field.get(N.FT) ?? inheritedType;
    const sig = dictOf(ctx, field.get(N.V));
    const range = arrayOf(ctx, sig?.get(N.ByteRange))?.asArray().map((n) => ctx.lookup(n));
    if (sig && type === N.Sig && range?.length === 4 && range.every((n) => n instanceof PDFNumber && Number.isInteger(n.asNumber()) && n.asNumber() >= 0)) {
      out.push({ dict: sig, range: range.map((n) => (n as PDFNumber).asNumber()) as Candidate['range'] });
    }
    for (const kid of arrayOf(ctx, field.get(N.Kids))?.asArray() ?? []) walk(kid, type, depth + 1);
  };
  for (const field of arrayOf(ctx, dictOf(ctx, doc.catalog.get(N.AcroForm))?.get(N.Fields))?.asArray() ?? []) walk(field, undefined, 0);
  return out;
}

function attributeValue(attrs: pkijs.Attribute[] | undefined, oid: string): unknown {
  return attrs?.find((a) => a.type === oid)?.values[0];
}

export async function verifyPdfSignature(pdf: Uint8Array): Promise<PdfSignatureCheck> {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, LOAD_OPTIONS);
  } catch (error) {
    return { ...NO, reason: `The file is not a readable PDF (${(error as Error).message}).` };
  }
  const candidates = signatures(doc).filter(({ range: [a, b, c, d] }) => a === 0 && b > 0 && c > b && c + d <= bytes.length);
  if (!candidates.length) return { ...NO, reason: 'The PDF has no digital signature.' };
  const { dict, range } = candidates.reduce((best, c) => (c.range[2] + c.range[3] > best.range[2] + best.range[3] ? c : best));
  const [, b, c, d] = range;
  const coversWholeFile = c + d === bytes.length;
  const base = { ...NO, coversWholeFile, byteRange: range };

  // The signed bytes are whatever the ByteRange leaves out: check there, in the file, for the /Contents.
  if (bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e) return { ...base, reason: 'The signature’s byte range does not surround its /Contents.' };
  const hex = bytes.subarray(b + 1, c - 1).toString('latin1');
  if (!/^[0-9A-Fa-f\s]*$/.test(hex)) return { ...base, reason: 'The signature /Contents is not a hex string.' };

  let signingTime: Date | undefined;
  const m = dict.get(N.M);
  try {
    signingTime = m instanceof PDFString || m instanceof PDFHexString ? m.decodeDate() : undefined;
  } catch {
    signingTime = undefined;
  }
  const subFilter = dict.get(N.SubFilter);
  const subFilterName = subFilter instanceof PDFName ? subFilter.decodeText() : undefined;

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
