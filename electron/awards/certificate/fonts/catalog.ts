// The certificate's fonts and their fallback order, loaded from the OFL font packages in node_modules
// (see electron/awards/fonts/README.md), and the subsets made of them: every face is subset per
// certificate to the characters that certificate draws with it. (A subset per batch grew with the
// batch's names: 1,000 names in nine scripts put Greek, Cyrillic and Vietnamese in every certificate's
// EB Garamond, about 43 KB of the 80 KB a certificate weighed.)
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { DEFAULT_SHAPING_FEATURES, ShapingFace, SubsetSource } from './harfbuzz.js';
import { readCoverage, readSfnt, withOnlyGlyphs, withoutTables, type SfntInfo } from './sfnt.js';

const require = createRequire(import.meta.url);

/**
 * Two styles, two EB Garamond faces a certificate embeds: the italic sets the running text (labels,
 * description, date, criteria), the semibold the names and headings. (A third, upright regular face
 * cost about 7.5 KB a certificate.) FACES.garamond stays for the app's own UI fonts.
 */
export type FontStyle = 'italic' | 'semibold';

export interface FaceSpec {
  id: string;
  /** npm package and file inside it. */
  pkg: string;
  file: string;
  family: string;
  /** Joined scripts: no letter-spacing. */
  cursive?: boolean;
  /** Chosen first for Han characters when the text has Hangul (Korean names) or not. */
  cjk?: 'hangul' | 'han';
}

const face = (id: string, pkg: string, file: string, family: string, extra: Partial<FaceSpec> = {}): FaceSpec => ({
  id,
  pkg,
  file,
  family,
  ...extra,
});

const GARAMOND = '@expo-google-fonts/eb-garamond';
const NASKH = '@expo-google-fonts/noto-naskh-arabic';
const FRANK = '@expo-google-fonts/frank-ruhl-libre';
const SERIF_SC = '@expo-google-fonts/noto-serif-sc';
const SANS_KR = '@expo-google-fonts/noto-sans-kr';

export const FACES = {
  garamond: face('garamond', GARAMOND, '400Regular/EBGaramond_400Regular.ttf', 'EB Garamond'),
  garamondItalic: face(
    'garamond-italic',
    GARAMOND,
    '400Regular_Italic/EBGaramond_400Regular_Italic.ttf',
    'EB Garamond',
  ),
  garamondSemiBold: face('garamond-semibold', GARAMOND, '600SemiBold/EBGaramond_600SemiBold.ttf', 'EB Garamond'),
  naskh: face('naskh', NASKH, '400Regular/NotoNaskhArabic_400Regular.ttf', 'Noto Naskh Arabic', { cursive: true }),
  naskhSemiBold: face('naskh-semibold', NASKH, '600SemiBold/NotoNaskhArabic_600SemiBold.ttf', 'Noto Naskh Arabic', {
    cursive: true,
  }),
  frank: face('frank', FRANK, '400Regular/FrankRuhlLibre_400Regular.ttf', 'Frank Ruhl Libre'),
  frankSemiBold: face('frank-semibold', FRANK, '600SemiBold/FrankRuhlLibre_600SemiBold.ttf', 'Frank Ruhl Libre'),
  serifSc: face('serif-sc', SERIF_SC, '400Regular/NotoSerifSC_400Regular.ttf', 'Noto Serif SC', {
    cjk: 'han',
  }),
  serifScSemiBold: face('serif-sc-semibold', SERIF_SC, '600SemiBold/NotoSerifSC_600SemiBold.ttf', 'Noto Serif SC', {
    cjk: 'han',
  }),
  sansKr: face('sans-kr', SANS_KR, '400Regular/NotoSansKR_400Regular.ttf', 'Noto Sans KR', {
    cjk: 'hangul',
  }),
  sansKrSemiBold: face('sans-kr-semibold', SANS_KR, '600SemiBold/NotoSansKR_600SemiBold.ttf', 'Noto Sans KR', {
    cjk: 'hangul',
  }),
} satisfies Record<string, FaceSpec>;

/** Fallback chains: the first face that has a character draws it. */
export const CHAINS: Record<FontStyle, readonly FaceSpec[]> = {
  italic: [FACES.garamondItalic, FACES.naskh, FACES.frank, FACES.serifSc, FACES.sansKr],
  semibold: [
    FACES.garamondSemiBold,
    FACES.naskhSemiBold,
    FACES.frankSemiBold,
    FACES.serifScSemiBold,
    FACES.sansKrSemiBold,
  ],
};

export interface FontLocator {
  /** Directory holding <pkg>/<file> copies, for packaged apps that ship only the needed files. */
  fontDir?: string;
}

export function fontPath(spec: FaceSpec, locator: FontLocator = {}): string {
  if (locator.fontDir) {
    const candidate = path.join(locator.fontDir, spec.pkg, spec.file);
    if (fs.existsSync(candidate)) return candidate;
  }
  const pkgJson = require.resolve(`${spec.pkg}/package.json`);
  return path.join(path.dirname(pkgJson), spec.file);
}

