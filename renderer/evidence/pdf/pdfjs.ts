// pdf.js set up for our CSP: the worker and every data file it may need come from our own origin, nothing is eval'd.
/// <reference types="vite/client" />
import { getDocument, GlobalWorkerOptions, PDFWorker, type PDFDocumentLoadingTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { pdfWorkerPort } from './worker-port.js';

GlobalWorkerOptions.workerSrc = workerUrl;

type UrlTable = Record<string, string>;

// Bundled as files (never inlined: connect-src 'self' refuses data: URLs) and fetched only when a PDF needs one:
// standard fonts for PDFs that do not embed Helvetica or Times, CMaps for CJK text, decoders for scanned images.
const FONTS = import.meta.glob('../../../node_modules/pdfjs-dist/standard_fonts/*.{ttf,pfb}', {
  query: '?url&no-inline',
  import: 'default',
  eager: true,
}) as UrlTable;
const CMAPS = import.meta.glob('../../../node_modules/pdfjs-dist/cmaps/*.bcmap', {
  query: '?url&no-inline',
  import: 'default',
  eager: true,
}) as UrlTable;
const WASM = import.meta.glob('../../../node_modules/pdfjs-dist/wasm/*.wasm', {
  query: '?url&no-inline',
  import: 'default',
  eager: true,
}) as UrlTable;

function byFileName(table: UrlTable): Map<string, string> {
  return new Map(Object.entries(table).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));
}

const TABLES: Record<string, Map<string, string>> = {
  standardFontDataUrl: byFileName(FONTS),
  cMapUrl: byFileName(CMAPS),
  wasmUrl: byFileName(WASM),
};

/**
 * pdf.js's BinaryDataFactory interface: the worker asks the page for a data file by name, and we answer from
 * the bundle's hashed asset names (pdf.js would otherwise build URLs from a base folder we do not ship).
 */
class BundledDataFactory {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url = TABLES[kind]?.get(filename);
    if (!url) throw new Error(`pdf.js data file ${filename} is not bundled`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`pdf.js data file ${filename}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
}

let shared: PDFWorker | null = null;
let sharedPort: Worker | null = null;

/** One worker for every PDF the assessor opens: starting one costs more than parsing a typical document. */
function worker(): PDFWorker {
  // The worker the queue or the review started ahead (worker-port.ts); pdf.js starts its own only if that one
  // failed to load (then the next document gets pdf.js's own, not the dead port).
  const port = pdfWorkerPort();
  if (!shared || shared.destroyed || port !== sharedPort) {
    shared = port ? PDFWorker.create({ port }) : new PDFWorker();
    sharedPort = port;
  }
  return shared;
}

/** Starts loading a PDF from our origin, streamed with range requests. */
export function openPdf(url: string): PDFDocumentLoadingTask {
  return getDocument({
    url,
    worker: worker(),
    isEvalSupported: false,
    enableXfa: false,
    // Bundled fonts, not whatever the system has: a page looks the same on every computer (and in the screenshot test).
    useSystemFonts: false,
    useWorkerFetch: false,
    BinaryDataFactory: BundledDataFactory,
    // The factory answers by file name; these are never fetched as URLs, only needed to be set.
    cMapUrl: 'bundled/',
    cMapPacked: true,
    standardFontDataUrl: 'bundled/',
    wasmUrl: 'bundled/',
    // Ranges of 256 KB: fewer round trips through the evidence protocol for typical 1–20 MB documents.
    rangeChunkSize: 262_144,
  });
}

export {
  AnnotationMode,
  TextLayer,
  type PDFDocumentProxy,
  type PDFPageProxy,
  type PageViewport,
  type RenderTask,
} from 'pdfjs-dist';
