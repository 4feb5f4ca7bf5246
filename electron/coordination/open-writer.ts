// Where an opening's rows are written. The rows of each package are handed over as soon as it is checked, and
// all of them are kept in one transaction that is committed only when every package was accepted (and rolled
// back when one was refused), so an opening stays all or nothing.
//
// Through the Coordination service (the `coordination-open` job) an opening with many rows has them written by a
// thread of their own, on its own connection, while the packages after them are verified (AdaptiveWriter): at
// 100,000 decisions SQLite writing the rows was a third of the opening. That thread's transaction takes the write
// lock at the first rows it is handed and keeps it until the thread that runs the opening sends the commit, so
// another opening of the same store waits for it (busy_timeout) instead of interleaving. That thread must not
// itself write on another connection meanwhile: it would wait for a lock only it can release. In the app the
// opening runs on a job worker that writes nothing else; in the CLI and unit tests (jobs on the calling thread)
// nothing else writes while a command or test opens. A small opening, and `openPackages` called with a connection
// alone, keeps the rows and writes them on that connection in one transaction at the end.
//
// Packaging: the worker is dist/electron/coordination/open-writer-worker.js, loaded from inside app.asar as the
// job worker is (electron/jobs/runner.ts); its native module comes from StoreRef.nativeBinding.
import { Worker } from 'node:worker_threads';
import type { StoreRef } from '../jobs/protocol.js';
import { builtWorkerFile } from '../jobs/worker-file.js';
import { appendAudit } from '../store/audit.js';
import type { Db } from '../store/db.js';

/** One step of an opening's writes, run in order in its transaction. */
export type WriteOp =
  | { op: 'run'; sql: string; rows: unknown[][] }
  | { op: 'audit'; action: string; subject: string; details: unknown; at: string };

/** Messages to the worker: ops to run, then commit or rollback (its answer ends it). */
export type WriterRequest = { type: 'ops'; ops: WriteOp[] } | { type: 'commit' } | { type: 'rollback' };
export type WriterReply = { type: 'done' } | { type: 'error'; message: string; code?: string };

export interface OpenWriter {
  /** Hands over ops to run after those handed over before; an op that fails is reported by `commit`. */
  write(ops: WriteOp[]): void;
  /** Commits everything handed over, or rejects with the first error (code kept, nothing committed). */
  commit(): Promise<void>;
  /** Discards everything handed over. */
  rollback(): Promise<void>;
}

/** Runs ops on a connection inside its transaction, each statement prepared once per connection. */
export class OpApplier {
  readonly #statements = new Map<string, ReturnType<Db['prepare']>>();
  constructor(private readonly db: Db) {}

  apply(ops: readonly WriteOp[]): void {
    for (const op of ops) {
      if (op.op === 'audit') {
        appendAudit(this.db, op.action, op.subject, op.details, op.at);
        continue;
      }
      let st = this.#statements.get(op.sql);
      if (!st) this.#statements.set(op.sql, (st = this.db.prepare(op.sql)));
      for (const row of op.rows) st.run(row);
    }
  }
}

/** Keeps the ops and runs them on `db` in one immediate transaction at commit. */
export class InlineWriter implements OpenWriter {
  #ops: WriteOp[] = [];
  constructor(private readonly db: Db) {}
  write(ops: WriteOp[]): void {
    for (const op of ops) this.#ops.push(op);
  }
  commit(): Promise<void> {
    const ops = this.#ops;
    this.#ops = [];
    try {
      const applier = new OpApplier(this.db);
      this.db.transaction(() => applier.apply(ops)).immediate();
      return Promise.resolve();
    } catch (err) {
      // Rejected, as the thread's commit is, with the error as thrown (its SQLite code kept).
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }
  rollback(): Promise<void> {
    this.#ops = [];
    return Promise.resolve();
  }
}

/** The built writer's script next to this module; from the TypeScript sources (tests) the one in dist/. */
export function writerWorkerFile(): string {
  return builtWorkerFile(import.meta.url, 'open-writer-worker.js');
}

/** Writes on a worker thread with its own connection to the store; started at once, so it is ready by the first rows. */
export class ThreadWriter implements OpenWriter {
  readonly #worker: Worker;
  readonly #ended: Promise<WriterReply>;
  #finished = false;

  constructor(store: StoreRef, file = writerWorkerFile()) {
    this.#worker = new Worker(file, { workerData: store });
    this.#ended = new Promise<WriterReply>((resolve) => {
      this.#worker.once('message', (m: WriterReply) => resolve(m));
      this.#worker.once('error', (err: Error) =>
        resolve({ type: 'error', message: `The coordination's writer (${file}) stopped: ${err.message}` }),
      );
      this.#worker.once('exit', (code) =>
        resolve({ type: 'error', message: `The coordination's writer (${file}) ended early (exit code ${code}).` }),
      );
    });
  }

  write(ops: WriteOp[]): void {
    if (this.#finished) throw new Error('The opening was already committed or rolled back.');
    this.#worker.postMessage({ type: 'ops', ops } satisfies WriterRequest);
  }

  async #end(type: 'commit' | 'rollback'): Promise<WriterReply> {
    if (this.#finished) throw new Error('The opening was already committed or rolled back.');
    this.#finished = true;
    this.#worker.postMessage({ type } satisfies WriterRequest);
    try {
      return await this.#ended;
    } finally {
      await this.#worker.terminate();
    }
  }

  async commit(): Promise<void> {
    const reply = await this.#end('commit');
    if (reply.type === 'error')
      throw Object.assign(new Error(reply.message), reply.code === undefined ? {} : { code: reply.code });
  }

  async rollback(): Promise<void> {
    await this.#end('rollback');
  }
}

/**
 * Rows handed over before a worker thread takes over the writing. Starting one costs ~100-150 ms of this machine's
 * two cores (a thread, better-sqlite3 and a connection): at 10,000 decisions (~21,000 rows) that made the opening
 * slower (518-555 -> 649-710 ms in the coordination bench), while at 100,000 (~210,000 rows) the writing it takes off
 * the main thread saves ~0.45 s. Below this the rows are written on the main connection at the end, as
 * InlineWriter does.
 */
export const THREAD_FROM_ROWS = 50_000;

/** Keeps the ops as InlineWriter does until `threadFrom` rows were handed over, then hands everything to a ThreadWriter. */
export class AdaptiveWriter implements OpenWriter {
  #kept: WriteOp[] = [];
  #rows = 0;
  #thread: OpenWriter | undefined;

  constructor(
    private readonly db: Db,
    private readonly startThread: () => OpenWriter,
    private readonly threadFrom = THREAD_FROM_ROWS,
  ) {}

  /** Whether the rows are being written on a worker thread. */
  get threaded(): boolean {
    return this.#thread !== undefined;
  }

  write(ops: WriteOp[]): void {
    if (this.#thread) {
      this.#thread.write(ops);
      return;
    }
    for (const op of ops) {
      this.#kept.push(op);
      if (op.op === 'run') this.#rows += op.rows.length;
    }
    if (this.#rows < this.threadFrom) return;
    this.#thread = this.startThread();
    this.#thread.write(this.#kept);
    this.#kept = [];
  }

  commit(): Promise<void> {
    if (this.#thread) return this.#thread.commit();
    const inline = new InlineWriter(this.db);
    inline.write(this.#kept);
    this.#kept = [];
    return inline.commit();
  }

  rollback(): Promise<void> {
    this.#kept = [];
    return this.#thread ? this.#thread.rollback() : Promise.resolve();
  }
}
