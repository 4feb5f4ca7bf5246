// The renderer's fonts for scripts a machine may have no font for (a Chromium without a Hangul font draws
// Korean names as empty boxes). They are the fonts certificates are set in (see
// electron/awards/fonts/README.md), cut at build time into slices by Unicode block, each declared with
// @font-face and a unicode-range listing exactly the characters it holds: the browser fetches a slice
// only when the page shows one of them, from the app itself (font-src 'self'), never from the network.
// vite.config.ts emits the slices and their stylesheet into dist/renderer/fonts/.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { FACES, fontPath, type FaceSpec } from '../awards/certificate/fonts/catalog.js';
import { SubsetSource } from '../awards/certificate/fonts/harfbuzz.js';
import { readCoverage } from '../awards/certificate/fonts/sfnt.js';

/** Code point ranges, both ends included. */
type Ranges = readonly (readonly [number, number])[];

export interface UiFamily {
  /** The CSS family name (an Assay name, so an installed font of the same name never stands in). */
  family: string;
  /** Slug for the file names. */
  slug: string;
  faces: readonly { spec: FaceSpec; weight: number }[];
  /** The blocks this family draws; only the characters the font has in them are declared. */
  blocks: Ranges;
  /**
   * At most this many characters per slice (CJK fonts, 6 MB and 15 MB whole); without it, one slice
   * per entry of `blocks`.
   */
  sliceChars?: number;
  /** CSS size-adjust, so the script sits at the size of the Latin beside it (Naskh and Frank Ruhl run small). */
  sizeAdjust?: string;
}

const ARABIC: Ranges = [
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x0870, 0x08ff],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfeff],
];
const HEBREW: Ranges = [
  [0x0590, 0x05ff],
  [0xfb1d, 0xfb4f],
];
const HANGUL: Ranges = [
  [0x1100, 0x11ff],
  [0x3130, 0x318f],
  [0xa960, 0xa97f],
  [0xac00, 0xd7ff],
  [0xffa0, 0xffdc],
];
const HAN: Ranges = [
  [0x2e80, 0x2fdf],
  [0x3000, 0x312f],
  [0x3190, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff9f],
  [0xffe0, 0xffef],
  [0x20000, 0x3ffff],
];
/** Latin beyond ASCII, Greek and Cyrillic: for the rare letter the system font lacks. */
const LATIN_GREEK_CYRILLIC: Ranges = [
  [0x00a0, 0x02ff],
  [0x0300, 0x036f],
  [0x0370, 0x03ff],
  [0x0400, 0x052f],
  [0x1e00, 0x1eff],
  [0x1f00, 0x1fff],
];

export const UI_FAMILIES: readonly UiFamily[] = [
  {
    family: 'Assay Arabic',
    slug: 'arabic',
    faces: [
      { spec: FACES.naskh, weight: 400 },
      { spec: FACES.naskhSemiBold, weight: 600 },
    ],
    // One slice: Arabic letters join, and a word split over two fonts would not.
    blocks: [[0x0600, 0xfeff]],
    sizeAdjust: '115%',
  },
  {
    family: 'Assay Hebrew',
    slug: 'hebrew',
    faces: [
      { spec: FACES.frank, weight: 400 },
      { spec: FACES.frankSemiBold, weight: 600 },
    ],
    blocks: [[0x0590, 0xfb4f]],
    sizeAdjust: '110%',
  },
  // The CJK fonts in their regular weight only (bold text is emboldened by the browser): 6 and 15 MB each.
  {
    family: 'Assay Korean',
    slug: 'korean',
    faces: [{ spec: FACES.sansKr, weight: 400 }],
    blocks: HANGUL,
    sliceChars: 250,
  },
  { family: 'Assay Han', slug: 'han', faces: [{ spec: FACES.serifSc, weight: 400 }], blocks: HAN, sliceChars: 250 },
  {
    family: 'Assay Latin',
    slug: 'latin',
    faces: [
      { spec: FACES.garamond, weight: 400 },
      { spec: FACES.garamondSemiBold, weight: 600 },
    ],
    blocks: [
      [0x00a0, 0x036f],
      [0x0370, 0x03ff],
      [0x0400, 0x052f],
      [0x1e00, 0x1eff],
      [0x1f00, 0x1fff],
    ],
  },
];

