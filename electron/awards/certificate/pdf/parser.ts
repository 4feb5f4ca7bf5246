// Reading PDFs: a tokenizer for PDF objects and a reader that follows cross-reference tables and streams
// (including object streams and /Prev chains), enough to amend a PDF incrementally, find its signatures
// and pull out attachments. Streams may be FlateDecode (with PNG predictors) or unfiltered.
import { inflateSync } from 'node:zlib';
import { PdfDict, PdfName, PdfRaw, PdfRef, PdfString, type PdfValue } from './objects.js';

export class PdfParseError extends Error {
  override readonly name = 'PdfParseError';
}

const WS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WS[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;

export class Lexer {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
  ) {}

  skipWs(): void {
    const b = this.bytes;
    for (;;) {
      while (this.pos < b.length && WS[b[this.pos]!]) this.pos++;
      if (b[this.pos] === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
        continue;
      }
      return;
    }
  }

  /** A bare token (keyword or number) at pos, without consuming it when peek is set. */
  token(peek = false): string {
    this.skipWs();
    const b = this.bytes;
    let end = this.pos;
    while (end < b.length && !WS[b[end]!] && !DELIM[b[end]!]) end++;
    const text = Buffer.from(b.buffer, b.byteOffset + this.pos, end - this.pos).toString('latin1');
    if (!peek) this.pos = end;
    return text;
  }

  expect(keyword: string): void {
    const t = this.token();
    if (t !== keyword) throw new PdfParseError(`expected "${keyword}" at ${this.pos}, found "${t.slice(0, 20)}"`);
  }

  value(): PdfValue {
    this.skipWs();
    const b = this.bytes;
    const c = b[this.pos];
    if (c === undefined) throw new PdfParseError('unexpected end of file');
    if (c === 0x2f) return this.name();
    if (c === 0x28) return this.literal();
    if (c === 0x3c) {
      if (b[this.pos + 1] === 0x3c) return this.dict();
      return this.hexString();
    }
    if (c === 0x5b) {
      this.pos++;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skipWs();
        if (b[this.pos] === 0x5d) {
          this.pos++;
          return arr;
        }
        if (this.pos >= b.length) throw new PdfParseError('unterminated array');
        arr.push(this.value());
      }
    }
    const t = this.token();
    if (t === 'true') return true;
    if (t === 'false') return false;
    if (t === 'null') return null;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) {
      // "num gen R" is a reference
      if (/^\d+$/.test(t)) {
        const save = this.pos;
        const gen = this.token();
        if (/^\d+$/.test(gen)) {
          const r = this.token();
          if (r === 'R') return new PdfRef(Number(t), Number(gen));
        }
        this.pos = save;
      }
      return Number(t);
    }
    if (t === '') throw new PdfParseError(`unexpected character ${String.fromCharCode(c)} at ${this.pos}`);
    return new PdfRaw(t);
  }

  private name(): PdfName {
    const b = this.bytes;
    this.pos++;
    const bytes: number[] = [];
    while (this.pos < b.length && !WS[b[this.pos]!] && !DELIM[b[this.pos]!]) {
      const c = b[this.pos++]!;
      if (c === 0x23 && this.pos + 1 < b.length) {
        bytes.push(parseInt(String.fromCharCode(b[this.pos]!, b[this.pos + 1]!), 16));
        this.pos += 2;
      } else bytes.push(c);
    }
    return new PdfName(Buffer.from(bytes).toString('utf8'));
  }

  private literal(): PdfString {
    const b = this.bytes;
    this.pos++;
    const out: number[] = [];
    let depth = 1;
    while (this.pos < b.length) {
      const c = b[this.pos++]!;
      if (c === 0x5c) {
        const n = b[this.pos++]!;
        const map: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (map[n] !== undefined) out.push(map[n]!);
        else if (n >= 0x30 && n <= 0x37) {
          let v = n - 0x30;
          for (let k = 0; k < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++) v = v * 8 + (b[this.pos++]! - 0x30);
          out.push(v & 0xff);
        } else if (n === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos++;
        } else if (n !== 0x0a) out.push(n);
        continue;
      }
      if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) return new PdfString(Uint8Array.from(out));
      out.push(c);
    }
    throw new PdfParseError('unterminated string');
  }

  private hexString(): PdfString {
    const b = this.bytes;
    const start = ++this.pos;
    while (this.pos < b.length && b[this.pos] !== 0x3e) this.pos++;
    if (this.pos >= b.length) throw new PdfParseError('unterminated hex string');
    let hex = Buffer.from(b.buffer, b.byteOffset + start, this.pos - start).toString('latin1').replace(/[^0-9a-fA-F]/g, '');
    this.pos++;
    if (hex.length % 2) hex += '0';
    return new PdfString(Buffer.from(hex, 'hex'), true);
  }

  private dict(): PdfDict {
    const b = this.bytes;
    this.pos += 2;
    const d = new PdfDict();
    for (;;) {
      this.skipWs();
      if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return d;
      }
      if (this.pos >= b.length) throw new PdfParseError('unterminated dictionary');
      const key = this.value();
      if (!(key instanceof PdfName)) throw new PdfParseError(`dictionary key is not a name at ${this.pos}`);
      d.set(key.name, this.value());
    }
  }
}

