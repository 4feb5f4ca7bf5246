// Where the issuer's verify page lives: the store's `verifyPageUrl` setting (a JSON string, like
// `statusListUrl`), else `<issuer url>/verify` (see certificate/qr.ts defaultVerifyPageUrl).
import { AssayError } from '../../../shared/errors.js';
import type { Db } from '../../store/db.js';

/** A verify page URL's problem in words, or undefined when it is one a QR code can open. */
export function verifyPageUrlProblem(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `"${url}" is not a web address`;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `"${url}" is not an http(s) address`;
  if (url.includes('#')) return `"${url}" holds a "#": the QR code puts the signed proof after it`;
  return undefined;
}

/** The verifyPageUrl setting, if set; refused with the reason when it is not a usable address. */
export function verifyPageUrlSetting(db: Db): string | undefined {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'verifyPageUrl'").get() as
    { value: string } | undefined;
  if (!row) return undefined;
  const value: unknown = JSON.parse(row.value);
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const problem = verifyPageUrlProblem(value.trim());
  if (problem) throw new AssayError('invalid-input', `The verifyPageUrl setting: ${problem}.`);
  return value.trim();
}
