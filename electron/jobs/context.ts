// What a job implementation is given: the store (in a worker, its own connection to the same WAL
// database), a progress reporter and a cancellation checkpoint. The same implementations run inline
// on the main thread (the benchmark's reference, and the tests' "same output" check).
import { Awards } from '../awards/awards.js';
import { SigningIdentity } from '../awards/identity/index.js';
import { DATABASE_FILE, openDatabase, type Db } from '../store/db.js';
import { EvidenceStore } from '../store/evidence.js';
import path from 'node:path';
import { CONTROL, type IdentityParts, type JobKind, type JobProgress, type StoreRef } from './protocol.js';
import { JobCancelledError } from './errors.js';

/** The part of the services the jobs use; `Services` (electron/services.ts) satisfies it. */
export interface JobServices {
  readonly dataDir: string;
  readonly db: Db;
  readonly evidence: EvidenceStore;
  readonly awards: Awards;
}

export interface JobContext<K extends JobKind> {
  readonly services: JobServices;
  /** Reports progress (in order); a test may hold the job here (CONTROL.holdAt). */
  progress(p: JobProgress<K>): void;
  /** Throws JobCancelledError once the job is cancelled; called only where stopping leaves nothing half done. */
  checkpoint(): void;
}

/**
 * Opens the store in a worker. It does not take the store's hold or recover anything: the main
 * thread's Services did, and keeps it for as long as the job runs.
 */
export function openJobServices(store: StoreRef, writes: boolean): JobServices {
  const db = openDatabase(path.join(store.dataDir, DATABASE_FILE), {
    ...(store.nativeBinding ? { nativeBinding: store.nativeBinding } : {}),
    ...(writes ? {} : { readonly: true }),
  });
  return { dataDir: store.dataDir, db, evidence: new EvidenceStore(store.dataDir), awards: new Awards(db) };
}

/** The parts of an unlocked identity to send to a worker (KeyObjects are cloned in memory, never exported). */
export function identityParts(id: SigningIdentity): IdentityParts {
  return {
    profile: { ...id.profile },
    certificateChain: [...id.certificateChain],
    signingKey: id.signingKey,
    badgeKey: id.badgeKey,
  };
}

/** The identity again on the worker's side (structured clone turned its Buffers into Uint8Arrays). */
export function identityFrom(parts: IdentityParts): SigningIdentity {
  const { logoPng, ...profile } = parts.profile;
  return new SigningIdentity({
    profile: { ...profile, ...(logoPng ? { logoPng: Buffer.from(logoPng) } : {}) },
    certificateChain: parts.certificateChain.map((c) => Buffer.from(c)),
    signingKey: parts.signingKey,
    badgeKey: parts.badgeKey,
  });
}

/** The worker's checkpoint and hold, read from the control array the runner shares with it. */
export function controlled<K extends JobKind>(
  kind: K,
  services: JobServices,
  control: Int32Array,
  post: (p: JobProgress<K>) => void,
): JobContext<K> {
  return {
    services,
    progress(p) {
      post(p);
      // Test hook: wait (no sleep, no timeout) until the runner releases the job or cancels it.
      if (p.done > 0 && Atomics.load(control, CONTROL.holdAt) === p.done) Atomics.wait(control, CONTROL.released, 0);
    },
    checkpoint() {
      if (Atomics.load(control, CONTROL.abort) === 1) throw new JobCancelledError(kind);
    },
  };
}
