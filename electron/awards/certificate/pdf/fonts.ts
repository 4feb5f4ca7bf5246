// Embeds the HarfBuzz subsets as composite fonts through pdf-lib's object API: Type0 / Identity-H over a
// CIDFontType2 (or CIDFontType0 for CFF) with the subset program as FontFile2 (FontFile3), its /W widths
// and a ToUnicode CMap. pdf-lib's own embedFont is not used: it subsets again with fontkit, which drops
// glyphs HarfBuzz produced (CJK, Arabic joining forms), and it would shape nothing.
import { deflateSync } from 'node:zlib';
import { PDFString, type PDFContext, type PDFObject, type PDFRef } from 'pdf-lib';
import type { PreparedFont } from '../fonts/catalog.js';
import { PDFPreserialized } from './util.js';

type Widths = (number | number[])[];

interface FontEmbedding {
  /** glyph id -> the text it stands for, as in the ToUnicode CMap */
  text: Map<number, string>;
  widths: Widths;
  /** A batch font's /W, serialised once */
  sharedWidths?: PDFObject;
  toUnicode: Buffer;
}

export class Type0Fonts {
  /** Batch fonts are the same in every certificate: their /W and ToUnicode are built once per subset. */
  readonly #shared = new WeakMap<PreparedFont, FontEmbedding>();

  /** Adds the font's objects to the document and returns the Type0 font's reference. */
  embed(
    context: PDFContext,
    font: PreparedFont,
    glyphs: ReadonlyMap<number, string>,
    remapped: ReadonlyMap<number, number> = new Map(),
  ): PDFRef {
    const info = font.info;
    const k = 1000 / info.unitsPerEm;
    const below = new Map([...glyphs].filter(([code]) => code < info.numGlyphs));
    let e = this.embedding(context, font, below);
    let cidToGid: PDFRef | 'Identity' = 'Identity';
    if (remapped.size || [...glyphs].some(([code, t]) => e.text.get(code) !== t)) {
      // This document draws a glyph with other text than the batch's ToUnicode says (codes beyond the
      // glyph ids, or a glyph the batch met first as other text): its own ToUnicode, its text winning,
      // and for extra codes a CIDToGIDMap and their widths.
      const text = new Map(e.text);
      for (const [code, t] of glyphs) text.set(code, t);
      const extra: Widths = [];
      if (remapped.size) {
        const max = Math.max(...remapped.keys());
        const map = Buffer.alloc((max + 1) * 2);
        for (let c = 0; c <= max; c++) map.writeUInt16BE(remapped.get(c) ?? (c < info.numGlyphs ? c : 0), c * 2);
        cidToGid = context.register(context.stream(deflateSync(map), { Filter: 'FlateDecode' }));
        for (const [code, gid] of remapped) extra.push(code, [Math.round((info.advances[gid] ?? 0) * k)]);
      }
      e = {
        text,
        widths: [...e.widths, ...extra],
        ...(e.sharedWidths && !extra.length ? { sharedWidths: e.sharedWidths } : {}),
        toUnicode: deflateSync(Buffer.from(toUnicodeCMap(text), 'latin1')),
      };
    }
    const toUnicode = context.register(context.stream(e.toUnicode, { Filter: 'FlateDecode' }));
    const fontFile = context.register(
      context.stream(
        font.compressed,
        info.isCff
          ? { Subtype: 'OpenType', Filter: 'FlateDecode' }
          : { Length1: font.embedded.length, Filter: 'FlateDecode' },
      ),
    );
    const flags = (info.fixedPitch ? 1 : 0) | 4 /* symbolic: glyphs by id */ | (info.italicAngle !== 0 ? 64 : 0);
    const descriptor = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: font.baseFont,
        Flags: flags,
        FontBBox: info.bbox.map((v) => Math.round(v * k)),
        ItalicAngle: info.italicAngle,
        Ascent: Math.round(info.ascent * k),
        Descent: Math.round(info.descent * k),
        CapHeight: Math.round(info.capHeight * k),
        StemV: Math.round(50 + (info.weight / 65) ** 2),
        [info.isCff ? 'FontFile3' : 'FontFile2']: fontFile,
      }),
    );
    const cid = context.register(
      context.obj({
        Type: 'Font',
        Subtype: info.isCff ? 'CIDFontType0' : 'CIDFontType2',
        BaseFont: font.baseFont,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        DW: 1000,
        W: e.sharedWidths ?? e.widths,
        CIDToGIDMap: info.isCff ? undefined : cidToGid,
      }),
    );
    return context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: font.baseFont,
        Encoding: 'Identity-H',
        DescendantFonts: [cid],
        ToUnicode: toUnicode,
      }),
    );
  }

  private embedding(context: PDFContext, font: PreparedFont, glyphs: ReadonlyMap<number, string>): FontEmbedding {
    const shared = !font.spec.perDocument;
    const known = shared ? this.#shared.get(font) : undefined;
    // a batch font's ToUnicode covers every glyph seen so far; rebuilt only when a new one shows up
    if (known && [...glyphs].every(([g]) => known.text.has(g))) return known;
    const text = new Map<number, string>(known?.text);
    for (const [g, t] of glyphs) if (!text.has(g)) text.set(g, t);
    const info = font.info;
    const k = 1000 / info.unitsPerEm;
    // a batch font's /W covers every glyph of the subset; a per-document font's only the glyphs drawn
    const gids = shared
      ? Array.from({ length: info.numGlyphs }, (_, g) => g)
      : [...glyphs.keys()].sort((a, b) => a - b);
    const widths: Widths = [];
    for (let i = 0; i < gids.length;) {
      const start = gids[i]!;
      const run: number[] = [];
      let j = i;
      while (j < gids.length && gids[j] === start + (j - i)) {
        run.push(Math.round((info.advances[gids[j]!] ?? 0) * k));
        j++;
      }
      widths.push(start, run);
      i = j;
    }
    const made: FontEmbedding = { text, widths, toUnicode: deflateSync(Buffer.from(toUnicodeCMap(text), 'latin1')) };
    if (shared) {
      made.sharedWidths = known?.sharedWidths ?? new PDFPreserialized(context.obj(widths));
      this.#shared.set(font, made);
    }
    return made;
  }
}

/** A ToUnicode CMap (code -> UTF-16BE; empty for a glyph that stands for nothing) for an Identity-H font. */
export function toUnicodeCMap(text: ReadonlyMap<number, string>): string {
  let cmap =
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n';
  const gids = [...text.keys()].sort((a, b) => a - b);
  for (let i = 0; i < gids.length; i += 100) {
    const chunk = gids.slice(i, i + 100);
    cmap += `${chunk.length} beginbfchar\n`;
    for (const g of chunk) {
      const t = text.get(g)!;
      let hex = '';
      for (let c = 0; c < t.length; c++) hex += t.charCodeAt(c).toString(16).padStart(4, '0');
      cmap += `<${g.toString(16).padStart(4, '0')}> <${hex.toUpperCase()}>\n`;
    }
    cmap += 'endbfchar\n';
  }
  return `${cmap}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n`;
}
