// Marks ranges of a page's text in its text layer (find matches, the current one, a comment's quote).
import type { TextRange } from './text-store.js';

export type MarkKind = 'match' | 'current' | 'anchor';

export interface Mark extends TextRange {
  kind: MarkKind;
}

/** A rendered text layer: one span per text item, the item strings, and where each starts in the page text. */
export interface LayerText {
  divs: HTMLElement[];
  strs: string[];
  starts: number[];
  /** Items currently split into marked pieces, to restore before the next paint. */
  touched: Set<number>;
}

const RANK: Record<MarkKind, number> = { match: 0, anchor: 1, current: 2 };

/** The index of the item containing offset `at` (binary search over starts). */
export function itemAt(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function paintMarks(layer: LayerText, marks: Mark[]): void {
  for (const i of layer.touched) {
    const div = layer.divs[i];
    if (div) div.textContent = layer.strs[i] ?? '';
  }
  layer.touched.clear();
  if (layer.divs.length === 0) return;

  const pieces = new Map<number, { s: number; e: number; kind: MarkKind }[]>();
  // Lower-ranked marks first, so where marks overlap the current match or the quote is drawn last and wins.
  for (const mark of [...marks].sort((a, b) => RANK[a.kind] - RANK[b.kind])) {
    for (let i = itemAt(layer.starts, mark.start); i < layer.strs.length && layer.starts[i]! < mark.end; i++) {
      const from = layer.starts[i]!;
      const s = Math.max(0, mark.start - from);
      const e = Math.min(layer.strs[i]!.length, mark.end - from);
      if (e <= s) continue;
      const list = pieces.get(i) ?? [];
      // Clip whatever this mark covers out of the pieces already there.
      const kept = list.flatMap((p) =>
        p.e <= s || p.s >= e ? [p] : [...(p.s < s ? [{ ...p, e: s }] : []), ...(p.e > e ? [{ ...p, s: e }] : [])],
      );
      kept.push({ s, e, kind: mark.kind });
      pieces.set(i, kept);
    }
  }

  for (const [i, list] of pieces) {
    const div = layer.divs[i];
    const str = layer.strs[i];
    if (!div || str === undefined) continue;
    list.sort((a, b) => a.s - b.s);
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const p of list) {
      if (p.s > at) frag.append(str.slice(at, p.s));
      const span = document.createElement('span');
      span.className = `pdf-mark pdf-mark-${p.kind}`;
      span.textContent = str.slice(p.s, p.e);
      frag.append(span);
      at = p.e;
    }
    if (at < str.length) frag.append(str.slice(at));
    div.replaceChildren(frag);
    layer.touched.add(i);
  }
}
