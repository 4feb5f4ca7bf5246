// Writes a certificate's pdf-lib document compactly: every dictionary and array without the line breaks
// and spaces pdf-lib puts around each entry, all objects that are not streams in one object stream, and
// a cross-reference stream with fields as wide as the file needs (both deflated at the highest level).
// pdf-lib's own writer spent about 2 KB a certificate on that layout. Streams are written as they are
// (the renderer compresses them beforehand); PDFInvalidObject values (the signature dictionary with its
// placeholders) are copied byte for byte outside the object stream. The layout keeps what PDF/A asks
// of the file structure: a binary comment after the header, EOLs around obj/endobj and stream/endstream.
import { deflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFStream,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';

const HEADER = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');

/** The bytes pdf-lib writes for a value that is neither a dictionary nor an array. */
function atom(o: PDFObject): string {
  const bytes = new Uint8Array(o.sizeInBytes());
  o.copyBytesInto(bytes, 0);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** A delimiter ends the token before it: no space needed in front of these. */
const DELIMITED = new Set(['/', '<', '[', '(']);

/** A direct value as compact PDF syntax (latin1). */
export function compact(o: PDFObject): string {
  if (o instanceof PDFDict) {
    let s = '<<';
    for (const [key, value] of o.entries()) {
      const v = compact(value);
      s += key.asString() + (DELIMITED.has(v[0]!) ? '' : ' ') + v;
    }
    return `${s}>>`;
  }
  if (o instanceof PDFArray) {
    let s = '[';
    for (const [i, value] of o.asArray().entries()) {
      const v = compact(value);
      s += i === 0 || DELIMITED.has(v[0]!) ? v : ` ${v}`;
    }
    return `${s}]`;
  }
  return atom(o);
}

/** Bytes needed for an unsigned number. */
function widthOf(n: number): number {
  let w = 1;
  while (n >= 256 ** w) w++;
  return w;
}

/** The document's objects, written: header, streams and preserialised objects, object stream, xref stream. */
export function writePdf(context: PDFContext): Buffer {
  const parts: Buffer[] = [HEADER];
  let pos = HEADER.length;
  /** object number -> [type, field 2, field 3] of its cross-reference entry */
  const entries = new Map<number, [number, number, number]>();
  const packed: [number, string][] = [];
  const top = (num: number, head: string, data?: Uint8Array): void => {
    entries.set(num, [1, pos, 0]);
    const chunks = data
      ? [Buffer.from(`${num} 0 obj\n${head}stream\n`, 'latin1'), data, Buffer.from('\nendstream\nendobj\n', 'latin1')]
      : [Buffer.from(`${num} 0 obj\n${head}\nendobj\n`, 'latin1')];
    for (const c of chunks) {
      parts.push(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
      pos += c.byteLength;
    }
  };
  let largest = context.largestObjectNumber;
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    largest = Math.max(largest, ref.objectNumber);
    if (ref.generationNumber !== 0) throw new Error(`internal: ${ref.toString()} has a generation number`);
    if (object instanceof PDFStream) {
      const data = object.getContents();
      object.dict.set(PDFName.Length, PDFNumber.of(data.length));
      top(ref.objectNumber, compact(object.dict), data);
    } else if (object instanceof PDFInvalidObject) top(ref.objectNumber, atom(object));
    else packed.push([ref.objectNumber, compact(object)]);
  }

  const objStm = largest + 1;
  const xref = largest + 2;
  if (packed.length) {
    let offsets = '';
    let body = '';
    for (const [i, [num, text]] of packed.entries()) {
      offsets += `${i ? ' ' : ''}${num} ${body.length}`;
      body += `${text}\n`;
      entries.set(num, [2, objStm, i]);
    }
    offsets += '\n';
    const data = deflateSync(Buffer.from(offsets + body, 'latin1'), { level: 9 });
    top(
      objStm,
      `<</Type/ObjStm/N ${packed.length}/First ${offsets.length}/Filter/FlateDecode/Length ${data.length}>>`,
      data,
    );
  }

  entries.set(xref, [1, pos, 0]);
  const w = [1, widthOf(pos), widthOf(Math.max(packed.length, 1))];
  const row = w[0]! + w[1]! + w[2]!;
  const table = Buffer.alloc((xref + 1) * row);
  for (let num = 0; num <= xref; num++) {
    const [type, a, b] = entries.get(num) ?? [0, 0, 0];
    let at = num * row;
    table.writeUIntBE(type, at, w[0]!);
    table.writeUIntBE(a, (at += w[0]!), w[1]!);
    table.writeUIntBE(b, (at += w[1]!), w[2]!);
  }
  const trailer = context.obj({});
  for (const key of ['Root', 'Info', 'ID', 'Encrypt'] as const) {
    const value = context.trailerInfo[key];
    if (value !== undefined) trailer.set(PDFName.of(key), value);
  }
  const data = deflateSync(table, { level: 9 });
  const trailerText = compact(trailer).slice(2, -2);
  top(
    xref,
    `<</Type/XRef/Size ${xref + 1}/W[${w.join(' ')}]${trailerText}/Filter/FlateDecode/Length ${data.length}>>`,
    data,
  );
  parts.push(Buffer.from(`startxref\n${entries.get(xref)![1]}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
