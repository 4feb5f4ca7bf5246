// A tiny PNG encoder (chunks written by ../png/chunks.ts) and raster canvas for the sample package's images.
import { deflateSync } from 'node:zlib';
import { assemblePng, ihdr } from '../png/chunks.js';

export type Rgb = readonly [number, number, number];

/**
 * Encodes 8-bit RGB pixels (width * height * 3 bytes, row-major) as a PNG, filtering each row with
 * "Sub". A lower zlib level is much faster on noisy, photo-like images for a few percent in size.
 */
export function encodePng(width: number, height: number, rgb: Uint8Array, level = 9): Buffer {
  if (rgb.length !== width * height * 3)
    throw new Error(`encodePng: expected ${width * height * 3} bytes, got ${rgb.length}`);
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const o = y * (stride + 1);
    raw[o] = 1; // filter type Sub
    for (let x = 0; x < stride; x++) {
      const left = x >= 3 ? rgb[y * stride + x - 3]! : 0;
      raw[o + 1 + x] = (rgb[y * stride + x]! - left) & 0xff;
    }
  }
  return assemblePng(ihdr(width, height, 2), deflateSync(raw, { level }));
}

/** Classic 5x7 glyphs, one byte per column, bit 0 at the top. */
const FONT: Record<string, number[]> = {
  A: [0x7c, 0x12, 0x11, 0x12, 0x7c],
  B: [0x7f, 0x49, 0x49, 0x49, 0x36],
  C: [0x3e, 0x41, 0x41, 0x41, 0x22],
  D: [0x7f, 0x41, 0x41, 0x22, 0x1c],
  E: [0x7f, 0x49, 0x49, 0x49, 0x41],
  F: [0x7f, 0x09, 0x09, 0x09, 0x01],
  G: [0x3e, 0x41, 0x49, 0x49, 0x7a],
  H: [0x7f, 0x08, 0x08, 0x08, 0x7f],
  I: [0x00, 0x41, 0x7f, 0x41, 0x00],
  J: [0x20, 0x40, 0x41, 0x3f, 0x01],
  K: [0x7f, 0x08, 0x14, 0x22, 0x41],
  L: [0x7f, 0x40, 0x40, 0x40, 0x40],
  M: [0x7f, 0x02, 0x0c, 0x02, 0x7f],
  N: [0x7f, 0x04, 0x08, 0x10, 0x7f],
  O: [0x3e, 0x41, 0x41, 0x41, 0x3e],
  P: [0x7f, 0x09, 0x09, 0x09, 0x06],
  Q: [0x3e, 0x41, 0x51, 0x21, 0x5e],
  R: [0x7f, 0x09, 0x19, 0x29, 0x46],
  S: [0x46, 0x49, 0x49, 0x49, 0x31],
  T: [0x01, 0x01, 0x7f, 0x01, 0x01],
  U: [0x3f, 0x40, 0x40, 0x40, 0x3f],
  V: [0x1f, 0x20, 0x40, 0x20, 0x1f],
  W: [0x3f, 0x40, 0x38, 0x40, 0x3f],
  X: [0x63, 0x14, 0x08, 0x14, 0x63],
  Y: [0x07, 0x08, 0x70, 0x08, 0x07],
  Z: [0x61, 0x51, 0x49, 0x45, 0x43],
  '0': [0x3e, 0x51, 0x49, 0x45, 0x3e],
  '1': [0x00, 0x42, 0x7f, 0x40, 0x00],
  '2': [0x42, 0x61, 0x51, 0x49, 0x46],
  '3': [0x21, 0x41, 0x45, 0x4b, 0x31],
  '4': [0x18, 0x14, 0x12, 0x7f, 0x10],
  '5': [0x27, 0x45, 0x45, 0x45, 0x39],
  '6': [0x3c, 0x4a, 0x49, 0x49, 0x30],
  '7': [0x01, 0x71, 0x09, 0x05, 0x03],
  '8': [0x36, 0x49, 0x49, 0x49, 0x36],
  '9': [0x06, 0x49, 0x49, 0x29, 0x1e],
  '-': [0x08, 0x08, 0x08, 0x08, 0x08],
  '.': [0x00, 0x60, 0x60, 0x00, 0x00],
  '%': [0x23, 0x13, 0x08, 0x64, 0x62],
  ':': [0x00, 0x36, 0x36, 0x00, 0x00],
  '/': [0x20, 0x10, 0x08, 0x04, 0x02],
  '+': [0x08, 0x08, 0x3e, 0x08, 0x08],
  '(': [0x00, 0x1c, 0x22, 0x41, 0x00],
  ')': [0x00, 0x41, 0x22, 0x1c, 0x00],
  "'": [0x00, 0x05, 0x03, 0x00, 0x00],
  ' ': [0, 0, 0, 0, 0],
};

