// The one error type of Assay: a code the app, the CLI and the renderer act on, and a sentence a person can.
// No Node or Electron here: the renderer and the IPC contract import the codes too.

/** Every condition Assay expects and explains; anything else is `internal` at the IPC boundary. */
export const ASSAY_ERROR_CODES = [
  // A token for a chosen file that is unknown, used, expired or chosen for something else.
  'choice',
  // A file refused before (or while) it was read: not a regular file, too large, unreadable.
  'file-refused',
  'import-refused',
  'store',
  'not-found',
  'conflict',
  'scoring',
  'invalid-input',
  // The issuer identity: missing, or refused (the suffix is the reason).
  'identity-missing',
  'identity-wrong-passphrase',
  'identity-not-pkcs12',
  'identity-no-private-key',
  'identity-no-certificate',
  'identity-unsupported',
  'identity-corrupt',
  'identity-not-found',
  'identity-storage-unavailable',
  'award',
  'award-already-issued',
  'backup',
  'results',
  'anchor',
  // The micro-credential library.
  'invalid-achievement',
  'invalid-submission',
  'evidence',
  'invalid-csv',
  'invalid-case',
  // Bytes that are not what they claim to be.
  'png',
  'encoding',
  'pdf-sign',
  'credential-input',
  'offline-document',
  // Something only the desktop shell provides, asked for where there is none.
  'unavailable',
  // A command line that cannot be understood (the CLI's usage errors; exit status 2).
  'usage',
  // A long job (signing, export, backup): a second run while one runs, or a run that was cancelled.
  'job-busy',
  'job-cancelled',
  // The live queue is closed until a required calibration is met (quality-assurance.md).
  'calibration-required',
] as const;

export type AssayErrorCode = (typeof ASSAY_ERROR_CODES)[number];

export interface AssayErrorOptions {
  cause?: unknown;
}

/**
 * An expected condition with a code: the IPC dispatcher answers `{ code, message }` from it without
 * logging a stack, and the CLI prints the message. Classes that carry more (ImportError's package and
 * path, LibraryError's problems) subclass it.
 */
export class AssayError extends Error {
  override name = 'AssayError';
  constructor(
    readonly code: AssayErrorCode,
    message: string,
    options?: AssayErrorOptions,
  ) {
    super(message, options);
  }
}

/** True for an AssayError (or a subclass): an expected condition, answered by its code. */
export function isAssayError(err: unknown): err is AssayError {
  return err instanceof AssayError;
}

const CODES: ReadonlySet<string> = new Set(ASSAY_ERROR_CODES);

/** True for a string that is one of the codes (a code that crossed a thread or process as text). */
export function isAssayErrorCode(code: unknown): code is AssayErrorCode {
  return typeof code === 'string' && CODES.has(code);
}
