// The composition root: every service the app, the CLI and the tests use, built from a data folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importPackage, type ImportOptions } from './import/importer.js';
import { Queue } from './queue/queue.js';
import { CommentBank } from './review/comment-bank.js';
import { Library } from './library/library.js';
import { verifyAuditLog, type AuditReport } from './audit/verify-log.js';
import { knownIssuers } from './awards/trust.js';
import type { SeenAnchor } from './store/audit-anchor.js';
import type { Db } from './store/db.js';
import type { EvidenceStore } from './store/evidence.js';
import { openStore } from './store/open-store.js';
import type { ImportProgress, ImportResult } from '../shared/domain/import.js';
import type { DraftInput, Review } from '../shared/domain/review.js';
import type { Workspace } from '../shared/domain/workspace.js';
import { AwardService } from './awards/award-service.js';
import { IssuerIdentity } from './awards/issuer.js';
import { verifyAwardInStore, type AwardVerdict, type VerifyContext } from './awards/verify-award.js';
import { readAnchor } from './audit/anchor-files.js';
import { storeTrust } from './awards/trust.js';
import { Backups } from './backup/backups.js';
import { exportCaseFile, importRubricFile } from './library/rubric-files.js';
import { ResultsService } from './results/results-service.js';
import { recuse, saveDraft, submitReview } from './review/reviews.js';
import { addRedaction, listRedactions, reportLeak } from './review/redactions.js';
import type {
  AddRedaction,
  EvidenceRedaction,
  LeakReport,
  LeakReportInput,
} from '../shared/domain/evidence-redaction.js';
import { loadWorkspace } from './review/workspace.js';
import { writeSamplePackage } from './sample/sample-package.js';
import { SettingsStore } from './settings/settings.js';
import { JobRunner, LongJobs, type JobMode } from './jobs/index.js';
import type { StoreRef } from './jobs/protocol.js';
import { QualityService } from './quality/quality-service.js';
import { assertMayRecuse, assertMayReview, assertQueueOpen } from './quality/calibration.js';
import type { Coordination } from './coordination/coordination.js';
import { CoordinationEvidenceFiles } from './coordination/evidence-files.js';

export { DATABASE_FILE } from './store/open-store.js';

export interface ServicesOptions {
  /** better-sqlite3 built for Electron's ABI; the CLI and tests use the one in node_modules. */
  nativeBinding?: string;
  /**
   * Where long jobs (signing, certificates, exports, backups) run: on worker threads (the app, whose
   * window must stay responsive) or on the calling thread (the default: the CLI and unit tests).
   */
  jobs?: JobMode;
}

export interface Services {
  readonly dataDir: string;
  /** Where a worker thread opens its own connection to this store (the data folder and native module). */
  readonly storeRef: StoreRef;
  readonly db: Db;
  readonly evidence: EvidenceStore;
  readonly queue: Queue;
  readonly commentBank: CommentBank;
  readonly library: Library;
  readonly awards: AwardService;
  readonly settings: SettingsStore;
  /** The issuer identity and its unlocked keys. */
  readonly identity: IssuerIdentity;
  readonly results: ResultsService;
  readonly backups: Backups;
  readonly reviews: Reviews;
  /** The long jobs running now; one per kind at a time, each can be cancelled. */
  readonly jobs: LongJobs;
  /** Calibration before live work; a submitted review of a calibration sample, seed or second reading beside its reference. */
  readonly quality: QualityService;
  /** The coordinator's work over the panel's packages; its code loads on first use. */
  coordination(): Promise<Coordination>;
  /** Evidence of the adjudication queue read from the round's review package, verified by this process (served as evidence). */
  readonly coordinationEvidence: CoordinationEvidenceFiles;
  importPackage(input: string, options?: ImportOptions): Promise<ImportResult>;
  /** Writes the built-in sample package to a temporary folder and imports it (first run). */
  importSample(onProgress?: (p: ImportProgress) => void): Promise<ImportResult>;
  /** The rubrics in a CASE JSON or Canvas CSV file, as drafts. */
  importRubricFile(file: string): ReturnType<typeof importRubricFile>;
  /** Writes micro-credential `id` as a CASE 1.1 package. */
  exportCaseFile(id: string, file: string): void;
  /** The stored file of an evidence blob this store knows, or null. */
  evidenceFile(sha256: string): string | null;
  /** True until the first package is imported. */
  isFirstRun(): boolean;
  /** The chain, its signed checkpoints, the anchors given, and the records it describes. */
  verifyAudit(anchors?: readonly SeenAnchor[]): AuditReport;
  /** verifyAudit against anchors read from files (results packages, backups); AnchorError for a bad one. */
  verifyAuditWithFiles(anchorFiles: readonly string[]): Promise<AuditReport>;
  /** Checks a certificate PDF, credential JSON or badge PNG against this store. */
  verifyAward(file: string, extra?: Omit<VerifyContext, 'awards' | 'trust'>): Promise<AwardVerdict>;
  close(): void;
}

