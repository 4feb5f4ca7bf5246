// The composition root: every service the app, the CLI and the tests use, built from a data folder.
import fs from 'node:fs';
import path from 'node:path';
import { importPackage, type ImportOptions } from './import/importer.js';
import { Queue } from './queue/queue.js';
import { CommentBank } from './review/comment-bank.js';
import { Library } from './library/library.js';
import { Awards } from './awards/awards.js';
import { verifyAuditLog, type AuditReport } from './audit/verify-log.js';
import { knownIssuers } from './awards/trust.js';
import type { SeenAnchor } from './store/audit-anchor.js';
import { openDatabase, type Db } from './store/db.js';
import { EvidenceStore } from './store/evidence.js';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './store/atomic-write.js';
import { JOURNAL_FILE, recoverDataDir } from './store/restore-journal.js';
import { acquireRestoreLock, holdOpen, type Hold } from './store/store-lock.js';
import type { ImportResult } from '../shared/domain/import.js';

export const DATABASE_FILE = 'assay.db';

export interface ServicesOptions {
  /** better-sqlite3 built for Electron's ABI; the CLI and tests use the one in node_modules. */
  nativeBinding?: string;
}

export interface Services {
  readonly dataDir: string;
  readonly db: Db;
  readonly evidence: EvidenceStore;
  readonly queue: Queue;
  readonly commentBank: CommentBank;
  readonly library: Library;
  readonly awards: Awards;
  importPackage(input: string, options?: ImportOptions): Promise<ImportResult>;
  /** The chain, its signed checkpoints, the anchors given, and the records it describes. */
  verifyAudit(anchors?: readonly SeenAnchor[]): AuditReport;
  close(): void;
}

export function openServices(dataDir: string, options: ServicesOptions = {}): Services {
  ensurePrivateDir(dataDir);
  const hold = holdStore(dataDir);
  try {
    const dbFile = path.join(dataDir, DATABASE_FILE);
    makeDatabasePrivate(dbFile);
    const db = openDatabase(dbFile, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    const evidence = new EvidenceStore(dataDir);
    evidence.recover(db);
    const queue = new Queue(db);
    let closed = false;
    return {
      dataDir,
      db,
      evidence,
      queue,
      commentBank: new CommentBank(db),
      library: new Library(db, evidence),
      awards: new Awards(db),
      importPackage: (input, opts) => importPackage({ db, evidence }, input, opts),
      verifyAudit: (anchors = []) => {
        const trustedKeys = new Map(knownIssuers(db, dataDir).map((i) => [i.badgeKey, i.name] as const));
        return verifyAuditLog(db, { trustedKeys, anchors });
      },
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
