// verifyPdfSignature: checks the last signature of a PDF the way `assay verify` needs it. pdf-lib reads
// the document and finds the signature fields' dictionaries; the checks are on the file's bytes, as the
// signature is: the signed byte ranges hash to the CMS message digest, the CMS signature verifies with
// the embedded signer certificate, signing-certificate-v2 names that certificate, and the signature
// covers the whole file (nothing was appended after signing). Trust in the certificate is the caller's
// decision (compare certificatePem or its fingerprint with the issuer's).
import crypto from 'node:crypto';
import { PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, type PDFDict, type PDFObject } from 'pdf-lib';
import { verifyCms } from '../cms-verify.js';
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

const NO = {
  valid: false,
  digestOk: false,
  signatureOk: false,
  coversWholeFile: false,
  padesBaselineB: false,
} as const;

function pem(der: Uint8Array): string {
  return `-----BEGIN CERTIFICATE-----\n${Buffer.from(der)
    .toString('base64')
    .replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`;
}

const N = {
  AcroForm: PDFName.of('AcroForm'),
  Fields: PDFName.of('Fields'),
  Kids: PDFName.of('Kids'),
  FT: PDFName.of('FT'),
  V: PDFName.of('V'),
  Sig: PDFName.of('Sig'),
  ByteRange: PDFName.of('ByteRange'),
  M: PDFName.of('M'),
  SubFilter: PDFName.of('SubFilter'),
} as const;

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
    const range = arrayOf(ctx, sig?.get(N.ByteRange))
      ?.asArray()
      .map((n) => ctx.lookup(n));
    if (
      sig &&
      type === N.Sig &&
      range?.length === 4 &&
      range.every((n) => n instanceof PDFNumber && Number.isInteger(n.asNumber()) && n.asNumber() >= 0)
    ) {
      out.push({ dict: sig, range: range.map((n) => (n as PDFNumber).asNumber()) as Candidate['range'] });
    }
    for (const kid of arrayOf(ctx, field.get(N.Kids))?.asArray() ?? []) walk(kid, type, depth + 1);
  };
  for (const field of arrayOf(ctx, dictOf(ctx, doc.catalog.get(N.AcroForm))?.get(N.Fields))?.asArray() ?? [])
    walk(field, undefined, 0);
  return out;
}

export async function verifyPdfSignature(pdf: Uint8Array): Promise<PdfSignatureCheck> {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, LOAD_OPTIONS);
  } catch (error) {
    return { ...NO, reason: `The file is not a readable PDF (${(error as Error).message}).` };
  }
  const candidates = signatures(doc).filter(
    ({ range: [a, b, c, d] }) => a === 0 && b > 0 && c > b && c + d <= bytes.length,
  );
  if (!candidates.length) return { ...NO, reason: 'The PDF has no digital signature.' };
  const { dict, range } = candidates.reduce((best, c) =>
    c.range[2] + c.range[3] > best.range[2] + best.range[3] ? c : best,
  );
  const [, b, c, d] = range;
  const coversWholeFile = c + d === bytes.length;
  const base = { ...NO, coversWholeFile, byteRange: range };

  // The signed bytes are whatever the ByteRange leaves out: check there, in the file, for the /Contents.
  if (bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e)
    return { ...base, reason: 'The signature’s byte range does not surround its /Contents.' };
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

  const der = Buffer.from(hex.replace(/\s+/g, ''), 'hex');
  const cms = verifyCms(der, (name) =>
    crypto
      .createHash(name)
      .update(bytes.subarray(0, b))
      .update(bytes.subarray(c, c + d))
      .digest(),
  );
  if (!cms.signer)
    return {
      ...base,
      signingTime,
      reason: `${cms.reason ? cms.reason[0]!.toUpperCase() + cms.reason.slice(1) : 'The signature cannot be read'}.`,
    };
  const certificatePem = pem(cms.signer.certificateDer) + cms.signer.others.map((o) => pem(o)).join('');
  const padesBaselineB =
    subFilterName === 'ETSI.CAdES.detached' &&
    cms.hasSigningCertificateV2 &&
    cms.certificateBound &&
    !cms.hasSigningTime;
  const result = {
    ...base,
    signingTime,
    signer: cms.signer.commonName,
    certificatePem,
    certificateFingerprint256: cms.signer.fingerprint256,
    digestOk: cms.digestOk,
    signatureOk: cms.signatureOk,
    padesBaselineB,
  };
  if (!cms.digestOk && cms.reason?.startsWith('the content was changed'))
    return {
      ...result,
      reason: 'The document was changed after it was signed (the signed bytes do not match the signature’s digest).',
    };
  if (!cms.ok) return { ...result, reason: `${cms.reason![0]!.toUpperCase()}${cms.reason!.slice(1)}.` };
  if (!coversWholeFile)
    return {
      ...result,
      reason: `Content was added after the signature (it covers ${c + d} of ${bytes.length} bytes).`,
    };
  return { ...result, valid: true };
}
