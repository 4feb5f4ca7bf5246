// Prepares an evidence file for the system's own application: a read-only temporary copy under its real name, documents and media only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Evidence is a stranger's upload. Handing it to the OS opens it with whatever the extension says, so
 * only document, image, audio and video types may go: never anything that runs (.exe, .js under
 * Windows Script Host, .desktop, .command, .lnk …). An allowlist, because such a list of dangerous
 * types is never complete.
 */
export const OPENABLE_EXTENSIONS: ReadonlySet<string> = new Set([
  // documents
  'pdf',
  'txt',
  'rtf',
  'csv',
  'md',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
  'odt',
  'ods',
  'odp',
  'pages',
  'numbers',
  'key',
  'epub',
  // images
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'bmp',
  'tif',
  'tiff',
  'heic',
  'heif',
  'avif',
  // audio and video
  'mp3',
  'm4a',
  'aac',
  'wav',
  'flac',
  'ogg',
  'oga',
  'opus',
  'mp4',
  'm4v',
  'mov',
  'webm',
  'mkv',
  'avi',
  'wmv',
  'mpg',
  'mpeg',
  '3gp',
]);

/** A file name safe on every system: no folders, no reserved characters, not hidden, not too long. */
export function safeFileName(displayName: string): string {
  const base = path.basename(displayName.replace(/\\/g, '/'));
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
  let name = base.replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name)) name = `_${name}`;
  if (name.length > 120) {
    const ext = path.extname(name).slice(0, 16);
    name = name.slice(0, 120 - ext.length) + ext;
  }
  return name || 'evidence';
}

export function isOpenable(fileName: string): boolean {
  return OPENABLE_EXTENSIONS.has(path.extname(fileName).slice(1).toLowerCase());
}

/** One folder per run, so quitting can remove what was handed out (files still open elsewhere may stay). */
export function openCopiesDir(): string {
  return path.join(os.tmpdir(), `assay-open-${process.pid}`);
}

/**
 * Copies a stored evidence file (named by its hash, without extension) to a read-only file with its
 * real name, which the system needs to pick an application; null if its type may not be opened.
 */
export function prepareForSystem(storedPath: string, displayName: string, dir = openCopiesDir()): string | null {
  const name = safeFileName(displayName);
  if (!isOpenable(name)) return null;
  fs.mkdirSync(dir, { recursive: true });
  // A folder per copy: two evidence files may share a name.
  const target = path.join(fs.mkdtempSync(path.join(dir, 'f-')), name);
  fs.copyFileSync(storedPath, target);
  // Read-only so an edit in Word is not mistaken for a change to the submitted evidence.
  fs.chmodSync(target, 0o444);
  return target;
}

export function removeOpenCopies(dir = openCopiesDir()): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    // A file still open in another application (Windows locks it): the OS cleans its temp folder.
  }
}
