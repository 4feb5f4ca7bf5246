// SHA-256 of files on worker threads, so hashing uses every core while the main thread copies.
import os from 'node:os';
import { Worker } from 'node:worker_threads';

// Plain CommonJS evaluated in the worker: runs the same under Node, the tests and Electron's asar.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const buf = Buffer.allocUnsafe(1 << 20);
parentPort.on('message', ({ id, file }) => {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
    const hash = crypto.createHash('sha256');
    let size = 0, pending = 0, n;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) {
      hash.update(buf.subarray(0, n));
      size += n;
      pending += n;
      if (pending >= 8 << 20) { parentPort.postMessage({ id, progress: pending }); pending = 0; }
    }
    parentPort.postMessage({ id, progress: pending, result: { sha256: hash.digest('hex'), size } });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
});
`;

interface Job {
  resolve: (r: { sha256: string; size: number }) => void;
  reject: (e: Error) => void;
  onBytes: (n: number) => void;
}

type Message = { id: number; progress?: number; result?: { sha256: string; size: number }; error?: string };

/** Hashing threads an import uses: one per core, at most four. */
export function hashThreads(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

export class HashPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;

  constructor(size = hashThreads()) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(WORKER_SOURCE, { eval: true });
      w.on('message', (m: Message) => this.onMessage(w, m));
      w.on('error', (err) => {
        for (const job of this.jobs.values()) job.reject(err);
        this.jobs.clear();
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  async hash(file: string, onBytes: (n: number) => void): Promise<{ sha256: string; size: number }> {
    while (this.idle.length === 0) await new Promise<void>((r) => this.waiting.push(r));
    const worker = this.idle.pop()!;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { resolve, reject, onBytes });
      worker.postMessage({ id, file });
    });
  }

  private onMessage(worker: Worker, m: Message): void {
    const job = this.jobs.get(m.id);
    if (!job) return;
    if (m.progress) job.onBytes(m.progress);
    if (m.result === undefined && m.error === undefined) return;
    this.jobs.delete(m.id);
    this.idle.push(worker);
    this.waiting.shift()?.();
    if (m.error !== undefined) job.reject(new Error(m.error));
    else job.resolve(m.result!);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
