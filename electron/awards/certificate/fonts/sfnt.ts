// Reads what a PDF font descriptor needs from a TrueType/OpenType file: metrics, advance widths, the
// PostScript name, and whether the outlines are TrueType (glyf) or CFF.
export interface SfntInfo {
  unitsPerEm: number;
  numGlyphs: number;
  /** Advance width of each glyph id, in font units. */
  advances: Uint16Array;
  bbox: [number, number, number, number];
  ascent: number;
  descent: number;
  capHeight: number;
  italicAngle: number;
  weight: number;
  fixedPitch: boolean;
  postscriptName: string;
  isCff: boolean;
}

/** The font's table directory: each table's tag, offset and length. */
function tableDirectory(b: Buffer): Map<string, { offset: number; length: number }> {
  const numTables = b.readUInt16BE(4);
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < numTables; i++) {
    const r = 12 + i * 16;
    tables.set(b.toString('latin1', r, r + 4), { offset: b.readUInt32BE(r + 8), length: b.readUInt32BE(r + 12) });
  }
  return tables;
}

export function readSfnt(bytes: Uint8Array): SfntInfo {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableDirectory(b);
  const need = (t: string): number => {
    const e = tables.get(t);
    if (!e) throw new Error(`font has no ${t} table`);
    return e.offset;
  };
  const head = need('head');
  const hhea = need('hhea');
  const maxp = need('maxp');
  const hmtx = need('hmtx');
  const unitsPerEm = b.readUInt16BE(head + 18);
  const bbox: [number, number, number, number] = [
    b.readInt16BE(head + 36),
    b.readInt16BE(head + 38),
    b.readInt16BE(head + 40),
    b.readInt16BE(head + 42),
  ];
  const numGlyphs = b.readUInt16BE(maxp + 4);
  const numberOfHMetrics = b.readUInt16BE(hhea + 34);
  const advances = new Uint16Array(numGlyphs);
  let last = 0;
  for (let g = 0; g < numGlyphs; g++) {
    if (g < numberOfHMetrics) last = b.readUInt16BE(hmtx + g * 4);
    advances[g] = last;
  }
  let ascent = b.readInt16BE(hhea + 4);
  let descent = b.readInt16BE(hhea + 6);
  let capHeight = Math.round(ascent * 0.7);
  let weight = 400;
  const os2 = tables.get('OS/2');
  if (os2 && os2.length >= 78) {
    weight = b.readUInt16BE(os2.offset + 4);
    const typoAscender = b.readInt16BE(os2.offset + 68);
    const typoDescender = b.readInt16BE(os2.offset + 70);
    if (typoAscender > 0) {
      ascent = typoAscender;
      descent = typoDescender;
    }
    if (b.readUInt16BE(os2.offset) >= 2 && os2.length >= 90) capHeight = b.readInt16BE(os2.offset + 88) || capHeight;
  }
  let italicAngle = 0;
  let fixedPitch = false;
  const post = tables.get('post');
  if (post) {
    italicAngle = b.readInt32BE(post.offset + 4) / 65536;
    fixedPitch = b.readUInt32BE(post.offset + 12) !== 0;
  }
  return {
    unitsPerEm,
    numGlyphs,
    advances,
    bbox,
    ascent,
    descent,
    capHeight,
    italicAngle,
    weight,
    fixedPitch,
    postscriptName: readPostscriptName(b, tables.get('name')) ?? 'Font',
    isCff: tables.has('CFF ') || tables.has('CFF2'),
  };
}

function readPostscriptName(b: Buffer, name: { offset: number; length: number } | undefined): string | undefined {
  if (!name) return undefined;
  const count = b.readUInt16BE(name.offset + 2);
  const strings = name.offset + b.readUInt16BE(name.offset + 4);
  let mac: string | undefined;
  for (let i = 0; i < count; i++) {
    const r = name.offset + 6 + i * 12;
    const platform = b.readUInt16BE(r);
    const encoding = b.readUInt16BE(r + 2);
    const nameId = b.readUInt16BE(r + 6);
    if (nameId !== 6) continue;
    const length = b.readUInt16BE(r + 8);
    const start = strings + b.readUInt16BE(r + 10);
    if (platform === 3 && (encoding === 1 || encoding === 0)) {
      let s = '';
      for (let k = 0; k + 1 < length; k += 2) s += String.fromCharCode(b.readUInt16BE(start + k));
      return sanitize(s);
    }
    if (platform === 1) mac = sanitize(b.toString('latin1', start, start + length));
  }
  return mac;
}

