// What each shaped glyph stands for, for the ToUnicode CMap. HarfBuzz's clusters say which characters
// a glyph came from; a cluster of one glyph (a letter, a ligature) stands for all its characters, and a
// cluster the font drew as a base and marks (Arabic أ as alef + hamza above, a Vietnamese letter with
// two diacritics as ê + tilde) is split by canonical decomposition: each mark glyph gets its combining
// mark, the base glyph the rest. A glyph then maps to the same text wherever it is used, and reading
// the glyphs in order gives the text up to canonical equivalence (NFC of the result is the original).
import type { GlyphRun } from './layout.js';

const MARK_CLASS = 3;
/** The text of a glyph that stands for nothing (content.ts gives it a code with an empty ToUnicode entry). */
export const NOTHING = '';
const COMBINING = /\p{M}/u;

export interface RunText {
  /** Per glyph of run.glyphs (visual order): the text it maps to. */
  texts: string[];
  /**
   * True when the glyphs map one to one to the run's characters (no ligature, decomposition or
   * unmapped glyph): reading the glyphs gives the text exactly, without /ActualText.
   */
  plain: boolean;
}

export function glyphTexts(run: GlyphRun): RunText {
  const { glyphs, text } = run;
  const texts = new Array<string>(glyphs.length).fill('');
  let plain = true;
  // glyph indices per cluster, in logical order (a right-to-left run's glyphs come reversed)
  const clusters = new Map<number, number[]>();
  for (let i = 0; i < glyphs.length; i++) {
    const k = run.rtl ? glyphs.length - 1 - i : i;
    const c = glyphs[k]!.cluster;
    let list = clusters.get(c);
    if (!list) clusters.set(c, (list = []));
    list.push(k);
  }
  const face = run.font.shaping.face;
  for (const [cluster, members] of clusters) {
    const t = text.slice(cluster, run.clusterEnds.get(cluster) ?? cluster + 1);
    if (members.length === 1) {
      texts[members[0]!] = t;
      if (Array.from(t).length !== 1) plain = false;
      continue;
    }
    plain = false;
    const isMark = (k: number): boolean => face.getGlyphClass(glyphs[k]!.gid) === MARK_CLASS || glyphs[k]!.ax === 0;
    const markGlyphs = members.filter(isMark);
    const baseGlyphs = members.filter((k) => !isMark(k));
    const chars = Array.from(t.normalize('NFD'));
    const marks: number[] = [];
    chars.forEach((ch, i) => COMBINING.test(ch) && marks.push(i));
    if (baseGlyphs.length === 1 && markGlyphs.length <= marks.length) {
      // the last marks go to the mark glyphs; the base glyph takes the rest (precomposed where it can)
      const taken = marks.slice(marks.length - markGlyphs.length);
      markGlyphs.forEach((k, j) => (texts[k] = chars[taken[j]!]!));
      texts[baseGlyphs[0]!] = chars
        .filter((_, i) => !taken.includes(i))
        .join('')
        .normalize('NFC');
    } else {
      // No way to split it (Noto Naskh draws ت and ي in some positions as a dotless tooth plus a
      // dots glyph): the first glyph stands for the whole cluster, the others for nothing.
      texts[members[0]!] = t;
      for (const k of members.slice(1)) texts[k] = NOTHING;
    }
  }
  return { texts, plain };
}