/** An RGB raster with the few drawing operations the sample images need. */
export class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb = [255, 255, 255],
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    this.fillRect(0, 0, width, height, background);
  }

  /** Blends colour into one pixel with coverage alpha (0..1). */
  blend(x: number, y: number, [r, g, b]: Rgb, alpha = 1): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || alpha <= 0) return;
    const a = Math.min(1, alpha);
    const o = (y * this.width + x) * 3;
    const p = this.pixels;
    p[o] = Math.round(p[o]! * (1 - a) + r * a);
    p[o + 1] = Math.round(p[o + 1]! * (1 - a) + g * a);
    p[o + 2] = Math.round(p[o + 2]! * (1 - a) + b * a);
  }

  fillRect(x0: number, y0: number, w: number, h: number, colour: Rgb, alpha = 1): void {
    const x1 = Math.min(this.width, Math.round(x0 + w));
    const y1 = Math.min(this.height, Math.round(y0 + h));
    for (let y = Math.max(0, Math.round(y0)); y < y1; y++)
      for (let x = Math.max(0, Math.round(x0)); x < x1; x++) this.blend(x, y, colour, alpha);
  }

  /** Fills the pixels (within `box`) where the signed distance is negative, anti-aliased over one pixel. */
  fillShape(
    distance: (x: number, y: number) => number,
    colour: Rgb,
    alpha = 1,
    box?: { x0: number; y0: number; x1: number; y1: number },
  ): void {
    const x0 = Math.max(0, Math.floor(box?.x0 ?? 0)),
      x1 = Math.min(this.width, Math.ceil(box?.x1 ?? this.width));
    const y0 = Math.max(0, Math.floor(box?.y0 ?? 0)),
      y1 = Math.min(this.height, Math.ceil(box?.y1 ?? this.height));
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const d = distance(x + 0.5, y + 0.5);
        if (d < 0.5) this.blend(x, y, colour, alpha * Math.min(1, 0.5 - d));
      }
    }
  }

  fillCircle(cx: number, cy: number, r: number, colour: Rgb, alpha = 1): void {
    this.fillShape((x, y) => Math.hypot(x - cx, y - cy) - r, colour, alpha, {
      x0: cx - r - 2,
      y0: cy - r - 2,
      x1: cx + r + 2,
      y1: cy + r + 2,
    });
  }

  /** A regular polygon with a vertex at the top (n = 6 gives a badge hexagon). */
  fillPolygon(cx: number, cy: number, r: number, n: number, colour: Rgb, rotation = -Math.PI / 2): void {
    const apothem = r * Math.cos(Math.PI / n);
    const normals = Array.from({ length: n }, (_, i) => {
      const t = rotation + Math.PI / n + (2 * Math.PI * i) / n;
      return [Math.cos(t), Math.sin(t)] as const;
    });
    this.fillShape(
      (x, y) => {
        let d = -Infinity;
        for (const [nx, ny] of normals) d = Math.max(d, (x - cx) * nx + (y - cy) * ny - apothem);
        return d;
      },
      colour,
      1,
      { x0: cx - r - 2, y0: cy - r - 2, x1: cx + r + 2, y1: cy + r + 2 },
    );
  }

  line(x0: number, y0: number, x1: number, y1: number, colour: Rgb, width = 1): void {
    const len = Math.hypot(x1 - x0, y1 - y0) || 1;
    const minX = Math.floor(Math.min(x0, x1) - width),
      maxX = Math.ceil(Math.max(x0, x1) + width);
    const minY = Math.floor(Math.min(y0, y1) - width),
      maxY = Math.ceil(Math.max(y0, y1) + width);
    for (let y = Math.max(0, minY); y <= Math.min(this.height - 1, maxY); y++) {
      for (let x = Math.max(0, minX); x <= Math.min(this.width - 1, maxX); x++) {
        const px = x + 0.5,
          py = y + 0.5;
        const t = Math.max(0, Math.min(1, ((px - x0) * (x1 - x0) + (py - y0) * (y1 - y0)) / (len * len)));
        const d = Math.hypot(px - (x0 + t * (x1 - x0)), py - (y0 + t * (y1 - y0))) - width / 2;
        if (d < 0.5) this.blend(x, y, colour, Math.min(1, 0.5 - d));
      }
    }
  }

  /** Draws upper-case text in the 5x7 font; returns the width drawn. Unknown characters draw as spaces. */
  text(x: number, y: number, s: string, colour: Rgb, scale = 1): number {
    let cx = Math.round(x);
    for (const ch of s.toUpperCase()) {
      const glyph = FONT[ch] ?? FONT[' ']!;
      glyph.forEach((col, i) => {
        for (let row = 0; row < 7; row++)
          if (col & (1 << row)) this.fillRect(cx + i * scale, Math.round(y) + row * scale, scale, scale, colour);
      });
      cx += 6 * scale;
    }
    return cx - Math.round(x) - scale;
  }

  static textWidth(s: string, scale = 1): number {
    return s.length === 0 ? 0 : s.length * 6 * scale - scale;
  }

  toPng(level = 9): Buffer {
    return encodePng(this.width, this.height, this.pixels, level);
  }
}
