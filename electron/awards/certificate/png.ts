// Minimal PNG codec on node:zlib: decodes what issuers upload as logos (8-bit and palette/grey of any
// depth, with or without alpha, interlaced or not) and encodes RGB(A) for tests and reference images.
import { deflateSync, inflateSync } from 'node:zlib';
import { assemblePng, ihdr, PngError, readChunks } from '../../png/chunks.js';

export interface RasterImage {
  width: number;
  height: number;
  /** 3 (RGB) or 4 (RGBA) */
  channels: 3 | 4;
  /** 8-bit samples, row-major */
  pixels: Uint8Array;
}

export { PngError };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function unfilter(
  data: Uint8Array,
  offset: number,
  width: number,
  height: number,
  bpp: number,
  bitsPerPixel: number,
): { rows: Uint8Array; next: number } {
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  const rows = new Uint8Array(stride * height);
  let p = offset;
  for (let y = 0; y < height; y++) {
    const filter = data[p++];
    if (filter === undefined || p + stride > data.length) throw new PngError('PNG image data is truncated');
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x++) {
      const raw = data[p + x]!;
      const a = x >= bpp ? rows[row + x - bpp]! : 0;
      const b = y > 0 ? rows[prev + x]! : 0;
      const c = x >= bpp && y > 0 ? rows[prev + x - bpp]! : 0;
      let v: number;
      switch (filter) {
        case 0:
          v = raw;
          break;
        case 1:
          v = raw + a;
          break;
        case 2:
          v = raw + b;
          break;
        case 3:
          v = raw + ((a + b) >> 1);
          break;
        case 4:
          v = raw + paeth(a, b, c);
          break;
        default:
          throw new PngError(`PNG row filter ${filter} is not valid`);
      }
      rows[row + x] = v & 0xff;
    }
    p += stride;
  }
  return { rows, next: p };
}

/** Decodes a PNG to 8-bit RGB or RGBA (RGBA when it has any transparency). */
export function decodePng(bytes: Uint8Array): RasterImage {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0,
    height = 0,
    depth = 0,
    colour = 0,
    interlace = 0;
  let palette: Buffer | undefined;
  let trns: Buffer | undefined;
  const idat: Buffer[] = [];
  for (const { type, data } of readChunks(buf, { lenient: true })) {
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8]!;
      colour = data[9]!;
      interlace = data[12]!;
    } else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') trns = data;
    else if (type === 'IDAT') idat.push(data);
  }
  if (!width || !height || width * height > 40_000_000) throw new PngError('PNG size is missing or too large');
  const samples = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colour];
  if (!samples || ![1, 2, 4, 8, 16].includes(depth))
    throw new PngError(`PNG colour type ${colour} / depth ${depth} is not supported`);
  const inflated = inflateSync(Buffer.concat(idat));
  const bitsPerPixel = samples * depth;
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const hasAlpha = colour === 4 || colour === 6 || trns !== undefined;
  const channels: 3 | 4 = hasAlpha ? 4 : 3;
  const out = new Uint8Array(width * height * channels);
  const maxValue = (1 << Math.min(depth, 8)) - 1;

  const put = (rows: Uint8Array, pw: number, ph: number, place: (x: number, y: number) => number): void => {
    const stride = Math.ceil((pw * bitsPerPixel) / 8);
    const sample = (rowStart: number, index: number): number => {
      if (depth === 8) return rows[rowStart + index]!;
      if (depth === 16) return rows[rowStart + index * 2]!; // high byte
      const bit = index * depth;
      return (rows[rowStart + (bit >> 3)]! >> (8 - depth - (bit & 7))) & maxValue;
    };
    for (let y = 0; y < ph; y++) {
      const rs = y * stride;
      for (let x = 0; x < pw; x++) {
        const o = place(x, y) * channels;
        let r: number,
          g: number,
          b: number,
          a = 255;
        if (colour === 3) {
          const i = sample(rs, x);
          if (!palette || i * 3 + 2 >= palette.length) throw new PngError('PNG palette index out of range');
          r = palette[i * 3]!;
          g = palette[i * 3 + 1]!;
          b = palette[i * 3 + 2]!;
          if (trns) a = i < trns.length ? trns[i]! : 255;
        } else if (colour === 0 || colour === 4) {
          const raw = sample(rs, x * samples);
          const v = depth < 8 ? Math.round((raw * 255) / maxValue) : raw;
          r = g = b = v;
          if (colour === 4) a = sample(rs, x * samples + 1);
          else if (trns && trns.length >= 2 && raw === (depth === 16 ? trns[0]! : trns.readUInt16BE(0))) a = 0;
        } else {
          r = sample(rs, x * samples);
          g = sample(rs, x * samples + 1);
          b = sample(rs, x * samples + 2);
          if (colour === 6) a = sample(rs, x * samples + 3);
          else if (
            trns &&
            trns.length >= 6 &&
            depth === 8 &&
            r === trns.readUInt16BE(0) &&
            g === trns.readUInt16BE(2) &&
            b === trns.readUInt16BE(4)
          )
            a = 0;
        }
        out[o] = r;
        out[o + 1] = g;
        out[o + 2] = b;
        if (channels === 4) out[o + 3] = a;
      }
    }
  };

  if (interlace === 0) {
    const { rows } = unfilter(inflated, 0, width, height, bpp, bitsPerPixel);
    put(rows, width, height, (x, y) => y * width + x);
  } else {
    const passes = [
      [0, 0, 8, 8],
      [4, 0, 8, 8],
      [0, 4, 4, 8],
      [2, 0, 4, 4],
      [0, 2, 2, 4],
      [1, 0, 2, 2],
      [0, 1, 1, 2],
    ] as const;
    let offset = 0;
    for (const [x0, y0, dx, dy] of passes) {
      const pw = Math.ceil((width - x0) / dx);
      const ph = Math.ceil((height - y0) / dy);
      if (pw <= 0 || ph <= 0) continue;
      const { rows, next } = unfilter(inflated, offset, pw, ph, bpp, bitsPerPixel);
      offset = next;
      put(rows, pw, ph, (x, y) => (y0 + y * dy) * width + x0 + x * dx);
    }
  }
  return { width, height, channels, pixels: out };
}

/** Encodes 8-bit RGB or RGBA pixels as a PNG (filter "Up"). */
export function encodePng(image: RasterImage, level = 6): Buffer {
  const { width, height, channels, pixels } = image;
  if (pixels.length !== width * height * channels) throw new PngError('encodePng: pixel count does not match the size');
  const stride = width * channels;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const o = y * (stride + 1);
    raw[o] = 2;
    for (let x = 0; x < stride; x++)
      raw[o + 1 + x] = (pixels[y * stride + x]! - (y ? pixels[(y - 1) * stride + x]! : 0)) & 0xff;
  }
  return assemblePng(ihdr(width, height, channels === 4 ? 6 : 2), deflateSync(raw, { level }));
}
