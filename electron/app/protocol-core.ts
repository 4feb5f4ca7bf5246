// Answers app://assay/… requests (built renderer files, evidence by SHA-256, byte ranges) without Electron.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Services } from '../services.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'assay';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

/** The policy every renderer document runs under: nothing remote, no eval, no plugins, no framing. */
export const CSP = [
  "default-src 'self'",
  // WebAssembly only (pdf.js decodes JBIG2 and JPEG 2000 scans with it); JavaScript eval stays forbidden.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Evidence comes from outside (a teacher's upload) yet is served from our own origin, so if it is ever
 * opened as a document (an SVG or HTML file in a frame) `sandbox` gives it an opaque origin and no
 * scripts: it can never reach `window.api`.
 */
export const EVIDENCE_CSP =
  "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox";

const SHA256 = /^[0-9a-f]{64}$/;

/** True for app://assay/… only (a custom scheme's URL.origin is "null", so compare scheme and host). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.pdf': 'application/pdf',
};

export function mimeTypeOf(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The Content-Type an evidence file is served with. Only passive types pass through; anything a
 * browser could execute (HTML, JavaScript, XML …) becomes octet-stream, and with nosniff it stays inert.
 */
export function evidenceContentType(mediaType: string | null | undefined): string {
  const t = (mediaType ?? '').split(';')[0]!.trim().toLowerCase();
  if (/^(image|video|audio)\/[a-z0-9.+-]+$/.test(t)) return t;
  if (t === 'application/pdf' || t === 'text/plain' || t === 'text/csv') return t;
  return 'application/octet-stream';
}

export type Route = { kind: 'static'; file: string } | { kind: 'evidence'; sha256: string } | { kind: 'not-found' };

/** Maps a URL to a file under the renderer folder or an evidence hash; anything outside is not found. */
export function routeAppUrl(url: string, rendererRoot: string): Route {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { kind: 'not-found' };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return { kind: 'not-found' };
  let pathname: string;
  try {
    // Decoding can produce "../" or "\" that the URL parser never saw, hence the containment check below.
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return { kind: 'not-found' };
  }
  if (pathname.includes('\0')) return { kind: 'not-found' };
  const evidence = /^\/evidence\/([^/]+)$/.exec(pathname);
  if (evidence) return SHA256.test(evidence[1]!) ? { kind: 'evidence', sha256: evidence[1]! } : { kind: 'not-found' };
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, relative);
  if (file === root || !file.startsWith(root + path.sep)) return { kind: 'not-found' };
  return { kind: 'static', file };
}

export type ByteRange = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/** A real Range header for one range is a few dozen characters; a longer one is ignored, never scanned. */
export const MAX_RANGE_HEADER = 200;

/** Counts the characters the parser looked at (tests show it is linear: at most one look per character). */
export interface ScanMeter {
  steps: number;
}

/**
 * Reads a Range header for a file of `size` bytes (RFC 9110 §14). One range only: a malformed,
 * multi-range or over-long header is ignored (a full 200 is a valid answer), a range past the end is 416.
 * A single forward scan, never a backtracking regular expression: a header of spaces used to take
 * minutes, and every step here moves past one character, so it cannot.
 */
export function parseRange(header: string | null | undefined, size: number, meter?: ScanMeter): ByteRange {
  if (!header || header.length > MAX_RANGE_HEADER) return { kind: 'full' };
  let i = 0;
  const at = (): string => {
    if (meter) meter.steps++;
    return header.charAt(i);
  };
  const spaces = () => {
    while (i < header.length && (at() === ' ' || header.charAt(i) === '\t')) i++;
  };
  const digits = (): string => {
    const from = i;
    while (i < header.length && at() >= '0' && header.charAt(i) <= '9') i++;
    return header.slice(from, i);
  };
  spaces();
  if (header.slice(i, i + 5).toLowerCase() !== 'bytes') return { kind: 'full' };
  i += 5;
  spaces();
  if (at() !== '=') return { kind: 'full' };
  i++;
  spaces();
  const first = digits();
  spaces();
  if (at() !== '-') return { kind: 'full' };
  i++;
  spaces();
  const last = digits();
  spaces();
  if (i !== header.length) return { kind: 'full' };
  if (first === '' && last === '') return { kind: 'full' };
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}

export interface EvidenceEntry {
  path: string;
  mediaType: string | null;
}

export interface AppProtocolDeps {
  /** dist/renderer: the only folder static requests may read. */
  rendererRoot: string;
  /** The stored file for a SHA-256 that is a row in `blobs`, or null for any other hash. */
  lookupEvidence(sha256: string): EvidenceEntry | null;
}

/**
 * Evidence lookup over the store: the blobs row decides; the media type comes from an artifact that uses it. A hash
 * the store does not hold may be a coordination's adjudication evidence this process has verified (read from the
 * round's review package against its SHA-256, see electron/coordination/evidence-files.ts), with its manifest's type.
 */
export function evidenceLookup(
  services: Pick<Services, 'db' | 'evidence' | 'coordinationEvidence'>,
): AppProtocolDeps['lookupEvidence'] {
  const find = services.db.prepare<[string], { mediaType: string | null }>(
    `SELECT (SELECT media_type FROM artifacts WHERE sha256 = b.sha256 AND media_type IS NOT NULL LIMIT 1) AS mediaType
       FROM blobs b WHERE b.sha256 = ?`,
  );
  return (sha256) => {
    if (!SHA256.test(sha256)) return null;
    const row = find.get(sha256);
    return row
      ? { path: services.evidence.pathOf(sha256), mediaType: row.mediaType }
      : services.coordinationEvidence.lookup(sha256);
  };
}

function errorResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** Streams a file (or the requested byte range of it) with the given type and policy. */
export async function serveFile(
  file: string,
  contentType: string,
  csp: string,
  request: Pick<Request, 'method' | 'headers'>,
): Promise<Response> {
  let size: number;
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile()) return errorResponse(404, 'Not found');
    size = stat.size;
  } catch {
    return errorResponse(404, 'Not found');
  }
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-cache',
  };
  const range = parseRange(request.headers.get('range'), size);
  if (range.kind === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } });
  }
  const start = range.kind === 'partial' ? range.start : 0;
  const end = range.kind === 'partial' ? range.end : size - 1;
  const status = range.kind === 'partial' ? 206 : 200;
  headers['Content-Length'] = String(Math.max(0, end - start + 1));
  if (range.kind === 'partial') headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  if (request.method === 'HEAD' || size === 0) return new Response(null, { status, headers });
  // A stream, not a buffer: classroom videos run to gigabytes and the player only wants the part it seeks to.
  const body = Readable.toWeb(fs.createReadStream(file, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(body, { status, headers });
}

/** The whole app:// handler: route, refuse what is not ours, serve the rest. */
export async function handleAppRequest(
  request: Pick<Request, 'url' | 'method' | 'headers'>,
  deps: AppProtocolDeps,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(405, 'Method not allowed');
  const route = routeAppUrl(request.url, deps.rendererRoot);
  if (route.kind === 'not-found') return errorResponse(404, 'Not found');
  if (route.kind === 'static') return serveFile(route.file, mimeTypeOf(route.file), CSP, request);
  const entry = deps.lookupEvidence(route.sha256);
  if (!entry) return errorResponse(404, 'Not found');
  return serveFile(entry.path, evidenceContentType(entry.mediaType), EVIDENCE_CSP, request);
}
