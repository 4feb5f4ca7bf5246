// Import against a bare streaming SHA-256 of the same bytes, on two 1 GiB folder packages: uniform
// (1,000 × 1 MiB) and mixed sizes (a few KiB to ~100 MiB). Each round runs four kinds back to back,
// their order rotated round by round so machine load falls alike on all:
//   peer         bare SHA-256 of every file on the importer's number of hashing threads (hash-peer.ts)
//   import       services.importPackage (verify, copy into the store, commit), services opened beforehand
//   peer, fresh  the same bare hash as a fresh `node` process
//   hash + copy  a second peer: the same hash, each file also written to a new file and flushed (fdatasync),
//                the least an import that keeps a copy must do; printed beside the goal's peer, not instead
//   import, CLI  `node dist/electron/cli/index.js import PKG --data-dir DIR` as a fresh process
// The package is written and fsynced before any timing. Before every timed run the previous run's
// writes are flushed (`sync`) and, where permitted, the page cache is dropped ("cold": the package is
// read from disk by either side); "warm" reads the whole package beforehand instead. Ratios are taken
// per round (subject / the peer of the same round) and printed as median (min–max).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openServices } from '../../electron/services.js';
import { hashThreads } from '../../electron/import/hash-pool.js';
import { manifest, submission } from '../support/package-builder.js';
import { bareHash, hashAndCopy } from './hash-peer.js';
import { seededRandom } from './realistic-data.js';
import { fmtBytes, fmtMs, heading, line, nowMs, percentile, rssSampler } from './stats.js';

const TOTAL = Number(process.env.BENCH_EVIDENCE_BYTES ?? 1024 ** 3);
const UNIFORM_FILES = Number(process.env.BENCH_SUBMISSIONS ?? 1000);
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 5);
const CLI = path.resolve('dist/electron/cli/index.js');
const PEER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hash-peer.js');
const KiB = 1024;
const MiB = 1024 * KiB;

/** Sizes of the mixed package: photos and documents, PDFs and slides, audio, classroom video. */
export function mixedSizes(total: number): number[] {
  const rng = seededRandom(14);
  const tiers: [share: number, lo: number, hi: number][] = [
    [0.55, 4 * KiB, 256 * KiB],
    [0.3, 256 * KiB, 8 * MiB],
    [0.12, 8 * MiB, 40 * MiB],
    [0.03, 40 * MiB, 100 * MiB],
  ];
  const sizes: number[] = [];
  let sum = 0;
  while (sum < total) {
    let r = rng();
    let tier = tiers[tiers.length - 1]!;
    for (const t of tiers) {
      if (r < t[0]) {
        tier = t;
        break;
      }
      r -= t[0];
    }
    const [, lo, hi] = tier;
    const size = Math.min(total - sum, Math.round(lo * Math.pow(hi / lo, rng())));
    sizes.push(Math.max(size, 1));
    sum += size;
  }
  return sizes;
}

