// pdf.js's worker, started without pdf.js: the queue starts it in an idle moment and a review with PDFs as it opens
// (warmPdfViewer), so that the worker's 1 MB script is fetched, compiled and run (about 180 ms on two cores) before
// the assessor clicks a PDF. pdf.js then talks to it through its port (`PDFWorker.create({ port })`).
/// <reference types="vite/client" />
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

let started: Worker | null = null;
let failed = false;

/** Starts the worker if it is not running yet. */
export function startPdfWorker(): void {
  if (started || failed || typeof Worker !== 'function') return;
  const worker = new Worker(workerUrl, { type: 'module' });
  // A script that does not load (it never should: it is ours, from our origin) leaves pdf.js to start its own. Only
  // until the worker has said it is ready: an error after that belongs to a document, which pdf.js reports.
  const starting = new AbortController();
  worker.addEventListener('message', () => starting.abort(), { once: true, signal: starting.signal });
  worker.addEventListener(
    'error',
    () => {
      starting.abort();
      if (started === worker) {
        started = null;
        failed = true;
        worker.terminate();
      }
    },
    { signal: starting.signal },
  );
  started = worker;
}

/** The running worker for pdf.js to use (started now if need be), or null when it could not start. */
export function pdfWorkerPort(): Worker | null {
  startPdfWorker();
  return started;
}
