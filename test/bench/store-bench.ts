// Benchmarks of the foundation: import throughput against bare hashing, queue and search latency.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { openServices } from '../../electron/services.js';
import type { QueueQuery } from '../../shared/domain/queue.js';
import { achievement, manifest, submission, writePackage, type FileSpec } from '../support/package-builder.js';
import { fmtBytes, fmtMs, heading, line, nowMs, percentile, rssSampler } from './stats.js';

const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 1000);
const EVIDENCE_BYTES = Number(process.env.BENCH_EVIDENCE_BYTES ?? 1024 ** 3);
const STORE_SUBMISSIONS = Number(process.env.BENCH_STORE_SUBMISSIONS ?? 100_000);

/** Writes a package of SUBMISSIONS submissions whose evidence adds up to about EVIDENCE_BYTES. */
function buildLargePackage(dir: string): string[] {
  const perFile = Math.floor(EVIDENCE_BYTES / SUBMISSIONS);
  const chunk = randomBytes(perFile);
  const files: FileSpec[] = [];
  for (let i = 0; i < SUBMISSIONS; i++) {
    // Each file differs (its first 8 bytes) so the store keeps every one.
    const content = Buffer.from(chunk);
    content.writeBigUInt64BE(BigInt(i), 0);
    files.push({ path: `evidence/s${i}/classroom-video.bin`, content });
  }
  writePackage(dir, manifest({ submissions: files.map((f, i) => submission(i, f)) }), files);
  return files.map((f) => path.join(dir, ...f.path.split('/')));
}

async function bareHash(files: string[]): Promise<void> {
  for (const f of files) {
    const h = createHash('sha256');
    await pipeline(
      fs.createReadStream(f, { highWaterMark: 1024 * 1024 }),
      new Writable({
        write: (c: Buffer, _e, done) => {
          h.update(c);
          done();
        },
      }),
    );
    h.digest('hex');
  }
}

export async function benchImport(work: string): Promise<void> {
  heading(`Import: ${SUBMISSIONS} submissions, ${fmtBytes(EVIDENCE_BYTES)} of evidence (folder package)`);
  const pkg = path.join(work, 'large-package');
  let t = nowMs();
  const files = buildLargePackage(pkg);
  line('building the package', fmtMs(nowMs() - t));

  // Warm the page cache so every contender reads the same cached bytes.
  await bareHash(files);
  t = nowMs();
  await bareHash(files);
  const bare = nowMs() - t;
  line(
    'bare streaming SHA-256 (node:crypto)',
    fmtMs(bare),
    `${(EVIDENCE_BYTES / 1024 ** 2 / (bare / 1000)).toFixed(0)} MiB/s`,
  );

  t = nowMs();
  const list = path.join(work, 'files.txt');
  fs.writeFileSync(list, files.join('\0'));
  execFileSync('sh', ['-c', `xargs -0 sha256sum < '${list}' > /dev/null`]);
  const coreutils = nowMs() - t;
  line('sha256sum (coreutils) of the same files', fmtMs(coreutils));

  const services = openServices(path.join(work, 'import-store'));
  const rss = rssSampler();
  const before = process.memoryUsage().rss;
  t = nowMs();
  const result = await services.importPackage(pkg);
  const imported = nowMs() - t;
  const peak = rss.stop();
  services.close();
  line(
    'assay import (verify, copy, commit)',
    fmtMs(imported),
    `${result.submissionsAdded} submissions, ${result.filesStored} files`,
  );
  line('import / bare hash', `${(imported / bare).toFixed(2)}x`, 'target ≤ 1.3x');
  line('import / sha256sum', `${(imported / coreutils).toFixed(2)}x`);
  line(
    'peak RSS growth during import',
    fmtBytes(Math.max(0, peak - before)),
    `largest file ${fmtBytes(Math.floor(EVIDENCE_BYTES / SUBMISSIONS))}`,
  );
  fs.rmSync(pkg, { recursive: true, force: true });
  fs.rmSync(path.join(work, 'import-store'), { recursive: true, force: true });
}

