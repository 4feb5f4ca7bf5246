// Open Badges 3.0 "baking": the credential travels inside the badge PNG as an iTXt chunk named openbadgecredential.
import { decodeUtf8 } from '../../../shared/domain/utf8.js';
import { inflateSync } from 'node:zlib';
import { PNG_SIGNATURE, PngError, readChunks, writeChunk, type PngChunk } from '../../png/chunks.js';

export const BAKED_KEYWORD = 'openbadgecredential';
const MAX_INFLATED = 16 * 1024 * 1024;

// The chunk reader, its error and CRC-32 are the shared PNG chunk module's; re-exported because the
// credential API has always offered them.
export { crc32, PngError } from '../../png/chunks.js';

function isBakedChunk(chunk: PngChunk): boolean {
  if (chunk.type !== 'iTXt') return false;
  const nul = chunk.data.indexOf(0);
  return nul >= 0 && chunk.data.subarray(0, nul).toString('latin1') === BAKED_KEYWORD;
}

/**
 * Returns a copy of the PNG carrying `credentialJson` (a JSON credential or a compact JWS) in an
 * uncompressed iTXt chunk just before IEND; an earlier baked credential is replaced, not duplicated.
 */
export function bakePng(png: Buffer, credentialJson: string): Buffer {
  const all = readChunks(png);
  // iTXt: keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, UTF-8 text.
  const data = Buffer.concat([
    Buffer.from(BAKED_KEYWORD, 'latin1'),
    Buffer.from([0, 0, 0, 0, 0]),
    Buffer.from(credentialJson, 'utf8'),
  ]);
  const parts: Buffer[] = [PNG_SIGNATURE];
  for (const chunk of all) {
    if (isBakedChunk(chunk)) continue;
    if (chunk.type === 'IEND') parts.push(writeChunk('iTXt', data));
    parts.push(png.subarray(chunk.start, chunk.start + 12 + chunk.data.length));
  }
  return Buffer.concat(parts);
}

/** The baked credential text (JSON or a JWS), or null when the PNG carries none. */
export function readBakedPng(png: Buffer): string | null {
  // Every chunk is read: a second credential could otherwise ride behind a genuine first one, and
  // which of the two a verifier shows would depend on the verifier.
  const baked = readChunks(png).filter(isBakedChunk);
  if (baked.length > 1)
    throw new PngError(
      `the PNG carries ${baked.length} openbadgecredential chunks; a baked badge carries exactly one, so this one cannot be trusted`,
    );
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
