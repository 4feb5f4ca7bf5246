// The certificate's QR code: a compact, Ed25519-signed statement of the award that a phone (or
// `assay verify`) can check offline against the issuer's badge key:
//   ASSAY1.<base64url(JSON {id, n, a, d, c})>.<base64url(Ed25519 signature of the text before the dot)>
import crypto, { type KeyObject } from 'node:crypto';
import QRCode, { type QRCodeMaskPattern, type QRCodeSegment } from 'qrcode';

export const QR_PREFIX = 'ASSAY1';

export interface QrClaims {
  /** credential id */
  id: string;
  /** earner name */
  n: string;
  /** achievement name */
  a: string;
  /** date of award, YYYY-MM-DD */
  d: string;
  /** verification code */
  c: string;
}

export type QrVerification = { valid: true; claims: QrClaims } | { valid: false; reason: string };

export function makeQrPayload(claims: QrClaims, sign: (data: Buffer) => Buffer): string {
  const body = Buffer.from(JSON.stringify({ id: claims.id, n: claims.n, a: claims.a, d: claims.d, c: claims.c }), 'utf8').toString('base64url');
  const signed = `${QR_PREFIX}.${body}`;
  return `${signed}.${sign(Buffer.from(signed, 'latin1')).toString('base64url')}`;
}

function isClaims(v: unknown): v is QrClaims {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return ['id', 'n', 'a', 'd', 'c'].every((k) => typeof o[k] === 'string');
}

/** Checks a scanned payload against the issuer's Ed25519 public key. */
export function verifyQrPayload(text: string, publicKey: KeyObject): QrVerification {
  const parts = text.trim().split('.');
  if (parts.length !== 3 || parts[0] !== QR_PREFIX) return { valid: false, reason: 'This is not an Assay certificate code.' };
  const [prefix, body, sig] = parts as [string, string, string];
  if (!/^[A-Za-z0-9_-]+$/.test(body) || !/^[A-Za-z0-9_-]+$/.test(sig)) return { valid: false, reason: 'The code is damaged (not base64url).' };
  const signature = Buffer.from(sig, 'base64url');
  if (signature.length !== 64) return { valid: false, reason: 'The code is damaged (the signature has the wrong length).' };
  let ok = false;
  try {
    ok = crypto.verify(null, Buffer.from(`${prefix}.${body}`, 'latin1'), publicKey, signature);
  } catch (error) {
    return { valid: false, reason: `The issuer key cannot check this code (${(error as Error).message}).` };
  }
  if (!ok) return { valid: false, reason: 'The signature does not match: the code was changed or made by another issuer.' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { valid: false, reason: 'The code is damaged (its contents are not JSON).' };
  }
  if (!isClaims(claims)) return { valid: false, reason: 'The code is damaged (fields are missing).' };
  return { valid: true, claims };
}

export interface QrMatrix {
  size: number;
  dark(row: number, col: number): boolean;
}


function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Modules packed as bit lines: `lines` lines of `n` bits, W = ceil(n / 32) words each, bit j of a line
 * (word j >> 5, bit j & 31) is module j along it.
 */
interface Packed {
  n: number;
  w: number;
  rows: Uint32Array;
  cols: Uint32Array;
}

function pack(n: number, at: (r: number, c: number) => number): Packed {
  const w = (n + 31) >>> 5;
  const rows = new Uint32Array(n * w);
  const cols = new Uint32Array(n * w);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (!at(r, c)) continue;
      rows[r * w + (c >>> 5)]! |= 1 << (c & 31);
      cols[c * w + (r >>> 5)]! |= 1 << (r & 31);
    }
  }
  return { n, w, rows, cols };
}

/** Scratch lines for the shifted-AND searches (one per pattern position). */
const scratch = { a: new Uint32Array(8), b: new Uint32Array(8) };

/** Word k of (line >> t), over W words starting at `off`. */
function shr(line: Uint32Array, off: number, w: number, k: number, t: number): number {
  if (t === 0) return line[off + k]!;
  const lo = line[off + k]! >>> t;
  return k + 1 < w ? (lo | (line[off + k + 1]! << (32 - t))) >>> 0 : lo;
}

/** Mask of valid start positions below `limit` in word k. */
function below(limit: number, k: number): number {
  const bits = limit - k * 32;
  return bits >= 32 ? 0xffffffff : bits <= 0 ? 0 : ((1 << bits) >>> 0) - 1;
}

const FINDER_A = [1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0];
const FINDER_B = [0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1];

/** N1 (runs of five or more) and N3 (finder-like patterns) of one bit line. */
function linePenalty(line: Uint32Array, off: number, n: number, w: number): number {
  const e = scratch.a;
  const w5 = scratch.b;
  // e: module j equals module j+1
  for (let k = 0; k < w; k++) e[k] = ~(line[off + k]! ^ shr(line, off, w, k, 1)) & below(n - 1, k);
  let score = 0;
  for (let k = 0; k < w; k++) w5[k] = (e[k]! & shr(e, 0, w, k, 1) & shr(e, 0, w, k, 2) & shr(e, 0, w, k, 3)) >>> 0;
  for (let k = 0; k < w; k++) {
    const prev = k > 0 ? w5[k - 1]! >>> 31 : 0;
    const starts = w5[k]! & ~((w5[k]! << 1) | prev);
    // a run of L ≥ 5 has L − 4 windows of five and one start: (L − 4) + 2 = L − 2
    score += popcount(w5[k]!) + 2 * popcount(starts);
  }
  for (let k = 0; k < w; k++) {
    let a = below(n - 10, k);
    let b = a;
    for (let t = 0; t < 11 && (a | b); t++) {
      const v = shr(line, off, w, k, t);
      a &= FINDER_A[t] ? v : ~v;
      b &= FINDER_B[t] ? v : ~v;
    }
    score += 40 * (popcount(a >>> 0) + popcount(b >>> 0));
  }
  return score;
}