function sanitize(s: string): string {
  return s.replace(/[^\x21-\x7e]|[()<>[\]{}/%]/g, '');
}

/** The Unicode code points a font maps (cmap format 12 or 4). */
export function readCoverage(bytes: Uint8Array): Set<number> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cmap = tableDirectory(b).get('cmap')?.offset ?? -1;
  const out = new Set<number>();
  if (cmap < 0) return out;
  const count = b.readUInt16BE(cmap + 2);
  let best = -1;
  let bestRank = 0;
  for (let i = 0; i < count; i++) {
    const r = cmap + 4 + i * 8;
    const platform = b.readUInt16BE(r);
    const encoding = b.readUInt16BE(r + 2);
    const sub = cmap + b.readUInt32BE(r + 4);
    const format = b.readUInt16BE(sub);
    const rank =
      format === 12 && ((platform === 3 && encoding === 10) || platform === 0)
        ? 3
        : format === 4 && ((platform === 3 && encoding === 1) || platform === 0)
          ? 2
          : 0;
    if (rank > bestRank) {
      best = sub;
      bestRank = rank;
    }
  }
  if (best < 0) return out;
  if (bestRank === 3) {
    const groups = b.readUInt32BE(best + 12);
    for (let g = 0; g < groups; g++) {
      const r = best + 16 + g * 12;
      const start = b.readUInt32BE(r);
      const end = b.readUInt32BE(r + 4);
      const glyph = b.readUInt32BE(r + 8);
      for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) out.add(c);
    }
    return out;
  }
  const segX2 = b.readUInt16BE(best + 6);
  const ends = best + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const offsets = deltas + segX2;
  for (let s = 0; s < segX2 / 2; s++) {
    const end = b.readUInt16BE(ends + s * 2);
    const start = b.readUInt16BE(starts + s * 2);
    const delta = b.readInt16BE(deltas + s * 2);
    const rangeOffset = b.readUInt16BE(offsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const at = offsets + s * 2 + rangeOffset + (c - start) * 2;
        glyph = at + 1 < b.length ? b.readUInt16BE(at) : 0;
        if (glyph) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph) out.add(c);
    }
  }
  return out;
}

