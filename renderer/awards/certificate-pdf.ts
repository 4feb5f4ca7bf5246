// Draws page 1 of a certificate PDF into a canvas with pdf.js; loaded only when a preview is first shown.
/// <reference types="vite/client" />
import { AnnotationMode, getDocument, GlobalWorkerOptions, PDFWorker } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

let shared: PDFWorker | null = null;

/** One worker for every preview: starting one costs more than parsing a certificate. */
function worker(): PDFWorker {
  if (!shared || shared.destroyed) shared = new PDFWorker();
  return shared;
}

export interface Drawn {
  /** The page's width over its height. */
  aspect: number;
}

/**
 * Renders page 1 at `cssWidth` CSS pixels wide (sharp on high-density screens). Resolves false when
 * `isCancelled` turned true meanwhile, so a preview that moved on to another award draws nothing.
 */
export async function drawFirstPage(
  bytes: Uint8Array,
  canvas: HTMLCanvasElement,
  cssWidth: number,
  isCancelled: () => boolean,
): Promise<Drawn | null> {
  // The certificate embeds its fonts, so no standard fonts or CMaps are fetched; pdf.js takes ownership of the bytes.
  const task = getDocument({
    data: bytes.slice(),
    worker: worker(),
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    useWorkerFetch: false,
  });
  try {
    const doc = await task.promise;
    const page = await doc.getPage(1);
    const base = page.getViewport({ scale: 1 });
    if (isCancelled()) return null;
    const ratio = Math.min(window.devicePixelRatio || 1, 3);
    const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
    const offscreen = document.createElement('canvas');
    offscreen.width = Math.round(viewport.width);
    offscreen.height = Math.round(viewport.height);
    await page.render({
      canvas: offscreen,
      canvasContext: offscreen.getContext('2d')!,
      viewport,
      annotationMode: AnnotationMode.DISABLE,
    }).promise;
    if (isCancelled()) return null;
    // Swapped in whole, so the visible canvas never shows a half-drawn page.
    canvas.width = offscreen.width;
    canvas.height = offscreen.height;
    canvas.getContext('2d')!.drawImage(offscreen, 0, 0);
    return { aspect: base.width / base.height };
  } finally {
    void task.destroy();
  }
}