/** ISO/IEC 18004 mask penalty (N1–N4) of the symbol `base XOR mask`, on bit-packed lines. */
function penalty(base: Packed, mask: Packed, rows: Uint32Array, cols: Uint32Array): number {
  const { n, w } = base;
  for (let i = 0; i < rows.length; i++) {
    rows[i] = (base.rows[i]! ^ mask.rows[i]!) >>> 0;
    cols[i] = (base.cols[i]! ^ mask.cols[i]!) >>> 0;
  }
  let score = 0;
  let dark = 0;
  for (let r = 0; r < n; r++) {
    const off = r * w;
    score += linePenalty(rows, off, n, w) + linePenalty(cols, off, n, w);
    for (let k = 0; k < w; k++) dark += popcount(rows[off + k]!);
    if (r + 1 < n) {
      // N2: 2×2 blocks of one colour: equal vertically at c and c+1, and equal horizontally at c
      for (let k = 0; k < w; k++) {
        const v = ~(rows[off + k]! ^ rows[off + w + k]!) >>> 0;
        const vNext = ~(shr(rows, off, w, k, 1) ^ shr(rows, off + w, w, k, 1)) >>> 0;
        const h = ~(rows[off + k]! ^ shr(rows, off, w, k, 1)) >>> 0;
        score += 3 * popcount((v & vNext & h & below(n - 1, k)) >>> 0);
      }
    }
  }
  score += Math.abs(Math.ceil((dark * 100) / (n * n) / 5) - 10) * 10;
  return score;
}

/**
 * Per symbol size: for each mask, what XOR-ing it does to a symbol with mask 0 (the mask patterns on the
 * data modules, and the format information that differs between masks).
 */
const overlayCache = new Map<number, Packed[]>();

function overlays(segments: QRCodeSegment[], first: { modules: { size: number; data: Uint8Array } }): Packed[] {
  const n = first.modules.size;
  let cached = overlayCache.get(n);
  if (!cached) {
    const d0 = first.modules.data;
    cached = Array.from({ length: 8 }, (_, k) => {
      const dk = k === 0 ? d0 : QRCode.create(segments, { errorCorrectionLevel: 'M', maskPattern: k as QRCodeMaskPattern }).modules.data;
      return pack(n, (r, c) => d0[r * n + c]! ^ dk[r * n + c]!);
    });
    overlayCache.set(n, cached);
  }
  return cached;
}

export function qrMatrix(text: string): QrMatrix {
  // One byte-mode segment (base64url gains nothing from mode switching, and skipping qrcode's optimal
  // segmentation search saves most of its time). qrcode encodes with mask 0; the other seven symbols
  // are that one XOR a per-size overlay, scored on bit-packed lines, as ISO/IEC 18004 asks.
  const segments: QRCodeSegment[] = [{ data: Buffer.from(text, 'utf8'), mode: 'byte' }];
  const first = QRCode.create(segments, { errorCorrectionLevel: 'M', maskPattern: 0 });
  const n = first.modules.size;
  const d0 = first.modules.data;
  const base = pack(n, (r, c) => d0[r * n + c]!);
  const over = overlays(segments, first);
  const rows = new Uint32Array(base.rows.length);
  const cols = new Uint32Array(base.cols.length);
  let best = 0;
  let bestScore = Infinity;
  over.forEach((mask, k) => {
    const score = penalty(base, mask, rows, cols);
    if (score < bestScore) {
      bestScore = score;
      best = k;
    }
  });
  const chosen = over[best]!;
  const w = base.w;
  const final = new Uint32Array(base.rows.length);
  for (let i = 0; i < final.length; i++) final[i] = (base.rows[i]! ^ chosen.rows[i]!) >>> 0;
  return { size: n, dark: (r, c) => ((final[r * w + (c >>> 5)]! >>> (c & 31)) & 1) === 1 };
}

/**
 * Content-stream operators drawing the dark modules as rectangles (horizontal runs merged), no image:
 * in module units under a matrix that puts row 0 at the top.
 */
export function qrPath(matrix: QrMatrix, x: number, y: number, moduleSize: number): string {
  const n = matrix.size;
  const m = Math.round(moduleSize * 10000) / 10000;
  const out: string[] = [`q ${m} 0 0 ${-m} ${Math.round(x * 1000) / 1000} ${Math.round((y + n * moduleSize) * 1000) / 1000} cm`];
  // Runs of dark modules per row; a run repeated on the rows below grows into one taller rectangle.
  let open = new Map<number, { col: number; end: number; row: number }>();
  const emit = (r: { col: number; end: number; row: number }, rowEnd: number): void => {
    out.push(`${r.col} ${r.row} ${r.end - r.col} ${rowEnd - r.row} re`);
  };
  for (let row = 0; row <= n; row++) {
    const next = new Map<number, { col: number; end: number; row: number }>();
    for (let col = 0; row < n && col < n; ) {
      if (!matrix.dark(row, col)) {
        col++;
        continue;
      }
      let end = col;
      while (end < n && matrix.dark(row, end)) end++;
      const key = col * 1024 + end;
      const prev = open.get(key);
      if (prev) open.delete(key);
      next.set(key, prev ?? { col, end, row });
      col = end;
    }
    for (const r of open.values()) emit(r, row);
    open = next;
  }
  out.push('f Q');
  return out.join('\n');
}
