// The certificate's QR code: a compact, Ed25519-signed statement of the award that a phone (or
// `assay verify`) can check offline against the issuer's badge key:
//   ASSAY1.<base64url(JSON {id, n, a, d, c})>.<base64url(Ed25519 signature of the text before the dot)>
import crypto, { type KeyObject } from 'node:crypto';
import QRCode from 'qrcode';

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
  const body = Buffer.from(
    JSON.stringify({ id: claims.id, n: claims.n, a: claims.a, d: claims.d, c: claims.c }),
    'utf8',
  ).toString('base64url');
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
  if (parts.length !== 3 || parts[0] !== QR_PREFIX)
    return { valid: false, reason: 'This is not an Assay certificate code.' };
  const [prefix, body, sig] = parts as [string, string, string];
  if (!/^[A-Za-z0-9_-]+$/.test(body) || !/^[A-Za-z0-9_-]+$/.test(sig))
    return { valid: false, reason: 'The code is damaged (not base64url).' };
  const signature = Buffer.from(sig, 'base64url');
  if (signature.length !== 64)
    return { valid: false, reason: 'The code is damaged (the signature has the wrong length).' };
  let ok = false;
  try {
    ok = crypto.verify(null, Buffer.from(`${prefix}.${body}`, 'latin1'), publicKey, signature);
  } catch (error) {
    return { valid: false, reason: `The issuer key cannot check this code (${(error as Error).message}).` };
  }
  if (!ok)
    return { valid: false, reason: 'The signature does not match: the code was changed or made by another issuer.' };
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

export function qrMatrix(text: string): QrMatrix {
  // One byte-mode segment: base64url gains nothing from mode switching, and qrcode's optimal
  // segmentation search would cost most of its time. qrcode picks the mask by the ISO/IEC 18004 penalty.
  const symbol = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const { size, data } = symbol.modules;
  return { size, dark: (r, c) => data[r * size + c] === 1 };
}

/**
 * Content-stream operators drawing the dark modules as rectangles (horizontal runs merged), no image:
 * in module units under a matrix that puts row 0 at the top.
 */
export function qrPath(matrix: QrMatrix, x: number, y: number, moduleSize: number): string {
  const n = matrix.size;
  const m = Math.round(moduleSize * 10000) / 10000;
  const out: string[] = [
    `q ${m} 0 0 ${-m} ${Math.round(x * 1000) / 1000} ${Math.round((y + n * moduleSize) * 1000) / 1000} cm`,
  ];
  // Runs of dark modules per row; a run repeated on the rows below grows into one taller rectangle.
  let open = new Map<number, { col: number; end: number; row: number }>();
  const emit = (r: { col: number; end: number; row: number }, rowEnd: number): void => {
    out.push(`${r.col} ${r.row} ${r.end - r.col} ${rowEnd - r.row} re`);
  };
  for (let row = 0; row <= n; row++) {
    const next = new Map<number, { col: number; end: number; row: number }>();
    for (let col = 0; row < n && col < n;) {
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
