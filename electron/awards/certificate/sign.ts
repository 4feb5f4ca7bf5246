// PAdES baseline B-B signatures (ETSI.CAdES.detached, SHA-256; the CMS comes from cms.ts, pdf-lib cannot
// sign). The signature objects are pdf-lib objects: the signature dictionary (/Adobe.PPKLite, /M, a
// /ByteRange and a sized /Contents placeholder), an invisible signature field-and-widget on the first
// page, and the catalog's /AcroForm with /SigFlags 3. Two ways to get them into a file:
//   - the renderer adds them while it builds a certificate (renderSigned): one save, one revision;
//   - signPdf, for any PDF (other tools', already signed ones): pdf-lib reads the file and serialises the
//     changed and new objects, and they are appended as an incremental update (pdf-lib 1.17 has no
//     incremental save), so the signed bytes are the original file untouched plus the update.
// Either way the placeholders are then filled in the saved bytes: the ByteRange around /Contents, and the
// CMS over those ranges.
import { AssayError, type AssayErrorOptions } from '../../../shared/errors.js';
import crypto from 'node:crypto';
import {
  PDFArray,
  PDFCrossRefSection,
  PDFCrossRefStream,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRawStream,
  PDFRef,
  PDFString,
  PDFTrailer,
  PDFTrailerDict,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import type { SigningIdentity } from '../identity/identity.js';
import { buildCadesSignature, estimateCmsSize } from './cms.js';
import { LOAD_OPTIONS, arrayOf, decodeText, dictOf, indirectObjectBytes, textString } from './pdf/util.js';
import { compact } from './pdf/write.js';

export interface SignOptions {
  /** Written to /M (PAdES keeps the claimed signing time out of the CMS). Default: now. */
  signingTime?: Date;
  reason?: string;
  location?: string;
  /** The signer's name as shown by viewers (/Name); default: the certificate's CN. */
  name?: string;
  contactInfo?: string;
  /** Field name (default Signature1, Signature2, … when taken). */
  fieldName?: string;
}

export class PdfSignError extends AssayError {
  override name = 'PdfSignError';
  constructor(message: string, options?: AssayErrorOptions) {
    super('pdf-sign', message, options);
  }
}

// A /ByteRange slot is a name as wide as the number that replaces it (up to 10 digits, then spaces).
const SLOT = PDFName.of('**********');
const BYTE_RANGE_PLACEHOLDER = `/ByteRange [ 0 ${SLOT.asString()} ${SLOT.asString()} ${SLOT.asString()} ]`;
// The same as the certificate writer lays it out (pdf/write.ts: no spaces around delimiters); a number
// takes the slot with the space in front of it.
const BYTE_RANGE_COMPACT = `/ByteRange[0${SLOT.asString()}${SLOT.asString()}${SLOT.asString()}]`;

const N = {
  AcroForm: PDFName.of('AcroForm'),
  Fields: PDFName.of('Fields'),
  SigFlags: PDFName.of('SigFlags'),
  T: PDFName.of('T'),
  Size: PDFName.of('Size'),
} as const;

/** What a document needs to be signed once its bytes are saved. */
export interface SignaturePlaceholder {
  contentsSize: number;
}

/**
 * Adds the signature dictionary (with placeholders) and its invisible field-and-widget to a pdf-lib
 * context; the caller links the widget from the page's /Annots and the AcroForm's /Fields.
 */
export function addSignatureObjects(
  context: PDFContext,
  pageRef: PDFRef,
  identity: SigningIdentity,
  options: SignOptions,
  fieldName: string,
): { widgetRef: PDFRef; widget: PDFDict; sigRef: PDFRef; sig: PDFDict; placeholder: SignaturePlaceholder } {
  const contentsSize = estimateCmsSize(identity);
  const sig = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: [0, SLOT, SLOT, SLOT],
    Contents: PDFHexString.of('0'.repeat(contentsSize * 2)),
    M: PDFString.fromDate(options.signingTime ?? new Date()),
    Name: textString(options.name ?? identity.commonName),
    Reason: options.reason === undefined ? undefined : textString(options.reason),
    Location: options.location === undefined ? undefined : textString(options.location),
    ContactInfo: options.contactInfo === undefined ? undefined : textString(options.contactInfo),
    Prop_Build: { App: { Name: 'Assay' } },
  });
  const sigRef = context.register(sig);
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: textString(fieldName),
    V: sigRef,
    F: 132, // print, locked
    Rect: [0, 0, 0, 0],
    P: pageRef,
  });
  const widgetRef = context.register(widget);
  return { widgetRef, widget, sigRef, sig, placeholder: { contentsSize } };
}

