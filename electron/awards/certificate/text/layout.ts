// Text to positioned glyph runs: bidi levels, a font per character from the style's fallback chain,
// runs shaped by HarfBuzz (in the context of the whole line, so Arabic joins across font changes), and
// runs put in visual order. Also measures and wraps paragraphs.
import {
  CHAINS,
  FaceSubsets,
  loadFace,
  type FaceSpec,
  type FontLocator,
  type FontStyle,
  type PreparedFont,
} from '../fonts/catalog.js';
import { shapeRun, type ShapedGlyph } from '../fonts/harfbuzz.js';
import { resolveLevels, visualOrder } from './bidi.js';

export interface TextStyle {
  font: FontStyle;
  size: number;
  /** Extra space between letters, in em (not applied to joined scripts). */
  tracking?: number;
}

export interface GlyphRun {
  font: PreparedFont;
  rtl: boolean;
  glyphs: ShapedGlyph[];
  /** The run's characters, and where each glyph's cluster ends (for ToUnicode). */
  text: string;
  start: number;
  end: number;
  clusterEnds: Map<number, number>;
}

export interface ShapedLine {
  text: string;
  runs: GlyphRun[];
  /** Sum of advances in em. */
  advanceEm: number;
  /** Glyphs that take letter-spacing. */
  trackable: number;
  missing: number;
}

