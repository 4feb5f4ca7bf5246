// The one place Assay reads and writes PNG chunks (length, type, data, CRC-32): the baked badge,
// the certificate's logo decoder and encoder, and the sample package's images all go through here.
// CRC-32 is node:zlib's (Node ≥ 20.15; package.json engines asks ≥ 20.19).
import { AssayError, type AssayErrorOptions } from '../../shared/errors.js';
import { crc32 as zlibCrc32 } from 'node:zlib';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export class PngError extends AssayError {
  override name = 'PngError';
  constructor(message: string, options?: AssayErrorOptions) {
    super('png', message, options);
  }
}

/** CRC-32 (ISO 3309, as PNG and zip use) over the parts in order, as if they were one buffer. */
export function crc32(...parts: Uint8Array[]): number {
  let crc = 0;
  for (const part of parts) crc = zlibCrc32(part, crc);
  return crc >>> 0;
}

export interface PngChunk {
  type: string;
  /** Offset of the chunk's length field; the chunk spans start .. start + 12 + data.length. */
  start: number;
  data: Buffer;
  /** False when the stored CRC does not match, or (lenient reading only) the file ends before it. */
  crcOk: boolean;
}

export interface ReadChunksOptions {
  /**
   * Image decoding tolerates what common decoders do: no IEND, and a file cut off after the last
   * chunk's data. Strict reading (the default, for baked credentials) refuses both.
   */
  lenient?: boolean;
}

/** Walks the chunks up to IEND, refusing a file that is not a PNG or whose chunk runs past the end. */
export function readChunks(png: Buffer, options: ReadChunksOptions = {}): PngChunk[] {
  const lenient = options.lenient === true;
  if (png.length < 8 || !png.subarray(0, 8).equals(PNG_SIGNATURE))
    throw new PngError('not a PNG file (the signature is missing)');
  const out: PngChunk[] = [];
  let pos = 8;
  while (pos < png.length) {
    if (pos + (lenient ? 8 : 12) > png.length) {
      if (lenient) break;
      throw new PngError(`the PNG is cut short inside the chunk at byte ${pos}`);
    }
    const length = png.readUInt32BE(pos);
    const dataEnd = pos + 8 + length;
    if (length > 0x7fffffff || dataEnd + (lenient ? 0 : 4) > png.length) {
      throw new PngError(`the chunk at byte ${pos} claims ${length} bytes, past the end of the file`);
    }
    const typeBytes = png.subarray(pos + 4, pos + 8);
    const data = png.subarray(pos + 8, dataEnd);
    const crcOk = dataEnd + 4 <= png.length && crc32(typeBytes, data) === png.readUInt32BE(dataEnd);
    out.push({ type: typeBytes.toString('latin1'), start: pos, data, crcOk });
    pos = dataEnd + 4;
    if (out[out.length - 1]!.type === 'IEND') break;
  }
  if (!lenient && out.at(-1)?.type !== 'IEND') throw new PngError('the PNG has no IEND chunk');
  return out;
}

/** One chunk, ready to write: length, type, data and its CRC. */
export function writeChunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** The 13-byte IHDR for an 8-bit, non-interlaced image of the given colour type (2 RGB, 6 RGBA). */
export function ihdr(width: number, height: number, colourType: 2 | 6): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = 8; // bit depth
  data[9] = colourType;
  return data; // compression, filter method and interlace stay 0
}

/** A whole PNG from its IHDR and already-compressed image data. */
export function assemblePng(header: Buffer, idat: Buffer): Buffer {
  return Buffer.concat([
    PNG_SIGNATURE,
    writeChunk('IHDR', header),
    writeChunk('IDAT', idat),
    writeChunk('IEND', new Uint8Array(0)),
  ]);
}