/** For a document built here: the signature field on page 1 and an AcroForm that holds only it. */
export function addSignatureField(
  doc: PDFDocument,
  identity: SigningIdentity,
  options: SignOptions = {},
): SignaturePlaceholder {
  const page = doc.getPage(0);
  const { widgetRef, sigRef, sig, placeholder } = addSignatureObjects(
    doc.context,
    page.ref,
    identity,
    options,
    options.fieldName ?? 'Signature1',
  );
  // Written as is (compactly, like the rest of a certificate), never into an object stream: its
  // placeholders are filled in the saved bytes.
  doc.context.assign(sigRef, PDFInvalidObject.of(Buffer.from(compact(sig), 'latin1')));
  page.node.set(PDFName.Annots, doc.context.obj([widgetRef]));
  doc.catalog.set(N.AcroForm, doc.context.obj({ Fields: [widgetRef], SigFlags: 3 }));
  return placeholder;
}

/**
 * Fills in the placeholders of the (only) unsigned signature dictionary at or after `from` in the saved
 * bytes: the /ByteRange around /Contents, then the CMS over those ranges. Changes `pdf` in place.
 */
export function fillSignature(
  pdf: Buffer,
  identity: SigningIdentity,
  placeholder: SignaturePlaceholder,
  from = 0,
): Buffer {
  const found = [BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_COMPACT].flatMap((text) => {
    const at = pdf.indexOf(text, from, 'latin1');
    return at < 0 ? [] : [{ text, at, again: pdf.indexOf(text, at + 1, 'latin1') >= 0 }];
  });
  if (found.length !== 1 || found[0]!.again) throw new PdfSignError('internal: no single signature placeholder');
  const { text: rangePlaceholder, at: rangeAt } = found[0]!;
  const contentsKey = pdf.indexOf('/Contents', rangeAt, 'latin1');
  const contentsAt = pdf.indexOf('<', contentsKey, 'latin1');
  const contentsEnd = contentsAt + 2 + placeholder.contentsSize * 2;
  if (
    contentsKey < rangeAt ||
    contentsAt - contentsKey > '/Contents '.length ||
    pdf[contentsAt] !== 0x3c ||
    pdf[contentsEnd - 1] !== 0x3e
  )
    throw new PdfSignError('internal: signature /Contents placeholder not found');
  const range = [0, contentsAt, contentsEnd, pdf.length - contentsEnd];
  const width = SLOT.asString().length;
  const numbers = range.slice(1);
  const rangeText =
    rangePlaceholder === BYTE_RANGE_COMPACT
      ? `/ByteRange[0${numbers.map((n) => ` ${String(n).padEnd(width - 1, ' ')}`).join('')}]`
      : `/ByteRange [ 0 ${numbers.map((n) => String(n).padEnd(width, ' ')).join(' ')} ]`;
  if (rangeText.length !== rangePlaceholder.length)
    throw new PdfSignError('internal: ByteRange does not fit its placeholder');
  pdf.write(rangeText, rangeAt, 'latin1');
  const digest = crypto
    .createHash('sha256')
    .update(pdf.subarray(0, contentsAt))
    .update(pdf.subarray(contentsEnd))
    .digest();
  const cms = buildCadesSignature(identity, digest);
  if (cms.length > placeholder.contentsSize)
    throw new PdfSignError(
      `internal: the signature (${cms.length} bytes) is larger than its placeholder (${placeholder.contentsSize})`,
    );
  pdf.write(cms.toString('hex').toUpperCase(), contentsAt + 1, 'latin1');
  return pdf;
}

