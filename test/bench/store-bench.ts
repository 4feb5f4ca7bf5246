// Queue and search latency per kind of query on a realistic store (BENCH_ONLY=queue); the import benchmark
// is test/bench/import-bench.ts.
import fs from 'node:fs';
import path from 'node:path';
import { openServices } from '../../electron/services.js';
import { SUBMISSION_STATUSES, type QueueQuery, type SubmissionStatus } from '../../shared/domain/queue.js';
import type { Achievement, Submission } from '../../shared/schemas/review-package.js';
import { StoreRows } from '../../electron/store/rows.js';
import { DATABASE_FILE } from '../../electron/store/open-store.js';
import { achievement, submission } from '../support/package-builder.js';
import { distinctNames, responseLanguage, responseText, seededRandom } from './realistic-data.js';
import { fmtMs, heading, line, nowMs, percentile } from './stats.js';

const STORE_SUBMISSIONS = Number(process.env.BENCH_STORE_SUBMISSIONS ?? 100_000);

export const BIG_STORE_NOW = '2026-12-01T12:00:00.000Z';

/** The big store's achievements: seven micro-credentials, as in the sample package. */
const BIG_STORE_ACHIEVEMENTS = [
  'core-stem',
  'digital-fluency',
  'formative-assessment',
  'inquiry-science',
  'literacy-across',
  'inclusive-practice',
  'family-engagement',
].map((slug) => `https://pd.test.example/achievements/${slug}/v1`);

/** A word put into about one response in a thousand: the search bench's "rare word". */
export const RARE_WORD = 'photosynthesis';

/**
 * Fills a store with STORE_SUBMISSIONS submissions from the realistic generator (distinct names in nine
 * scripts, one response of 100–200 words, mostly English), written with the importer's own row writer
 * (`StoreRows`: submission, artifact and search rows) in one transaction. Statuses, attempts, achievements
 * and due dates are spread as in a panel's store; the seeded generator gives every run the same bytes.
 */
export async function buildBigStore(dataDir: string): Promise<void> {
  const services = openServices(dataDir);
  const rng = seededRandom(14);
  const names = distinctNames(STORE_SUBMISSIONS, 14);
  const now = Date.parse(BIG_STORE_NOW);
  const day = 86_400_000;
  services.db.transaction(() => {
    const rows = new StoreRows(services.db);
    const at = new Date(now).toISOString();
    const versions = BIG_STORE_ACHIEVEMENTS.map(
      (id, k) =>
        rows.achievementVersion(achievement(id, { name: `Micro-credential ${k + 1}` }) as unknown as Achievement, {
          packageId: null,
          at,
          imageSha256: null,
        }).versionId,
    );
    const setStatus = services.db.prepare('UPDATE submissions SET status = ? WHERE seq = ?');
    for (let i = 0; i < STORE_SUBMISSIONS; i++) {
      const a = Math.floor(rng() * BIG_STORE_ACHIEVEMENTS.length);
      const r = rng();
      const attempt = r < 0.85 ? 1 : r < 0.97 ? 2 : 3;
      // Due on a day (many share it), from 90 days before "now" to 90 after; one in twenty has none.
      const due = rng() < 0.05 ? undefined : new Date(now + (Math.floor(rng() * 181) - 90) * day).toISOString();
      const submitted = new Date(now - Math.floor(rng() * 150 * day)).toISOString();
      let text = responseText(rng, responseLanguage(rng));
      if (rng() < 0.001) text = `${text} ${RARE_WORD[0]!.toUpperCase()}${RARE_WORD.slice(1)} models.`;
      const s = submission(i, undefined, {
        achievementId: BIG_STORE_ACHIEVEMENTS[a],
        attempt,
        submittedAt: submitted,
        dueAt: due,
        earner: { id: `mailto:t${i}@school.example`, name: names[i]!.name, email: `t${i}@school.example` },
        responses: [{ sectionId: 'overview', text }],
      }) as unknown as Submission;
      const seq = rows.submission(s, { packageId: null, versionId: versions[a]! });
      const st = rng();
      const status =
        st < 0.55 ? 'pending' : st < 0.65 ? 'in-progress' : st < 0.87 ? 'passed' : st < 0.97 ? 'not-yet' : 'recused';
      if (status !== 'pending') setStatus.run(status, seq);
    }
  })();
  services.close();
}

