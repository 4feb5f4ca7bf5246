// Blind review in PDFs: the earner's identity found in a page's text items (by salted hashes, see
// shared/domain/redaction.ts) and taken out of the text the text layer, find and copy use; what to cover is
// listed for redact.ts to paint. No DOM here: unit-tested in Node.
import { findIdentity, WITHHELD, type TermSet } from '../../../shared/domain/redaction.js';

/** What of pdf.js's PageViewport this needs. */
export interface Viewport {
  width: number;
  height: number;
  convertToViewportPoint(x: number, y: number): unknown;
}

/** The structural types of pdf.js's text content this module needs (kept loose: pdf.js types `transform` as any[]). */
export interface Item {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

/** Part of one text item to cover: characters [from, to) of its original string. */
export interface Cover {
  item: Item;
  from: number;
  to: number;
  fontFamily: string;
}

export interface PageRedaction<T extends Item> {
  /** The items with the identity replaced by a neutral mark (what the text layer, find and copy see). */
  items: T[];
  covers: Cover[];
  /** False when the page has no text to check (a scanned page): names on it cannot be found. */
  checked: boolean;
}

/**
 * Finds the identity in a page's items. Items are matched as one text with a line break between each, so a
 * name drawn as several items ("Kim", "Min-jun") is found whole, but no word is made of two items' halves.
 */
export function redactItems<T extends Item>(
  items: T[],
  terms: TermSet,
  styles: Record<string, { fontFamily?: string } | undefined>,
): PageRedaction<T> {
  const starts: number[] = [];
  let text = '';
  for (const item of items) {
    starts.push(text.length);
    text += `${item.str}\n`;
  }
  const checked = /[\p{L}\p{N}]/u.test(text);
  const ranges = findIdentity(text, terms);
  if (ranges.length === 0) return { items, covers: [], checked };
  const covers: Cover[] = [];
  const out = items.map((item, i) => {
    const start = starts[i]!;
    const end = start + item.str.length;
    const local = ranges.filter((r) => r.start < end && r.end > start);
    if (local.length === 0) return item;
    let str = '';
    let at = 0;
    for (const r of local) {
      const from = Math.max(0, r.start - start);
      const to = Math.min(item.str.length, r.end - start);
      // A name running on from the previous item is marked once, where it starts.
      str += item.str.slice(at, from) + (r.start >= start ? WITHHELD : '');
      at = to;
      covers.push({ item, from, to, fontFamily: styles[item.fontName]?.fontFamily ?? 'sans-serif' });
    }
    str += item.str.slice(at);
    return { ...item, str };
  });
  return { items: out, covers, checked };
}

/** A box drawn by an assessor, as fractions of the page as shown (viewport), from its top-left corner. */
export interface FractionBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Items under a drawn box are withheld whole (text layer, find, copy) and covered: the box is for what the
 * matching missed, and text half under it is as telling as text wholly under it.
 */
export function withholdUnder<T extends Item>(
  items: T[],
  boxes: readonly FractionBox[],
  viewport: Viewport,
  styles: Record<string, { fontFamily?: string } | undefined>,
): { items: T[]; covers: Cover[] } {
  if (boxes.length === 0) return { items, covers: [] };
  const covers: Cover[] = [];
  const out = items.map((item) => {
    if (!item.str.trim()) return item;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform.map(Number);
    const along = Math.hypot(a, b) || 1;
    const size = Math.hypot(c, d) || item.height || 1;
    const pts = [
      [0, 0],
      [item.width, 0],
      [item.width, size],
      [0, size],
    ].map(
      ([x, y]) =>
        viewport.convertToViewportPoint(
          e + (a / along) * x! + (c / size) * y!,
          f + (b / along) * x! + (d / size) * y!,
        ) as number[],
    );
    const xs = pts.map((p) => p[0]! / viewport.width);
    const ys = pts.map((p) => p[1]! / viewport.height);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const hit = boxes.some((bx) => x0 < bx.x + bx.w && x1 > bx.x && y0 < bx.y + bx.h && y1 > bx.y);
    if (!hit) return item;
    covers.push({ item, from: 0, to: item.str.length, fontFamily: styles[item.fontName]?.fontFamily ?? 'sans-serif' });
    return { ...item, str: WITHHELD };
  });
  return { items: out, covers };
}
