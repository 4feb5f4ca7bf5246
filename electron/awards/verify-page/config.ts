// Where the issuer's verify page lives: the `verifyPageUrl` setting (Settings › Verification, read
// through the settings store), else `<issuer url>/verify` (shared/domain/settings.ts).
import { AssayError } from '../../../shared/errors.js';
import type { Db } from '../../store/db.js';
import { SettingsStore } from '../../settings/settings.js';

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
  const value = new SettingsStore(db).get().verifyPageUrl.trim();
  if (value === '') return undefined;
  const problem = verifyPageUrlProblem(value);
  if (problem) throw new AssayError('invalid-input', `The verifyPageUrl setting: ${problem}.`);
  return value;
}
