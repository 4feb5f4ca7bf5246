// Where each page sits in the scrolling column, computed from page sizes (no DOM reads), and zoom steps.

/** A page's size at 100% (CSS pixels: PDF points × 96/72). */
export interface PageSize {
  w: number;
  h: number;
}

export const PAGE_GAP = 14;
export const PAGE_PAD = 20;
/** PDF points to CSS pixels: 100% shows a page at its printed size. */
export const PT_TO_PX = 96 / 72;
export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 4;
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];

export type ZoomMode = 'fit-width' | number;

export interface Layout {
  /** Top of each page (index 0 = page 1) from the top of the scrolling content. */
  tops: number[];
  widths: number[];
  heights: number[];
  /** Height of all pages with gaps and padding. */
  total: number;
}

export function pageBox(size: PageSize, zoom: number): { w: number; h: number } {
  return { w: Math.floor(size.w * zoom), h: Math.floor(size.h * zoom) };
}

export function layoutPages(sizes: PageSize[], zoom: number): Layout {
  const tops: number[] = [];
  const widths: number[] = [];
  const heights: number[] = [];
  let y = PAGE_PAD;
  for (const size of sizes) {
    const box = pageBox(size, zoom);
    tops.push(y);
    widths.push(box.w);
    heights.push(box.h);
    y += box.h + PAGE_GAP;
  }
  return { tops, widths, heights, total: y - PAGE_GAP + PAGE_PAD };
}

/** The page (1-based) that contains y, or the nearest one. */
export function pageAtY(layout: Layout, y: number): number {
  const { tops } = layout;
  let lo = 0;
  let hi = tops.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Pages (1-based, first to last) that overlap [top, bottom]. */
export function pagesBetween(layout: Layout, top: number, bottom: number): number[] {
  if (layout.tops.length === 0) return [];
  const first = pageAtY(layout, top);
  const out: number[] = [];
  for (let p = first; p <= layout.tops.length && layout.tops[p - 1]! <= bottom; p++) out.push(p);
  return out;
}

/** The zoom at which the widest page fills `width` (the scroll column's inner width). */
export function fitWidthZoom(sizes: PageSize[], width: number): number {
  const widest = sizes.reduce((m, s) => Math.max(m, s.w), 0);
  if (widest <= 0 || width <= 0) return 1;
  return clampZoom((width - 2 * PAGE_PAD) / widest);
}

export function clampZoom(z: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));
}

export function stepZoom(current: number, dir: 1 | -1): number {
  const next =
    dir > 0 ? ZOOM_STEPS.find((s) => s > current + 1e-3) : [...ZOOM_STEPS].reverse().find((s) => s < current - 1e-3);
  return next ?? current;
}