/** The newest cross-reference section: where it is (for /Prev), whether it is a stream, and /Size. */
function lastXrefSection(bytes: Buffer, context: PDFContext): { offset: number; isStream: boolean; size: number } {
  const tailFrom = Math.max(0, bytes.length - 2048);
  const tail = bytes.toString('latin1', tailFrom);
  const m = /startxref\s+(\d+)/.exec(tail.slice(tail.lastIndexOf('startxref')));
  if (!m) throw new Error('no startxref at the end of the file');
  const offset = Number(m[1]);
  let at = offset;
  while (at < bytes.length && ' \t\r\n\f\0'.includes(String.fromCharCode(bytes[at]!))) at++;
  const isStream = bytes.toString('latin1', at, at + 4) !== 'xref';
  let dictAt: number;
  if (isStream) {
    const head = /^\d+\s+\d+\s+obj/.exec(bytes.toString('latin1', at, at + 32));
    if (!head) throw new Error(`no cross-reference section at ${offset}`);
    dictAt = at + head[0].length;
  } else {
    dictAt = bytes.indexOf('trailer', at, 'latin1') + 'trailer'.length;
    if (dictAt < at + 'trailer'.length) throw new Error('no trailer after the cross-reference table');
  }
  let trailer: PDFObject = PDFObjectParser.forBytes(bytes.subarray(dictAt), context).parseObject();
  if (trailer instanceof PDFRawStream) trailer = trailer.dict;
  const size = trailer instanceof PDFDict ? trailer.get(N.Size) : undefined;
  return { offset, isStream, size: size instanceof PDFNumber ? size.asNumber() : 0 };
}

