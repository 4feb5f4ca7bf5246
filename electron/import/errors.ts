// A refused import: names the package, the JSON path or file at fault, and what to do.
import { AssayError } from '../../shared/errors.js';

export type ImportErrorCode =
  | 'not-a-package'
  | 'manifest-too-large'
  | 'manifest-not-json'
  | 'manifest-invalid'
  | 'unsupported-format'
  | 'reference'
  | 'no-pass-rule'
  | 'unsafe-path'
  | 'missing-file'
  | 'size-mismatch'
  | 'hash-mismatch'
  | 'zip-invalid'
  | 'zip-limits'
  | 'conflict'
  | 'disk-full'
  | 'unreadable'
  | 'cancelled';

/** Its code is always `import-refused`; `reason` says which refusal it is. */
export class ImportError extends AssayError {
  override name = 'ImportError';
  constructor(
    readonly reason: ImportErrorCode,
    /** The package as the assessor knows it: file or folder name, and its id once known. */
    readonly packageName: string,
    /** The JSON path inside manifest.json, or the file inside the package, at fault. */
    readonly where: string | undefined,
    readonly detail: string,
  ) {
    super('import-refused', `Package ${packageName} was refused: ${where ? `${where}: ` : ''}${detail}`);
  }
}
