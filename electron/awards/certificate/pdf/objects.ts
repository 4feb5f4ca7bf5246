// A small PDF object model: enough to write certificates and to read, amend and verify signed PDFs.
export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen = 0,
  ) {}
}
/** A string object; `bytes` are the decoded bytes; `hex` only chooses how it is written. */
export class PdfString {
  constructor(
    readonly bytes: Uint8Array,
    readonly hex = false,
  ) {}
}
/** Pre-serialised PDF syntax, written as is. */
export class PdfRaw {
  constructor(readonly text: string) {}
}
export class PdfDict {
  readonly map: Map<string, PdfValue>;
  constructor(entries?: Iterable<readonly [string, PdfValue]> | Record<string, PdfValue | undefined>) {
    this.map = new Map();
    if (!entries) return;
    if (Symbol.iterator in entries) for (const [k, v] of entries as Iterable<readonly [string, PdfValue]>) this.map.set(k, v);
    else for (const [k, v] of Object.entries(entries)) if (v !== undefined) this.map.set(k, v);
  }
  get(key: string): PdfValue | undefined {
    return this.map.get(key);
  }
  set(key: string, value: PdfValue): this {
    this.map.set(key, value);
    return this;
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
  clone(): PdfDict {
    return new PdfDict(this.map);
  }
}
export type PdfValue = null | boolean | number | PdfName | PdfRef | PdfString | PdfRaw | PdfDict | PdfValue[];

export const name = (n: string): PdfName => new PdfName(n);
export const ref = (num: number, gen = 0): PdfRef => new PdfRef(num, gen);

/** An ASCII-only PDF string (throws otherwise: use textString for people's text). */
export function asciiString(s: string): PdfString {
  if (!/^[\x20-\x7e]*$/.test(s)) throw new Error(`asciiString: not printable ASCII: ${JSON.stringify(s)}`);
  return new PdfString(Buffer.from(s, 'latin1'));
}

/** A text string: PDFDocEncoding when the text is plain ASCII, else UTF-16BE with a byte order mark. */
export function textString(s: string): PdfString {
  if (/^[\x20-\x7e\n\t]*$/.test(s)) return new PdfString(Buffer.from(s, 'latin1'));
  const out = Buffer.alloc(2 + s.length * 2);
  out[0] = 0xfe;
  out[1] = 0xff;
  for (let i = 0; i < s.length; i++) out.writeUInt16BE(s.charCodeAt(i), 2 + i * 2);
  return new PdfString(out, true);
}

/** Decodes a PDF text string (UTF-16BE with BOM, UTF-8 with BOM, else PDFDocEncoding ≈ Latin-1). */
export function decodeTextString(bytes: Uint8Array): string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    let s = '';
    for (let i = 2; i + 1 < b.length; i += 2) s += String.fromCharCode(b.readUInt16BE(i));
    return s;
  }
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
  return b.toString('latin1');
}

/** PDF date string D:YYYYMMDDHHmmSS+00'00' (UTC). */
export function pdfDate(date: Date): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `D:${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}+00'00'`;
}

export function parsePdfDate(text: string): Date | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz])|([+-])(\d{2})'?(\d{2})?'?)?/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', , sign, oh = '00', om = '00'] = m;
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (sign) t -= (sign === '+' ? 1 : -1) * (Number(oh) * 60 + Number(om)) * 60_000;
  return new Date(t);
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const r = Math.round(n * 1000) / 1000;
  if (Math.abs(r) < 1e-6) return '0';
  return String(r);
}

const NAME_REGULAR = /^[!-~]$/;
const escapedNames = new Map<string, string>();
function escapeName(n: string): string {
  let cached = escapedNames.get(n);
  if (cached === undefined) {
    cached = escapeNameUncached(n);
    if (escapedNames.size < 4096) escapedNames.set(n, cached);
  }
  return cached;
}

function escapeNameUncached(n: string): string {
  let out = '/';
  for (const ch of Buffer.from(n, 'utf8')) {
    const c = String.fromCharCode(ch);
    if (NAME_REGULAR.test(c) && !'#()<>[]{}/%'.includes(c)) out += c;
    else out += `#${ch.toString(16).padStart(2, '0')}`;
  }
  return out;
}

function literalString(bytes: Uint8Array): string {
  let out = '(';
  for (const b of bytes) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b < 0x20 || b > 0x7e) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out})`;
}

/** Serialises a value as PDF syntax (a latin1 string). */
export function serialize(value: PdfValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatNumber(value);
  if (value instanceof PdfName) return escapeName(value.name);
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`;
  if (value instanceof PdfString) return value.hex ? `<${Buffer.from(value.bytes).toString('hex').toUpperCase()}>` : literalString(value.bytes);
  if (value instanceof PdfRaw) return value.text;
  if (value instanceof PdfDict) {
    let out = '<<';
    for (const [k, v] of value.map) out += `${escapeName(k)} ${serialize(v)}`;
    return `${out}>>`;
  }
  return `[${value.map(serialize).join(' ')}]`;
}