/** Signs any PDF: the signature goes in an incremental update appended to the file as it is. */
export async function signPdf(
  pdfBytes: Uint8Array,
  identity: SigningIdentity,
  options: SignOptions = {},
): Promise<Uint8Array> {
  const original = Buffer.from(pdfBytes.buffer, pdfBytes.byteOffset, pdfBytes.byteLength);
  let doc: PDFDocument;
  let last: ReturnType<typeof lastXrefSection>;
  try {
    doc = await PDFDocument.load(original, LOAD_OPTIONS);
    last = lastXrefSection(original, doc.context);
  } catch (error) {
    throw new PdfSignError(`The file is not a readable PDF (${(error as Error).message}).`);
  }
  if (doc.isEncrypted) throw new PdfSignError('Encrypted PDFs cannot be signed here.');
  const context = doc.context;
  // pdf-lib does not keep cross-reference streams as objects: new objects go above the trailer's /Size
  context.largestObjectNumber = Math.max(context.largestObjectNumber, last.size - 1);
  const rootRef = context.trailerInfo.Root;
  if (!(rootRef instanceof PDFRef)) throw new PdfSignError('The PDF has no document catalog.');
  const catalog = doc.catalog;
  const page = doc.getPages()[0];
  if (!page) throw new PdfSignError('The PDF has no pages.');

  const updates = new Map<PDFRef, PDFObject>();
  const acroValue = catalog.get(N.AcroForm);
  const acroForm = dictOf(context, acroValue)?.clone() ?? context.obj({});
  const fieldsValue = acroForm.get(N.Fields);
  const existing = arrayOf(context, fieldsValue);
  const fields = existing?.clone() ?? context.obj([]);
  const taken = new Set(fields.asArray().map((f) => decodeText(dictOf(context, f)?.get(N.T))));
  let fieldName = options.fieldName ?? 'Signature1';
  for (let k = 2; taken.has(fieldName); k++) fieldName = `Signature${k}`;

  const { widgetRef, widget, sigRef, sig, placeholder } = addSignatureObjects(
    context,
    page.ref,
    identity,
    options,
    fieldName,
  );
  updates.set(sigRef, sig).set(widgetRef, widget);
  fields.push(widgetRef);
  if (fieldsValue instanceof PDFRef && existing) updates.set(fieldsValue, fields);
  else acroForm.set(N.Fields, fields);
  acroForm.set(N.SigFlags, PDFNumber.of(3));
  if (acroValue instanceof PDFRef && dictOf(context, acroValue)) updates.set(acroValue, acroForm);
  else {
    catalog.set(N.AcroForm, acroForm);
    updates.set(rootRef, catalog);
  }
  const annotsValue = page.node.get(PDFName.Annots);
  const annotsExisting = arrayOf(context, annotsValue);
  const annots = annotsExisting?.clone() ?? context.obj([]);
  annots.push(widgetRef);
  if (annotsValue instanceof PDFRef && annotsExisting) updates.set(annotsValue, annots);
  else {
    page.node.set(PDFName.Annots, annots);
    updates.set(page.ref, page.node);
  }

  // The update: the objects, then a cross-reference section of the same kind as the file's newest.
  const lastByte = original[original.length - 1];
  const parts: Buffer[] = [original, Buffer.from(lastByte === 0x0a || lastByte === 0x0d ? '' : '\n', 'latin1')];
  let pos = original.length + parts[1]!.length;
  const offsets: [PDFRef, number][] = [];
  let sigAt = 0;
  for (const [ref, object] of [...updates].sort(([a], [b]) => a.objectNumber - b.objectNumber)) {
    const bytes = indirectObjectBytes(ref, object);
    if (ref === sigRef) sigAt = pos;
    offsets.push([ref, pos]);
    parts.push(bytes);
    pos += bytes.length;
  }
  const id = context.trailerInfo.ID;
  const firstId = id instanceof PDFArray ? id.get(0) : undefined;
  const signingTime = options.signingTime ?? new Date();
  const newId = PDFHexString.of(
    crypto
      .createHash('sha256')
      .update(original)
      .update(String(signingTime.getTime()))
      .digest()
      .subarray(0, 16)
      .toString('hex')
      .toUpperCase(),
  );
  const trailer = {
    Root: rootRef,
    Info: context.trailerInfo.Info,
    ID: [
      firstId instanceof PDFHexString || firstId instanceof PDFString
        ? firstId
        : PDFHexString.of(crypto.randomBytes(16).toString('hex').toUpperCase()),
      newId,
    ],
    Prev: last.offset,
  };
  if (last.isStream) {
    const xrefRef = context.nextRef();
    const xref = PDFCrossRefStream.create(context.obj({ ...trailer, Size: xrefRef.objectNumber + 1 }));
    for (const [ref, at] of offsets) xref.addUncompressedEntry(ref, at);
    xref.addUncompressedEntry(xrefRef, pos);
    parts.push(indirectObjectBytes(xrefRef, xref));
  } else {
    const xref = PDFCrossRefSection.create();
    for (const [ref, at] of offsets) xref.addEntry(ref, at);
    const trailerDict = PDFTrailerDict.of(context.obj({ ...trailer, Size: context.largestObjectNumber + 1 }));
    const table = Buffer.allocUnsafe(xref.sizeInBytes() + 1 + trailerDict.sizeInBytes() + 1);
    let at = xref.copyBytesInto(table, 0);
    table[at++] = 0x0a;
    at += trailerDict.copyBytesInto(table, at);
    table[at++] = 0x0a;
    parts.push(table);
  }
  const end = PDFTrailer.forLastCrossRefSectionOffset(pos);
  const endBytes = Buffer.allocUnsafe(end.sizeInBytes() + 1);
  endBytes[end.copyBytesInto(endBytes, 0)] = 0x0a;
  parts.push(endBytes);
  return fillSignature(Buffer.concat(parts), identity, placeholder, sigAt);
}
