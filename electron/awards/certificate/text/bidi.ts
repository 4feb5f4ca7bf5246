// A compact Unicode Bidirectional Algorithm (UAX #9) for single lines without explicit embeddings:
// classes by block, weak-type rules W1–W7, neutrals N1–N2, implicit levels I1–I2 and reordering L2.
// Enough for names, titles and sentences mixing Latin, Arabic, Hebrew and digits.
export type BidiClass = 'L' | 'R' | 'AL' | 'EN' | 'ES' | 'ET' | 'AN' | 'CS' | 'NSM' | 'BN' | 'WS' | 'ON';

const MARK = /\p{M}/u;
const LETTER = /[\p{L}\p{Nl}]/u;

export function bidiClass(cp: number): BidiClass {
  if (cp >= 0x30 && cp <= 0x39) return 'EN';
  if (cp < 0x80) {
    if (cp === 0x20 || cp === 0x09) return 'WS';
    if (cp === 0x2b || cp === 0x2d) return 'ES';
    if (cp === 0x23 || cp === 0x24 || cp === 0x25) return 'ET';
    if (cp === 0x2c || cp === 0x2e || cp === 0x2f || cp === 0x3a) return 'CS';
    if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return 'L';
    return cp < 0x20 ? 'BN' : 'ON';
  }
  if (cp === 0x200c || cp === 0x200d || cp === 0xfeff || (cp >= 0x200b && cp <= 0x200b)) return 'BN';
  if (cp === 0x200e) return 'L';
  if (cp === 0x200f) return 'R';
  if (cp === 0x061c) return 'AL';
  if (cp === 0xa0 || cp === 0x2007 || cp === 0x202f) return 'CS';
  if ((cp >= 0x2000 && cp <= 0x200a) || cp === 0x3000) return 'WS';
  if (cp === 0xa3 || cp === 0xa2 || cp === 0xa5 || cp === 0xb0 || cp === 0xb1 || (cp >= 0x20a0 && cp <= 0x20cf) || cp === 0x2030) return 'ET';
  if (cp >= 0x06f0 && cp <= 0x06f9) return 'EN';
  if ((cp >= 0x0660 && cp <= 0x0669) || cp === 0x066b || cp === 0x066c) return 'AN';
  if (cp >= 0x2080 && cp <= 0x2089) return 'EN';
  const ch = String.fromCodePoint(cp);
  if (MARK.test(ch)) return 'NSM';
  if ((cp >= 0x0590 && cp <= 0x05ff) || (cp >= 0x07c0 && cp <= 0x085f) || (cp >= 0xfb1d && cp <= 0xfb4f) || (cp >= 0x10800 && cp <= 0x10fff) || (cp >= 0x1e800 && cp <= 0x1edff)) return LETTER.test(ch) || cp === 0x05be || cp === 0x05c0 || cp === 0x05c3 || cp === 0x05c6 ? 'R' : 'ON';
  if ((cp >= 0x0600 && cp <= 0x07bf) || (cp >= 0x0860 && cp <= 0x08ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff) || (cp >= 0x1ee00 && cp <= 0x1eeff)) return 'AL';
  if (LETTER.test(ch)) return 'L';
  if (/\p{N}/u.test(ch)) return 'L';
  return 'ON';
}

