// A backup or restore that was refused or failed; the message names the file and what is wrong.
import { AssayError, type AssayErrorOptions } from '../../shared/errors.js';
export class BackupError extends AssayError {
  override name = 'BackupError';
  constructor(message: string, options?: AssayErrorOptions) {
    super('backup', message, options);
  }
}
