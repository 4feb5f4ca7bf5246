// Renders pages (canvas + text layer) and thumbnails one at a time, visible pages first, yielding between jobs.
import { idle } from './idle.js';
import { paintMarks, type LayerText, type Mark } from './highlight.js';
import { PT_TO_PX } from './layout.js';
import { AnnotationMode, TextLayer, type PDFDocumentProxy, type RenderTask } from './pdfjs.js';
import { paintBoxes, paintCovers } from './redact.js';
import type { PdfText } from './text-store.js';
import { t } from '../../strings/en.js';

/** A canvas bigger than this (in device pixels) is drawn at a lower resolution: memory, not sharpness, is the limit. */
const MAX_CANVAS_PIXELS = 16_777_216;

interface Slot {
  el: HTMLElement | null;
  /** The zoom the current canvas and text layer were drawn at (0: nothing drawn). */
  zoom: number;
  canvas: HTMLCanvasElement | null;
  textDiv: HTMLDivElement | null;
  layer: LayerText | null;
  /** Blind review: the notice on a page whose names could not be checked. */
  note: HTMLElement | null;
}

interface Thumb {
  canvas: HTMLCanvasElement;
  width: number;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class PageRenderer {
  private readonly slots = new Map<number, Slot>();
  private readonly thumbs = new Map<number, Thumb>();
  private readonly thumbsDone = new Set<number>();
  private queue: number[] = [];
  private zoom = 1;
  private running = false;
  private destroyed = false;
  private task: RenderTask | null = null;
  private textLayer: TextLayer | null = null;
  /** Highlights by page: painted on the text layers there are, and on each new one as it is built. */
  private marks = new Map<number, Mark[]>();

  constructor(
    private readonly doc: PDFDocumentProxy,
    private readonly text: PdfText,
  ) {}

  /** The destroyed flag, read through a call: TypeScript would keep an earlier check's narrowing across awaits. */
  private isDestroyed(): boolean {
    return this.destroyed;
  }

  private slot(page: number): Slot {
    let s = this.slots.get(page);
    if (!s) {
      s = { el: null, zoom: 0, canvas: null, textDiv: null, layer: null, note: null };
      this.slots.set(page, s);
    }
    return s;
  }

  attach(page: number, el: HTMLElement | null): void {
    const s = this.slot(page);
    if (s.el === el) return;
    this.release(page);
    s.el = el;
  }

  setZoom(zoom: number): void {
    this.zoom = zoom;
  }

  /** Pages to draw now, most important first; drawn pages outside `keep` are released. */
  want(pages: number[], keep: Set<number>): void {
    for (const [page, s] of this.slots) if (s.zoom !== 0 && !keep.has(page)) this.release(page);
    this.queue = pages.filter((p) => this.slot(p).zoom !== this.zoom);
    void this.pump();
  }

  /** Draws a page's thumbnail into `canvas` (`width` CSS pixels wide) once the pages in view are done. */
  thumbnail(page: number, canvas: HTMLCanvasElement | null, width: number): void {
    if (!canvas) {
      this.thumbs.delete(page);
      return;
    }
    if (this.thumbsDone.has(page) && this.thumbs.get(page)?.canvas === canvas) return;
    this.thumbsDone.delete(page);
    this.thumbs.set(page, { canvas, width });
    void this.pump();
  }

  /** The thumbnails sidebar closed: nothing left to draw into. */
  clearThumbnails(): void {
    this.thumbs.clear();
    this.thumbsDone.clear();
  }

  /** Replaces the highlights and repaints every text layer that exists. */
  setMarks(marks: Map<number, Mark[]>): void {
    this.marks = marks;
    for (const [page, s] of this.slots) if (s.layer) paintMarks(s.layer, marks.get(page) ?? []);
  }

  isRendered(page: number): boolean {
    return (this.slots.get(page)?.zoom ?? 0) !== 0;
  }

  destroy(): void {
    this.destroyed = true;
    this.task?.cancel();
    this.textLayer?.cancel();
    for (const page of this.slots.keys()) this.release(page);
    this.queue = [];
    this.thumbs.clear();
  }

  private release(page: number): void {
    const s = this.slots.get(page);
    if (!s) return;
    if (s.canvas) {
      // Zero-sized first: a detached canvas keeps its backing store until collected.
      s.canvas.width = 0;
      s.canvas.height = 0;
      s.canvas.remove();
    }
    s.textDiv?.remove();
    s.el?.removeAttribute('data-rendered');
    s.el?.removeAttribute('data-text');
    s.note?.remove();
    s.note = null;
    s.canvas = null;
    s.textDiv = null;
    s.layer = null;
    s.zoom = 0;
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (!this.destroyed) {
        const page = this.queue.shift();
        if (page !== undefined) {
          await this.renderPage(page);
          await nextTask();
          continue;
        }
        const next = [...this.thumbs.entries()].find(([p]) => !this.thumbsDone.has(p));
        if (!next) break;
        // Thumbnails wait for a quiet moment: they must never hold up a visible page or a keystroke.
        await idle();
        if (this.queue.length > 0) continue;
        await this.renderThumb(next[0], next[1]);
      }
    } finally {
      this.running = false;
    }
  }

