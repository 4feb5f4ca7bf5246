// The import benchmark's peer: a bare streaming SHA-256 of the same files on a given number of threads,
// nothing else (no copy, no store). In-process through `bareHash`, or as a fresh process:
//   node dist/test/bench/hash-peer.js THREADS LIST   (LIST: a file of NUL-separated paths)
// which prints the file count and the total bytes, so the caller can check it did the work.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

// CommonJS evaluated in each worker: 1 MiB reads, each fed to the hash, as a streaming hasher does.
const WORKER = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const buf = Buffer.allocUnsafe(1 << 20);
parentPort.on('message', (file) => {
  const fd = fs.openSync(file, 'r');
  const hash = crypto.createHash('sha256');
  let size = 0, n;
  while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) { hash.update(buf.subarray(0, n)); size += n; }
  fs.closeSync(fd);
  parentPort.postMessage({ sha256: hash.digest('hex'), size });
});
`;

// The same, and each piece written to a new file beside the hash, the file flushed to the disk (fdatasync)
// before it counts as done: what an import must do at least, as it keeps a copy of every file it verified.
const COPY_WORKER = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const buf = Buffer.allocUnsafe(1 << 20);
parentPort.on('message', ({ file, to }) => {
  const fd = fs.openSync(file, 'r');
  const out = fs.openSync(to, 'wx', 0o600);
  const hash = crypto.createHash('sha256');
  let size = 0, n;
  while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) {
    hash.update(buf.subarray(0, n));
    for (let w = 0; w < n; ) w += fs.writeSync(out, buf, w, n - w);
    size += n;
  }
  fs.fdatasyncSync(out);
  fs.closeSync(out);
  fs.closeSync(fd);
  parentPort.postMessage({ sha256: hash.digest('hex'), size });
});
`;

/** Hashes every file, `threads` at a time in list order; resolves to the bytes hashed. */
export async function bareHash(files: readonly string[], threads: number): Promise<number> {
  return pool(WORKER, files, threads, (file) => file);
}

/** Hashes and copies every file into the folder `into` (one new file each), `threads` at a time. */
export async function hashAndCopy(files: readonly string[], threads: number, into: string): Promise<number> {
  fs.mkdirSync(into, { recursive: true });
  return pool(COPY_WORKER, files, threads, (file, i) => ({ file, to: `${into}/${i}` }));
}

async function pool(
  source: string,
  files: readonly string[],
  threads: number,
  message: (file: string, i: number) => unknown,
): Promise<number> {
  const workers = Array.from({ length: Math.max(1, threads) }, () => new Worker(source, { eval: true }));
  let next = 0;
  let bytes = 0;
  try {
    await Promise.all(
      workers.map(async (w) => {
        for (let i = next++; i < files.length; i = next++) {
          const r = await new Promise<{ size: number }>((resolve, reject) => {
            w.once('message', resolve);
            w.once('error', reject);
            w.postMessage(message(files[i]!, i));
          });
          w.removeAllListeners('error');
          bytes += r.size;
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return bytes;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [threads, list] = process.argv.slice(2);
  if (!threads || !list) {
    process.stderr.write('usage: hash-peer.js THREADS LIST\n');
    process.exit(2);
  }
  const files = fs.readFileSync(list, 'utf8').split('\0').filter(Boolean);
  const bytes = await bareHash(files, Number(threads));
  process.stdout.write(`${files.length} files, ${bytes} bytes\n`);
}
