// Errors about the issuer's signing identity, worded for the person who picked the file or typed the
// passphrase. `code` lets the app and the CLI react without parsing the message.
export type IdentityErrorCode =
  | 'wrong-passphrase'
  | 'not-pkcs12'
  | 'no-private-key'
  | 'no-certificate'
  | 'unsupported'
  | 'corrupt'
  | 'not-found'
  | 'storage-unavailable';

export class IdentityError extends Error {
  override readonly name = 'IdentityError';
  constructor(
    readonly code: IdentityErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
