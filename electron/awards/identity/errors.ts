// Errors about the issuer's signing identity, worded for the person who picked the file or typed the
// passphrase. `code` lets the app and the CLI react without parsing the message.
import { AssayError, type AssayErrorOptions } from '../../../shared/errors.js';
export type IdentityErrorCode =
  | 'wrong-passphrase'
  | 'not-pkcs12'
  | 'no-private-key'
  | 'no-certificate'
  | 'unsupported'
  | 'corrupt'
  | 'not-found'
  | 'storage-unavailable';

/** Its code is `identity-<reason>`, e.g. `identity-wrong-passphrase`. */
export class IdentityError extends AssayError {
  override name = 'IdentityError';
  constructor(
    readonly reason: IdentityErrorCode,
    message: string,
    options?: AssayErrorOptions,
  ) {
    super(`identity-${reason}`, message, options);
  }
}