/** The assessor's work on one submission. */
export interface Reviews {
  open(submissionId: string, blind: boolean): Workspace;
  saveDraft(input: DraftInput): Review;
  submit(submissionId: string): Review;
  recuse(submissionId: string, reason: string): void;
  /** Blind review: the boxes drawn over an evidence file (every assessor's), a new one, and a report of a leak. */
  redactions(submissionId: string, artifactId: string): EvidenceRedaction[];
  addRedaction(input: AddRedaction): EvidenceRedaction;
  reportLeak(input: LeakReportInput): LeakReport;
}

export function openServices(dataDir: string, options: ServicesOptions = {}): Services {
  const store = openStore(dataDir, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    const { db, evidence } = store;
    const queue = new Queue(db, () => assertQueueOpen(db));
    const settings = new SettingsStore(db);
    const identity = new IssuerIdentity(db, dataDir);
    const library = new Library(db, evidence);
    // The job services take the whole set (the export and backup code reads several of its parts).
    // Called only once `services` below is built (a call before would be a ReferenceError).
    const self = (): Services => services;
    const storeRef: StoreRef = { dataDir, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) };
    const jobs = new LongJobs(options.jobs === 'worker' ? new JobRunner({ store: storeRef }) : undefined, self);
    let closed = false;
    let coordination: Promise<Coordination> | undefined;
    const services: Services = {
      dataDir,
      storeRef,
      db,
      evidence,
      queue,
      commentBank: new CommentBank(db),
      library,
      awards: new AwardService(db, identity, self, jobs),
      settings,
      identity,
      results: new ResultsService(identity, settings, jobs, self),
      backups: new Backups(self, identity, settings, jobs),
      jobs,
      quality: new QualityService(db),
      coordinationEvidence: new CoordinationEvidenceFiles(dataDir),
      coordination: () =>
        (coordination ??= import('./coordination/coordination.js').then((m) => new m.Coordination(self()))),
      reviews: {
        // Live work (seeds alike) waits for a required calibration; calibration samples are always open.
        open: (submissionId, blind) => {
          assertMayReview(db, submissionId);
          return loadWorkspace(db, submissionId, blind);
        },
        saveDraft: (input) => {
          assertMayReview(db, input.submissionId);
          return saveDraft(db, input).review;
        },
        submit: (submissionId) => {
          assertMayReview(db, submissionId);
          return submitReview(db, submissionId);
        },
        recuse: (submissionId, reason) => {
          assertMayReview(db, submissionId);
          assertMayRecuse(db, submissionId);
          recuse(db, submissionId, reason);
        },
        redactions: (submissionId, artifactId) => listRedactions(db, submissionId, artifactId),
        addRedaction: (input) => addRedaction(db, input),
        reportLeak: (input) => reportLeak(db, input),
      },
      importPackage: (input, opts) => importPackage({ db, evidence }, input, opts),
      importSample: async (onProgress) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-sample-'));
        try {
          const { dir: pkg } = await writeSamplePackage(path.join(dir, 'Sample review package'));
          return await importPackage({ db, evidence }, pkg, onProgress ? { onProgress } : {});
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      },
      importRubricFile: (file) => importRubricFile(file),
      exportCaseFile: (id, file) => exportCaseFile(library, id, file),
      evidenceFile: (sha256) =>
        db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?').pluck().get(sha256) !== undefined
          ? evidence.pathOf(sha256)
          : (services.coordinationEvidence.lookup(sha256)?.path ?? null),
      isFirstRun: () => db.prepare('SELECT count(*) FROM packages').pluck().get() === 0,
      verifyAudit: (anchors = []) => {
        const trustedKeys = new Map(knownIssuers(db, dataDir).map((i) => [i.badgeKey, i.name] as const));
        return verifyAuditLog(db, { trustedKeys, anchors });
      },
      verifyAuditWithFiles: async (anchorFiles) => {
        const trust = storeTrust(db, dataDir);
        const anchors: SeenAnchor[] = [];
        for (const f of anchorFiles) anchors.push(await readAnchor(f, trust));
        return self().verifyAudit(anchors);
      },
      verifyAward: (file, extra) => verifyAwardInStore(self(), file, extra),
      close: () => {
        if (!closed) {
          services.coordinationEvidence.close();
          store.close();
        }
        closed = true;
      },
    };
    return services;
  } catch (err) {
    store.close();
    throw err;
  }
}
