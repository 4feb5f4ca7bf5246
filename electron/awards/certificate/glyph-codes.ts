// The codes a document draws glyphs with, per font: which glyphs were drawn and the text each code
// stands for (the ToUnicode CMap), and where a code is not its glyph id (the CIDToGIDMap).
import type { PreparedFont } from './fonts/catalog.js';
import { NOTHING } from './text/unicode.js';

export interface FontUse {
  resource: string;
  font: PreparedFont;
  /** character code (CID) -> the text it stands for (the ToUnicode CMap) */
  glyphs: Map<number, string>;
  /** character code -> glyph id, where they differ (the CIDToGIDMap) */
  remapped: Map<number, number>;
  /** "gid text" -> the code drawn for it */
  codes: Map<string, number>;
}

export class FontRegistry {
  readonly uses = new Map<PreparedFont, FontUse>();
  resource(font: PreparedFont): FontUse {
    let use = this.uses.get(font);
    if (!use) {
      use = { resource: `F${this.uses.size + 1}`, font, glyphs: new Map(), remapped: new Map(), codes: new Map() };
      this.uses.set(font, use);
    }
    return use;
  }
}

/** Codes for glyphs that stand for nothing: zero width space and word joiner, which pdf.js drops. */
const SILENT_CODES = [0x200b, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064];

/**
 * The code to draw a glyph with so that it reads back as `text`. A glyph is its own code unless it
 * already stands for other text in this document: Noto Naskh draws ت and ي in some positions as one
 * dotless glyph plus dots, and one ToUnicode entry cannot be both. Such a glyph gets a further code
 * (above the font's glyph ids) mapped to the same glyph through CIDToGIDMap. CFF fonts cannot be
 * remapped so (their CIDs are their glyphs): undefined, and the caller marks the text with ActualText.
 */
export function codeFor(use: FontUse, gid: number, text: string): number | undefined {
  const key = `${gid} ${text}`;
  const known = use.codes.get(key);
  if (known !== undefined) return known;
  const current = use.glyphs.get(gid);
  let code = gid;
  if (text === NOTHING && !use.font.info.isCff && use.font.info.numGlyphs < SILENT_CODES[0]!) {
    // a glyph that stands for nothing: a code of its own whose ToUnicode entry is empty (poppler and
    // pypdf read nothing) and whose value is a zero-width character (pdf.js, which ignores an empty
    // entry and reads the code itself, drops it)
    const free = SILENT_CODES.find((c) => !use.remapped.has(c));
    if (free === undefined) return undefined;
    use.remapped.set(free, gid);
    use.glyphs.set(free, '');
    use.codes.set(key, free);
    return free;
  }
  if (current !== undefined && current !== text) {
    if (use.font.info.isCff) return undefined;
    code = Math.max(use.font.info.numGlyphs, ...[...use.remapped.keys()].filter((c) => c < SILENT_CODES[0]!)) + 1;
    use.remapped.set(code, gid);
  }
  use.glyphs.set(code, text);
  use.codes.set(key, code);
  return code;
}
