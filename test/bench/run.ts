// `npm run bench`: prints figures; never fails on a time. BENCH_ONLY=import,queue picks parts
// (import, queue, startup, credentials, sample, jobs, agreement, quality, trust, coordination; and certsizes,
// only when named: certificate sizes by script without the browser, which certificates.bench.ts also prints).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchCredentials } from './credential-bench.js';
import { benchSamplePackage } from './sample-bench.js';
import { benchQueue } from './store-bench.js';
import { benchImport } from './import-bench.js';
import { benchJobs } from './jobs-bench.js';
import { benchAgreement } from './agreement-bench.js';
import { benchTrust } from './trust-bench.js';
import { benchStartup } from './startup-bench.js';
import { benchQuality } from './quality-bench.js';
import { benchCoordination } from './coordination-bench.js';
import { benchCertificateSizes } from './certificate-size-bench.js';

const only = (
  process.env.BENCH_ONLY ?? 'import,queue,startup,credentials,sample,jobs,agreement,quality,trust,coordination'
).split(',');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-'));
process.stdout.write(
  `Assay benchmarks — Node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}\n`,
);
try {
  if (only.includes('import')) await benchImport(work);
  if (only.includes('queue')) await benchQueue(work);
  if (only.includes('startup')) await benchStartup(work);
  if (only.includes('credentials')) await benchCredentials();
  if (only.includes('sample')) await benchSamplePackage(work);
  if (only.includes('jobs')) await benchJobs(work);
  if (only.includes('agreement')) benchAgreement();
  if (only.includes('quality')) benchQuality();
  if (only.includes('trust')) await benchTrust(work);
  if (only.includes('coordination')) await benchCoordination(work);
  if (only.includes('certsizes')) await benchCertificateSizes();
} finally {
  if (!process.env.BENCH_KEEP) fs.rmSync(work, { recursive: true, force: true });
  else process.stdout.write(`kept ${work}\n`);
}
