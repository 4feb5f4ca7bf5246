// Heavy work off the main thread: queue-page latency on the main thread while a 1,000-award export
// runs in the job worker, against the same export run inline (interleaved rounds; min/median/max).
import path from 'node:path';
import { generateSelfSignedIdentity } from '../../electron/awards/identity/index.js';
import type { AwardFormat } from '../../electron/awards/award-files.js';
import { identityParts, JobRunner, runJobInline } from '../../electron/jobs/index.js';
import { openServices, type Services } from '../../electron/services.js';
import { achievement, manifest, submission, writePackage } from '../support/package-builder.js';
import { submitAt } from '../support/sample-store.js';
import { fmtMs, heading, line, nowMs, percentile } from './stats.js';

const AWARDS = Number(process.env.BENCH_JOB_AWARDS ?? 1000);
const SUBMISSIONS = Math.max(AWARDS, Number(process.env.BENCH_JOB_SUBMISSIONS ?? 10_000));
const ROUNDS = Number(process.env.BENCH_JOB_ROUNDS ?? 3);
const FORMATS = (process.env.BENCH_JOB_FORMATS ?? 'json,png').split(',') as AwardFormat[];
/** How often the "window" asks for a queue page while the export runs. */
const EVERY_MS = 5;

async function buildStore(dataDir: string, work: string): Promise<Services> {
  const s = openServices(dataDir);
  const pkg = path.join(work, 'jobs-pkg');
  const subs = Array.from({ length: SUBMISSIONS }, (_, i) =>
    submission(i, undefined, {
      earner: { id: `mailto:t${i}@school.example`, name: `Teacher ${i} Núñez`, email: `t${i}@school.example` },
      responses: [{ sectionId: 'overview', text: `Lesson ${i} on fractions with ${20 + (i % 15)} students.` }],
    }),
  );
  writePackage(pkg, manifest({ achievements: [achievement()], submissions: subs }), []);
  await s.importPackage(pkg);
  submitAt(
    s,
    s.queue.list({ limit: AWARDS }).items.map((i) => i.id),
    'top',
    { feedback: 'Well done.' },
  );
  return s;
}

/** Asks for a queue page every EVERY_MS until `work` settles; latency = answered − due. */
async function latencyDuring(s: Services, work: () => Promise<unknown>): Promise<{ samples: number[]; ms: number }> {
  const samples: number[] = [];
  let running = true;
  let i = 0;
  let timer: NodeJS.Timeout | undefined;
  const ask = (due: number) =>
    (timer = setTimeout(() => {
      s.queue.list({ limit: 100, offset: (i++ * 7919) % Math.max(1, SUBMISSIONS - 100) });
      const answered = nowMs();
      samples.push(answered - due);
      if (running) ask(answered + EVERY_MS);
    }, EVERY_MS));
  const t = nowMs();
  ask(t + EVERY_MS);
  await work();
  const ms = nowMs() - t;
  running = false;
  clearTimeout(timer);
  return { samples, ms };
}

export async function benchJobs(work: string): Promise<void> {
  heading(
    `Jobs: queue pages (every ${EVERY_MS} ms) during a ${AWARDS}-award export (${FORMATS.join('+')}), ${SUBMISSIONS} submissions`,
  );
  let t = nowMs();
  const s = await buildStore(path.join(work, 'jobs-store'), work);
  const identity = await generateSelfSignedIdentity({ name: 'Riverside University School of Education' });
  const runner = new JobRunner({ store: { dataDir: s.dataDir } });
  line('building the store (import, reviews)', fmtMs(nowMs() - t));
  t = nowMs();
  const ids = s.queue.list({ limit: AWARDS, status: ['passed'] }).items.map((i) => i.id);
  const issued = await runner.runJob('awards-issue', { identity: identityParts(identity), submissionIds: ids });
  line(`issuing ${issued.issued.length} awards (worker)`, fmtMs(nowMs() - t), `${issued.failed.length} failed`);
  const credentialIds = issued.issued.map((a) => a.credentialId);
  const input = (outDir: string) => ({
    ...(FORMATS.includes('pdf') ? { identity: identityParts(identity) } : {}),
    credentialIds,
    formats: FORMATS,
    paper: 'a4' as const,
    outDir,
  });
  type Round = { p50: number; p99: number; max: number; ms: number };
  const rounds: Record<'worker' | 'inline', Round[]> = { worker: [], inline: [] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const mode of ['worker', 'inline'] as const) {
      const out = path.join(work, `jobs-out-${mode}-${r}`);
      const { samples, ms } = await latencyDuring(s, () =>
        mode === 'worker' ? runner.runJob('awards-export', input(out)) : runJobInline('awards-export', input(out), s),
      );
      rounds[mode].push({ p50: percentile(samples, 50), p99: percentile(samples, 99), max: Math.max(...samples), ms });
    }
  }
  const mmm = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return `${fmtMs(sorted[0]!)} / ${fmtMs(sorted[Math.floor(sorted.length / 2)]!)} / ${fmtMs(sorted.at(-1)!)}`;
  };
  process.stdout.write(`  (each figure: min / median / max over ${ROUNDS} interleaved rounds)\n`);
  for (const mode of ['worker', 'inline'] as const) {
    const rs = rounds[mode];
    line(`${mode}: queue page latency p50`, '', mmm(rs.map((x) => x.p50)));
    line(
      `${mode}: queue page latency p99`,
      '',
      `${mmm(rs.map((x) => x.p99))}${mode === 'worker' ? '  target < 50 ms' : ''}`,
    );
    line(`${mode}: queue page latency max`, '', mmm(rs.map((x) => x.max)));
    line(`${mode}: export time`, '', mmm(rs.map((x) => x.ms)));
  }
  s.close();
}
