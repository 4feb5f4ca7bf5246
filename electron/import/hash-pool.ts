// SHA-256 of files on worker threads, so hashing uses every core while the main thread goes on.
// A worker can also copy a file while hashing it (one read of its bytes): the bytes written are the
// bytes hashed. Where the file system allows it the copy is written with O_DIRECT, from page-aligned
// buffers, while the next piece is read and hashed: the store's copy goes to disk without a second
// pass through the page cache (on this kind of machine, filling the page cache with a 1 GiB copy and
// writing it back costs more CPU than hashing it). Elsewhere (no O_DIRECT: macOS, Windows, tmpfs) the
// same loop writes through the page cache.
import os from 'node:os';
import { Worker } from 'node:worker_threads';

// Plain CommonJS evaluated in the worker: runs the same under Node, the tests and Electron's asar.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const CHUNK = 1 << 20;
const BLOCK = 4096;
// A WebAssembly memory starts on a page boundary: two page-aligned buffers, as O_DIRECT needs.
const mem = new WebAssembly.Memory({ initial: (2 * CHUNK) / 65536 });
const bufs = [Buffer.from(mem.buffer, 0, CHUNK), Buffer.from(mem.buffer, CHUNK, CHUNK)];
const { O_WRONLY, O_CREAT, O_EXCL, O_DIRECT } = fs.constants;
let direct = typeof O_DIRECT === 'number';

function readFull(fd, buf) {
  let got = 0, n;
  while (got < buf.length && (n = fs.readSync(fd, buf, got, buf.length - got, null)) > 0) got += n;
  return got;
}

function write(fd, buf, len, pos) {
  return new Promise((resolve, reject) => {
    const step = (off) => fs.write(fd, buf, off, len - off, pos + off, (err, n) => {
      if (err) reject(err);
      else if (off + n < len) step(off + n);
      else resolve();
    });
    step(0);
  });
}

function hashFile(id, file) {
  const fd = fs.openSync(file, 'r');
  try {
    const hash = crypto.createHash('sha256');
    let size = 0, pending = 0, n;
    while ((n = fs.readSync(fd, bufs[0], 0, CHUNK, null)) > 0) {
      hash.update(bufs[0].subarray(0, n));
      size += n;
      pending += n;
      if (pending >= 8 << 20) { parentPort.postMessage({ id, progress: pending }); pending = 0; }
    }
    parentPort.postMessage({ id, progress: pending, result: { sha256: hash.digest('hex'), size } });
  } finally {
    fs.closeSync(fd);
  }
}

// Reads a piece, hashes it, and writes it while the next is read and hashed. O_DIRECT writes whole
// blocks from a second descriptor; a last part-block goes through the first, which created the file.
async function copyOnce(id, from, to, useDirect) {
  const src = fs.openSync(from, 'r');
  const writes = [Promise.resolve(), Promise.resolve()];
  let dst, dio;
  try {
    dst = fs.openSync(to, O_WRONLY | O_CREAT | O_EXCL, 0o600);
    if (useDirect) dio = fs.openSync(to, O_WRONLY | O_DIRECT);
    const hash = crypto.createHash('sha256');
    let size = 0, pending = 0, k = 0;
    for (;; k++) {
      const buf = bufs[k & 1];
      await writes[k & 1]; // the write from this buffer, two pieces ago, is done before it is read into
      const n = readFull(src, buf);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      const whole = useDirect ? n - (n % BLOCK) : n;
      const piece = Promise.all([
        whole > 0 ? write(useDirect ? dio : dst, buf, whole, size) : undefined,
        whole < n ? write(dst, buf.subarray(whole, n), n - whole, size + whole) : undefined,
      ]);
      piece.catch(() => {}); // awaited later; this only keeps a failure from going unhandled meanwhile
      writes[k & 1] = piece;
      size += n;
      pending += n;
      if (pending >= 8 << 20) { parentPort.postMessage({ id, progress: pending }); pending = 0; }
      if (n < CHUNK) break;
    }
    await Promise.all(writes);
    return { sha256: hash.digest('hex'), size, pending };
  } finally {
    await Promise.allSettled(writes); // no write may still be using a descriptor when it closes
    if (dio !== undefined) fs.closeSync(dio);
    if (dst !== undefined) fs.closeSync(dst);
    fs.closeSync(src);
  }
}

async function copyFile(id, from, to) {
  let r;
  if (direct) {
    try {
      r = await copyOnce(id, from, to, true);
    } catch (err) {
      // The file system refuses O_DIRECT (or these buffers): start again through the page cache.
      if (!err || err.code !== 'EINVAL') throw err;
      direct = false;
      fs.rmSync(to, { force: true });
    }
  }
  if (!r) r = await copyOnce(id, from, to, false);
  parentPort.postMessage({ id, progress: r.pending, result: { sha256: r.sha256, size: r.size } });
}

parentPort.on('message', ({ id, file, to }) => {
  (async () => (to === undefined ? hashFile(id, file) : await copyFile(id, file, to)))().catch((err) =>
    parentPort.postMessage({ id, error: String((err && err.message) || err), code: err && err.code }),
  );
});
`;

interface Job {
  resolve: (r: { sha256: string; size: number }) => void;
  reject: (e: Error) => void;
  onBytes: (n: number) => void;
}

type Message = {
  id: number;
  progress?: number;
  result?: { sha256: string; size: number };
  error?: string;
  code?: string;
};

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

  /** SHA-256 and size of a file. */
  hash(file: string, onBytes: (n: number) => void): Promise<{ sha256: string; size: number }> {
    return this.run({ file }, onBytes);
  }

  /**
   * Copies `file` to `to` (created new, private to the user) in one read that also hashes it:
   * the SHA-256 and size are those of the bytes written. On failure `to` may be left part-written.
   */
  copyAndHash(file: string, to: string, onBytes: (n: number) => void): Promise<{ sha256: string; size: number }> {
    return this.run({ file, to }, onBytes);
  }

  private async run(
    job: { file: string; to?: string },
    onBytes: (n: number) => void,
  ): Promise<{ sha256: string; size: number }> {
    while (this.idle.length === 0) await new Promise<void>((r) => this.waiting.push(r));
    const worker = this.idle.pop()!;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.jobs.set(id, { resolve, reject, onBytes });
      worker.postMessage({ id, ...job });
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
    if (m.error !== undefined) job.reject(Object.assign(new Error(m.error), m.code ? { code: m.code } : {}));
    else job.resolve(m.result!);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
