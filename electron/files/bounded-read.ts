// Reads of files Assay did not make (chosen by the person, named on the command line): regular files
// only, with a size limit checked before the bytes are read and enforced again while reading.
import { AssayError, type AssayErrorOptions } from '../../shared/errors.js';
import fs from 'node:fs';
import path from 'node:path';

const MiB = 1024 * 1024;

/** The most Assay reads whole into memory from one outside file, per kind of file. */
export const READ_LIMITS = {
  /** An X.509 certificate (PEM or DER) to trust: a few KB. */
  certificate: 1 * MiB,
  /** A PKCS #12 (.p12/.pfx): a key and a short chain are a few KB. */
  pkcs12: 1 * MiB,
  /** The issuer's logo (PNG) printed on certificates. */
  logo: 2 * MiB,
  /** A Canvas rubric CSV or a CASE 1.1 package. */
  rubric: 16 * MiB,
  /** A certificate PDF, credential JSON or baked badge PNG given to `assay verify`. */
  verify: 64 * MiB,
} as const;

/** A file refused before (or while) it was read: not a regular file, too large, or unreadable. */
export class FileRefusedError extends AssayError {
  override name = 'FileRefusedError';
  constructor(message: string, options?: AssayErrorOptions) {
    super('file-refused', message, options);
  }
}

/** O_NONBLOCK so opening a FIFO (which would wait for a writer forever) returns at once; fstat then refuses it. */
const OPEN_FLAGS = fs.constants.O_RDONLY | ((fs.constants.O_NONBLOCK as number | undefined) ?? 0);

export interface ReadBounds {
  /** Largest size accepted, in bytes. */
  maxBytes: number;
  /** How messages name the file's role, e.g. "The logo". */
  what: string;
}

function label(file: string): string {
  return `"${path.basename(file)}"`;
}

function refuseType(file: string, st: fs.Stats, what: string): FileRefusedError {
  const kind = st.isDirectory()
    ? 'a folder'
    : st.isFIFO()
      ? 'a pipe'
      : st.isCharacterDevice() || st.isBlockDevice()
        ? 'a device'
        : st.isSocket()
          ? 'a socket'
          : 'not a regular file';
  return new FileRefusedError(`${what} ${label(file)} is ${kind}, not a file; choose the file itself.`);
}

function tooLarge(file: string, size: number | string, b: ReadBounds): FileRefusedError {
  return new FileRefusedError(
    `${b.what} ${label(file)} is ${size} bytes, more than the ${b.maxBytes} bytes Assay accepts for it.`,
  );
}

function openError(file: string, err: unknown, what: string): FileRefusedError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT')
    return new FileRefusedError(`${what} ${label(file)} does not exist (was it moved or renamed?).`);
  if (code === 'EACCES' || code === 'EPERM')
    return new FileRefusedError(`${what} ${label(file)} cannot be read: permission denied.`);
  if (code === 'EISDIR')
    return new FileRefusedError(`${what} ${label(file)} is a folder, not a file; choose the file itself.`);
  return new FileRefusedError(`${what} ${label(file)} cannot be read (${(err as Error).message}).`);
}

/**
 * The whole of a regular file of at most `maxBytes`. Devices (/dev/zero), pipes, sockets and folders
 * are refused without reading a byte; a file that grows while it is read stops at maxBytes + 1.
 */
export function readBoundedFile(file: string, bounds: ReadBounds): Buffer {
  const { fd, st } = openRegular(file, bounds);
  try {
    // Read until the end, never past maxBytes + 1: that byte tells a file that grew while it was
    // read (or a /proc file that says it is empty) from one that fits.
    const chunk = Buffer.allocUnsafe(Math.min(bounds.maxBytes + 1, Math.max(st.size + 1, 64 * 1024)));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, bounds.maxBytes + 1 - total), null);
      if (n === 0) break;
      total += n;
      if (total > bounds.maxBytes) throw tooLarge(file, `more than ${bounds.maxBytes}`, bounds);
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}

/** The size of a regular file, refusing devices, pipes, sockets and folders (and files over `maxBytes`). */
export function regularFileSize(file: string, bounds: { maxBytes?: number; what: string }): number {
  const { fd, st } = openRegular(file, bounds);
  fs.closeSync(fd);
  return st.size;
}

/**
 * Opens a file for reading, refusing (and closing) anything but a regular file of at most
 * `maxBytes`: the checks are made on the open descriptor, so the file cannot be swapped between them.
 */
function openRegular(file: string, bounds: { maxBytes?: number; what: string }): { fd: number; st: fs.Stats } {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (err) {
    throw openError(file, err, bounds.what);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw refuseType(file, st, bounds.what);
    if (bounds.maxBytes !== undefined && st.size > bounds.maxBytes)
      throw tooLarge(file, st.size, { maxBytes: bounds.maxBytes, what: bounds.what });
    return { fd, st };
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
}

/** Refuses anything but an existing folder (a file, a device, a missing path). */
export function requireFolder(dir: string, what: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch (err) {
    throw openError(dir, err, what);
  }
  if (!st.isDirectory()) throw new FileRefusedError(`${what} ${label(dir)} is not a folder; choose a folder.`);
}

/** A folder to write into: an existing folder, or a new one whose parent folder exists. */
export function requireFolderTarget(dir: string, what: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      requireFolder(path.dirname(dir), `The folder around ${what.toLowerCase()}`);
      return;
    }
    throw openError(dir, err, what);
  }
  if (!st.isDirectory()) throw new FileRefusedError(`${what} ${label(dir)} is not a folder; choose a folder.`);
}

/**
 * A place to write a new file: its folder exists, and if something is already there (the person
 * agreed to replace it in the save dialog) it is a regular file, never a device, pipe or folder.
 */
export function requireWritableTarget(file: string, what: string): void {
  requireFolder(path.dirname(file), `The folder for ${what.toLowerCase()}`);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw openError(file, err, what);
  }
  if (!st.isFile())
    throw new FileRefusedError(
      `${what} ${label(file)} would replace ${st.isSymbolicLink() ? 'a link' : 'something that is not a file'}; choose another name.`,
    );
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The issuer's logo: a PNG of at most READ_LIMITS.logo, checked (size, file type) before it is read. */
export function readLogoPng(file: string): Buffer {
  const bytes = readBoundedFile(file, { maxBytes: READ_LIMITS.logo, what: 'The logo' });
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE))
    throw new FileRefusedError(`${path.basename(file)} is not a PNG image; choose a PNG logo`);
  return bytes;
}
