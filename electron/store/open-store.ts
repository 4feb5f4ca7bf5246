// Opening a data folder's store: the lock that says this process has it open, crash recovery, the private
// database file and the evidence folder. Light on purpose (no award, PDF or credential code): the CLI's
// `assay queue` opens only this, so its first page comes in without loading what it does not use.
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './atomic-write.js';
import { DATABASE_FILE, openDatabase, type Db } from './db.js';
import { EvidenceStore } from './evidence.js';
import { Queue } from '../queue/queue.js';
import { queueIsOpen } from '../quality/queue-gate.js';
import { AssayError } from '../../shared/errors.js';
import { JOURNAL_FILE, recoverDataDir } from './restore-journal.js';
import { acquireRestoreLock, holdOpen, type Hold } from './store-lock.js';

export { DATABASE_FILE };

export interface OpenStore {
  readonly db: Db;
  readonly evidence: EvidenceStore;
  /** Closes the database and releases the hold (once; later calls do nothing). */
  close(): void;
}

export function openStore(dataDir: string, options: { nativeBinding?: string } = {}): OpenStore {
  ensurePrivateDir(dataDir);
  const hold = holdStore(dataDir);
  try {
    const dbFile = path.join(dataDir, DATABASE_FILE);
    makeDatabasePrivate(dbFile);
    const db = openDatabase(dbFile, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    const evidence = new EvidenceStore(dataDir);
    evidence.recover(db);
    let closed = false;
    return {
      db,
      evidence,
      close: () => {
        db.close();
        if (!closed) hold.release();
        closed = true;
      },
    };
  } catch (err) {
    hold.release();
    throw err;
  }
}

export interface QueueOnly {
  readonly queue: Queue;
  /**
   * AssayError 'calibration-required', saying what is missing, while a required calibration is unmet. Asked
   * before listing: the calibration code it loads to say so (and zod with it) is loaded only then.
   */
  assertQueueOpen(): Promise<void>;
  close(): void;
}

/** The store's queue alone (`assay queue`): nothing else of the services is loaded or opened. */
export function openQueueOnly(dataDir: string): QueueOnly {
  const store = openStore(dataDir);
  const { db } = store;
  return {
    // Listing after assertQueueOpen() only probes; a caller that skipped it still gets no live work.
    queue: new Queue(db, () => {
      if (!queueIsOpen(db))
        throw new AssayError('calibration-required', 'The live queue opens after calibration (assay calibration).');
    }),
    assertQueueOpen: async () => {
      if (queueIsOpen(db)) return;
      const { assertQueueOpen } = await import('../quality/calibration.js');
      assertQueueOpen(db);
    },
    close: () => store.close(),
  };
}

/**
 * Marks the store as open by this process (a restore then waits its turn), after finishing a restore
 * that a crash interrupted and removing what dead writers left behind (work folders, partial files).
 */
function holdStore(dataDir: string): Hold {
  let hold = holdOpen(dataDir);
  if (hold.restoreLock || fs.existsSync(path.join(dataDir, JOURNAL_FILE))) {
    // A restore died: finish it under its lock, which no one else then holds.
    hold.release();
    const lock = acquireRestoreLock(dataDir);
    try {
      recoverDataDir(dataDir);
    } finally {
      lock.release();
    }
    hold = holdOpen(dataDir);
  } else {
    recoverDataDir(dataDir);
  }
  return hold;
}

/**
 * The database holds personal data: created 0600 (SQLite gives its -wal and -shm files the same
 * mode), and an existing one from before this rule made private.
 */
function makeDatabasePrivate(dbFile: string): void {
  if (process.platform === 'win32') return;
  if (!fs.existsSync(dbFile)) fs.closeSync(fs.openSync(dbFile, 'a', PRIVATE_FILE_MODE));
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) {
    try {
      if ((fs.statSync(f).mode & 0o777) !== PRIVATE_FILE_MODE) fs.chmodSync(f, PRIVATE_FILE_MODE);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}
