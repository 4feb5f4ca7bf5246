// Bidi levels from bidi-js (the Unicode Bidirectional Algorithm, UAX #9, with explicit embeddings
// and bracket pairs). The visual order of a line's runs (rule L2) is ours: layout reorders runs of
// one face and one level, not characters.
import bidiModule, { type BidiCharTypeName } from 'bidi-js';

// bidi-js is CommonJS (module.exports = the factory) but its types say `export default`, which under
// NodeNext reads as `module.exports.default`; at run time the default import is the factory itself.
const bidiFactory = bidiModule as unknown as typeof bidiModule.default;
const bidi = bidiFactory();

/** Characters that can make a line anything but level 0: right-to-left scripts and explicit controls. */
const RTL_OR_CONTROL =
  /[\u0590-\u08ff\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufeff\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

// bidi-js classifies UTF-16 code units, so a character outside the BMP (Adlam, Phoenician, the
// mathematical digits) would be read as two unknown halves. Each is handed over as two BMP
// characters of its own class instead, so both halves get its level.
const STAND_IN: Partial<Record<BidiCharTypeName, string>> = {
  L: 'a',
  R: '\u05d0',
  AL: '\u0627',
  EN: '0',
  ES: '+',
  ET: '#',
  AN: '\u0660',
  CS: ',',
  NSM: '\u0300',
  BN: '\u200b',
  WS: ' ',
  ON: '!',
};
const ASTRAL = /[\u{10000}-\u{10ffff}]/gu;

/** Resolved embedding level of each UTF-16 code unit of `text` (both halves of a pair get the same). */
export function resolveLevels(
  text: string,
  paragraph: 'ltr' | 'rtl' | 'auto' = 'auto',
): { levels: Uint8Array; base: 0 | 1 } {
  // Without right-to-left characters or controls a left-to-right paragraph is all level 0.
  if (paragraph !== 'rtl' && !RTL_OR_CONTROL.test(text)) return { levels: new Uint8Array(text.length), base: 0 };
  const bmp = text.replace(ASTRAL, (ch) => (STAND_IN[bidi.getBidiCharTypeName(ch)] ?? '!').repeat(2));
  const { levels, paragraphs } = bidi.getEmbeddingLevels(bmp, paragraph);
  return { levels, base: (paragraphs[0]?.level ?? 0) % 2 === 1 ? 1 : 0 };
}

/** L2: the visual order of items given their levels (items are runs of one level). */
export function visualOrder(levels: readonly number[]): number[] {
  const order = levels.map((_, i) => i);
  if (!levels.length) return order;
  // Loops, not Math.max(...levels): one level per character, and a long name would overflow the stack.
  let max = 0;
  for (const l of levels) if (l > max) max = l;
  let minOdd = max + 1;
  for (const l of levels) if (l % 2 === 1 && l < minOdd) minOdd = l;
  for (let level = max; level >= minOdd && level > 0; level--) {
    for (let i = 0; i < order.length;) {
      if (levels[order[i]!]! >= level) {
        let j = i;
        while (j < order.length && levels[order[j]!]! >= level) j++;
        for (let a = i, b = j - 1; a < b; a++, b--) [order[a], order[b]] = [order[b]!, order[a]!];
        i = j;
      } else i++;
    }
  }
  return order;
}