/** A source font loaded for the process: resident in the subsetter, with its character coverage. */
export interface LoadedFace {
  spec: FaceSpec;
  source: SubsetSource;
  coverage: Set<number>;
}

const loaded = new Map<string, LoadedFace>();

export function loadFace(spec: FaceSpec, locator: FontLocator = {}): LoadedFace {
  const file = fontPath(spec, locator);
  const cached = loaded.get(file);
  if (cached) return cached;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new Error(
      `The certificate font ${spec.family} (${spec.pkg}/${spec.file}) is not installed: ${(error as Error).message}`,
    );
  }
  const coverage = readCoverage(bytes);
  const face: LoadedFace = { spec, source: new SubsetSource(bytes), coverage };
  loaded.set(file, face);
  return face;
}

/** A font program as a document embeds it: its length and its deflated bytes. */
export interface EmbeddedProgram {
  length: number;
  compressed: Buffer;
}

/** A subset ready to shape with and to embed. */
export class PreparedFont {
  readonly key: string;
  readonly shaping: ShapingFace;
  readonly info: SfntInfo;
  /** Subset tag for /BaseFont, derived from the subset's bytes (so output is reproducible). */
  readonly baseFont: string;
  readonly chars: ReadonlySet<number>;
  readonly #programs = new Map<string, EmbeddedProgram>();
  #embedded: Buffer | undefined;

  constructor(
    readonly spec: FaceSpec,
    readonly sfnt: Uint8Array,
    chars: ReadonlySet<number>,
  ) {
    const digest = crypto.createHash('sha256').update(sfnt).digest();
    this.key = `${spec.id}:${digest.toString('hex').slice(0, 16)}`;
    this.shaping = new ShapingFace(sfnt);
    this.info = readSfnt(sfnt);
    let tag = '';
    for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (digest[i]! % 26));
    this.baseFont = `${tag}+${this.info.postscriptName}`;
    this.chars = chars;
  }

  /**
   * The font program as embedded: without layout tables (the text is shaped already), names and glyph
   * names, and for TrueType outlines the cmap (a CIDFontType2 draws glyphs by id, ISO 32000-1 9.9) and
   * OS/2 (what a reader needs of it is in the font descriptor).
   */
  get embedded(): Buffer {
    this.#embedded ??= withoutTables(this.sfnt, [
      'GSUB',
      'GPOS',
      'GDEF',
      'BASE',
      'JSTF',
      'MATH',
      'STAT',
      'DSIG',
      'name',
      'post',
      // as pdfTeX embeds TrueType: no cmap (glyphs by id) and no OS/2 (the descriptor has the metrics)
      ...(this.info.isCff ? [] : ['cmap', 'OS/2']),
    ]);
    return this.#embedded;
  }

  /**
   * The program a document embeds when it draws the glyphs `gids`: the others emptied (the subset holds
   * what shaping may reach, a document needs only what it drew), with its deflated bytes. The last few
   * are kept: certificates that draw the same glyphs share one.
   */
  program(gids: ReadonlySet<number>): EmbeddedProgram {
    const key = [...gids].sort((a, b) => a - b).join(',');
    const hit = this.#programs.get(key);
    if (hit) {
      this.#programs.delete(key);
      this.#programs.set(key, hit);
      return hit;
    }
    const bytes = withOnlyGlyphs(this.embedded, gids);
    const made = { length: bytes.length, compressed: deflateSync(bytes, { level: 9 }) };
    this.#programs.set(key, made);
    if (this.#programs.size > 4) this.#programs.delete(this.#programs.keys().next().value!);
    return made;
  }
}

function charKey(chars: Iterable<number>): string {
  return [...chars]
    .sort((a, b) => a - b)
    .map((c) => c.toString(36))
    .join('.');
}

/** Subsets of one face: a small LRU by character set (certificates that draw the same characters share one). */
export class FaceSubsets {
  readonly #subsets = new Map<string, PreparedFont>();

  constructor(
    readonly face: LoadedFace,
    private readonly lruSize = 8,
  ) {}

  /** A subset with at least `chars`. */
  get(chars: ReadonlySet<number>): PreparedFont {
    const key = charKey(chars);
    const hit = this.#subsets.get(key);
    if (hit) {
      this.#subsets.delete(key);
      this.#subsets.set(key, hit);
      return hit;
    }
    const made = this.make(chars);
    this.#subsets.set(key, made);
    if (this.#subsets.size > this.lruSize) this.#subsets.delete(this.#subsets.keys().next().value!);
    return made;
  }

  private make(chars: ReadonlySet<number>): PreparedFont {
    const wanted = new Set<number>([0x20, ...chars].filter((c) => this.face.coverage.has(c)));
    const sfnt = this.face.source.subset(wanted, {
      features: DEFAULT_SHAPING_FEATURES,
      dropTables: ['STAT', 'gasp', 'DSIG', 'MVAR', 'HVAR'],
    });
    return new PreparedFont(this.face.spec, sfnt, wanted);
  }
}
