// The job runner: runs a long job (signing, certificates, exports, backups) in a worker thread so the
// main thread keeps answering the window; one run at a time per kind, progress in order, cancel.
//
// Wiring (Services): build one `new JobRunner({ store: { dataDir, nativeBinding } })` beside the
// services and call `runner.runJob(kind, input, { onProgress, signal })`; pass an unlocked identity
// as `identityParts(identity)`. `runJobInline` runs the same job on the calling thread.
//
// Packaging: the worker is dist/electron/jobs/worker.js, emitted by tsc next to this file and loaded
// from inside app.asar (Electron sets up asar support in worker threads since 17, electron#33216).
// It is deliberately not unpacked: unpacked code escapes the asar integrity check the fuses enforce.
// Its native module comes from StoreRef.nativeBinding, which already points at the unpacked .node.
import fs from 'node:fs';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { builtWorkerFile } from './worker-file.js';
import type { JobContext, JobServices } from './context.js';
import { JobBusyError, JobCancelledError, JobFailedError, JOB_LABELS } from './errors.js';
import {
  CONTROL,
  CONTROL_SLOTS,
  type JobInput,
  type JobKind,
  type JobOutput,
  type JobProgress,
  type StoreRef,
  type WorkerData,
  type WorkerMessage,
} from './protocol.js';
import { runTask } from './tasks.js';

/**
 * Heap limits of a job's worker, by kind. An export of awards holds one page of them at a time (tasks.ts), so the
 * heap it needs does not grow with the batch, but V8 grows it anyway while garbage is made fast: peak RSS 250, 384,
 * 411 MiB for 10, 1,000, 3,000 certificates without a limit, 243, 251, 255 MiB with this one and pages of 100
 * (npm run bench measures it). A worker over its limit stops with a message; the app carries on.
 */
export const JOB_RESOURCE_LIMITS: Partial<Record<JobKind, ResourceLimits>> = {
  'awards-export': { maxOldGenerationSizeMb: 128 },
};

export interface RunOptions<K extends JobKind> {
  onProgress?: (p: JobProgress<K>) => void;
  /** Cancels the job: it stops at its next checkpoint and removes what it had written. */
  signal?: AbortSignal;
  /** Test hook: hold the job after the progress event whose `done` is `gate.at`, until released. */
  gate?: JobGate;
}

/** Holds a running job at one progress point (tests interleave work there deterministically). */
export class JobGate {
  #control: Int32Array | undefined;
  #released = false;
  constructor(readonly at: number) {}
  /** @internal the runner attaches the job's control array. */
  attach(control: Int32Array): void {
    this.#control = control;
    Atomics.store(control, CONTROL.holdAt, this.at);
    if (this.#released) this.release();
  }
  release(): void {
    this.#released = true;
    if (!this.#control) return;
    Atomics.store(this.#control, CONTROL.released, 1);
    Atomics.notify(this.#control, CONTROL.released);
  }
}

/** The built worker next to this module; from the TypeScript sources (tests) the one in dist/. */
export function defaultWorkerFile(): string {
  return builtWorkerFile(import.meta.url, 'worker.js');
}

export class JobRunner {
  readonly #running = new Map<JobKind, Date>();
  readonly #workerFile: string;

  constructor(private readonly options: { store: StoreRef; workerFile?: string }) {
    this.#workerFile = options.workerFile ?? defaultWorkerFile();
  }

  isRunning(kind: JobKind): boolean {
    return this.#running.has(kind);
  }

  /**
   * Runs `kind` in a new worker thread. Rejects with JobBusyError while a job of the same kind runs,
   * JobCancelledError once `signal` aborts it, JobFailedError when the job throws or its worker dies.
   * Settles only after the worker has exited (its store connection is closed by then).
   */
  async runJob<K extends JobKind>(kind: K, input: JobInput<K>, opts: RunOptions<K> = {}): Promise<JobOutput<K>> {
    const since = this.#running.get(kind);
    if (since) throw new JobBusyError(kind, since);
    if (opts.signal?.aborted) throw new JobCancelledError(kind);
    if (!fs.existsSync(this.#workerFile))
      throw new JobFailedError(kind, `The job worker ${this.#workerFile} is missing (run npm run build).`, 'Error');
    this.#running.set(kind, new Date());
    const control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * Int32Array.BYTES_PER_ELEMENT));
    opts.gate?.attach(control);
    const cancel = () => {
      Atomics.store(control, CONTROL.abort, 1);
      Atomics.store(control, CONTROL.released, 1);
      Atomics.notify(control, CONTROL.released);
    };
    opts.signal?.addEventListener('abort', cancel, { once: true });
    try {
      return await this.#inWorker(kind, { kind, input, store: this.options.store, control }, opts);
    } finally {
      opts.signal?.removeEventListener('abort', cancel);
      this.#running.delete(kind);
    }
  }

  #inWorker<K extends JobKind>(kind: K, data: WorkerData<K>, opts: RunOptions<K>): Promise<JobOutput<K>> {
    return new Promise((resolve, reject) => {
      let outcome: { ok: true; output: JobOutput<K> } | { ok: false; error: Error } | undefined;
      const limits = JOB_RESOURCE_LIMITS[kind];
      const worker = new Worker(this.#workerFile, { workerData: data, ...(limits ? { resourceLimits: limits } : {}) });
      worker.on('message', (m: WorkerMessage<K>) => {
        if (m.type === 'progress') opts.onProgress?.(m.progress);
        else if (m.type === 'done') outcome = { ok: true, output: m.output };
        else
          outcome = {
            ok: false,
            error: m.cancelled ? new JobCancelledError(kind) : new JobFailedError(kind, m.message, m.name, m.code),
          };
      });
      worker.on('error', (err) => {
        outcome ??= {
          ok: false,
          error: new JobFailedError(kind, `The ${JOB_LABELS[kind]} stopped unexpectedly: ${err.message}`, err.name),
        };
      });
      worker.on('exit', (code) => {
        if (outcome?.ok) resolve(outcome.output);
        else
          reject(
            outcome?.error ??
              new JobFailedError(kind, `The ${JOB_LABELS[kind]} stopped unexpectedly (worker exit ${code}).`, 'Error'),
          );
      });
    });
  }
}

/**
 * Runs the same job on the calling thread against the caller's services (the benchmark's reference;
 * a CLI may prefer it). Cancel and progress behave as in the worker, without the test gate.
 */
export function runJobInline<K extends JobKind>(
  kind: K,
  input: JobInput<K>,
  services: JobServices,
  opts: Omit<RunOptions<K>, 'gate'> = {},
): Promise<JobOutput<K>> {
  const ctx: JobContext<K> = {
    services,
    progress: (p) => opts.onProgress?.(p),
    checkpoint: () => {
      if (opts.signal?.aborted) throw new JobCancelledError(kind);
    },
  };
  return runTask(kind, input, ctx);
}
