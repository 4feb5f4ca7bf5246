// Embeds the HarfBuzz subsets as composite fonts through pdf-lib's object API: Type0 / Identity-H over a
// CIDFontType2 (or CIDFontType0 for CFF) with the subset program as FontFile2 (FontFile3), its /W widths
// and a ToUnicode CMap. pdf-lib's own embedFont is not used: it subsets again with fontkit, which drops
// glyphs HarfBuzz produced (CJK, Arabic joining forms), and it would shape nothing.
import { deflateSync } from 'node:zlib';
import { PDFString, type PDFContext, type PDFRef } from 'pdf-lib';
import type { PreparedFont } from '../fonts/catalog.js';

type Widths = (number | number[])[];

/** Widths of the glyphs drawn, as /W runs of consecutive glyph ids (units per 1000 em). */
function widthsOf(font: PreparedFont, gids: readonly number[], k: number): Widths {
  const widths: Widths = [];
  for (let i = 0; i < gids.length;) {
    const start = gids[i]!;
    const run: number[] = [];
    let j = i;
    while (j < gids.length && gids[j] === start + (j - i)) {
      run.push(Math.round((font.info.advances[gids[j]!] ?? 0) * k));
      j++;
    }
    widths.push(start, run);
    i = j;
  }
  return widths;
}

export class Type0Fonts {
  /**
   * Adds the font's objects to the document and returns the Type0 font's reference. `streams` (one per
   * document) holds the document's ToUnicode and CIDToGIDMap streams by content: a script's regular and
   * semibold subsets for the same name share a glyph order, so their maps are often the same stream.
   */
  embed(
    context: PDFContext,
    font: PreparedFont,
    glyphs: ReadonlyMap<number, string>,
    remapped: ReadonlyMap<number, number> = new Map(),
    streams: Map<string, PDFRef> = new Map(),
  ): PDFRef {
    const once = (kind: string, data: Buffer): PDFRef => {
      const key = `${kind}:${data.toString('latin1')}`;
      let ref = streams.get(key);
      if (!ref) {
        ref = context.register(context.stream(deflateSync(data, { level: 9 }), { Filter: 'FlateDecode' }));
        streams.set(key, ref);
      }
      return ref;
    };
    const info = font.info;
    const k = 1000 / info.unitsPerEm;
    // Codes below the subset's glyph count are glyph ids; codes beyond stand for a glyph drawn as
    // other text than its first use (their CIDToGIDMap entry says which glyph).
    const gids = [...glyphs.keys()].filter((code) => code < info.numGlyphs).sort((a, b) => a - b);
    const widths = widthsOf(font, gids, k);
    let cidToGid: PDFRef | 'Identity' = 'Identity';
    if (remapped.size) {
      const max = Math.max(...remapped.keys());
      const map = Buffer.alloc((max + 1) * 2);
      for (let c = 0; c <= max; c++) map.writeUInt16BE(remapped.get(c) ?? (c < info.numGlyphs ? c : 0), c * 2);
      cidToGid = once('CIDToGIDMap', map);
      for (const [code, gid] of [...remapped].sort(([a], [b]) => a - b))
        widths.push(code, [Math.round((info.advances[gid] ?? 0) * k)]);
    }
    const drawn = new Set(gids);
    for (const gid of remapped.values()) drawn.add(gid);
    const program = font.program(drawn);
    const toUnicode = once('ToUnicode', Buffer.from(toUnicodeCMap(glyphs), 'latin1'));
    const fontFile = context.register(
      context.stream(
        program.compressed,
        info.isCff
          ? { Subtype: 'OpenType', Filter: 'FlateDecode' }
          : { Length1: program.length, Filter: 'FlateDecode' },
      ),
    );
    const flags = (info.fixedPitch ? 1 : 0) | 4 /* symbolic: glyphs by id */ | (info.italicAngle !== 0 ? 64 : 0);
    const descriptor = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: font.baseFont,
        Flags: flags,
        FontBBox: info.bbox.map((v) => Math.round(v * k)),
        ItalicAngle: Math.round(info.italicAngle * 100) / 100, // a 16.16 fixed value: -17.2, not -17.199996948242188
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
        W: widths,
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
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/**
 * A ToUnicode CMap (code -> UTF-16BE; empty for a glyph that stands for nothing) for an Identity-H font,
 * as short as readers take it: consecutive codes for consecutive characters as one bfrange (within one
 * last byte, ISO 32000-1 9.10.3), the rest as bfchar, and none of the optional CMap entries.
 */
export function toUnicodeCMap(text: ReadonlyMap<number, string>): string {
  const codes = [...text.keys()].sort((a, b) => a - b);
  const unit = (code: number): number | undefined => {
    const t = text.get(code)!;
    return t.length === 1 ? t.charCodeAt(0) : undefined;
  };
  const chars: string[] = [];
  const ranges: string[] = [];
  for (let i = 0; i < codes.length;) {
    const first = codes[i]!;
    const u = unit(first);
    let j = i + 1;
    if (u !== undefined)
      while (
        j < codes.length &&
        codes[j] === first + (j - i) &&
        codes[j]! >> 8 === first >> 8 &&
        unit(codes[j]!) === u + (j - i) &&
        (u + (j - i)) >> 8 === u >> 8
      )
        j++;
    if (j - i > 1) ranges.push(`<${hex4(first)}><${hex4(codes[j - 1]!)}><${hex4(u!)}>`);
    else {
      const t = text.get(first)!;
      let dst = '';
      for (let c = 0; c < t.length; c++) dst += hex4(t.charCodeAt(c));
      chars.push(`<${hex4(first)}><${dst}>`);
    }
    i = j;
  }
  let cmap =
    '/CIDInit/ProcSet findresource begin 12 dict begin begincmap/CMapName/A def 1 begincodespacerange<0000><FFFF>endcodespacerange\n';
  for (let i = 0; i < chars.length; i += 100) {
    const block = chars.slice(i, i + 100);
    cmap += `${block.length} beginbfchar\n${block.join('\n')}\nendbfchar\n`;
  }
  for (let i = 0; i < ranges.length; i += 100) {
    const block = ranges.slice(i, i + 100);
    cmap += `${block.length} beginbfrange\n${block.join('\n')}\nendbfrange\n`;
  }
  return `${cmap}endcmap CMapName currentdict/CMap defineresource pop end end\n`;
}
