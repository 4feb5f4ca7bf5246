// signPdf: a PAdES baseline B-B signature added as an incremental update, so the signed bytes are the
// original file untouched plus the update. The update holds the signature dictionary
// (/Adobe.PPKLite, /ETSI.CAdES.detached, /M, a /ByteRange and a sized /Contents placeholder), an
// invisible signature field-and-widget on the first page, the page with that widget in /Annots, and
// the catalog's /AcroForm with /SigFlags 3. The CMS is computed over the ByteRange with SHA-256.
import crypto from 'node:crypto';
import type { SigningIdentity } from '../identity/identity.js';
import { buildCadesSignature, estimateCmsSize } from './cms.js';
import { PdfDict, PdfRef, PdfString, name, pdfDate, serialize, textString, type PdfValue } from './pdf/objects.js';
import { PdfReader } from './pdf/parser.js';

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

export class PdfSignError extends Error {
  override readonly name = 'PdfSignError';
}

const BYTE_RANGE_WIDTH = 10;

export function signPdf(pdfBytes: Uint8Array, identity: SigningIdentity, options: SignOptions = {}): Uint8Array {
  const original = Buffer.from(pdfBytes.buffer, pdfBytes.byteOffset, pdfBytes.byteLength);
  let reader: PdfReader;
  try {
    reader = new PdfReader(original);
  } catch (error) {
    throw new PdfSignError(`The file is not a readable PDF (${(error as Error).message}).`);
  }
  if (reader.trailer.get('Encrypt')) throw new PdfSignError('Encrypted PDFs cannot be signed here.');
  const rootRef = reader.rootRef;
  const catalog = reader.catalog().clone();
  const pageRef = reader.pageRefs()[0];
  if (!pageRef) throw new PdfSignError('The PDF has no pages.');
  const page = reader.dict(pageRef)?.clone();
  if (!page) throw new PdfSignError('The first page of the PDF is missing.');

  let next = reader.size;
  const sigRef = new PdfRef(next++);
  const widgetRef = new PdfRef(next++);
  const updates = new Map<number, string>(); // object number -> serialised value

  // Fields and a unique field name
  const acroValue = catalog.get('AcroForm');
  const acroForm = (reader.dict(acroValue) ?? new PdfDict()).clone();
  const fieldsValue = acroForm.get('Fields');
  const fields = [...((reader.resolve(fieldsValue) as PdfValue[] | undefined) ?? [])];
  const taken = new Set<string>();
  for (const f of fields) {
    const d = reader.dict(f);
    const t = d?.get('T');
    if (t instanceof PdfString) taken.add(Buffer.from(t.bytes).toString('latin1'));
  }
  let fieldName = options.fieldName ?? 'Signature1';
  for (let k = 2; taken.has(fieldName); k++) fieldName = `Signature${k}`;
  fields.push(widgetRef);
  if (fieldsValue instanceof PdfRef) updates.set(fieldsValue.num, serialize(fields));
  else acroForm.set('Fields', fields);
  acroForm.set('SigFlags', 3);
  if (acroValue instanceof PdfRef) updates.set(acroValue.num, serialize(acroForm));
  else {
    catalog.set('AcroForm', acroForm);
    updates.set(rootRef.num, serialize(catalog));
  }

  // The widget goes on the first page
  const annotsValue = page.get('Annots');
  const annots = [...((reader.resolve(annotsValue) as PdfValue[] | undefined) ?? []), widgetRef];
  if (annotsValue instanceof PdfRef) updates.set(annotsValue.num, serialize(annots));
  else {
    page.set('Annots', annots);
    updates.set(pageRef.num, serialize(page));
  }
  updates.set(
    widgetRef.num,
    serialize(
      new PdfDict({
        Type: name('Annot'),
        Subtype: name('Widget'),
        FT: name('Sig'),
        T: textString(fieldName),
        V: sigRef,
        F: 132, // print, locked
        Rect: [0, 0, 0, 0],
        P: pageRef,
      }),
    ),
  );

  // The signature dictionary with placeholders
  const contentsSize = estimateCmsSize(identity);
  const placeholderRange = `[0 ${'0'.repeat(BYTE_RANGE_WIDTH)} ${'0'.repeat(BYTE_RANGE_WIDTH)} ${'0'.repeat(BYTE_RANGE_WIDTH)}]`;
  const signingTime = options.signingTime ?? new Date();
  const extra = new PdfDict({
    M: new PdfString(Buffer.from(pdfDate(signingTime), 'latin1')),
    Name: textString(options.name ?? identity.commonName),
    Reason: options.reason === undefined ? undefined : textString(options.reason),
    Location: options.location === undefined ? undefined : textString(options.location),
    ContactInfo: options.contactInfo === undefined ? undefined : textString(options.contactInfo),
    Prop_Build: new PdfDict({ App: new PdfDict({ Name: name('Assay') }) }),
  });
  const sigText = `<</Type /Sig/Filter /Adobe.PPKLite/SubFilter /ETSI.CAdES.detached/ByteRange ${placeholderRange}/Contents <${'0'.repeat(contentsSize * 2)}>${serialize(extra).slice(2, -2)}>>`;
  updates.set(sigRef.num, sigText);

  // Serialise the update
  const chunks: string[] = [];
  let pos = original.length;
  const lead = original[original.length - 1] === 0x0a || original[original.length - 1] === 0x0d ? '' : '\n';
  chunks.push(lead);
  pos += lead.length;
  const offsets = new Map<number, number>();
  for (const num of [...updates.keys()].sort((a, b) => a - b)) {
    offsets.set(num, pos);
    const text = `${num} 0 obj\n${updates.get(num)!}\nendobj\n`;
    chunks.push(text);
    pos += text.length; // every character is one latin1 byte
  }
  const trailer = new PdfDict({ Root: rootRef });
  const info = reader.trailer.get('Info');
  if (info instanceof PdfRef) trailer.set('Info', info);
  const id = reader.trailer.get('ID');
  const firstId = Array.isArray(id) && id[0] instanceof PdfString ? id[0] : new PdfString(crypto.randomBytes(16), true);
  trailer.set('ID', [firstId, new PdfString(crypto.createHash('sha256').update(original).update(String(signingTime.getTime())).digest().subarray(0, 16), true)]);
  trailer.set('Prev', reader.startxref);

  if (reader.xrefIsStream) {
    const xrefNum = next++;
    offsets.set(xrefNum, pos);
    const nums = [...offsets.keys()].sort((a, b) => a - b);
    const index: number[] = [];
    const rows: Buffer[] = [];
    for (let i = 0; i < nums.length; ) {
      let j = i;
      while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
      index.push(nums[i]!, j - i + 1);
      for (let k = i; k <= j; k++) {
        const row = Buffer.alloc(7);
        row[0] = 1;
        row.writeUInt32BE(offsets.get(nums[k]!)!, 1);
        rows.push(row);
      }
      i = j + 1;
    }
    const data = Buffer.concat(rows);
    trailer.set('Type', name('XRef')).set('Size', next).set('W', [1, 4, 2]).set('Index', index).set('Length', data.length);
    chunks.push(`${xrefNum} 0 obj\n${serialize(trailer)}\nstream\n`);
    chunks.push(data.toString('latin1'));
    chunks.push(`\nendstream\nendobj\nstartxref\n${pos}\n%%EOF\n`);
  } else {
    const nums = [...offsets.keys()].sort((a, b) => a - b);
    let table = 'xref\n0 1\n0000000000 65535 f \n';
    for (let i = 0; i < nums.length; ) {
      let j = i;
      while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
      table += `${nums[i]} ${j - i + 1}\n`;
      for (let k = i; k <= j; k++) table += `${String(offsets.get(nums[k]!)!).padStart(10, '0')} 00000 n \n`;
      i = j + 1;
    }
    trailer.set('Size', next);
    chunks.push(`${table}trailer\n${serialize(trailer)}\nstartxref\n${pos}\n%%EOF\n`);
  }

  const update = Buffer.from(chunks.join(''), 'latin1');
  const out = Buffer.concat([original, update]);

  // Fill in the ByteRange and the signature
  const sigStart = offsets.get(sigRef.num)!;
  const rangeAt = out.indexOf(placeholderRange, sigStart, 'latin1');
  const contentsAt = out.indexOf('/Contents <', sigStart, 'latin1') + '/Contents '.length;
  const contentsEnd = contentsAt + 2 + contentsSize * 2;
  if (rangeAt < 0 || out[contentsAt] !== 0x3c || out[contentsEnd - 1] !== 0x3e) throw new PdfSignError('internal: signature placeholder not found');
  const range = [0, contentsAt, contentsEnd, out.length - contentsEnd];
  const rangeText = `[${range.map((n, i) => (i === 0 ? String(n) : String(n).padEnd(BYTE_RANGE_WIDTH, ' '))).join(' ')}]`;
  if (rangeText.length !== placeholderRange.length) throw new PdfSignError('internal: ByteRange does not fit its placeholder');
  out.write(rangeText, rangeAt, 'latin1');
  const digest = crypto.createHash('sha256').update(out.subarray(0, contentsAt)).update(out.subarray(contentsEnd)).digest();
  const cms = buildCadesSignature(identity, digest);
  if (cms.length > contentsSize) throw new PdfSignError(`internal: the signature (${cms.length} bytes) is larger than its placeholder (${contentsSize})`);
  out.write(cms.toString('hex').toUpperCase(), contentsAt + 1, 'latin1');
  return out;
}

