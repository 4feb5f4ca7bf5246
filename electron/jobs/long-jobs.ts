// The services' door to long jobs: one run per kind at a time (in the app and the CLI alike), cancel by
// kind, and the same task code whether it runs on a worker thread (the app: the window stays
// responsive) or on the calling thread (the CLI and unit tests, which have no window to keep free).
import { JobGate, runJobInline, type JobRunner } from './runner.js';
import type { JobServices } from './context.js';
import { JobBusyError, JobCancelledError, jobErrorToAssay } from './errors.js';
import type { JobInput, JobKind, JobOutput, JobProgress } from './protocol.js';

export type JobMode = 'worker' | 'inline';

export interface LongJobOptions<K extends JobKind> {
  onProgress?: ((p: JobProgress<K>) => void) | undefined;
  signal?: AbortSignal | undefined;
}

export class LongJobs {
  readonly #running = new Map<JobKind, { since: Date; abort: AbortController; settled: Promise<unknown> }>();
  readonly #holds = new Map<JobKind, JobGate>();

  constructor(
    /** Runs jobs on worker threads; absent: on the calling thread. */
    private readonly runner: JobRunner | undefined,
    private readonly services: () => JobServices,
  ) {}

  get mode(): JobMode {
    return this.runner ? 'worker' : 'inline';
  }

  /** The kinds running now, with when each started. */
  running(): { kind: JobKind; since: Date }[] {
    return [...this.#running].map(([kind, r]) => ({ kind, since: r.since }));
  }

  /** Asks the running job of this kind to stop (it stops at its next safe point); false when none runs. */
  cancel(kind: JobKind): boolean {
    const r = this.#running.get(kind);
    if (!r) return false;
    r.abort.abort();
    return true;
  }

  #closing = false;

  /**
   * Stops every running job and waits until each has cleaned up and let go of the store (before closing
   * it); from then on no job starts, not even one that was waiting its turn (`job-cancelled`).
   */
  async stopAll(): Promise<void> {
    this.#closing = true;
    const settling = [...this.#running.values()].map((r) => {
      r.abort.abort();
      return r.settled;
    });
    await Promise.allSettled(settling);
  }

  /**
   * Test hook (the e2e harness): the next run of `kind` holds after its progress event whose `done` is
   * `at`, until the gate is released or the job is cancelled, so a test can press Stop while it
   * provably runs. Worker mode only: an inline job would hold the very thread that must release it.
   */
  holdNext(kind: JobKind, at: number): JobGate {
    if (!this.runner) throw new Error('holdNext needs jobs on worker threads');
    const gate = new JobGate(at);
    this.#holds.set(kind, gate);
    return gate;
  }

  /**
   * Runs a job once the running one of the same kind (if any) has finished, instead of refusing it: for
   * jobs that are not a unique act, such as drawing one certificate for the preview while another is
   * still being drawn. Single-threaded, so the check and the start cannot be split by another caller.
   */
  async runAfter<K extends JobKind>(kind: K, input: JobInput<K>, opts: LongJobOptions<K> = {}): Promise<JobOutput<K>> {
    for (let r = this.#running.get(kind); r; r = this.#running.get(kind)) await r.settled.catch(() => undefined);
    return this.run(kind, input, opts);
  }

  /**
   * Runs a job; `job-busy` while one of the same kind runs, `job-cancelled` once cancelled, and the
   * job's own AssayError (its code crossed the thread as text) when it refuses.
   */
  async run<K extends JobKind>(kind: K, input: JobInput<K>, opts: LongJobOptions<K> = {}): Promise<JobOutput<K>> {
    if (this.#closing) throw jobErrorToAssay(new JobCancelledError(kind));
    const busy = this.#running.get(kind);
    if (busy) throw new JobBusyError(kind, busy.since);
    const abort = new AbortController();
    const onAbort = () => abort.abort();
    if (opts.signal?.aborted) abort.abort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const run = { signal: abort.signal, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) };
    const gate = this.#holds.get(kind);
    this.#holds.delete(kind);
    const job = this.runner
      ? this.runner.runJob(kind, input, gate ? { ...run, gate } : run)
      : runJobInline(kind, input, this.services(), run);
    this.#running.set(kind, { since: new Date(), abort, settled: job });
    try {
      return await job;
    } catch (err) {
      throw jobErrorToAssay(err);
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      this.#running.delete(kind);
    }
  }
}
