// The certificate's QR code: a URL a phone camera opens, `<verify page URL>#<compact signed proof>`.
// The fragment never reaches a server; the issuer's verify page (verify-page/) checks it offline against
// the badge key it embeds. The proof is base64url(message ‖ Ed25519 signature of message), where message
// is UTF-8 text, fields separated by U+001F (unit separator), in this order:
//   AS1 · key id · credential id · earner · achievement · date (YYYY-MM-DD) · verification code ·
//   status list index · status list URL
// - key id: the first 8 base64url characters of SHA-256 of the raw 32-byte badge key (see qrKeyId);
// - a credential id "urn:uuid:<uuid>" is written as "<uuid>" alone (readers put "urn:uuid:" back when
//   the field has no colon);
// - the status list URL is written as its path when it is on the verify page's origin ("/status/1"),
//   else whole; index and URL are empty when the credential has no status list entry.
// "AS1" keeps these signatures apart from anything else the badge key signs.
import crypto, { type KeyObject } from 'node:crypto';
import QRCode from 'qrcode';
import { defaultVerifyPageUrl } from '../../../shared/domain/settings.js';
import { rawEd25519PublicKey } from '../credential/keys.js';

export const QR_FORMAT = 'AS1';
const SEP = '\u001f';

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
  /** the credential's status list entry, if it has one */
  status?: { index: number; url: string };
}

export type QrVerification =
  { valid: true; claims: QrClaims; keyId: string; verifyPageUrl?: string } | { valid: false; reason: string };

/** The short key id the compact proof names: 8 base64url characters of SHA-256(raw Ed25519 key). */
export function qrKeyId(publicKey: KeyObject | Uint8Array): string {
  const raw = publicKey instanceof Uint8Array ? publicKey : rawEd25519PublicKey(publicKey);
  return crypto.createHash('sha256').update(raw).digest('base64url').slice(0, 8);
}

// `<issuer url>/verify`, defined once beside the setting that overrides it (Settings › Verification).
export { defaultVerifyPageUrl };

/** The verify page a certificate's QR code opens. */
export function verifyPageUrlOf(award: { verifyPageUrl?: string; issuer: { url?: string } }): string | undefined {
  return award.verifyPageUrl?.trim() || defaultVerifyPageUrl(award.issuer.url);
}

/** The credential's BitstringStatusListEntry (revocation), if its JSON carries one. */
export function statusEntryOf(credentialJson: string): { index: number; url: string } | undefined {
  let c: unknown;
  try {
    c = JSON.parse(credentialJson);
  } catch {
    return undefined;
  }
  const raw = (c as { credentialStatus?: unknown } | null)?.credentialStatus;
  const entries = Array.isArray(raw) ? (raw as unknown[]) : raw === undefined ? [] : [raw];
  for (const e of entries) {
    const o = e as { statusListIndex?: unknown; statusListCredential?: unknown; statusPurpose?: unknown } | null;
    if (o?.statusPurpose !== 'revocation' || typeof o.statusListCredential !== 'string') continue;
    const index = Number(o.statusListIndex);
    if (Number.isSafeInteger(index) && index >= 0) return { index, url: o.statusListCredential };
  }
  return undefined;
}

function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.origin === 'null' ? undefined : u.origin;
  } catch {
    return undefined;
  }
}

/** The signed message of the compact proof (see the top of this file). */
export function qrMessage(claims: QrClaims, keyId: string, verifyPageUrl: string | undefined): string {
  const origin = verifyPageUrl ? originOf(verifyPageUrl) : undefined;
  const statusUrl = claims.status?.url ?? '';
  const shortUrl = origin && statusUrl.startsWith(`${origin}/`) ? statusUrl.slice(origin.length) : statusUrl;
  const fields = [
    QR_FORMAT,
    keyId,
    claims.id.replace(/^urn:uuid:(?=[0-9a-fA-F-]{36}$)/, ''),
    claims.n,
    claims.a,
    claims.d,
    claims.c,
    claims.status ? String(claims.status.index) : '',
    shortUrl,
  ];
  for (const f of fields)
    // eslint-disable-next-line no-control-regex -- a control character is exactly what a field must not hold
    if (/[\u0000-\u001f]/.test(f)) throw new TypeError(`a QR claim holds a control character: ${JSON.stringify(f)}`);
  return fields.join(SEP);
}

/**
 * The QR text: `<verifyPageUrl>#<proof>`, or the bare proof when the issuer has no web address to
 * host a verify page at (then only `assay verify` can read it).
 */
