// Opens a PDF and learns its page sizes: page 1 at once, the rest in idle moments so typing never waits on it.
import { useEffect, useState } from 'react';
import { PT_TO_PX, type PageSize } from './layout.js';
import { openPdf, type PDFDocumentProxy } from './pdfjs.js';
import { idle } from './idle.js';

export type PdfDocState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; doc: PDFDocumentProxy; sizes: PageSize[] };

const PAGES_PER_IDLE = 12;

export function usePdfDocument(url: string): PdfDocState {
  // The state is kept with the address it is for: a new address is loading until its own state arrives.
  const [loaded, setLoaded] = useState<{ url: string; state: PdfDocState } | null>(null);

  useEffect(() => {
    const run = new AbortController();
    // Read through a call after each await: TypeScript would keep the first check's narrowing across them.
    const stopped = () => run.signal.aborted;
    const setState = (state: PdfDocState) => setLoaded({ url, state });
    const task = openPdf(url);
    (async () => {
      const doc = await task.promise;
      const first = (await doc.getPage(1)).getViewport({ scale: PT_TO_PX });
      if (stopped()) return;
      // Every page starts as big as page 1: right for nearly all documents, corrected below for the rest.
      let sizes: PageSize[] = Array.from({ length: doc.numPages }, () => ({ w: first.width, h: first.height }));
      setState({ status: 'ready', doc, sizes });
      for (let p = 2; p <= doc.numPages; p += PAGES_PER_IDLE) {
        await idle();
        if (stopped()) return;
        const last = Math.min(doc.numPages, p + PAGES_PER_IDLE - 1);
        const pages = await Promise.all(Array.from({ length: last - p + 1 }, (_, i) => doc.getPage(p + i)));
        if (stopped()) return;
        let changed = false;
        const next = sizes.slice();
        for (const [i, page] of pages.entries()) {
          const v = page.getViewport({ scale: PT_TO_PX });
          const old = next[p + i - 1]!;
          if (Math.abs(old.w - v.width) > 0.5 || Math.abs(old.h - v.height) > 0.5) {
            next[p + i - 1] = { w: v.width, h: v.height };
            changed = true;
          }
        }
        if (changed) {
          sizes = next;
          setState({ status: 'ready', doc, sizes });
        }
      }
    })().catch((error: unknown) => {
      if (!stopped()) setState({ status: 'failed', error });
    });
    return () => {
      run.abort();
      // Cancels the download, the worker's parsing and every pending page request of this document.
      void task.destroy();
    };
  }, [url]);

  return loaded?.url === url ? loaded.state : LOADING;
}

const LOADING: PdfDocState = { status: 'loading' };
