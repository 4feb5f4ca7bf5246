// Every file Assay writes goes through here: a temporary name in the same folder, fsync, rename.
// A crash (or a full disk) leaves either the old file or the new complete one under the final
// name, never half of one; the temporary name carries our pid so a later run can clean it up.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Personal data: only the user who runs Assay may read it (ignored on Windows, see README). */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

export interface AtomicOptions {
  /** POSIX mode of the new file (default: private, 0600). */
  mode?: number;
}

// `.<start of name>.assay-<pid>-<hex>.partial`
const TEMP_NAME = /^\..*\.assay-(\d+)-[0-9a-f]{12}\.partial$/;

function tempNameFor(file: string): string {
  // Keep the temporary name within file-system limits however long the final name is (and its extension).
  const base = path.basename(file);
  const ext = path.extname(base).slice(0, 16);
  const stem = Array.from(base.slice(0, base.length - ext.length))
    .slice(0, 40)
    .join('');
  return path.join(path.dirname(file), `.${stem}${ext}.assay-${process.pid}-${randomBytes(6).toString('hex')}.partial`);
}

/** Creates `dir` (and parents) private to the user; an existing folder keeps its mode. */
export function mkdirPrivate(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Makes a folder private to the user, whether it was there before or not. */
export function ensurePrivateDir(dir: string): void {
  mkdirPrivate(dir);
  if (process.platform !== 'win32' && (fs.statSync(dir).mode & 0o777) !== PRIVATE_DIR_MODE)
    fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Flushes a folder's entry list, so a rename in it survives a power cut (not possible on Windows). */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A file being written under a temporary name; `commit` puts it in place, `abort` removes it. */
export class AtomicFile {
  private fd: number | null;
  private constructor(
    readonly file: string,
    readonly temp: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  static open(file: string, options: AtomicOptions = {}): AtomicFile {
    const target = path.resolve(file);
    const temp = tempNameFor(target);
    const fd = fs.openSync(temp, 'wx', options.mode ?? PRIVATE_FILE_MODE);
    return new AtomicFile(target, temp, fd);
  }

  write(data: string | Uint8Array): void {
    if (this.fd === null) throw new Error(`${this.file} is already closed`);
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    let off = 0;
    while (off < bytes.length) off += fs.writeSync(this.fd, bytes, off, bytes.length - off);
  }

  /** fsync, close, rename over the final name, fsync the folder. */
  commit(): void {
    if (this.fd === null) throw new Error(`${this.file} is already closed`);
    const fd = this.fd;
    this.fd = null;
    try {
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(this.temp, this.file);
    } catch (err) {
      try {
        fs.closeSync(fd);
      } catch {
        // already closed
      }
      fs.rmSync(this.temp, { force: true });
      throw err;
    }
    try {
      fsyncDir(path.dirname(this.file));
    } catch {
      // The rename is done; a folder that cannot be opened for fsync only loses power-cut durability.
    }
  }

  abort(): void {
    if (this.fd !== null) {
      try {
        fs.closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = null;
    }
    fs.rmSync(this.temp, { force: true });
  }
}

/** Writes `data` to `file` so that a crash leaves either the old or the new file, never a torn one. */
export function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicOptions = {}): void {
  mkdirPrivate(path.dirname(path.resolve(file)));
  const f = AtomicFile.open(file, options);
  try {
    f.write(data);
  } catch (err) {
    f.abort();
    throw err;
  }
  f.commit();
}

/** Streams `source` to `file` the same way (for backups, which do not fit in memory). */
export async function writeStreamAtomic(
  file: string,
  source: AsyncIterable<unknown>,
  options: AtomicOptions = {},
): Promise<void> {
  mkdirPrivate(path.dirname(path.resolve(file)));
  const f = AtomicFile.open(file, options);
  try {
    for await (const chunk of source) f.write(typeof chunk === 'string' ? chunk : (chunk as Uint8Array));
  } catch (err) {
    f.abort();
    throw err;
  }
  f.commit();
}

/**
 * Removes temporary files that writers in `dir` left when they died (their pid is gone). Files of
 * live processes are left alone: they may be writing right now.
 */
export function removeStaleTemps(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || isAlive(Number(m[1]))) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