function tableChecksum(b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < b.length; i += 4) {
    const word = ((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}

/**
 * A copy of the font without the given tables (with valid checksums): the copy embedded in PDFs needs
 * no OpenType layout tables, since the text is already shaped.
 */
export function withoutTables(
  bytes: Uint8Array,
  drop: readonly string[],
  replace: ReadonlyMap<string, Buffer> = new Map(),
): Buffer {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableDirectory(b);
  const kept: { tag: string; data: Buffer }[] = [];
  for (const [tag, { offset, length }] of tables) {
    if (drop.includes(tag)) continue;
    kept.push({ tag, data: Buffer.from(replace.get(tag) ?? b.subarray(offset, offset + length)) });
  }
  if (kept.length === tables.size && replace.size === 0) return Buffer.from(b);
  kept.sort((x, y) => (x.tag < y.tag ? -1 : x.tag > y.tag ? 1 : 0));
  const n = kept.length;
  const pow = 2 ** Math.floor(Math.log2(n));
  const header = Buffer.alloc(12 + n * 16);
  header.writeUInt32BE(b.readUInt32BE(0), 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(pow * 16, 6);
  header.writeUInt16BE(Math.log2(pow), 8);
  header.writeUInt16BE(n * 16 - pow * 16, 10);
  let offset = header.length;
  const parts: Buffer[] = [header];
  let headAt = -1;
  kept.forEach((t, i) => {
    if (t.tag === 'head' && t.data.length >= 12) t.data.writeUInt32BE(0, 8);
    const r = 12 + i * 16;
    header.write(t.tag, r, 'latin1');
    header.writeUInt32BE(tableChecksum(t.data), r + 4);
    header.writeUInt32BE(offset, r + 8);
    header.writeUInt32BE(t.data.length, r + 12);
    if (t.tag === 'head') headAt = offset;
    const padded = t.data.length % 4 ? Buffer.concat([t.data, Buffer.alloc(4 - (t.data.length % 4))]) : t.data;
    parts.push(padded);
    offset += padded.length;
  });
  const out = Buffer.concat(parts);
  if (headAt >= 0) out.writeUInt32BE((0xb1b0afba - tableChecksum(out)) >>> 0, headAt + 8);
  return out;
}

const COMPOSITE = { wordArgs: 0x1, scale: 0x8, more: 0x20, xyScale: 0x40, twoByTwo: 0x80 } as const;

/** The glyph ids a composite glyph's components use (none for a simple or empty glyph). */
function componentsOf(glyph: Buffer): number[] {
  if (glyph.length < 10 || glyph.readInt16BE(0) >= 0) return [];
  const out: number[] = [];
  let at = 10;
  for (;;) {
    const flags = glyph.readUInt16BE(at);
    out.push(glyph.readUInt16BE(at + 2));
    at += 4 + (flags & COMPOSITE.wordArgs ? 4 : 2);
    if (flags & COMPOSITE.scale) at += 2;
    else if (flags & COMPOSITE.xyScale) at += 4;
    else if (flags & COMPOSITE.twoByTwo) at += 8;
    if (!(flags & COMPOSITE.more) || at + 4 > glyph.length) return out;
  }
}

/**
 * A copy of a TrueType font in which only the glyphs `gids` (with .notdef and the components of composite
 * glyphs) keep their outlines; every other glyph is empty. Glyph ids stay as they were, so text drawn
 * with the font is unchanged. A subset carries what its characters' OpenType substitutions reach
 * (ligatures, old-style figures, Arabic joining forms) so that shaping it matches the full font; once the
 * text is shaped, only the glyphs drawn are needed. A font without glyf/loca (CFF) is returned as is.
 */
export function withOnlyGlyphs(bytes: Uint8Array, gids: Iterable<number>): Buffer {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableDirectory(b);
  const glyf = tables.get('glyf');
  const loca = tables.get('loca');
  const head = tables.get('head');
  const maxp = tables.get('maxp');
  if (!glyf || !loca || !head || !maxp) return Buffer.from(b);
  const long = b.readInt16BE(head.offset + 50) === 1;
  const numGlyphs = b.readUInt16BE(maxp.offset + 4);
  const offset = (g: number): number =>
    long ? b.readUInt32BE(loca.offset + g * 4) : b.readUInt16BE(loca.offset + g * 2) * 2;
  const glyph = (g: number): Buffer => b.subarray(glyf.offset + offset(g), glyf.offset + offset(g + 1));
  const keep = new Set<number>();
  const pending = [0, ...gids].filter((g) => Number.isInteger(g) && g >= 0 && g < numGlyphs);
  while (pending.length) {
    const g = pending.pop()!;
    if (keep.has(g)) continue;
    keep.add(g);
    for (const c of componentsOf(glyph(g))) if (c < numGlyphs && !keep.has(c)) pending.push(c);
  }
  const parts: Buffer[] = [];
  const newLoca = Buffer.alloc((numGlyphs + 1) * (long ? 4 : 2));
  let at = 0;
  for (let g = 0; g < numGlyphs; g++) {
    if (long) newLoca.writeUInt32BE(at, g * 4);
    else newLoca.writeUInt16BE(at / 2, g * 2);
    if (!keep.has(g)) continue;
    const data = glyph(g);
    parts.push(data);
    at += data.length;
    if (at % 2) {
      parts.push(Buffer.alloc(1));
      at++;
    }
  }
  if (long) newLoca.writeUInt32BE(at, numGlyphs * 4);
  else newLoca.writeUInt16BE(at / 2, numGlyphs * 2);
  const replace = new Map([
    ['glyf', Buffer.concat(parts)],
    ['loca', newLoca],
  ]);
  // the emptied glyphs' metrics zeroed too (a document's widths are its /W array): runs of zeros deflate
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  if (hhea && hmtx) {
    const metrics = Buffer.from(b.subarray(hmtx.offset, hmtx.offset + hmtx.length));
    const longMetrics = b.readUInt16BE(hhea.offset + 34);
    for (let g = 0; g < numGlyphs; g++) {
      if (keep.has(g)) continue;
      const at = g < longMetrics ? g * 4 : longMetrics * 4 + (g - longMetrics) * 2;
      const size = g < longMetrics ? 4 : 2;
      if (at + size <= metrics.length) metrics.fill(0, at, at + size);
    }
    replace.set('hmtx', metrics);
  }
  return withoutTables(b, [], replace);
}