/** Resolved embedding level of each UTF-16 code unit of `text` (both halves of a pair get the same). */
const RTL_CHARS = /[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufeff\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

export function resolveLevels(text: string, paragraph: 'ltr' | 'rtl' | 'auto' = 'auto'): { levels: Uint8Array; base: 0 | 1 } {
  const n = text.length;
  // Without right-to-left characters a left-to-right paragraph is all level 0.
  if (paragraph !== 'rtl' && !RTL_CHARS.test(text)) return { levels: new Uint8Array(n), base: 0 };
  const types: BidiClass[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const cp = text.codePointAt(i)!;
    const t = bidiClass(cp);
    types[i] = t;
    if (cp > 0xffff) types[++i] = t;
  }
  let base: 0 | 1 = paragraph === 'rtl' ? 1 : 0;
  if (paragraph === 'auto') {
    const first = types.find((t) => t === 'L' || t === 'R' || t === 'AL');
    base = first === 'R' || first === 'AL' ? 1 : 0;
  }
  const sor: BidiClass = base ? 'R' : 'L';
  // W1: NSM takes the type of the previous character.
  for (let i = 0; i < n; i++) if (types[i] === 'NSM') types[i] = i ? (types[i - 1] === 'BN' ? sor : types[i - 1]!) : sor;
  // W2: EN after AL becomes AN. W3: AL becomes R.
  let lastStrong: BidiClass = sor;
  for (let i = 0; i < n; i++) {
    const t = types[i]!;
    if (t === 'L' || t === 'R' || t === 'AL') lastStrong = t;
    else if (t === 'EN' && lastStrong === 'AL') types[i] = 'AN';
  }
  for (let i = 0; i < n; i++) if (types[i] === 'AL') types[i] = 'R';
  // W4: a single separator between two numbers of the same kind.
  for (let i = 1; i + 1 < n; i++) {
    const t = types[i];
    if (t === 'ES' && types[i - 1] === 'EN' && types[i + 1] === 'EN') types[i] = 'EN';
    else if (t === 'CS' && types[i - 1] === types[i + 1] && (types[i - 1] === 'EN' || types[i - 1] === 'AN')) types[i] = types[i - 1]!;
  }
  // W5: terminators next to European numbers.
  for (let i = 0; i < n; i++) {
    if (types[i] !== 'ET') continue;
    let j = i;
    while (j < n && types[j] === 'ET') j++;
    if ((i > 0 && types[i - 1] === 'EN') || (j < n && types[j] === 'EN')) for (let k = i; k < j; k++) types[k] = 'EN';
    i = j - 1;
  }
  // W6: remaining separators and terminators are neutral.
  for (let i = 0; i < n; i++) if (types[i] === 'ES' || types[i] === 'ET' || types[i] === 'CS' || types[i] === 'BN') types[i] = 'ON';
  // W7: EN after L (or at the start of an L paragraph) becomes L.
  lastStrong = sor;
  for (let i = 0; i < n; i++) {
    const t = types[i]!;
    if (t === 'L' || t === 'R') lastStrong = t;
    else if (t === 'EN' && lastStrong === 'L') types[i] = 'L';
  }
  // N1/N2: neutrals between strong types of one direction take it, else the embedding direction.
  const strongDir = (t: BidiClass): 'L' | 'R' | undefined => (t === 'L' ? 'L' : t === 'R' || t === 'EN' || t === 'AN' ? 'R' : undefined);
  for (let i = 0; i < n; i++) {
    if (strongDir(types[i]!)) continue;
    let j = i;
    while (j < n && !strongDir(types[j]!)) j++;
    const before = i > 0 ? strongDir(types[i - 1]!)! : sor === 'R' ? 'R' : 'L';
    const after = j < n ? strongDir(types[j]!)! : sor === 'R' ? 'R' : 'L';
    const resolved: BidiClass = before === after ? before : base ? 'R' : 'L';
    for (let k = i; k < j; k++) types[k] = resolved;
    i = j - 1;
  }
  // I1/I2: implicit levels.
  const levels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = types[i]!;
    if (base === 0) levels[i] = t === 'R' ? 1 : t === 'AN' || t === 'EN' ? 2 : 0;
    else levels[i] = t === 'L' || t === 'EN' || t === 'AN' ? 2 : 1;
  }
  // L1: trailing whitespace goes to the paragraph level.
  for (let i = n - 1; i >= 0 && /\s/.test(text[i]!); i--) levels[i] = base;
  return { levels, base };
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
    for (let i = 0; i < order.length; ) {
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
