// The messages between the job runner (main thread) and its worker: one typed table of job kinds,
// what each takes, reports and returns. Everything here crosses postMessage (structured clone).
import type { KeyObject } from 'node:crypto';
import type { Award } from '../awards/awards.js';
import type { AwardFormat } from '../awards/award-files.js';
import type { Paper } from '../awards/certificate/index.js';
import type { IssuerProfile } from '../awards/identity/index.js';
import type { BackupManifest, BackupProgress } from '../backup/manifest.js';
import type { JobKindName } from '../../shared/domain/jobs.js';
import type { ExportFinalResult, OpenResult } from '../../shared/coordination/types.js';

/**
 * The issuer identity as it crosses to the worker: the private keys as KeyObjects, which Node clones
 * between threads of this process in memory (never serialised to bytes, never written anywhere).
 */
export interface IdentityParts {
  profile: IssuerProfile;
  certificateChain: Uint8Array[];
  signingKey: KeyObject;
  badgeKey: KeyObject;
}

export interface Progress {
  done: number;
  total: number;
}

/** Every long job: its input, the progress it reports, and its result. */
export interface JobTable {
  /** Signs and records awards for passed reviews, one transaction each (the unique-award rule holds). */
  'awards-issue': {
    input: { identity: IdentityParts; submissionIds: string[] };
    progress: Progress;
    output: { issued: Award[]; failed: { submissionId: string; message: string }[] };
  };
  /** Writes award files (signed certificate PDFs, credential JSON, baked PNGs) into a folder. */
  'awards-export': {
    input: {
      identity?: IdentityParts;
      credentialIds: string[];
      outDir: string;
      formats: AwardFormat[];
      paper: Paper;
    };
    progress: Progress;
    output: { files: string[] };
  };
  /** Renders and signs one certificate PDF (for saving or printing). */
  certificate: {
    input: { identity: IdentityParts; credentialId: string; paper: Paper };
    progress: Progress;
    output: { pdf: Uint8Array };
  };
  /** The signed results package, with certificates for the awards in force; seals the audit head first. */
  'results-export': {
    input: { identity: IdentityParts; outDir: string; paper: Paper; now?: string };
    progress: Progress;
    output: { dir: string; submissions: number; awards: number };
  };
  /** A backup .zip of the data folder; with an identity, its audit head is sealed and signed. */
  /**
   * The coordinator's final results package: the awards of the final passes settled (issued, kept, revoked),
   * their certificates drawn, the package signed; seals the audit head.
   */
  'coordination-final': {
    input: { identity: IdentityParts; outDir: string; paper: Paper; now?: string };
    progress: Progress;
    output: ExportFinalResult;
  };
  /**
   * Opens review and results packages into the coordination (verified first; all or nothing). With
   * `writerThread`, an opening with many rows has them written on a thread of their own (open-writer.ts).
   */
  'coordination-open': {
    input: {
      paths: string[];
      secondReadingsOnly?: boolean;
      writerThread?: StoreRef;
      /** Rows handed over before the writer's thread takes over (open-writer.ts THREAD_FROM_ROWS; tests: 1). */
      threadFromRows?: number;
    };
    progress: Progress;
    output: OpenResult;
  };
  backup: {
    input: { identity?: IdentityParts; outFile: string; now?: string };
    progress: BackupProgress;
    output: BackupManifest;
  };
}

export type JobKind = keyof JobTable;
// The window names the same kinds (shared/domain/jobs.ts): a kind added on one side only fails here.
export const SAME_KINDS: [JobKind, JobKindName] extends [JobKindName, JobKind] ? true : never = true;
export type JobInput<K extends JobKind> = JobTable[K]['input'];
export type JobProgress<K extends JobKind> = JobTable[K]['progress'];
export type JobOutput<K extends JobKind> = JobTable[K]['output'];

/** Which store the worker opens (its own connection to the same WAL database). */
export interface StoreRef {
  dataDir: string;
  /** better-sqlite3 built for Electron's ABI (the app); absent: the one in node_modules. */
  nativeBinding?: string;
}

/** Slots of the shared control array (an Int32Array over a SharedArrayBuffer). */
export const CONTROL = {
  /** 1 once the job is cancelled: the worker stops at its next checkpoint. */
  abort: 0,
  /** Test hook: the progress count (done) at which the worker waits for `released`; 0 = never. */
  holdAt: 1,
  /** Set to 1 (and notified) to let a held worker go on. */
  released: 2,
} as const;
export const CONTROL_SLOTS = 3;

export interface WorkerData<K extends JobKind = JobKind> {
  kind: K;
  input: JobInput<K>;
  store: StoreRef;
  control: Int32Array;
}

export type WorkerMessage<K extends JobKind = JobKind> =
  | { type: 'progress'; progress: JobProgress<K> }
  | { type: 'done'; output: JobOutput<K> }
  | { type: 'error'; name: string; message: string; code?: string; cancelled: boolean };