export interface IndirectObject {
  num: number;
  gen: number;
  value: PdfValue;
  /** Offsets of the raw stream data, when the object is a stream. */
  stream?: { start: number; end: number };
  /** Offset of the first byte after "endobj" (or after the value when endobj is missing). */
  end: number;
}

/** Parses "num gen obj … endobj" at offset. */
export function parseIndirectObject(bytes: Uint8Array, offset: number, lengthOf?: (v: PdfValue) => number | undefined): IndirectObject {
  const lx = new Lexer(bytes, offset);
  const num = Number(lx.token());
  const gen = Number(lx.token());
  lx.expect('obj');
  if (!Number.isInteger(num) || !Number.isInteger(gen)) throw new PdfParseError(`no object at offset ${offset}`);
  const value = lx.value();
  lx.skipWs();
  let stream: IndirectObject['stream'];
  if (value instanceof PdfDict && lx.token(true) === 'stream') {
    lx.token();
    if (bytes[lx.pos] === 0x0d) lx.pos++;
    if (bytes[lx.pos] === 0x0a) lx.pos++;
    const start = lx.pos;
    let length = lengthOf ? lengthOf(value.get('Length') ?? null) : undefined;
    if (length === undefined) {
      const l = value.get('Length');
      length = typeof l === 'number' ? l : undefined;
    }
    let end: number;
    const marker = Buffer.from('endstream', 'latin1');
    if (length !== undefined && Buffer.from(bytes.buffer, bytes.byteOffset + start + length, Math.min(20, bytes.length - start - length)).toString('latin1').trimStart().startsWith('endstream')) {
      end = start + length;
    } else {
      const found = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(marker, start);
      if (found < 0) throw new PdfParseError('stream without endstream');
      end = found;
      while (end > start && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end--;
    }
    stream = { start, end };
    lx.pos = end;
    lx.token();
  }
  lx.skipWs();
  const save = lx.pos;
  if (lx.token() !== 'endobj') lx.pos = save;
  return { num, gen, value, stream, end: lx.pos };
}

function pngUnpredict(data: Buffer, columns: number, colors: number, bpc: number): Buffer {
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const stride = Math.ceil((columns * colors * bpc) / 8);
  const rows = Math.floor(data.length / (stride + 1));
  const out = Buffer.alloc(rows * stride);
  for (let y = 0; y < rows; y++) {
    const f = data[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const raw = data[y * (stride + 1) + 1 + x]!;
      const a = x >= bpp ? out[y * stride + x - bpp]! : 0;
      const b = y ? out[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y ? out[(y - 1) * stride + x - bpp]! : 0;
      let v = raw;
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = v & 0xff;
    }
  }
  return out;
}

export function decodeStream(dict: PdfDict, raw: Uint8Array, resolve: (v: PdfValue | undefined) => PdfValue | undefined = (v) => v): Buffer {
  let data = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const filterValue = resolve(dict.get('Filter'));
  const filters = filterValue === undefined || filterValue === null ? [] : Array.isArray(filterValue) ? filterValue : [filterValue];
  const parmsValue = resolve(dict.get('DecodeParms'));
  const parmsList = Array.isArray(parmsValue) ? parmsValue : [parmsValue];
  filters.forEach((f, i) => {
    const fname = f instanceof PdfName ? f.name : '';
    if (fname === 'FlateDecode' || fname === 'Fl') {
      data = inflateSync(data);
      const parms = resolve(parmsList[i] ?? undefined);
      if (parms instanceof PdfDict) {
        const predictor = parms.get('Predictor');
        if (typeof predictor === 'number' && predictor >= 10) {
          const num = (k: string, d: number): number => {
            const v = parms.get(k);
            return typeof v === 'number' ? v : d;
          };
          data = pngUnpredict(data, num('Columns', 1), num('Colors', 1), num('BitsPerComponent', 8));
        } else if (predictor !== undefined && predictor !== 1) throw new PdfParseError(`unsupported predictor ${String(predictor)}`);
      }
    } else throw new PdfParseError(`unsupported stream filter ${fname}`);
  });
  return data;
}

type XrefEntry = { type: 1; offset: number; gen: number } | { type: 2; stream: number; index: number };

export class PdfReader {
  readonly bytes: Uint8Array;
  readonly trailer: PdfDict;
  readonly startxref: number;
  /** Whether the newest cross-reference section is a stream (then an update should use one too). */
  readonly xrefIsStream: boolean;
  readonly entries = new Map<number, XrefEntry>();
  private readonly objStmCache = new Map<number, { offsets: Map<number, number>; data: Buffer; first: number }>();
  private readonly cache = new Map<number, PdfValue>();
  private readonly loading = new Set<number>();

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    const tail = Buffer.from(bytes.buffer, bytes.byteOffset + Math.max(0, bytes.length - 2048), Math.min(2048, bytes.length)).toString('latin1');
    const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail) ?? /startxref\s+(\d+)/.exec(tail.slice(tail.lastIndexOf('startxref')));
    if (!m) throw new PdfParseError('no startxref at the end of the file');
    this.startxref = Number(m[1]);
    let trailer: PdfDict | undefined;
    let first = true;
    let isStream = false;
    const seen = new Set<number>();
    for (let offset: number | undefined = this.startxref; offset !== undefined && !seen.has(offset); ) {
      seen.add(offset);
      const section = this.readSection(offset);
      if (first) {
        isStream = section.isStream;
        first = false;
      }
      trailer ??= section.trailer;
      const stm = section.trailer.get('XRefStm');
      if (typeof stm === 'number' && !seen.has(stm)) {
        seen.add(stm);
        this.readSection(stm);
      }
      const prev = section.trailer.get('Prev');
      offset = typeof prev === 'number' ? prev : undefined;
    }
    if (!trailer) throw new PdfParseError('no trailer');
    this.trailer = trailer;
    this.xrefIsStream = isStream;
  }

  private readSection(offset: number): { trailer: PdfDict; isStream: boolean } {
    const lx = new Lexer(this.bytes, offset);
    if (lx.token(true) === 'xref') {
      lx.token();
      for (;;) {
        const t = lx.token(true);
        if (t === 'trailer') {
          lx.token();
          const trailer = lx.value();
          if (!(trailer instanceof PdfDict)) throw new PdfParseError('trailer is not a dictionary');
          return { trailer, isStream: false };
        }
        const start = Number(lx.token());
        const count = Number(lx.token());
        if (!Number.isInteger(start) || !Number.isInteger(count)) throw new PdfParseError('malformed xref table');
        for (let i = 0; i < count; i++) {
          const off = Number(lx.token());
          const gen = Number(lx.token());
          const kind = lx.token();
          const num = start + i;
          if (kind === 'n' && !this.entries.has(num)) this.entries.set(num, { type: 1, offset: off, gen });
          else if (kind === 'f' && !this.entries.has(num)) this.entries.set(num, { type: 1, offset: -1, gen });
        }
      }
    }
    const obj = parseIndirectObject(this.bytes, offset);
    if (!(obj.value instanceof PdfDict) || !obj.stream) throw new PdfParseError(`no cross-reference section at ${offset}`);
    const dict = obj.value;
    const data = decodeStream(dict, this.bytes.subarray(obj.stream.start, obj.stream.end));
    const w = (dict.get('W') as number[] | undefined) ?? [];
    const [w0 = 1, w1 = 0, w2 = 0] = w;
    const size = dict.get('Size');
    const index = (dict.get('Index') as number[] | undefined) ?? [0, typeof size === 'number' ? size : 0];
    const read = (p: number, n: number): number => {
      let v = 0;
      for (let k = 0; k < n; k++) v = v * 256 + data[p + k]!;
      return v;
    };
    let p = 0;
    for (let s = 0; s + 1 < index.length; s += 2) {
      for (let i = 0; i < index[s + 1]!; i++) {
        const num = index[s]! + i;
        const type = w0 ? read(p, w0) : 1;
        const f2 = read(p + w0, w1);
        const f3 = read(p + w0 + w1, w2);
        p += w0 + w1 + w2;
        if (this.entries.has(num)) continue;
        if (type === 1) this.entries.set(num, { type: 1, offset: f2, gen: f3 });
        else if (type === 2) this.entries.set(num, { type: 2, stream: f2, index: f3 });
        else this.entries.set(num, { type: 1, offset: -1, gen: f3 });
      }
    }
    return { trailer: dict, isStream: true };
  }

  /** The highest object number in use plus one (/Size). */
  get size(): number {
    const s = this.trailer.get('Size');
    let max = typeof s === 'number' ? s : 0;
    for (const k of this.entries.keys()) max = Math.max(max, k + 1);
    return max;
  }

  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let v = value;
    for (let depth = 0; v instanceof PdfRef && depth < 32; depth++) v = this.object(v.num);
    return v;
  }

  dict(value: PdfValue | undefined): PdfDict | undefined {
    const v = this.resolve(value);
    return v instanceof PdfDict ? v : undefined;
  }

  object(num: number): PdfValue {
    const cached = this.cache.get(num);
    if (cached !== undefined) return cached;
    if (this.loading.has(num)) return null; // a reference cycle (e.g. a /Length pointing at itself)
    this.loading.add(num);
    try {
      const loaded = this.load(num);
      this.cache.set(num, loaded.value);
      return loaded.value;
    } finally {
      this.loading.delete(num);
    }
  }

  /** An object with its stream (decoded), if it is one. */
  stream(value: PdfValue | undefined): { dict: PdfDict; data: Buffer } | undefined {
    if (!(value instanceof PdfRef)) return undefined;
    const entry = this.entries.get(value.num);
    if (!entry || entry.type !== 1 || entry.offset < 0) return undefined;
    const obj = parseIndirectObject(this.bytes, entry.offset, (l) => {
      const r = this.resolve(l);
      return typeof r === 'number' ? r : undefined;
    });
    if (!(obj.value instanceof PdfDict) || !obj.stream) return undefined;
    return { dict: obj.value, data: decodeStream(obj.value, this.bytes.subarray(obj.stream.start, obj.stream.end), (v) => this.resolve(v)) };
  }

  private load(num: number): { value: PdfValue } {
    const entry = this.entries.get(num);
    if (!entry) return { value: null };
    if (entry.type === 1) {
      if (entry.offset < 0) return { value: null };
      return parseIndirectObject(this.bytes, entry.offset, (l) => {
        const r = l instanceof PdfRef ? this.resolve(l) : l;
        return typeof r === 'number' ? r : undefined;
      });
    }
    let stm = this.objStmCache.get(entry.stream);
    if (!stm) {
      const s = this.stream(new PdfRef(entry.stream));
      if (!s) throw new PdfParseError(`object stream ${entry.stream} is missing`);
      const n = s.dict.get('N');
      const first = s.dict.get('First');
      if (typeof n !== 'number' || typeof first !== 'number') throw new PdfParseError('object stream without N/First');
      const lx = new Lexer(s.data, 0);
      const offsets = new Map<number, number>();
      for (let i = 0; i < n; i++) offsets.set(Number(lx.token()), Number(lx.token()));
      stm = { offsets, data: s.data, first };
      this.objStmCache.set(entry.stream, stm);
    }
    const off = stm.offsets.get(num);
    if (off === undefined) return { value: null };
    return { value: new Lexer(stm.data, stm.first + off).value() };
  }

  get rootRef(): PdfRef {
    const root = this.trailer.get('Root');
    if (!(root instanceof PdfRef)) throw new PdfParseError('the trailer has no /Root');
    return root;
  }

  catalog(): PdfDict {
    const c = this.dict(this.rootRef);
    if (!c) throw new PdfParseError('the document catalog is missing');
    return c;
  }

  /** References of the pages in order. */
  pageRefs(): PdfRef[] {
    const out: PdfRef[] = [];
    const walk = (node: PdfValue | undefined, depth: number): void => {
      if (!(node instanceof PdfRef) || depth > 64) return;
      const d = this.dict(node);
      if (!d) return;
      const type = d.get('Type');
      const kids = this.resolve(d.get('Kids'));
      if (Array.isArray(kids) && !(type instanceof PdfName && type.name === 'Page')) kids.forEach((k) => walk(k, depth + 1));
      else out.push(node);
    };
    walk(this.catalog().get('Pages'), 0);
    return out;
  }
}

export function isName(v: PdfValue | undefined, n: string): boolean {
  return v instanceof PdfName && v.name === n;
}

export function stringBytes(v: PdfValue | undefined): Uint8Array | undefined {
  return v instanceof PdfString ? v.bytes : undefined;
}
