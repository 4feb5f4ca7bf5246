// Renders teachers' PDF evidence for the sample package with pdf-lib, standard fonts only.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Rgb } from './png.js';

export type Block =
  { h: string } | { p: string } | { ul: string[] } | { ol: string[] } | { table: string[][]; widths?: number[] };

export interface DocSpec {
  /** File name inside the submission's evidence folder, without extension. */
  file: string;
  /** The artifact name the assessor sees. */
  name: string;
  title: string;
  /** Label/value pairs printed under the title (the generator adds author, school and date). */
  meta: [string, string][];
  blocks: Block[];
}

// ---------------------------------------------------------------------------------------------
// PDF text must be encodable in WinAnsi (the standard fonts' encoding).

const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const FOLD: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  ı: 'i',
  Ő: 'O',
  ő: 'o',
  Ű: 'U',
  ű: 'u',
  '\u2212': '-',
  '\u2192': '->',
  '\u2264': '<=',
  '\u2265': '>=',
};

function encodable(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRA.has(ch);
}

/** Folds text to what Helvetica's WinAnsi encoding can draw (diacritics dropped where needed, "?" as a last resort). */
export function winAnsiSafe(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (encodable(ch)) out += ch;
    else if (FOLD[ch] !== undefined) out += FOLD[ch];
    else if (ch === '\n' || ch === '\t') out += ' ';
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base.length > 0 && Array.from(base).every(encodable) ? base : '?';
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// PDF documents

const PAGE_W = 612;
const PAGE_H = 792;
const MARGIN = 64;
const CONTENT_W = PAGE_W - 2 * MARGIN;
const INK = rgb(0.13, 0.15, 0.18);
const MUTED = rgb(0.4, 0.43, 0.48);

export interface PdfContext {
  author: string;
  organization: string;
  dateLabel: string;
  date: Date;
  accent: Rgb;
  keywords: string[];
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** Lays out a teacher's document (title, meta table, headings, paragraphs, lists, tables) over as many pages as it needs. */
export async function renderPdf(spec: DocSpec, ctx: PdfContext): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const italic = await doc.embedFont(StandardFonts.HelveticaOblique);
  const accent = rgb(ctx.accent[0] / 255, ctx.accent[1] / 255, ctx.accent[2] / 255);
  const author = winAnsiSafe(ctx.author);
  const title = winAnsiSafe(spec.title);

  doc.setTitle(title);
  doc.setAuthor(author);
  doc.setSubject(winAnsiSafe(spec.name));
  doc.setKeywords(ctx.keywords.map(winAnsiSafe));
  doc.setCreator('Riverside PD Portal');
  doc.setProducer('pdf-lib');
  doc.setCreationDate(ctx.date);
  doc.setModificationDate(ctx.date);
  doc.setLanguage('en-US');

  let page: PDFPage = doc.addPage([PAGE_W, PAGE_H]);
  let y = PAGE_H - MARGIN;
  const newPage = () => {
    page = doc.addPage([PAGE_W, PAGE_H]);
    y = PAGE_H - MARGIN;
  };
  const ensure = (height: number) => {
    if (y - height < MARGIN + 20) newPage();
  };
  const text = (s: string, x: number, size: number, font: PDFFont, color = INK) =>
    page.drawText(s, { x, y, size, font, color });

  // Title block
  page.drawRectangle({ x: MARGIN, y: y - 4, width: 48, height: 4, color: accent });
  y -= 28;
  for (const line of wrap(title, bold, 19, CONTENT_W)) {
    text(line, MARGIN, 19, bold);
    y -= 24;
  }
  text(winAnsiSafe(spec.name), MARGIN, 11, italic, MUTED);
  y -= 22;
  const meta: [string, string][] = [
    ['Prepared by', ctx.author],
    ['School', ctx.organization],
    ...spec.meta,
    [ctx.dateLabel, ctx.date.toISOString().slice(0, 10)],
  ];
  for (const [label, value] of meta) {
    const lines = wrap(winAnsiSafe(value), regular, 10, CONTENT_W - 110);
    ensure(lines.length * 13);
    text(winAnsiSafe(label), MARGIN, 10, bold, MUTED);
    for (const line of lines) {
      text(line, MARGIN + 110, 10, regular);
      y -= 13;
    }
  }
  y -= 6;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE_W - MARGIN, y }, thickness: 0.75, color: MUTED });
  y -= 18;

  const paragraph = (s: string, x: number, width: number, font = regular, size = 10.5) => {
    for (const line of wrap(winAnsiSafe(s), font, size, width)) {
      ensure(14);
      text(line, x, size, font);
      y -= 14;
    }
  };

  interface Row {
    cells: string[][];
    font: PDFFont;
    height: number;
  }
  const layoutTable = (block: Extract<Block, { table: string[][] }>) => {
    const cols = block.table[0]?.length ?? 1;
    const widths = (block.widths ?? Array.from({ length: cols }, () => 1 / cols)).map((w) => w * CONTENT_W);
    const rows: Row[] = block.table.map((row, r) => {
      const font = r === 0 ? bold : regular;
      const cells = row.map((cell, c) => wrap(winAnsiSafe(cell), font, 9, widths[c]! - 8));
      return { cells, font, height: Math.max(...cells.map((l) => l.length)) * 11.5 + 8 };
    });
    const total = rows.reduce((n, r) => n + r.height, 0);
    // Keep a short table on one page; otherwise at least its header and first row.
    const keep = total <= (PAGE_H - 2 * MARGIN) / 2 ? total : rows[0]!.height + (rows[1]?.height ?? 0);
    return { widths, rows, keep };
  };
  const drawRow = (row: Row, widths: number[], header: boolean) => {
    let x = MARGIN;
    row.cells.forEach((lines, c) => {
      const w = widths[c]!;
      page.drawRectangle({
        x,
        y: y - row.height,
        width: w,
        height: row.height,
        borderColor: MUTED,
        borderWidth: 0.5,
        ...(header ? { color: rgb(0.93, 0.94, 0.96) } : {}),
      });
      lines.forEach((line, li) =>
        page.drawText(line, { x: x + 4, y: y - 11 - li * 11.5, size: 9, font: row.font, color: INK }),
      );
      x += w;
    });
    y -= row.height;
  };
  /** The space a block needs at the top of a page, so that a heading is never left alone at a page foot. */
  const keepWithHeading = (next: Block | undefined) => (next && 'table' in next ? layoutTable(next).keep : 42);

  spec.blocks.forEach((block, bi) => {
    if ('h' in block) {
      ensure(25 + keepWithHeading(spec.blocks[bi + 1]));
      y -= 6;
      text(winAnsiSafe(block.h), MARGIN, 13, bold, accent);
      y -= 19;
    } else if ('p' in block) {
      paragraph(block.p, MARGIN, CONTENT_W);
      y -= 6;
    } else if ('ul' in block || 'ol' in block) {
      const items = 'ul' in block ? block.ul : block.ol;
      items.forEach((item, i) => {
        ensure(14);
        text('ul' in block ? '•' : `${i + 1}.`, MARGIN + 6, 10.5, 'ul' in block ? regular : bold);
        paragraph(item, MARGIN + 24, CONTENT_W - 24);
        y -= 3;
      });
      y -= 4;
    } else {
      const { widths, rows, keep } = layoutTable(block);
      y += 8; // rows are drawn from their top edge
      ensure(keep);
      rows.forEach((row, r) => {
        if (r > 0 && y - row.height < MARGIN + 20) {
          newPage();
          drawRow(rows[0]!, widths, true); // repeat the header row
        }
        drawRow(row, widths, r === 0);
      });
      y -= 18;
    }
  });

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const footer = `${author} · ${title}`;
    const short = footer.length > 80 ? `${footer.slice(0, 77)}...` : footer;
    p.drawText(short, { x: MARGIN, y: MARGIN - 24, size: 8, font: regular, color: MUTED });
    const num = `Page ${i + 1} of ${pages.length}`;
    p.drawText(num, {
      x: PAGE_W - MARGIN - regular.widthOfTextAtSize(num, 8),
      y: MARGIN - 24,
      size: 8,
      font: regular,
      color: MUTED,
    });
  });
  return doc.save({ useObjectStreams: false });
}
