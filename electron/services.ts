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
  fs.mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(path.join(dataDir, DATABASE_FILE), options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const evidence = new EvidenceStore(dataDir);
  evidence.recover(db);
  const queue = new Queue(db);
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
    close: () => db.close(),
  };
}
