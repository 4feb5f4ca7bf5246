// Blind review in PDFs: covers painted over the canvas where redact-items.ts found the earner's identity, and
// over the boxes assessors drew.
import type { PageViewport } from './pdfjs.js';
import type { Cover, FractionBox } from './redact-items.js';

let measurer: CanvasRenderingContext2D | null = null;

/** Where characters [from, to) sit along an item, as fractions of its width (measured in a like font). */
function span(cover: Cover): [number, number] {
  const { str } = cover.item;
  if (cover.from === 0 && cover.to >= str.length) return [0, 1];
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return [0, 1];
  measurer.font = `100px ${cover.fontFamily}`;
  const whole = measurer.measureText(str).width;
  if (whole <= 0) return [0, 1];
  return [
    measurer.measureText(str.slice(0, cover.from)).width / whole,
    measurer.measureText(str.slice(0, cover.to)).width / whole,
  ];
}

/** Paints drawn boxes (fractions of the viewport) opaque. */
export function paintBoxes(
  ctx: CanvasRenderingContext2D,
  viewport: PageViewport,
  scale: number,
  boxes: readonly FractionBox[],
): void {
  if (boxes.length === 0) return;
  ctx.save();
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = COVER_COLOUR;
  for (const b of boxes)
    ctx.fillRect(b.x * viewport.width, b.y * viewport.height, b.w * viewport.width, b.h * viewport.height);
  ctx.restore();
}

/** The opaque colour of a cover: the same in light and dark themes, since the page itself is paper-white. */
export const COVER_COLOUR = '#111111';

/**
 * Paints opaque boxes over the covered characters, in the viewport's coordinates (`scale`: device pixels
 * per viewport pixel). Boxes reach a little past the glyphs: below the baseline for descenders, above the
 * ascent for accents, and a fraction of the font size on each side, since the widths are measured in a like
 * font rather than the page's own.
 */
export function paintCovers(
  ctx: CanvasRenderingContext2D,
  viewport: PageViewport,
  scale: number,
  covers: Cover[],
): void {
  if (covers.length === 0) return;
  ctx.save();
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = COVER_COLOUR;
  for (const cover of covers) {
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = cover.item.transform.map(Number);
    const along = Math.hypot(a, b) || 1;
    const size = Math.hypot(c, d) || cover.item.height || 1;
    const ux = a / along,
      uy = b / along,
      vx = c / size,
      vy = d / size;
    const [s0, s1] = span(cover);
    const pad = size * 0.2;
    const x0 = cover.item.width * s0 - pad;
    const x1 = cover.item.width * s1 + pad;
    const y0 = -size * 0.28;
    const y1 = size * 1.0;
    const corners = [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
    ].map(([x, y]) => viewport.convertToViewportPoint(e + ux * x! + vx * y!, f + uy * x! + vy * y!) as number[]);
    ctx.beginPath();
    corners.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x!, y!) : ctx.lineTo(x!, y!)));
    ctx.closePath();
    ctx.fill();
  }
  ctx.restore();
}