/** Writes the package (evidence streamed, never whole in memory), fsyncs every file; returns the evidence paths. */
export function writeBenchPackage(dir: string, sizes: number[]): string[] {
  const base = randomBytes(MiB);
  const arts = [];
  const paths: string[] = [];
  for (let i = 0; i < sizes.length; i++) {
    const rel = `evidence/s${i}/artifact-${i}.bin`;
    const file = path.join(dir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(file, 'w');
    const hash = createHash('sha256');
    let left = sizes[i]!;
    // Every 1 MiB piece is stamped with its file and position, so no two files (or pieces) are alike.
    for (let piece = 0; left > 0; piece++) {
      const n = Math.min(left, MiB);
      const chunk = base.subarray(0, n);
      if (n >= 16) {
        chunk.writeBigUInt64BE(BigInt(i), 0);
        chunk.writeBigUInt64BE(BigInt(piece), 8);
      } else chunk[0] = i & 0xff;
      fs.writeSync(fd, chunk);
      hash.update(chunk);
      left -= n;
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    paths.push(file);
    arts.push({ rel, size: sizes[i]!, sha256: hash.digest('hex') });
  }
  const m = manifest({
    submissions: arts.map((a, i) =>
      submission(i, undefined, {
        artifacts: [
          {
            id: 'a1',
            sectionId: 'artifacts',
            name: 'Evidence',
            file: a.rel,
            mediaType: 'application/octet-stream',
            size: a.size,
            sha256: a.sha256,
          },
        ],
      }),
    ),
  });
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(m, null, 2));
  execFileSync('sync');
  return paths;
}

/** Drops the page cache if this machine lets us; false when it does not. */
function dropCaches(): boolean {
  try {
    execFileSync('sync');
    fs.writeFileSync('/proc/sys/vm/drop_caches', '3');
    return true;
  } catch {
    return false;
  }
}

function readAll(files: string[]): void {
  const buf = Buffer.allocUnsafe(MiB);
  for (const f of files) {
    const fd = fs.openSync(f, 'r');
    while (fs.readSync(fd, buf, 0, buf.length, null) > 0);
    fs.closeSync(fd);
  }
}

const summary = (xs: number[]) => `${fmtMs(percentile(xs, 50))}  (${fmtMs(Math.min(...xs))}–${fmtMs(Math.max(...xs))})`;
const ratios = (a: number[], b: number[]) => a.map((x, i) => x / b[i]!);
const fmtRatio = (rs: number[]) =>
  `${percentile(rs, 50).toFixed(2)}x  (${Math.min(...rs).toFixed(2)}–${Math.max(...rs).toFixed(2)}x)`;

type Kind = 'peer' | 'import' | 'peerFresh' | 'cli' | 'copy';

async function benchPackage(
  work: string,
  name: string,
  sizes: number[],
  caches: ('cold' | 'warm')[],
  threads: number,
): Promise<void> {
  const pkg = path.join(work, `import-${name}`);
  let t = nowMs();
  const files = writeBenchPackage(pkg, sizes);
  const total = sizes.reduce((a, b) => a + b, 0);
  const sorted = [...sizes].sort((a, b) => a - b);
  const list = path.join(work, `import-${name}.list`);
  fs.writeFileSync(list, files.join('\0'));
  const built = nowMs() - t;

  for (const cache of caches) {
    heading(
      `Import, ${name} package: ${sizes.length.toLocaleString('en')} files, ${fmtBytes(total)} ` +
        `(smallest ${fmtBytes(sorted[0]!)}, median ${fmtBytes(percentile(sorted, 50))}, largest ${fmtBytes(sorted.at(-1)!)}); ` +
        `${cache === 'cold' ? 'page cache dropped before every run' : 'package in the page cache'}, ${ROUNDS} rounds interleaved`,
    );
    if (cache === caches[0]) line('writing + fsyncing the package (untimed)', fmtMs(built));
    const times: Record<Kind, number[]> = { peer: [], import: [], peerFresh: [], cli: [], copy: [] };
    // CPU time (user + system, every thread of this process): less swayed by other work on the machine.
    const cpu: Record<'peer' | 'import', number[]> = { peer: [], import: [] };
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const u = process.cpuUsage(since);
      return (u.user + u.system) / 1000;
    };
    let peakRss = 0;
    const order: Kind[] = ['peer', 'import', 'peerFresh', 'cli', 'copy'];
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < order.length; k++) {
        const kind = order[(k + round) % order.length]!;
        const dataDir = path.join(work, `import-store-${name}`);
        fs.rmSync(dataDir, { recursive: true, force: true });
        if (cache === 'cold') dropCaches();
        else {
          execFileSync('sync');
          readAll(files);
        }
        if (kind === 'peer') {
          const c = process.cpuUsage();
          t = nowMs();
          const bytes = await bareHash(files, threads);
          times.peer.push(nowMs() - t);
          cpu.peer.push(cpuMs(c));
          if (bytes !== total) throw new Error(`the peer hashed ${bytes} bytes, not ${total}`);
        } else if (kind === 'copy') {
          t = nowMs();
          const bytes = await hashAndCopy(files, threads, path.join(dataDir, 'copies'));
          times.copy.push(nowMs() - t);
          if (bytes !== total) throw new Error(`the copying peer hashed ${bytes} bytes, not ${total}`);
        } else if (kind === 'import') {
          const services = openServices(dataDir);
          const rss = rssSampler();
          const before = process.memoryUsage().rss;
          const c = process.cpuUsage();
          t = nowMs();
          const r = await services.importPackage(pkg);
          times.import.push(nowMs() - t);
          cpu.import.push(cpuMs(c));
          peakRss = Math.max(peakRss, rss.stop() - before);
          services.close();
          if (r.filesStored !== files.length) throw new Error(`stored ${r.filesStored} files, not ${files.length}`);
        } else {
          const args = kind === 'cli' ? [CLI, 'import', pkg, '--data-dir', dataDir] : [PEER, String(threads), list];
          t = nowMs();
          const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
          times[kind].push(nowMs() - t);
          if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
        }
      }
    }
    fs.rmSync(path.join(work, `import-store-${name}`), { recursive: true, force: true });
    const mibs = (ms: number[]) => `${(total / MiB / (percentile(ms, 50) / 1000)).toFixed(0)} MiB/s`;
    line(`peer: bare SHA-256, ${threads} threads, in-process`, summary(times.peer), mibs(times.peer));
    line(
      `import, in-process (${threads} hashing threads)`,
      summary(times.import),
      `${mibs(times.import)}; ${fmtRatio(ratios(times.import, times.peer))} the peer, goal ≤ 1.3x`,
    );
    line(
      `peer: hash + copy (each file written and flushed), ${threads} threads`,
      summary(times.copy),
      `${mibs(times.copy)}; the import is ${fmtRatio(ratios(times.import, times.copy))} this peer`,
    );
    line(
      'CPU time (user + system), in-process import',
      summary(cpu.import),
      `peer ${summary(cpu.peer)}; ${fmtRatio(ratios(cpu.import, cpu.peer))}`,
    );
    line(`peer: the same, as a fresh node process`, summary(times.peerFresh), mibs(times.peerFresh));
    line(
      `import, CLI (fresh process)`,
      summary(times.cli),
      `${mibs(times.cli)}; ${fmtRatio(ratios(times.cli, times.peerFresh))} the fresh peer, goal ≤ 1.3x` +
        ` (${fmtRatio(ratios(times.cli, times.peer))} the in-process peer)`,
    );
    line(
      'peak RSS growth, in-process import',
      fmtBytes(Math.max(0, peakRss)),
      `largest file ${fmtBytes(sorted.at(-1)!)}`,
    );
  }
  fs.rmSync(pkg, { recursive: true, force: true });
  fs.rmSync(list, { force: true });
}

export async function benchImport(work: string): Promise<void> {
  const threads = hashThreads();
  const canDrop = dropCaches();
  const wanted = (process.env.BENCH_IMPORT_CACHE ?? (canDrop ? 'cold,warm' : 'warm')).split(',');
  if (wanted.includes('cold') && !canDrop)
    process.stdout.write(
      '\n(cannot drop the page cache here: writing /proc/sys/vm/drop_caches is refused; warm only)\n',
    );
  const caches = (['cold', 'warm'] as const).filter((c) => wanted.includes(c) && (c === 'warm' || canDrop));
  const kinds = (process.env.BENCH_IMPORT_PACKAGES ?? 'uniform,mixed').split(',');
  if (kinds.includes('uniform'))
    await benchPackage(
      work,
      'uniform',
      Array.from({ length: UNIFORM_FILES }, () => Math.floor(TOTAL / UNIFORM_FILES)),
      [...caches],
      threads,
    );
  if (kinds.includes('mixed')) await benchPackage(work, 'mixed', mixedSizes(TOTAL), [...caches], threads);
}
