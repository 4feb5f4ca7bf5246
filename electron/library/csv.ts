// RFC 4180 CSV: quoted fields with commas, line breaks and "" inside; CRLF, LF or CR; BOM and legacy encodings.
import { AssayError } from '../../shared/errors.js';

import { decodeUtf8, hasUtf8Sequence, invalidUtf8Offset, Utf8Error } from '../../shared/domain/utf8.js';

export interface CsvRecord {
  /** 1-based line of the file where this record starts (a quoted field may span lines). */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends AssayError {
  override name = 'CsvSyntaxError';
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super('invalid-csv', `line ${line}: ${detail}`);
  }
}

/**
 * Text from a file's bytes. UTF-8 (with or without BOM) and UTF-16 with a BOM (Excel's "Unicode
 * text") are read as such; bytes with no UTF-8 in them at all are taken as Windows-1252, which is
 * what Excel writes for "CSV" on a Western-language Windows. Bytes that are UTF-8 but for a bad
 * sequence are damaged, not Windows-1252: they are refused (Utf8Error) rather than mangled.
 */
export function decodeText(input: string | Uint8Array, what = 'The file'): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  const b = input;
  if (b[0] === 0xff && b[1] === 0xfe) return decodeUtf16(b, 'le', what);
  if (b[0] === 0xfe && b[1] === 0xff) return decodeUtf16(b, 'be', what);
  const bad = invalidUtf8Offset(b);
  if (bad < 0) return decodeUtf8(b, what);
  if (hasUtf8Sequence(b)) throw new Utf8Error(what, bad);
  return decodeWindows1252(b);
}

/** UTF-16 after its BOM; an odd length or an unpaired surrogate is refused with its byte offset. */
function decodeUtf16(b: Uint8Array, order: 'le' | 'be', what: string): string {
  const unit = (i: number) => (order === 'le' ? b[i]! | (b[i + 1]! << 8) : (b[i]! << 8) | b[i + 1]!);
  for (let i = 2; i < b.length; i += 2) {
    if (i + 1 >= b.length) throw new Utf16Error(what, i);
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= b.length || (unit(i + 2) & 0xfc00) !== 0xdc00) throw new Utf16Error(what, i);
      i += 2;
    } else if (u >= 0xdc00 && u <= 0xdfff) throw new Utf16Error(what, i);
  }
  return new TextDecoder(`utf-16${order}`).decode(b.subarray(2));
}

export class Utf16Error extends AssayError {
  override name = 'Utf16Error';
  constructor(
    readonly what: string,
    readonly offset: number,
  ) {
    super('encoding', `${what} is not valid UTF-16 (byte offset ${offset}); save it again as UTF-8 and try again`);
  }
}

// Windows-1252 is Latin-1 except 0x80-0x9F (curly quotes, dashes, €...); Node's TextDecoder for
// "windows-1252" takes the Latin-1 fast path and gets exactly those wrong, so the table is here.
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(b: Uint8Array): string {
  let out = '';
  for (const byte of b) out += byte >= 0x80 && byte <= 0x9f ? CP1252_80_9F[byte - 0x80]! : String.fromCharCode(byte);
  return out;
}

/** The delimiter of a spreadsheet export: a comma, or the semicolon or tab some locales and exporters use. */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const firstLine = text.slice(0, text.search(/\r|\n/) >>> 0);
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const comma = count(',');
  if (comma > 0) return ',';
  return count('\t') > count(';') ? '\t' : count(';') > 0 ? ';' : ',';
}

/**
 * Parses CSV text into records. Throws CsvSyntaxError on an unterminated quote or text after a closing quote.
 * Hand-written, not csv-parse (7.0): there one switch (relax_quotes) governs both a stray quote inside
 * an unquoted field (kept here) and text after a closing quote (refused here); its info.lines counts a
 * CRLF inside a quoted field of an LF file as two lines; and an unclosed quote is reported at the end
 * of the file rather than at the line where it opened. canvas-csv.test.ts pins all three.
 */
export function parseCsv(text: string, delimiter: string = ','): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < n) {
    const ch = text[i]!;
    if (ch === '"' && field === '') {
      // A quoted field: runs to the next quote that is not doubled.
      const startLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError(startLine, 'a quoted field is never closed (a " is missing)');
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') {
        throw new CsvSyntaxError(
          line,
          `unexpected ${JSON.stringify(next)} after a closing quote; a quote inside a quoted field must be doubled ("")`,
        );
      }
      // An empty quoted field must still count as a field, even though `field` is ''.
      if (next === undefined) {
        endRecord();
        return records;
      }
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    // Lenient where RFC 4180 is strict: a quote inside an unquoted field is kept as it is.
    field += ch;
    i++;
  }
  // The last record, unless the text ended with a line break.
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