export function makeQrPayload(
  claims: QrClaims,
  sign: (data: Buffer) => Buffer,
  options: { keyId: string; verifyPageUrl?: string },
): string {
  const message = Buffer.from(qrMessage(claims, options.keyId, options.verifyPageUrl), 'utf8');
  const signature = sign(message);
  if (signature.length !== 64) throw new TypeError('the QR signature must be a 64-byte Ed25519 signature');
  const proof = Buffer.concat([message, signature]).toString('base64url');
  return options.verifyPageUrl ? `${options.verifyPageUrl}#${proof}` : proof;
}

const DAMAGED = 'The code is damaged';

/**
 * Checks a scanned QR text (the URL, or the proof alone) against the issuer's Ed25519 badge key(s).
 * The status list URL comes back whole, resolved against the URL's origin.
 */
export function verifyQrPayload(text: string, publicKeys: KeyObject | readonly KeyObject[]): QrVerification {
  const trimmed = text.trim();
  const hash = trimmed.indexOf('#');
  const verifyPageUrl = hash >= 0 ? trimmed.slice(0, hash) : undefined;
  const proof = hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
  if (!/^[A-Za-z0-9_-]+$/.test(proof)) return { valid: false, reason: 'This is not an Assay certificate code.' };
  const bytes = Buffer.from(proof, 'base64url');
  if (bytes.length <= 64) return { valid: false, reason: `${DAMAGED} (it is too short).` };
  const message = bytes.subarray(0, bytes.length - 64);
  const signature = bytes.subarray(bytes.length - 64);
  let text8: string;
  try {
    text8 = new TextDecoder('utf-8', { fatal: true }).decode(message);
  } catch {
    return { valid: false, reason: `${DAMAGED} (its text is not UTF-8).` };
  }
  const fields = text8.split(SEP);
  if (fields[0] !== QR_FORMAT) return { valid: false, reason: 'This is not an Assay certificate code.' };
  if (fields.length !== 9) return { valid: false, reason: `${DAMAGED} (it has ${fields.length} fields, not 9).` };
  const [, keyId, id, n, a, d, c, index, url] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const keys: readonly KeyObject[] = publicKeys instanceof crypto.KeyObject ? [publicKeys] : publicKeys;
  const key = keys.find((k) => qrKeyId(k) === keyId);
  if (!key)
    return { valid: false, reason: `The code was signed with a key this issuer does not hold (key id ${keyId}).` };
  let ok = false;
  try {
    ok = crypto.verify(null, message, key, signature);
  } catch (error) {
    return { valid: false, reason: `The issuer key cannot check this code (${(error as Error).message}).` };
  }
  if (!ok)
    return { valid: false, reason: 'The signature does not match: the code was changed or made by another issuer.' };
  const claims: QrClaims = { id: id.includes(':') ? id : `urn:uuid:${id}`, n, a, d, c };
  if (index !== '' || url !== '') {
    const origin = verifyPageUrl ? originOf(verifyPageUrl) : undefined;
    const whole = url.startsWith('/') ? (origin ? `${origin}${url}` : undefined) : url;
    if (!/^\d+$/.test(index) || !whole)
      return { valid: false, reason: `${DAMAGED} (its status list entry is incomplete).` };
    claims.status = { index: Number(index), url: whole };
  }
  return { valid: true, claims, keyId, ...(verifyPageUrl ? { verifyPageUrl } : {}) };
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

/** The symbol as a 1-bit image mask: one bit per module, rows from the top, a set bit dark (Decode [1 0]). */
export function qrBits(matrix: QrMatrix): Buffer {
  const n = matrix.size;
  const stride = Math.ceil(n / 8);
  const bits = Buffer.alloc(stride * n);
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++) if (matrix.dark(row, col)) bits[row * stride + (col >> 3)]! |= 0x80 >> (col & 7);
  return bits;
}

/**
 * Content-stream operators drawing the image mask /QR (qrBits) with modules of `moduleSize` points, its
 * bottom left corner at (x, y): a matrix in module units with row 0 at the top, then the image's unit
 * square stretched over the n modules.
 */
export function qrDraw(size: number, x: number, y: number, moduleSize: number): string {
  const m = Math.round(moduleSize * 10000) / 10000;
  return [
    `q ${m} 0 0 ${-m} ${Math.round(x * 1000) / 1000} ${Math.round((y + size * moduleSize) * 1000) / 1000} cm`,
    `${size} 0 0 ${-size} 0 ${size} cm /QR Do Q`,
  ].join('\n');
}