/** Fills a store with STORE_SUBMISSIONS submissions through the real importer, in packages of 10,000. */
export async function buildBigStore(dataDir: string): Promise<void> {
  const services = openServices(dataDir);
  const other = 'https://pd.test.example/achievements/digital-fluency/v1';
  const perPackage = 10_000;
  const first = [
    'Zoë',
    'Ἀλέξανδρος',
    '김민준',
    'محمد',
    'Ánh',
    'Aiyana',
    'Liam',
    'Priya',
    'Oksana',
    'Mateo',
    'Sarah',
    'Kwame',
  ];
  const last = [
    'Núñez-Łukasiewicz',
    'Παπαδόπουλος',
    'Kim',
    'al-Ahmad',
    'Ng',
    'Redcloud',
    "O'Connor",
    'Raghunathan',
    'Kovalenko',
    'García',
    'Cohen',
    'Mensah',
  ];
  const words = [
    'inquiry',
    'photosynthesis',
    'fractions',
    'collaboration',
    'feedback',
    'portfolio',
    'robotics',
    'debate',
    'ecosystems',
    'coding',
    'literacy',
    'rubric',
  ];
  for (let p = 0; p * perPackage < STORE_SUBMISSIONS; p++) {
    const dir = path.join(dataDir, '..', `store-pkg-${p}`);
    const subs = [];
    for (let j = 0; j < perPackage && p * perPackage + j < STORE_SUBMISSIONS; j++) {
      const i = p * perPackage + j;
      subs.push(
        submission(i, undefined, {
          achievementId: i % 3 === 0 ? other : 'https://pd.test.example/achievements/core-stem/v1',
          attempt: 1 + (i % 7 === 0 ? 1 : 0),
          earner: {
            id: `mailto:t${i}@school.example`,
            name: `${first[i % 12]} ${last[(i * 7) % 12]} ${i}`,
            email: `t${i}@school.example`,
          },
          responses: [
            {
              sectionId: 'overview',
              text: `Lesson ${i} on ${words[i % 12]} and ${words[(i * 5) % 12]} with ${20 + (i % 15)} students.`,
            },
          ],
        }),
      );
    }
    writePackage(
      dir,
      manifest({
        id: `urn:uuid:00000000-0000-4000-9000-${String(p).padStart(12, '0')}`,
        achievements: [achievement(), achievement(other, { name: 'Digital Fluency' })],
        submissions: subs,
      }),
      [],
    );
    await services.importPackage(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // A realistic spread of states.
  services.db.exec(
    `UPDATE submissions SET status = CASE seq % 10 WHEN 0 THEN 'passed' WHEN 1 THEN 'not-yet' WHEN 2 THEN 'in-progress' ELSE 'pending' END`,
  );
  services.db.pragma('optimize');
  services.close();
}

function measure(label: string, runs: number, fn: (i: number) => unknown): number[] {
  for (let i = 0; i < 20; i++) fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = nowMs();
    fn(i);
    samples.push(nowMs() - t);
  }
  line(label, `p50 ${fmtMs(percentile(samples, 50))}`, `p95 ${fmtMs(percentile(samples, 95))}`);
  return samples;
}

export async function benchQueue(work: string): Promise<void> {
  heading(`Queue and search: a store of ${STORE_SUBMISSIONS.toLocaleString('en')} submissions`);
  const dataDir = path.join(work, 'big-store');
  let t = nowMs();
  await buildBigStore(dataDir);
  line('building the store (through the importer)', fmtMs(nowMs() - t));
  t = nowMs();
  const services = openServices(dataDir);
  services.queue.list({ limit: 100 });
  line('open store + first queue page', fmtMs(nowMs() - t));

  const total = STORE_SUBMISSIONS;
  const offsetFor = (i: number) => (i * 7919) % Math.max(1, total - 100);
  const pages: [string, (i: number) => QueueQuery][] = [
    ['first page, by due date', () => ({ limit: 100 })],
    ['random page, by due date', (i) => ({ limit: 100, offset: offsetFor(i) })],
    ['random page, by earner name', (i) => ({ limit: 100, offset: offsetFor(i), sort: 'earner' })],
    ['random page, pending only', (i) => ({ limit: 100, offset: offsetFor(i) % 60_000, status: ['pending'] })],
    [
      'first page, one achievement, overdue',
      () => ({ limit: 100, achievementId: 'https://pd.test.example/achievements/digital-fluency/v1', overdue: true }),
    ],
    ['first page, blind', () => ({ limit: 100, blind: true })],
  ];
  const all: number[] = [];
  for (const [label, q] of pages) all.push(...measure(`queue page: ${label}`, 200, (i) => services.queue.list(q(i))));
  line(
    'queue page, all of the above',
    `p50 ${fmtMs(percentile(all, 50))}`,
    `p95 ${fmtMs(percentile(all, 95))}  target p95 < 5 ms`,
  );
  measure('counts per status', 200, () => services.queue.counts());

  const terms = [
    'nunez',
    'photosynthesis',
    '김민준',
    'Ἀλέξανδρος',
    'robotics fractions',
    'kovalenko 4',
    'zzz-no-match',
    'O’Connor',
  ];
  const search = measure('search, first page (8 kinds of term)', 400, (i) =>
    services.queue.list({ search: terms[i % terms.length]!, limit: 100 }),
  );
  line('search p95', fmtMs(percentile(search, 95)), 'target < 20 ms');
  services.close();
}
