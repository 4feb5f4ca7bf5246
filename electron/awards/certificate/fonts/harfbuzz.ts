// HarfBuzz twice: harfbuzzjs (the shaping build) turns text into positioned glyph ids, and the
// subsetting build (harfbuzz-subset.wasm, the one subset-font uses) cuts fonts down to the glyphs a
// certificate needs. The subsetter keeps each source font resident and preprocessed, so a CJK font of
// 15 MB is parsed once per process and each subset costs only the glyphs it keeps.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as hb from 'harfbuzzjs';

export { hb };

const require = createRequire(import.meta.url);

interface SubsetExports {
  memory: { buffer: ArrayBuffer };
  malloc(size: number): number;
  free(ptr: number): void;
  _initialize(): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, lengthPtr: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_preprocess(face: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

interface WasmGlobal {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;

/** The OpenType features HarfBuzz applies by default (so shaping a subset matches the full font). */
export const DEFAULT_SHAPING_FEATURES = [
  'rvrn',
  'ccmp',
  'locl',
  'mark',
  'mkmk',
  'rlig',
  'abvm',
  'blwm',
  'calt',
  'clig',
  'curs',
  'dist',
  'kern',
  'liga',
  'rclt',
  'stch',
  'init',
  'medi',
  'fina',
  'isol',
  'med2',
  'fin2',
  'fin3',
  'ljmo',
  'vjmo',
  'tjmo',
] as const;
export const HB_SUBSET_FLAGS = {
  NO_HINTING: 0x1,
  RETAIN_GIDS: 0x2,
  NO_LAYOUT_CLOSURE: 0x200,
} as const;

function tag(name: string): number {
  return (
    ((name.charCodeAt(0) << 24) | (name.charCodeAt(1) << 16) | (name.charCodeAt(2) << 8) | name.charCodeAt(3)) >>> 0
  );
}

// The subsetting build has a fixed 64 MiB heap, so fonts are spread over instances: a large (CJK) font
// gets an instance of its own, small fonts share one while there is room.
const instances: { exports: SubsetExports; free: number }[] = [];
const HEAP_RESERVE = 24 * 1024 * 1024; // working memory kept free for subsetting

function newInstance(): { exports: SubsetExports; free: number } {
  const wasm = (globalThis as unknown as { WebAssembly: WasmGlobal }).WebAssembly;
  const bytes = fs.readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
  const instance = new wasm.Instance(new wasm.Module(bytes), {});
  const exports = instance.exports as SubsetExports;
  exports._initialize();
  const entry = { exports, free: exports.memory.buffer.byteLength - HEAP_RESERVE };
  instances.push(entry);
  return entry;
}

function instanceFor(size: number): SubsetExports {
  // a font plus its preprocessed tables needs about twice its size
  const need = size * 2;
  const entry = instances.find((i) => i.free >= need) ?? newInstance();
  entry.free -= need;
  return entry.exports;
}

/** A font held inside the subsetter's memory, ready for repeated subsetting. */
export class SubsetSource {
  readonly #exports: SubsetExports;
  #face: number;

  constructor(fontBytes: Uint8Array) {
    const ex = instanceFor(fontBytes.byteLength);
    this.#exports = ex;
    const ptr = ex.malloc(fontBytes.byteLength);
    if (!ptr) throw new Error('harfbuzz: out of memory loading a font');
    new Uint8Array(ex.memory.buffer, ptr, fontBytes.byteLength).set(fontBytes);
    // The blob does not own ptr (no destroy callback): the font stays resident for the process, as the
    // shaping and subsetting caches refer to it for every batch.
    const blob = ex.hb_blob_create(ptr, fontBytes.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
    const face = ex.hb_face_create(blob, 0);
    ex.hb_blob_destroy(blob);
    const pre = ex.hb_subset_preprocess(face);
    if (pre) {
      ex.hb_face_destroy(face);
      this.#face = pre;
    } else {
      this.#face = face;
    }
  }

  /**
   * A TrueType/OpenType font with the glyphs for `codePoints` (plus what their GSUB closure reaches, so
   * shaping the subset gives the same result as shaping the full font), without hinting.
   */
  subset(
    codePoints: Iterable<number>,
    options: { dropTables?: readonly string[]; flags?: number; features?: readonly string[] } = {},
  ): Uint8Array {
    const ex = this.#exports;
    const input = ex.hb_subset_input_create_or_fail();
    if (!input) throw new Error('harfbuzz: hb_subset_input_create_or_fail failed');
    try {
      const unicodes = ex.hb_subset_input_unicode_set(input);
      for (const cp of codePoints) ex.hb_set_add(unicodes, cp);
      ex.hb_subset_input_set_flags(
        input,
        ex.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS.NO_HINTING | (options.flags ?? 0),
      );
      if (options.features) {
        const features = ex.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
        ex.hb_set_clear(features);
        for (const t of options.features) ex.hb_set_add(features, tag(t));
      }
      if (options.dropTables?.length) {
        const drop = ex.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
        for (const t of options.dropTables) ex.hb_set_add(drop, tag(t));
      }
      const result = ex.hb_subset_or_fail(this.#face, input);
      if (!result) throw new Error('harfbuzz: subsetting failed');
      const blob = ex.hb_face_reference_blob(result);
      try {
        const length = ex.hb_blob_get_length(blob);
        const data = ex.hb_blob_get_data(blob, 0);
        if (!length) throw new Error('harfbuzz: the subset font is empty');
        return new Uint8Array(ex.memory.buffer, data, length).slice();
      } finally {
        ex.hb_blob_destroy(blob);
        ex.hb_face_destroy(result);
      }
    } finally {
      ex.hb_subset_input_destroy(input);
    }
  }
}

/** A face for shaping (harfbuzzjs). */
export class ShapingFace {
  readonly face: hb.Face;
  readonly font: hb.Font;
  readonly upem: number;

  constructor(fontBytes: Uint8Array) {
    this.face = new hb.Face(new hb.Blob(fontBytes));
    this.font = new hb.Font(this.face);
    this.upem = this.face.upem;
  }

  coverage(): Set<number> {
    return new Set(this.face.collectUnicodes());
  }
}

export interface ShapedGlyph {
  gid: number;
  /** Start of the glyph's cluster in the source text (UTF-16 index). */
  cluster: number;
  ax: number;
  dx: number;
  dy: number;
}

/**
 * Shapes text[start, start+length) in the context of the whole text (so Arabic joins across runs).
 * Positions are in font units. Glyphs come in visual order (right to left runs reversed).
 */
export function shapeRun(
  face: ShapingFace,
  text: string,
  start: number,
  length: number,
  rtl: boolean,
  language?: string,
): ShapedGlyph[] {
  const buffer = new hb.Buffer();
  buffer.addText(text, start, length);
  buffer.setDirection(rtl ? hb.Direction.RTL : hb.Direction.LTR);
  if (language) buffer.setLanguage(language);
  buffer.guessSegmentProperties();
  hb.shape(face.font, buffer);
  const infos = buffer.getGlyphInfos();
  const positions = buffer.getGlyphPositions();
  const out = new Array<ShapedGlyph>(infos.length);
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i]!;
    const pos = positions[i]!;
    out[i] = { gid: info.codepoint, cluster: info.cluster, ax: pos.xAdvance, dx: pos.xOffset, dy: pos.yOffset };
  }
  return out;
}
