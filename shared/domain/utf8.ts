// Strict UTF-8: JSON and CSV that Assay reads must be UTF-8 (RFC 8259 §8.1); a bad byte is refused, never replaced.
import { AssayError } from '../errors.js';

/** Thrown for bytes that are not UTF-8; `offset` is the 0-based position of the first bad byte. */
export class Utf8Error extends AssayError {
  override name = 'Utf8Error';
  constructor(
    readonly what: string,
    readonly offset: number,
  ) {
    super('encoding', `${what} is not valid UTF-8 (byte offset ${offset}); save it as UTF-8 and try again`);
  }
}

/**
 * The offset where the first ill-formed UTF-8 sequence starts (overlong forms, surrogates and code points
 * above U+10FFFF are ill-formed, as the Unicode standard's table 3-7 has them), or -1 when there is none.
 */
export function invalidUtf8Offset(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k < len; k++) {
      const d = b[i + k];
      if (d === undefined || (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf)) return i;
    }
    i += len;
  }
  return -1;
}

/** True when the bytes hold at least one well-formed multi-byte UTF-8 sequence (evidence that the text is UTF-8). */
export function hasUtf8Sequence(b: Uint8Array): boolean {
  for (let i = 0; i + 1 < b.length; i++) {
    const c = b[i]!;
    if (c >= 0xc2 && c <= 0xf4 && invalidUtf8Offset(b.subarray(i, i + (c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4))) === -1)
      return true;
  }
  return false;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes UTF-8 (a leading BOM is dropped) or throws Utf8Error naming `what` and the offset of the first bad byte.
 * The fatal decoder refuses exactly what `invalidUtf8Offset` finds (the same table 3-7), so the offset is looked
 * for only when it refuses: checking first read every byte twice (a fifth of a large package's decoding).
 */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new Utf8Error(what, Math.max(0, invalidUtf8Offset(bytes)));
  }
}
