// Open Badges 3.0 "baking": the credential travels inside the badge PNG as an iTXt chunk named openbadgecredential.
import { decodeUtf8 } from '../../../shared/domain/utf8.js';
import { inflateSync } from 'node:zlib';

export const BAKED_KEYWORD = 'openbadgecredential';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const MAX_INFLATED = 16 * 1024 * 1024;

export class PngError extends Error {
  override name = 'PngError';
}

// CRC-32 (ISO 3309, as PNG uses) with a table built once; zlib.crc32 needs Node ≥ 20.15, engines says ≥ 20.
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(...parts: Uint8Array[]): number {
  let crc = 0xffffffff;
  for (const part of parts) for (const byte of part) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

interface Chunk {
  type: string;
  /** Offset of the chunk's length field; the chunk spans start .. start + 12 + data.length. */
  start: number;
  data: Buffer;
  crcOk: boolean;
}

/** Walks the chunks, refusing a file that is not a PNG or is cut short (never reading past the end). */
function chunks(png: Buffer): Chunk[] {
  if (png.length < 8 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new PngError('not a PNG file (the signature is missing)');
  const out: Chunk[] = [];
  let pos = 8;
  while (pos < png.length) {
    if (pos + 12 > png.length) throw new PngError(`the PNG is cut short inside the chunk at byte ${pos}`);
    const length = png.readUInt32BE(pos);
    const end = pos + 12 + length;
    if (length > 0x7fffffff || end > png.length) throw new PngError(`the chunk at byte ${pos} claims ${length} bytes, past the end of the file`);
    const typeBytes = png.subarray(pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + length);
    out.push({ type: typeBytes.toString('latin1'), start: pos, data, crcOk: crc32(typeBytes, data) === png.readUInt32BE(pos + 8 + length) });
    pos = end;
    if (out[out.length - 1]!.type === 'IEND') break;
  }
  if (out.at(-1)?.type !== 'IEND') throw new PngError('the PNG has no IEND chunk');
  return out;
}

function isBakedChunk(chunk: Chunk): boolean {
  if (chunk.type !== 'iTXt') return false;
  const nul = chunk.data.indexOf(0);
  return nul >= 0 && chunk.data.subarray(0, nul).toString('latin1') === BAKED_KEYWORD;
}

function makeChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(head.subarray(4, 8), data), 0);
  return Buffer.concat([head, data, tail]);
}

/**
 * Returns a copy of the PNG carrying `credentialJson` (a JSON credential or a compact JWS) in an
 * uncompressed iTXt chunk just before IEND; an earlier baked credential is replaced, not duplicated.
 */
export function bakePng(png: Buffer, credentialJson: string): Buffer {
  const all = chunks(png);
  // iTXt: keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, UTF-8 text.
  const data = Buffer.concat([Buffer.from(BAKED_KEYWORD, 'latin1'), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(credentialJson, 'utf8')]);
  const parts: Buffer[] = [PNG_SIGNATURE];
  for (const chunk of all) {
    if (isBakedChunk(chunk)) continue;
    if (chunk.type === 'IEND') parts.push(makeChunk('iTXt', data));
    parts.push(png.subarray(chunk.start, chunk.start + 12 + chunk.data.length));
  }
  return Buffer.concat(parts);
}

/** The baked credential text (JSON or a JWS), or null when the PNG carries none. */
export function readBakedPng(png: Buffer): string | null {
  // Every chunk is read: a second credential could otherwise ride behind a genuine first one, and
  // which of the two a verifier shows would depend on the verifier.
  const baked = chunks(png).filter(isBakedChunk);
  if (baked.length > 1) throw new PngError(`the PNG carries ${baked.length} openbadgecredential chunks; a baked badge carries exactly one, so this one cannot be trusted`);
  const chunk = baked[0];
  if (!chunk) return null;
  if (!chunk.crcOk) throw new PngError('the baked credential chunk is corrupted (its CRC does not match)');
  const d = chunk.data;
  let pos = d.indexOf(0) + 1;
  if (pos + 2 > d.length) throw new PngError('the baked credential chunk is truncated');
  const compressed = d[pos] === 1;
  pos += 2; // compression flag and method
  for (let field = 0; field < 2; field++) {
    // language tag, then translated keyword: each NUL-terminated
    const nul = d.indexOf(0, pos);
    if (nul < 0) throw new PngError('the baked credential chunk is truncated');
    pos = nul + 1;
  }
  const text = d.subarray(pos);
  // The spec bakes uncompressed, but iTXt allows zlib; accept it when reading others' badges (capped: no zip bombs).
  return decodeUtf8(compressed ? inflateSync(text, { maxOutputLength: MAX_INFLATED }) : text, 'The baked credential');
}
