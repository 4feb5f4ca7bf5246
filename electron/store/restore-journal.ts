// The switch from the old store to a restored one, as a journal the next start finishes. Before the
// journal exists the restored copy sits in a work folder and the old store is untouched (a crash
// rolls back: the work folder is deleted). Once the fully checked copy is in place and the journal
// is written, every step is a rename that can be redone, so a crash at any point rolls forward.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fsyncDir, isAlive, mkdirPrivate, removeStaleTemps, writeFileAtomic } from './atomic-write.js';

export const JOURNAL_FILE = 'restore-journal.json';
const DATABASE = 'assay.db';
const WORK = /^\.restore-(\d+)-[0-9a-f]+$/;
const LEGACY_WORK = /^\.restore-[A-Za-z0-9]{6}$/;
const BACKUP_WORK = /^\.assay-backup-(\d+)-[0-9a-f]+$/;
const LEGACY_BACKUP_WORK = /^\.assay-backup-[A-Za-z0-9]{6}$/;
/** The journal's one field, checked by hand (no zod: every store open reads this module). */
function journalWork(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const work = (value as { work?: unknown }).work;
  return typeof work === 'string' && WORK.test(work) ? work : undefined;
}

/** The steps a restore reports, so a test can stop it (SIGKILL) after any one of them. */
export type SwitchStep = 'journal' | `aside:${string}` | `placed:${string}` | 'committed';

export function workDirName(): string {
  return `.restore-${process.pid}-${randomBytes(6).toString('hex')}`;
}

export function writeJournal(dataDir: string, work: string): void {
  writeFileAtomic(path.join(dataDir, JOURNAL_FILE), JSON.stringify({ work: path.basename(work) }));
}

function exists(p: string): boolean {
  return fs.existsSync(p);
}

/**
 * Puts the restored store in place (or finishes doing so). Idempotent: each rename happens only if
 * its source is still there. The old files go to `<work>/replaced` and are deleted with the work folder.
 */
export function rollForward(dataDir: string, work: string, onStep: (s: SwitchStep) => void = () => {}): void {
  const aside = path.join(work, 'replaced');
  mkdirPrivate(aside);
  const newDb = path.join(work, DATABASE);
  const newEvidence = path.join(work, 'evidence');
  // While the new database is not yet in place, everything under the live names is old: move it
  // aside first, so the new database never meets the old one's -wal file.
  if (exists(newDb)) {
    for (const n of [DATABASE, `${DATABASE}-wal`, `${DATABASE}-shm`, 'evidence']) {
      const live = path.join(dataDir, n);
      if (!exists(live)) continue;
      fs.rmSync(path.join(aside, n), { recursive: true, force: true });
      fs.renameSync(live, path.join(aside, n));
      onStep(`aside:${n}`);
    }
    fs.renameSync(newDb, path.join(dataDir, DATABASE));
    onStep(`placed:${DATABASE}`);
  }
  if (exists(newEvidence)) {
    const live = path.join(dataDir, 'evidence');
    if (exists(live)) {
      fs.rmSync(path.join(aside, 'evidence'), { recursive: true, force: true });
      fs.renameSync(live, path.join(aside, 'evidence'));
    }
    fs.renameSync(newEvidence, live);
    onStep('placed:evidence');
  }
  fsyncDir(dataDir);
}

/** Removes the journal and the work folder (with the replaced data) once the switch is done. */
export function finish(dataDir: string, work: string): void {
  fs.rmSync(path.join(dataDir, JOURNAL_FILE), { force: true });
  fsyncDir(dataDir);
  fs.rmSync(work, { recursive: true, force: true });
}

/**
 * At start, with no restore running: finishes a restore that a crash interrupted after it was
 * committed, and deletes work folders of restores and backups whose process is gone, and
 * temporary files of writers that died. Returns what it did, for the log.
 */
export function recoverDataDir(dataDir: string): { rolledForward: boolean; removed: string[] } {
  let rolledForward = false;
  const journal = path.join(dataDir, JOURNAL_FILE);
  if (exists(journal)) {
    const named = journalWork(safeJson(journal));
    if (named !== undefined) {
      const work = path.join(dataDir, named);
      if (exists(work)) rollForward(dataDir, work);
      finish(dataDir, work);
      rolledForward = true;
    } else {
      // Written atomically, so this is not ours half written; leave the data as it is.
      fs.rmSync(journal, { force: true });
    }
  }
  const removed: string[] = [];
  const sweep = (dir: string) => {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const m = WORK.exec(name) ?? BACKUP_WORK.exec(name);
      const legacy =
        LEGACY_WORK.test(name) || LEGACY_BACKUP_WORK.test(name) || /\.zip\.partial-[0-9a-f]{8}$/.test(name);
      if ((m && !isAlive(Number(m[1]))) || legacy) {
        fs.rmSync(path.join(dir, name), { recursive: true, force: true });
        removed.push(name);
      }
    }
    for (const name of removeStaleTemps(dir)) removed.push(name);
  };
  sweep(dataDir);
  sweep(path.join(dataDir, 'backups'));
  return { rolledForward, removed };
}

function safeJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}