// The slices of Arabic and Hebrew keep to these blocks (the wide `blocks` above only say "one slice").
const DECLARED: Record<string, Ranges> = {
  arabic: ARABIC,
  hebrew: HEBREW,
  korean: HANGUL,
  han: HAN,
  latin: LATIN_GREEK_CYRILLIC,
};

export interface UiFontFile {
  /** File name inside fonts/. */
  name: string;
  bytes: Uint8Array;
  family: string;
  weight: number;
  /** The characters the slice holds and declares, ascending. */
  chars: readonly number[];
  sizeAdjust?: string;
}

export interface UiFonts {
  files: UiFontFile[];
  /** The stylesheet (fonts/ui-fonts.css): one @font-face per file, URLs relative to it. */
  css: string;
}

const within = (cp: number, ranges: Ranges) => ranges.some(([a, b]) => cp >= a && cp <= b);

/** Ascending code points as a CSS unicode-range value (U+AC00-AC0F, U+AC11). */
export function unicodeRange(chars: readonly number[]): string {
  const parts: string[] = [];
  const hex = (n: number) => n.toString(16).toUpperCase();
  for (let i = 0; i < chars.length;) {
    let j = i;
    while (j + 1 < chars.length && chars[j + 1] === chars[j]! + 1) j++;
    parts.push(i === j ? `U+${hex(chars[i]!)}` : `U+${hex(chars[i]!)}-${hex(chars[j]!)}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** The characters of each slice of `family`, from the font's own coverage. */
export function sliceChars(family: UiFamily, coverage: ReadonlySet<number>): number[][] {
  const declared = DECLARED[family.slug] ?? family.blocks;
  const slices: number[][] = [];
  for (const [from, to] of family.blocks) {
    const chars = [...coverage].filter((cp) => cp >= from && cp <= to && within(cp, declared)).sort((a, b) => a - b);
    if (chars.length === 0) continue;
    const size = family.sliceChars ?? chars.length;
    for (let i = 0; i < chars.length; i += size) slices.push(chars.slice(i, i + size));
  }
  return slices;
}

/** Cuts every family's fonts into slices and writes their stylesheet. Takes a few seconds (two CJK fonts). */
export function buildUiFonts(families: readonly UiFamily[] = UI_FAMILIES): UiFonts {
  const files: UiFontFile[] = [];
  for (const family of families) {
    for (const { spec, weight } of family.faces) {
      const bytes = fs.readFileSync(fontPath(spec));
      const source = new SubsetSource(bytes);
      sliceChars(family, readCoverage(bytes)).forEach((chars, index) => {
        // Without hinting (the subsetter's default here) or a digital signature: the screen needs neither.
        const slice = source.subset(chars, { dropTables: ['DSIG'] });
        const digest = crypto.createHash('sha256').update(slice).digest('hex').slice(0, 10);
        const name = `${family.slug}-${weight}-${String(index).padStart(3, '0')}.${digest}.ttf`;
        files.push({ name, bytes: slice, family: family.family, weight, chars, sizeAdjust: family.sizeAdjust });
      });
    }
  }
  const css = [
    '/* Fonts for the scripts a machine may lack, in slices the browser fetches only when a character of',
    '   theirs is on screen (generated at build time by electron/app/ui-fonts.ts; SIL Open Font License). */',
    ...files.map(
      (f) =>
        `@font-face { font-family: '${f.family}'; font-style: normal; font-weight: ${f.weight}; font-display: block; ` +
        `src: url('./${f.name}') format('truetype'); unicode-range: ${unicodeRange(f.chars)};` +
        (f.sizeAdjust ? ` size-adjust: ${f.sizeAdjust};` : '') +
        ' }',
    ),
    '',
  ].join('\n');
  return { files, css };
}
