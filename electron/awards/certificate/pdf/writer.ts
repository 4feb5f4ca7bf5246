// Writes a complete PDF: objects in order, a classic cross-reference table, trailer with /ID.
import { PdfDict, PdfRef, PdfString, serialize, type PdfValue } from './objects.js';

type Body = { kind: 'value'; text: string } | { kind: 'stream'; head: string; data: Uint8Array };

export class PdfWriter {
  private readonly bodies: (Body | undefined)[] = [];

  alloc(): PdfRef {
    this.bodies.push(undefined);
    return new PdfRef(this.bodies.length);
  }

  set(r: PdfRef, value: PdfValue): PdfRef {
    this.bodies[r.num - 1] = { kind: 'value', text: serialize(value) };
    return r;
  }

  add(value: PdfValue): PdfRef {
    return this.set(this.alloc(), value);
  }

  /** A stream; `data` is written as given (compress it first and say so in dict /Filter). */
  setStream(r: PdfRef, dict: PdfDict, data: Uint8Array): PdfRef {
    dict.set('Length', data.length);
    this.bodies[r.num - 1] = { kind: 'stream', head: serialize(dict), data };
    return r;
  }

  addStream(dict: PdfDict, data: Uint8Array): PdfRef {
    return this.setStream(this.alloc(), dict, data);
  }

  finish(trailer: { root: PdfRef; info?: PdfRef; id: Uint8Array }): Buffer {
    const chunks: Buffer[] = [];
    let pos = 0;
    const push = (b: Buffer): void => {
      chunks.push(b);
      pos += b.length;
    };
    push(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
    const offsets: number[] = [];
    this.bodies.forEach((body, i) => {
      if (!body) throw new Error(`PdfWriter: object ${i + 1} was allocated but never written`);
      offsets.push(pos);
      if (body.kind === 'value') push(Buffer.from(`${i + 1} 0 obj\n${body.text}\nendobj\n`, 'latin1'));
      else {
        push(Buffer.from(`${i + 1} 0 obj\n${body.head}\nstream\n`, 'latin1'));
        push(Buffer.from(body.data.buffer, body.data.byteOffset, body.data.byteLength));
        push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
      }
    });
    const xref = pos;
    let table = `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`;
    for (const o of offsets) table += `${String(o).padStart(10, '0')} 00000 n \n`;
    const id = new PdfString(trailer.id, true);
    const t = new PdfDict({ Size: offsets.length + 1, Root: trailer.root, Info: trailer.info, ID: [id, id] });
    push(Buffer.from(`${table}trailer\n${serialize(t)}\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(chunks, pos);
  }
}
