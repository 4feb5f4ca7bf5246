// A backup or restore that was refused or failed; the message names the file and what is wrong.
export class BackupError extends Error {
  override readonly name = 'BackupError';
}