interface Kind {
  label: string;
  /** One or more ways to time the kind (first page, a page anywhere), printed side by side. */
  /** `before`, when given, runs untimed just before `run` (a change to the store, for the after-a-change pass). */
  runs: { name: string; run: (round: number) => unknown; before?: (round: number) => void }[];
}

/**
 * Times every kind's runs once per round, the kinds' order (and each kind's runs') rotated each round so load and cache fall
 * alike on all, after a warm-up round; prints one line per kind: per run, p95, p50 and max over the rounds.
 */
/**
 * The kinds with only their runs on a store unchanged between calls (`changed` false: nothing runs before them) or
 * only those just after a change (true). Measured apart: a change before one call changes the store for every
 * call after it, so mixed in one pass no call would find the store as the last call left it.
 */
function pass(kinds: readonly Kind[], changed: boolean): Kind[] {
  return kinds
    .map((k) => ({ ...k, runs: k.runs.filter((r) => (r.before !== undefined) === changed) }))
    .filter((k) => k.runs.length > 0);
}

function measureInterleaved(kinds: readonly Kind[], rounds: number, target: number): void {
  for (const k of kinds)
    for (const r of k.runs) {
      r.before?.(0);
      r.run(0);
    }
  const samples = kinds.map((k) => k.runs.map(() => [] as number[]));
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < kinds.length; j++) {
      const i = (j + r) % kinds.length;
      // A kind's runs in turn too, so none always finds the pages the one before it read in the cache.
      const runs = kinds[i]!.runs;
      for (let w = 0; w < runs.length; w++) {
        const v = (w + r) % runs.length;
        runs[v]!.before?.(r + 1);
        const t = nowMs();
        runs[v]!.run(r + 1);
        samples[i]![v]!.push(nowMs() - t);
      }
    }
  }
  let over = 0;
  kinds.forEach((k, i) => {
    const figures = k.runs.map((run, v) => {
      const s = samples[i]![v]!;
      const p95 = percentile(s, 95);
      if (p95 >= target) over++;
      return `${run.name} p95 ${fmtMs(p95)} (p50 ${fmtMs(percentile(s, 50))}, max ${fmtMs(Math.max(...s))})${p95 >= target ? ' ✗' : ''}`;
    });
    process.stdout.write(`  ${k.label.padEnd(52)} ${figures.join(' · ')}\n`);
  });
  const total = kinds.reduce((n, k) => n + k.runs.length, 0);
  line(`figures at or over p95 ${target} ms (✗)`, `${over} of ${total}`, `${rounds} rounds, interleaved`);
}

const ROUNDS = Number(process.env.BENCH_QUEUE_ROUNDS ?? 60);