export function lineWidth(line: ShapedLine, style: TextStyle): number {
  const tracking = style.tracking ?? 0;
  return style.size * (line.advanceEm + tracking * Math.max(0, line.trackable - 1));
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
// Variation selectors (U+FE00–FE0F) are \p{M}; the joiners ZWNJ and ZWJ stand alone, not inside a class.
const NEUTRAL = /[\s\p{P}\p{S}\p{N}\p{M}]|\u200c|\u200d/u;

interface Item {
  start: number;
  end: number;
  face: number;
  level: number;
}

/** Fonts for one batch: the loaded faces and their subsets. */
export class FontSet {
  readonly #subsets = new Map<string, FaceSubsets>();
  readonly #items = new Map<
    string,
    { items: Item[]; chain: readonly FaceSpec[]; base: 0 | 1; chars: [FaceSpec, number[]][] }
  >();

  constructor(private readonly locator: FontLocator = {}) {}

  subsets(spec: FaceSpec): FaceSubsets {
    let s = this.#subsets.get(spec.id);
    if (!s) {
      s = new FaceSubsets(loadFace(spec, this.locator));
      this.#subsets.set(spec.id, s);
    }
    return s;
  }

  covers(spec: FaceSpec, cp: number): boolean {
    return this.subsets(spec).face.coverage.has(cp);
  }

  /** The style's fallback chain: other faces, then Han-first CJK faces, then Hangul-first ones. */
  chain(style: FontStyle): readonly FaceSpec[] {
    const chain = CHAINS[style];
    return [
      ...chain.filter((f) => !f.cjk),
      ...chain.filter((f) => f.cjk === 'han'),
      ...chain.filter((f) => f.cjk === 'hangul'),
    ];
  }

  /** Splits text into runs of one font and one bidi level (logical order); cached per text and style. */
  itemize(
    text: string,
    style: FontStyle,
  ): { items: Item[]; chain: readonly FaceSpec[]; base: 0 | 1; chars: [FaceSpec, number[]][] } {
    const key = `${style}\u0000${text}`;
    const hit = this.#items.get(key);
    if (hit) return hit;
    const result = this.itemizeUncached(text, style);
    const byFace = new Map<FaceSpec, number[]>();
    for (const item of result.items) {
      const spec = result.chain[item.face]!;
      let list = byFace.get(spec);
      if (!list) byFace.set(spec, (list = []));
      for (const ch of text.slice(item.start, item.end)) list.push(ch.codePointAt(0)!);
    }
    const full = { ...result, chars: [...byFace] };
    if (this.#items.size > 8192) this.#items.clear();
    this.#items.set(key, full);
    return full;
  }

  private itemizeUncached(text: string, style: FontStyle): { items: Item[]; chain: readonly FaceSpec[]; base: 0 | 1 } {
    const chain = this.chain(style);
    const { levels, base } = resolveLevels(text);
    const n = text.length;
    // Common case: left-to-right text the primary face has entirely.
    if (!base && levels.every((l) => l === 0)) {
      const primary = this.subsets(chain[0]!).face.coverage;
      let all = true;
      for (let i = 0; i < n && all; i++) {
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) i++;
        if (!primary.has(cp) && cp !== 0x20) all = false;
      }
      if (all) return { items: n ? [{ start: 0, end: n, face: 0, level: 0 }] : [], chain, base };
    }
    const faceOf = new Int16Array(n).fill(-1);
    // In a word with Hangul (a Korean name), Han characters are Hanja: take them from the Korean face.
    const korean = new Uint8Array(n);
    for (const m of text.matchAll(/\S+/g)) if (HANGUL.test(m[0])) korean.fill(1, m.index, m.index + m[0].length);
    const order = chain.map((_, i) => i);
    const koreanOrder = [
      ...order.filter((i) => chain[i]!.cjk !== 'han'),
      ...order.filter((i) => chain[i]!.cjk === 'han'),
    ];
    const firstCovering = (cp: number, at = 0): number => {
      for (const f of korean[at] ? koreanOrder : order) if (this.covers(chain[f]!, cp)) return f;
      return -1;
    };
    const neutral = new Array<boolean>(n).fill(false);
    for (let i = 0; i < n; i++) {
      const cp = text.codePointAt(i)!;
      const wide = cp > 0xffff;
      const ch = String.fromCodePoint(cp);
      neutral[i] = NEUTRAL.test(ch);
      if (!neutral[i]) faceOf[i] = firstCovering(cp, i);
      if (wide) {
        neutral[i + 1] = neutral[i]!;
        faceOf[i + 1] = faceOf[i]!;
        i++;
      }
    }
    // Neutrals (spaces, punctuation, digits, marks) stay with a neighbour's font when it has them.
    for (let i = 0; i < n; i++) {
      if (!neutral[i]) continue;
      const cp = text.codePointAt(i)!;
      let prev = -1;
      for (let j = i - 1; j >= 0; j--)
        if (faceOf[j]! >= 0) {
          prev = faceOf[j]!;
          break;
        }
      let next = -1;
      for (let j = i + 1; j < n; j++)
        if (!neutral[j] && faceOf[j]! >= 0) {
          next = faceOf[j]!;
          break;
        }
      let f = -1;
      if (prev >= 0 && this.covers(chain[prev]!, cp)) f = prev;
      else if (next >= 0 && this.covers(chain[next]!, cp)) f = next;
      else f = firstCovering(cp, i);
      faceOf[i] = f;
      if (cp > 0xffff) faceOf[++i] = f;
    }
    const items: Item[] = [];
    for (let i = 0; i < n;) {
      const face = Math.max(0, faceOf[i]!);
      const level = levels[i]!;
      let j = i + 1;
      while (j < n && Math.max(0, faceOf[j]!) === face && levels[j] === level) j++;
      items.push({ start: i, end: j, face, level });
      i = j;
    }
    return { items, chain, base };
  }

  /** Characters each face needs for these texts. */
  collect(
    texts: readonly { text: string; style: FontStyle }[],
    into = new Map<FaceSpec, Set<number>>(),
  ): Map<FaceSpec, Set<number>> {
    for (const { text, style } of texts) {
      for (const [spec, chars] of this.itemize(text, style).chars) {
        let set = into.get(spec);
        if (!set) into.set(spec, (set = new Set()));
        for (const c of chars) set.add(c);
      }
    }
    return into;
  }
}

/** Shapes one line with prepared fonts (every face the line uses must be in `fonts`). */
export function shapeLine(
  fontSet: FontSet,
  text: string,
  style: FontStyle,
  fonts: ReadonlyMap<FaceSpec, PreparedFont>,
): ShapedLine {
  const { items, chain } = fontSet.itemize(text, style);
  const logical: GlyphRun[] = [];
  let advanceEm = 0;
  let trackable = 0;
  let missing = 0;
  for (const item of items) {
    const spec = chain[item.face]!;
    const font = fonts.get(spec);
    if (!font) throw new Error(`shapeLine: no prepared font for ${spec.id}`);
    const rtl = item.level % 2 === 1;
    const glyphs = shapeRun(font.shaping, text, item.start, item.end - item.start, rtl);
    const clusters = [...new Set(glyphs.map((g) => g.cluster))].sort((a, b) => a - b);
    const clusterEnds = new Map<number, number>();
    clusters.forEach((c, k) => clusterEnds.set(c, clusters[k + 1] ?? item.end));
    let units = 0;
    for (const g of glyphs) {
      units += g.ax;
      if (g.gid === 0) missing++;
    }
    advanceEm += units / font.info.unitsPerEm;
    if (!spec.cursive) trackable += glyphs.length;
    logical.push({ font, rtl, glyphs, text, start: item.start, end: item.end, clusterEnds });
  }
  const order = visualOrder(items.map((i) => i.level));
  return { text, runs: order.map((k) => logical[k]!), advanceEm, trackable, missing };
}

/** Greedy line breaking at spaces (and between CJK characters) to fit maxWidth; the paragraph is shaped once. */
export function wrapText(
  fontSet: FontSet,
  text: string,
  style: TextStyle,
  maxWidth: number,
  fonts: ReadonlyMap<FaceSpec, PreparedFont>,
): string[] {
  const whole = shapeLine(fontSet, text, style.font, fonts);
  const tracking = (style.tracking ?? 0) * style.size;
  const adv = new Float64Array(text.length + 1);
  for (const run of whole.runs) {
    const scale = style.size / run.font.info.unitsPerEm;
    for (const g of run.glyphs)
      adv[g.cluster] = adv[g.cluster]! + g.ax * scale + (run.font.spec.cursive ? 0 : tracking);
  }
  const breakAfter = (i: number): boolean =>
    /[\s\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff]/u.test(text[i]!) && i + 1 < text.length && !/\s/.test(text[i + 1]!);
  const lines: string[] = [];
  let lineStart = 0;
  let width = 0; // width of text[lineStart, i) without trailing spaces
  let pending = 0; // width since the last break opportunity
  let lastBreak = -1;
  let widthAtBreak = 0;
  for (let i = 0; i < text.length; i++) {
    const w = adv[i]!;
    const isSpace = /\s/.test(text[i]!);
    if (!isSpace && width + pending + w > maxWidth && lastBreak >= lineStart) {
      lines.push(text.slice(lineStart, lastBreak + 1).trim());
      lineStart = lastBreak + 1;
      width = width + pending - widthAtBreak;
      pending = 0;
      lastBreak = -1;
    }
    pending += w;
    if (breakAfter(i)) {
      width += pending;
      pending = 0;
      lastBreak = i;
      widthAtBreak = width;
    }
  }
  const rest = text.slice(lineStart).trim();
  if (rest) lines.push(rest);
  return lines;
}

/**
 * Two shaped lines drawn as one, `b` after `a` (each in its own faces: a line set in one style, then a part of it
 * in another). `b`'s runs are moved along the joined text; neither line is changed (shaped lines are cached).
 */
export function joinLines(a: ShapedLine, b: ShapedLine): ShapedLine {
  const text = a.text + b.text;
  const off = a.text.length;
  const moved = (run: GlyphRun): GlyphRun => ({
    ...run,
    text,
    start: run.start + off,
    end: run.end + off,
    glyphs: run.glyphs.map((g) => ({ ...g, cluster: g.cluster + off })),
    clusterEnds: new Map([...run.clusterEnds].map(([c, e]) => [c + off, e + off])),
  });
  return {
    text,
    runs: [...a.runs.map((run) => ({ ...run, text })), ...b.runs.map(moved)],
    advanceEm: a.advanceEm + b.advanceEm,
    trackable: a.trackable + b.trackable,
    missing: a.missing + b.missing,
  };
}
