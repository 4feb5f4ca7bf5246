// RFC 4180 CSV: quoted fields with commas, line breaks and "" inside; CRLF, LF or CR; BOM and legacy encodings.

export interface CsvRecord {
  /** 1-based line of the file where this record starts (a quoted field may span lines). */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(readonly line: number, detail: string) {
    super(`line ${line}: ${detail}`);
  }
}

/**
 * Text from a file's bytes. UTF-8 (with or without BOM) and UTF-16 with a BOM (Excel's "Unicode
 * text") are read as such; bytes that are not UTF-8 are taken as Windows-1252, which is what Excel
 * writes for "CSV" on a Western-language Windows.
 */
export function decodeText(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  const b = input;
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b);
  } catch {
    return decodeWindows1252(b);
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

/** Parses CSV text into records. Throws CsvSyntaxError on an unterminated quote or text after a closing quote. */
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
        throw new CsvSyntaxError(line, `unexpected ${JSON.stringify(next)} after a closing quote; a quote inside a quoted field must be doubled ("")`);
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
