// Who may touch a data folder. Every process that has the store open (the app, an `assay` command,
// an import, a backup) holds a file `locks/open-<pid>-<hex>`; a restore holds `restore.lock`,
// created with O_EXCL. Each side first puts its own file down and then looks for the other's, so
// of two that start together at least one sees the other and backs off: a restore never replaces
// the store under a process that is writing to it, and nothing opens a store that is being replaced.
// A file whose pid is no longer running is stale and is cleared.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { isAlive, mkdirPrivate, PRIVATE_FILE_MODE } from './atomic-write.js';
import { StoreError } from './db.js';

export const RESTORE_LOCK = 'restore.lock';
const LOCKS_DIR = 'locks';
const HOLDER = /^open-(\d+)-[0-9a-f]{12}$/;

export class StoreBusyError extends StoreError {}

export interface Hold {
  release(): void;
}

function lockPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** The pid of a running restore into `dataDir`, 0 for a stale lock, null for none. */
export function restoreLockOwner(dataDir: string): { pid: number; alive: boolean } | null {
  const pid = lockPid(path.join(dataDir, RESTORE_LOCK));
  if (pid === null) return null;
  return { pid, alive: pid > 0 && isAlive(pid) };
}

/** Marks the store as open by this process; refused while a live restore holds the folder. */
export function holdOpen(dataDir: string): Hold & { readonly restoreLock: { pid: number; alive: boolean } | null } {
  const dir = path.join(dataDir, LOCKS_DIR);
  mkdirPrivate(dir);
  const file = path.join(dir, `open-${process.pid}-${randomBytes(6).toString('hex')}`);
  fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: PRIVATE_FILE_MODE });
  const release = () => fs.rmSync(file, { force: true });
  const owner = restoreLockOwner(dataDir);
  if (owner?.alive) {
    release();
    throw new StoreBusyError(
      `A backup is being restored into ${dataDir} (process ${owner.pid}); open Assay again when it has finished. Nothing was changed.`,
    );
  }
  return { release, restoreLock: owner };
}

/** Other live processes that have the store open (stale holder files are removed). */
export function otherHolders(dataDir: string): number[] {
  const dir = path.join(dataDir, LOCKS_DIR);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const live: number[] = [];
  for (const name of names) {
    const m = HOLDER.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (isAlive(pid)) live.push(pid);
    else fs.rmSync(path.join(dir, name), { force: true });
  }
  return live;
}

/**
 * Takes `restore.lock` for this process, taking over a stale one, and then checks that no process
 * has the store open. Throws StoreBusyError (naming the process) otherwise; nothing is changed.
 */
export function acquireRestoreLock(dataDir: string): Hold {
  const file = path.join(dataDir, RESTORE_LOCK);
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: PRIVATE_FILE_MODE });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw err;
    }
    const pid = lockPid(file);
    if (pid === null) continue;
    if (pid > 0 && isAlive(pid))
      throw new StoreBusyError(`Another restore into ${dataDir} is running (process ${pid}); nothing was changed.`);
    // Stale: move it aside under a name of our own, so of two processes only one takes it over;
    // if what we moved turns out to be live (it was replaced meanwhile), put it back.
    const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      fs.renameSync(file, aside);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    const moved = lockPid(aside) ?? 0;
    if (moved > 0 && isAlive(moved)) {
      try {
        fs.linkSync(aside, file);
      } finally {
        fs.rmSync(aside, { force: true });
      }
      throw new StoreBusyError(`Another restore into ${dataDir} is running (process ${moved}); nothing was changed.`);
    }
    fs.rmSync(aside, { force: true });
  }
  const release = () => fs.rmSync(file, { force: true });
  const others = otherHolders(dataDir);
  if (others.length > 0) {
    release();
    const who = others.map((p) => (p === process.pid ? 'this process' : `process ${p}`)).join(', ');
    throw new StoreBusyError(
      `Assay has this data folder open elsewhere (${who}): close the app or let the \`assay\` command finish, then restore again. Nothing was changed.`,
    );
  }
  return { release };
}