export async function benchQueue(work: string): Promise<void> {
  heading(`Queue and search: a store of ${STORE_SUBMISSIONS.toLocaleString('en')} submissions`);
  // BENCH_BIG_STORE=DIR keeps the store between runs (built there when missing).
  const dataDir = process.env.BENCH_BIG_STORE ?? path.join(work, 'big-store');
  let t = nowMs();
  if (!fs.existsSync(path.join(dataDir, DATABASE_FILE))) {
    await buildBigStore(dataDir);
    line('building the store (one transaction)', fmtMs(nowMs() - t));
  }
  t = nowMs();
  const services = openServices(dataDir);
  services.queue.list({ limit: 100, now: BIG_STORE_NOW });
  line('open store + first queue page (in-process)', fmtMs(nowMs() - t));
  const queue = services.queue;
  const base: QueueQuery = { limit: 100, now: BIG_STORE_NOW };
  // The first page, and a page anywhere in the kind's rows (as dragging the virtual table's scrollbar asks
  // for): offsets walk the range round by round. Each is timed in two passes: on a store unchanged between
  // calls (as while the assessor scrolls: the queue's kept totals and anchors serve), and each call just after a
  // real change to the store (untimed: one submission's status set, as saving a review does, and the one set
  // before put back), across which the kept totals and anchors are carried by the store's log of changes or
  // worked out again (electron/queue/queue.ts). "now" moves on each
  // round, as in the app, where it is the time of the call, and only on: each pass starts where the one before
  // ended (started again, it would pass back over the due dates the last pass saw fall due).
  let passStart = 0;
  const at = (r: number) => new Date(Date.parse(BIG_STORE_NOW) + (passStart + r) * 1000).toISOString();
  const measurePass = (kinds: readonly Kind[], changed: boolean, target: number) => {
    measureInterleaved(pass(kinds, changed), ROUNDS, target);
    passStart += ROUNDS + 1;
  };
  const setStatus = services.db.prepare('UPDATE submissions SET status = ? WHERE seq = ?');
  const statusOf = services.db.prepare('SELECT status FROM submissions WHERE seq = ?').pluck();
  let changed: { seq: number; status: SubmissionStatus } | undefined;
  let changes = 0;
  const change = () => {
    if (changed) setStatus.run(changed.status, changed.seq);
    const seq = 1 + ((++changes * 7919) % STORE_SUBMISSIONS);
    const status = statusOf.get(seq) as SubmissionStatus;
    setStatus.run(status === 'in-progress' ? 'pending' : 'in-progress', seq);
    changed = { seq, status };
  };
  const paged = (label: string, q: QueueQuery): Kind => {
    const total = queue.list({ ...base, ...q, limit: 1 }).total;
    const span = Math.max(1, total - 100);
    const deep = (r: number) => ({ ...base, ...q, now: at(r), offset: (r * 7919) % span });
    return {
      label: `${label} (${total.toLocaleString('en')})`,
      runs: [
        { name: 'first', run: (r) => queue.list({ ...base, ...q, now: at(r) }) },
        { name: 'anywhere', run: (r) => queue.list(deep(r)) },
        { name: 'first', before: change, run: (r) => queue.list({ ...base, ...q, now: at(r) }) },
        { name: 'anywhere', before: change, run: (r) => queue.list(deep(r)) },
      ],
    };
  };

  const statusSets: [string, SubmissionStatus[] | undefined][] = [
    ['all', undefined],
    ...SUBMISSION_STATUSES.map((s): [string, SubmissionStatus[]] => [s, [s]]),
    ['pending+in-progress', ['pending', 'in-progress']],
    ['passed+not-yet', ['passed', 'not-yet']],
    ['not-yet+recused', ['not-yet', 'recused']],
    ['pending+in-progress+recused', ['pending', 'in-progress', 'recused']],
  ];
  const sorts: [string, QueueQuery][] = [
    ['due ↑', { sort: 'due', direction: 'asc' }],
    ['due ↓', { sort: 'due', direction: 'desc' }],
    ['submitted ↓', { sort: 'submitted', direction: 'desc' }],
    ['submitted ↑', { sort: 'submitted', direction: 'asc' }],
    ['earner ↑', { sort: 'earner', direction: 'asc' }],
    ['earner ↓', { sort: 'earner', direction: 'desc' }],
  ];
  const ach = BIG_STORE_ACHIEVEMENTS[2]!;
  const queueKinds: Kind[] = [];
  for (const [sl, status] of statusSets)
    for (const [ol, sort] of sorts) queueKinds.push(paged(`${sl}, ${ol}`, { ...(status ? { status } : {}), ...sort }));
  for (const [ol, sort] of sorts.filter((_, i) => i % 2 === 0)) {
    queueKinds.push(paged(`overdue, ${ol}`, { overdue: true, ...sort }));
    queueKinds.push(paged(`one achievement, ${ol}`, { achievementId: ach, ...sort }));
    queueKinds.push(paged(`attempt 3, ${ol}`, { attempt: 3, ...sort }));
    queueKinds.push(paged(`pending, one achievement, ${ol}`, { status: ['pending'], achievementId: ach, ...sort }));
    queueKinds.push(paged(`pending, attempt 2, ${ol}`, { status: ['pending'], attempt: 2, ...sort }));
    queueKinds.push(paged(`overdue, one achievement, ${ol}`, { overdue: true, achievementId: ach, ...sort }));
    queueKinds.push(paged(`recused, attempt 3, ${ol}`, { status: ['recused'], attempt: 3, ...sort }));
  }
  queueKinds.push(paged('blind, due ↑', { blind: true }));
  queueKinds.push(paged('blind, earner ↑ (falls back to due)', { blind: true, sort: 'earner' }));
  queueKinds.push({ label: 'counts per status', runs: [{ name: 'counts', run: () => queue.counts(BIG_STORE_NOW) }] });
  heading(
    'Queue pages of 100, the store unchanged between calls: the first, and one anywhere (status set, sort, filters; rows matching in brackets), target p95 < 5 ms',
  );
  measurePass(queueKinds, false, 5);
  heading('The same, each call just after a change to the store (one status set, untimed), target p95 < 5 ms');
  measurePass(queueKinds, true, 5);

  const first = (label: string, q: QueueQuery): Kind => {
    const total = queue.list({ ...base, ...q, limit: 1 }).total;
    return {
      label: `${label} (${total.toLocaleString('en')})`,
      runs: [
        { name: 'first', run: (r) => queue.list({ ...base, ...q, now: at(r) }) },
        { name: 'first', before: change, run: (r) => queue.list({ ...base, ...q, now: at(r) }) },
      ],
    };
  };
  const searchKinds: Kind[] = [
    first('common word "students"', { search: 'students' }),
    first('two words "students lesson"', { search: 'students lesson' }),
    first('1-letter prefix "s"', { search: 's' }),
    first('2-letter prefix "st"', { search: 'st' }),
    first('3-letter prefix "stu"', { search: 'stu' }),
    first(`rare word "${RARE_WORD}"`, { search: RARE_WORD }),
    first('no match "zzqx"', { search: 'zzqx' }),
    first('latin "Łukasiewicz"', { search: 'Łukasiewicz' }),
    first('latin folded "muller"', { search: 'muller' }),
    first('vietnamese "Nguyễn"', { search: 'Nguyễn' }),
    first('greek "Παπαδόπουλος"', { search: 'Παπαδόπουλος' }),
    first('cyrillic "Коваленко"', { search: 'Коваленко' }),
    first('korean "민준"', { search: '민준' }),
    first('chinese "小明"', { search: '小明' }),
    first('japanese "田中"', { search: '田中' }),
    first('arabic "الأحمد"', { search: 'الأحمد' }),
    first('hebrew "כהן"', { search: 'כהן' }),
    first('"students" + pending', { search: 'students', status: ['pending'] }),
    first('"students" + recused', { search: 'students', status: ['recused'] }),
    first('"Коваленко" + passed', { search: 'Коваленко', status: ['passed'] }),
    first('"students" + one achievement', { search: 'students', achievementId: ach }),
    first('"students" + overdue', { search: 'students', overdue: true }),
    first('"students", by earner', { search: 'students', sort: 'earner' }),
    first('"Коваленко", by earner', { search: 'Коваленко', sort: 'earner' }),
    first('"students", blind', { search: 'students', blind: true }),
    paged('"students", first page and a page anywhere', { search: 'students' }),
    paged('"Коваленко", first page and a page anywhere', { search: 'Коваленко' }),
  ];
  heading('Search, first page of 100 (matches in brackets), the store unchanged between calls, target p95 < 20 ms');
  measurePass(searchKinds, false, 20);
  heading('The same, each call just after a change to the store (one status set, untimed), target p95 < 20 ms');
  measurePass(searchKinds, true, 20);
  // The store as it was built (BENCH_BIG_STORE keeps it for the next run).
  if (changed) setStatus.run(changed.status, changed.seq);
  services.close();
}
