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
  /** Adds the font's objects to the document and returns the Type0 font's reference. */
  embed(
    context: PDFContext,
    font: PreparedFont,
    glyphs: ReadonlyMap<number, string>,
    remapped: ReadonlyMap<number, number> = new Map(),
  ): PDFRef {
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
      cidToGid = context.register(context.stream(deflateSync(map, { level: 9 }), { Filter: 'FlateDecode' }));
      for (const [code, gid] of [...remapped].sort(([a], [b]) => a - b))
        widths.push(code, [Math.round((info.advances[gid] ?? 0) * k)]);
    }
    const drawn = new Set(gids);
    for (const gid of remapped.values()) drawn.add(gid);
    const program = font.program(drawn);
    const toUnicode = context.register(
      context.stream(deflateSync(Buffer.from(toUnicodeCMap(glyphs), 'latin1'), { level: 9 }), {
        Filter: 'FlateDecode',
      }),
    );
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