  private async renderPage(n: number): Promise<void> {
    const s = this.slot(n);
    const zoom = this.zoom;
    if (!s.el || s.zoom === zoom) return;
    try {
      const page = await this.doc.getPage(n);
      const viewport = page.getViewport({ scale: zoom * PT_TO_PX });
      const dpr = window.devicePixelRatio || 1;
      const ratio = Math.min(dpr, Math.sqrt(MAX_CANVAS_PIXELS / (viewport.width * viewport.height)));
      const canvas = document.createElement('canvas');
      canvas.className = 'pdf-canvas';
      canvas.width = Math.max(1, Math.floor(viewport.width * ratio));
      canvas.height = Math.max(1, Math.floor(viewport.height * ratio));
      canvas.setAttribute('aria-hidden', 'true');
      // Blind review: the page's text is read alongside, and the canvas is covered before it is shown.
      const redacting = this.text.terms !== null;
      const early = redacting ? this.text.page(n) : null;
      this.task = page.render({
        canvas,
        canvasContext: canvas.getContext('2d')!,
        viewport,
        transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
        annotationMode: AnnotationMode.ENABLE,
      });
      await this.task.promise;
      this.task = null;
      const covered = early ? await early : null;
      if (covered) {
        paintCovers(canvas.getContext('2d')!, viewport, ratio, covered.covers);
        paintBoxes(canvas.getContext('2d')!, viewport, ratio, this.text.boxes(n));
      }
      // Closed, detached or zoomed again while it was drawn (s.el may have changed during the awaits).
      const el = s.el as HTMLElement | null;
      if (this.isDestroyed() || el === null || this.zoom !== zoom) {
        canvas.width = 0;
        return;
      }

      // Swap in the new canvas only now: until then the old one (maybe at another zoom) stays, stretched.
      if (s.canvas) {
        s.canvas.width = 0;
        s.canvas.remove();
      }
      el.prepend(canvas);
      if (covered && !covered.checked && !s.note) {
        s.note = document.createElement('p');
        s.note.className = 'pdf-unchecked';
        s.note.textContent = t.evidence.pdf.unchecked;
        el.append(s.note);
      }
      s.canvas = canvas;
      s.zoom = zoom;
      el.setAttribute('data-rendered', String(zoom));
      // The text layer of the old zoom stays until the new one is built: say which zoom the selectable text is for.
      el.removeAttribute('data-text');

      const text = await this.text.page(n);
      if (this.isDestroyed() || s.canvas !== canvas) return;
      const textDiv = document.createElement('div');
      textDiv.className = 'textLayer';
      this.textLayer = new TextLayer({ textContentSource: text.content, container: textDiv, viewport });
      await this.textLayer.render();
      const rendered = this.textLayer;
      this.textLayer = null;
      if (this.isDestroyed() || s.canvas !== canvas) return;
      s.textDiv?.remove();
      el.append(textDiv);
      s.textDiv = textDiv;
      el.setAttribute('data-text', String(zoom));
      s.layer = {
        divs: rendered.textDivs,
        strs: rendered.textContentItemsStr,
        starts: text.starts,
        touched: new Set(),
      };
      paintMarks(s.layer, this.marks.get(n) ?? []);
    } catch {
      // Cancelled (closed, zoomed again) or a broken page: it is drawn again the next time it is wanted.
      this.task = null;
      this.textLayer = null;
    }
  }

  private async renderThumb(n: number, thumb: Thumb): Promise<void> {
    this.thumbsDone.add(n);
    try {
      const page = await this.doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const dpr = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (thumb.width / base.width) * dpr });
      const { canvas } = thumb;
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      // Blind review: drawn off screen and covered first, so the thumbnail never shows the page uncovered.
      const redacting = this.text.terms !== null;
      const target = redacting ? document.createElement('canvas') : canvas;
      target.width = canvas.width;
      target.height = canvas.height;
      this.task = page.render({
        canvas: target,
        canvasContext: target.getContext('2d')!,
        viewport,
        annotationMode: AnnotationMode.DISABLE,
      });
      await this.task.promise;
      if (redacting) {
        paintCovers(target.getContext('2d')!, viewport, 1, (await this.text.page(n)).covers);
        paintBoxes(target.getContext('2d')!, viewport, 1, this.text.boxes(n));
        canvas.getContext('2d')!.drawImage(target, 0, 0);
        target.width = 0;
      }
      canvas.setAttribute('data-rendered', 'true');
    } catch {
      this.thumbsDone.delete(n);
    } finally {
      this.task = null;
    }
  }
}
