// Each page's text once per document, shared by the text layer and find: the string, and where each item starts in it.
import type { TermSet } from '../../../shared/domain/redaction.js';
import type { PageViewport, PDFDocumentProxy, PDFPageProxy } from './pdfjs.js';
import { redactItems, withholdUnder, type Cover, type FractionBox } from './redact-items.js';

export type TextContent = Awaited<ReturnType<PDFPageProxy['getTextContent']>>;
type Item = TextContent['items'][number];
export type TextItem = Extract<Item, { str: string }>;

export interface PageText {
  content: TextContent;
  /** The items of the page (the ones the text layer makes a span for), in order. */
  items: TextItem[];
  /** All item strings joined, with a line break after each item that ends a line. */
  text: string;
  /** Where item i starts in `text`. */
  starts: number[];
  /** Blind review: what to cover on the canvas (the items and `text` no longer hold it). */
  covers: Cover[];
  /** False when blind and the page has no text to check for names (a scan). */
  checked: boolean;
}

export function isTextItem(item: Item): item is TextItem {
  return (item as { str?: unknown }).str !== undefined;
}

/** A page's text; with `terms` (blind review), the earner's identity taken out and listed as covers. */
export function pageText(
  original: TextContent,
  terms: TermSet | null = null,
  drawn: { boxes: readonly FractionBox[]; viewport: PageViewport } | null = null,
): PageText {
  let content = original;
  let covers: Cover[] = [];
  let checked = true;
  if (terms) {
    const redacted = redactItems(original.items.filter(isTextItem), terms, original.styles);
    const under = drawn
      ? withholdUnder(redacted.items, drawn.boxes, drawn.viewport, original.styles)
      : { items: redacted.items, covers: [] };
    covers = [...redacted.covers, ...under.covers];
    checked = redacted.checked;
    if (covers.length > 0) {
      let i = 0;
      content = { ...original, items: original.items.map((item) => (isTextItem(item) ? under.items[i++]! : item)) };
    }
  }
  const items = content.items.filter(isTextItem);
  const starts: number[] = [];
  let text = '';
  for (const item of items) {
    starts.push(text.length);
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return { content, items, text, starts, covers, checked };
}

export class PdfText {
  private readonly cache = new Map<number, Promise<PageText>>();

  /**
   * `terms`: blind review's identity terms; every reader of the text (text layer, find, anchors) gets it redacted.
   * `drawn`: boxes assessors drew, by page (blind review only); text under them is withheld too.
   */
  constructor(
    private readonly doc: PDFDocumentProxy,
    readonly terms: TermSet | null = null,
    private readonly drawn: ReadonlyMap<number, readonly FractionBox[]> = new Map(),
  ) {}

  /** The boxes drawn on page n (to paint over its canvas). */
  boxes(n: number): readonly FractionBox[] {
    return this.terms ? (this.drawn.get(n) ?? []) : [];
  }

  page(n: number): Promise<PageText> {
    let entry = this.cache.get(n);
    if (!entry) {
      entry = this.doc.getPage(n).then(async (page) => {
        const boxes = this.boxes(n);
        const drawn = boxes.length > 0 ? { boxes, viewport: page.getViewport({ scale: 1 }) } : null;
        return pageText(await page.getTextContent(), this.terms, drawn);
      });
      // A failure (document closed) must not stick: the next ask tries again.
      entry.catch(() => this.cache.delete(n));
      this.cache.set(n, entry);
    }
    return entry;
  }
}

/** A case-insensitive pattern for a phrase where any run of spaces or line breaks matches any other. */
export function phrasePattern(phrase: string): RegExp | null {
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('\\s+'), 'giu');
}

export interface TextRange {
  start: number;
  end: number;
}

export function findAll(text: string, pattern: RegExp): TextRange[] {
  const out: TextRange[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex += 1;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
