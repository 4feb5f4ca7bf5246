// The coordinator at scale (BENCH_ONLY=coordination): a generated panel of 300 assessors over the seven
// sample micro-credentials, with decisions, seeds and second readings at 1k, 10k and 100k decisions (seeds
// and second readings a tenth of the decisions each: 10,000 of each at 100k). Every results package is a
// real signed one (one issuing body's key, as when the body hands its assessors its PKCS #12); the second
// readings go the real way: a sample, the second-reading packages written, the readers' signed results
// imported and reconciled. Timed, in interleaved rounds: opening the round (verify every package, then store
// it) into a fresh store and the overview right after; the floor of opening (JSON, schema checks, signatures,
// SQLite writes); and the overview on a store that has everything, computed on a fresh connection and then
// asked again unchanged. Prints min / median / max and the growth from scale to scale; never fails on a time.
// BENCH_COORD_SCALES=1000,10000 picks the scales (e.g. to profile the small ones with node --cpu-prof).
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCadesSignature } from '../../electron/awards/certificate/cms.js';
import { passphraseBox } from '../../electron/awards/identity/secret-box.js';
import { loadIdentity } from '../../electron/awards/identity/store.js';
import type { SigningIdentity } from '../../electron/awards/identity/index.js';
import { toCsv } from '../../electron/results/csv.js';
import {
  CSV_FILE,
  MANIFEST_FILE,
  RESULTS_FILE,
  SIGNATURE_FILE,
  writeSignedResults,
} from '../../electron/results/results.js';
import { verifyDetachedCms } from '../../electron/awards/cms-verify.js';
import { ACHIEVEMENTS, buildAchievement } from '../../electron/sample/rubrics.js';
import { openServices, type Services } from '../../electron/services.js';
import { canonicalJson } from '../../shared/domain/canonical-json.js';
import { computeDecision } from '../../shared/domain/decision.js';
import { measureItems, orderedLevels } from '../../shared/domain/qa-measures.js';
import { seededRandom } from '../../shared/domain/random.js';
import {
  RESULTS_FORMAT,
  resultsSchema,
  type Results,
  type SubmissionResult,
} from '../../shared/schemas/results-package.js';
import {
  manifestSchema,
  PACKAGE_FORMAT,
  type Achievement,
  type Manifest,
  type Submission,
} from '../../shared/schemas/review-package.js';
import { runCli } from '../support/cli.js';
import { fmtMs, heading, line, nowMs, percentile, summary } from './stats.js';

const ASSESSORS = 300;
/** BENCH_COORD_SCALES=1000,10000 picks scales (decisions), e.g. to profile the small ones. */
const SCALES = (process.env.BENCH_COORD_SCALES ?? '1000,10000,100000').split(',').map((x) => {
  const n = Number(x.trim());
  if (!Number.isInteger(n) || n < ASSESSORS)
    throw new Error(`BENCH_COORD_SCALES: "${x}" is not a whole number of decisions of at least ${ASSESSORS}`);
  return n;
});
const OPEN_ROUNDS = 3;
const OVERVIEW_ROUNDS = 7;
const PASS = 'bench passphrase';
const NOW = Date.parse('2026-11-20T09:00:00Z');
const DAY = 86_400_000;

interface Generated {
  reviewPackages: string[];
  results: string[];
  /** A store with the round, the results, and the second readings reconciled. */
  full: string;
}

/** Levels each assessor adds to the truth: every tenth a level severe, every seventeenth (else) a level lenient. */
const severity = (k: number) => (k % 10 === 0 ? -1 : k % 17 === 0 ? 1 : 0);
/** The severity of "Assessor 007". */
const severityOf = (name: string) => severity(Number(name.slice('Assessor '.length)) - 1);

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

function levelsOf(a: Achievement) {
  return new Map(a.resultDescription.map((c) => [c.id, orderedLevels(c)]));
}

/** An assessor's levels for a criterion: the truth moved by their severity, within the levels. */
function score(a: Achievement, truth: (c: string, n: number) => number, severity: number) {
  const by = levelsOf(a);
  const scores: Record<string, string> = {};
  const idx: Record<string, number> = {};
  for (const c of a.resultDescription) {
    const levels = by.get(c.id)!;
    const i = Math.max(0, Math.min(levels.length - 1, truth(c.id, levels.length) + severity));
    scores[c.id] = levels[i]!.id;
    idx[c.id] = i;
  }
  const d = computeDecision(a, scores);
  if (d.kind !== 'decided') throw new Error(`${a.id}: no decision`);
  return { scores, idx, decision: d.decision, points: d.points };
}

async function sign(identity: SigningIdentity, dir: string, results: Results, csv: (string | number | null)[][]) {
  await writeSignedResults(
    dir,
    new Map([
      [RESULTS_FILE, Buffer.from(JSON.stringify(results))],
      [CSV_FILE, Buffer.from(toCsv(csv))],
    ]),
    { signDetached: (data) => buildCadesSignature(identity, createHash('sha256').update(data).digest()) },
    undefined,
  );
}

function entry(
  a: Achievement,
  sha: string,
  sub: Submission,
  s: ReturnType<typeof score>,
  at: number,
  minutes: number,
): SubmissionResult {
  return {
    submissionId: sub.id,
    achievementId: a.id,
    rubricSha256: sha,
    attempt: sub.attempt,
    outcome: s.decision === 'pass' ? 'passed' : 'not-yet',
    decision: s.decision,
    computedDecision: s.decision,
    points: s.points,
    results: a.resultDescription.map((c) => ({
      resultDescription: c.id,
      achievedLevel: s.scores[c.id]!,
      points: c.rubricCriterionLevel.find((l) => l.id === s.scores[c.id])!.points,
    })),
    feedback: 'Generated.',
    reviewStartedAt: new Date(at - minutes * 60_000).toISOString(),
    reviewSubmittedAt: new Date(at).toISOString(),
    timeOnTaskSeconds: minutes * 60,
  };
}

async function generate(work: string, decisions: number, identity: SigningIdentity): Promise<Generated> {
  const dir = path.join(work, `scale-${decisions}`);
  const rnd = seededRandom(`coordination-bench:${decisions}`);
  const achievements = ACHIEVEMENTS.map((d) => buildAchievement(d, 'image.png'));
  const shaOf = new Map(achievements.map((a) => [a.id, sha256(canonicalJson(a))]));
  const truthOf = (key: string) => (c: string, n: number) => {
    const r = seededRandom(`${key}|${c}`)();
    return Math.max(1, r < 0.7 ? n - 2 : r < 0.9 ? n - 1 : n - 3);
  };
  const submissions: Submission[] = [];
  for (let i = 0; i < decisions; i++) {
    const a = achievements[i % achievements.length]!;
    const submitted = NOW - Math.floor(rnd() * 60) * DAY;
    submissions.push({
      id: `urn:uuid:${randomUUID()}`,
      achievementId: a.id,
      attempt: rnd() < 0.2 ? 2 : 1,
      submittedAt: new Date(submitted).toISOString(),
      dueAt: new Date(submitted + 14 * DAY).toISOString(),
      earner: { id: `mailto:earner${i}@example.org`, name: `Earner ${i}` },
      artifacts: [{ id: 'a1', sectionId: a.sections[0]!.id, name: 'Plan', url: 'https://example.org/plan' }],
    });
  }
  // A review package holds at most 25,000 submissions here (a 100,000-submission manifest is beyond the
  // import's 32 MiB manifest limit): the round is then several review packages, as an issuer would batch it.
  const PER_PACKAGE = 25_000;
  const packages: Manifest[] = [];
  for (let from = 0; from < submissions.length; from += PER_PACKAGE)
    packages.push({
      format: PACKAGE_FORMAT,
      formatVersion: 1,
      id: `urn:uuid:${randomUUID()}`,
      createdAt: new Date(NOW).toISOString(),
      issuer: { id: 'https://pd.example.edu/issuer', name: 'Bench Issuing Body' },
      achievements,
      submissions: submissions.slice(from, from + PER_PACKAGE),
    });
  const reviewPackages = packages.map((m, i) => {
    const p = path.join(dir, `review-package-${i + 1}`);
    fs.mkdirSync(p, { recursive: true });
    fs.writeFileSync(path.join(p, 'manifest.json'), JSON.stringify(m));
    // The badge image every micro-credential names (copied into the second-reading packages).
    fs.writeFileSync(path.join(p, 'image.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    return p;
  });
  const roundIds = packages.map((m) => m.id);

  const results: string[] = [];
  const seedsPer = Math.max(1, Math.round(decisions / 10 / ASSESSORS));
  for (let k = 0; k < ASSESSORS; k++) {
    const mine = submissions.filter((_, i) => i % ASSESSORS === k);
    const name = `Assessor ${String(k + 1).padStart(3, '0')}`;
    const subs = mine.map((sub) => {
      const a = achievements.find((x) => x.id === sub.achievementId)!;
      const s = score(a, truthOf(sub.earner.id), severity(k));
      const at = Date.parse(sub.submittedAt) + Math.floor(rnd() * 20) * DAY;
      return entry(a, shaOf.get(a.id)!, sub, s, at, 5 + Math.floor(rnd() * 40));
    });
    const seedSamples = Array.from({ length: seedsPer }, (_, j) => {
      const a = achievements[(k + j) % achievements.length]!;
      const truth = truthOf(`seed-${j}`);
      const own = score(a, truth, severity(k));
      const ref = score(a, truth, 0);
      const by = levelsOf(a);
      return {
        submissionId: `urn:uuid:seed-${j}-${decisions}`,
        achievementId: a.id,
        rubricSha256: shaOf.get(a.id)!,
        reviewPackage: roundIds[0]!,
        outcome: 'reviewed' as const,
        decision: own.decision,
        referenceDecision: ref.decision,
        submittedAt: new Date(NOW - Math.floor(rnd() * 30) * DAY).toISOString(),
        results: a.resultDescription.map((c) => ({
          resultDescription: c.id,
          achievedLevel: own.scores[c.id]!,
          achievedIndex: own.idx[c.id]!,
          referenceLevel: ref.scores[c.id]!,
          referenceIndex: ref.idx[c.id]!,
          levels: by.get(c.id)!.length,
        })),
      };
    });
    const r: Results = {
      format: RESULTS_FORMAT,
      formatVersion: 1,
      id: `urn:uuid:${randomUUID()}`,
      createdAt: new Date(NOW).toISOString(),
      reviewPackages: roundIds,
      assessor: { name },
      submissions: subs,
      seeds: { samples: seedSamples, agreement: measureItems(seedSamples) },
    };
    const out = path.join(dir, `results-${k + 1}`);
    await sign(identity, out, r, [['submission_id'], ...subs.map((x) => [x.submissionId])]);
    results.push(out);
  }

  // The full store: open, sample a tenth for second reading, write the packages, read them, import.
  const full = path.join(dir, 'full-store');
  const s = openServices(full);
  try {
    const c = await s.coordination();
    const opened = await c.open([...reviewPackages, ...results]);
    if (opened.refused.length) throw new Error(opened.refused[0]!.reason);
    const passes = s.db.prepare("SELECT count(*) FROM coord_decisions WHERE decision = 'pass'").pluck().get() as number;
    const sample = c.sample({
      notYetOnLastAttempt: false,
      lastAttempt: 9,
      nearCut: false,
      passShare: Math.min(1, decisions / 10 / passes),
      seed: 'bench',
    });
    const readers = c.overview()!.assessors.map((a) => a.assessor.id);
    const folder = path.join(dir, 'second-reading-packages');
    const exp = await c.exportSecondReadings(sample.id, readers, folder);
    const back: string[] = [];
    for (const p of exp.packages) {
      const m = JSON.parse(fs.readFileSync(path.join(folder, p.folder, 'manifest.json'), 'utf8')) as Manifest;
      const k = Number(p.reader.name.slice('Assessor '.length)) - 1;
      const subs = m.submissions.map((sub) => {
        const a = achievements.find((x) => x.id === sub.achievementId)!;
        const sc = score(a, truthOf(sub.earner.id), severity(k));
        return { ...entry(a, shaOf.get(a.id)!, sub, sc, NOW - DAY, 10), secondReading: { of: sample.id } };
      });
      const r: Results = {
        format: RESULTS_FORMAT,
        formatVersion: 1,
        id: `urn:uuid:${randomUUID()}`,
        createdAt: new Date(NOW).toISOString(),
        reviewPackages: [m.id],
        assessor: { name: p.reader.name },
        submissions: subs,
      };
      const out = path.join(dir, `second-results-${back.length + 1}`);
      await sign(identity, out, r, [['submission_id']]);
      back.push(out);
    }
    const imported = await c.importSecondReadings(back, 'lower');
    if (imported.refused.length) throw new Error(imported.refused[0]!.reason);
    line(
      `generated ${decisions.toLocaleString('en')} decisions`,
      `${sample.items.length.toLocaleString('en')} read twice`,
      `${seedsPer * ASSESSORS} seeds; ${imported.reconciliation.agreed} agreed, ${imported.reconciliation.toAdjudicate} to adjudicate`,
    );
  } finally {
    s.close();
  }
  return { reviewPackages, results, full };
}

const median = (xs: number[]) => percentile(xs, 50);
const count = (n: number) => n.toLocaleString('en');

/** Timed samples per kind and scale. */
class Times {
  private readonly m = new Map<string, number[]>();
  add(kind: string, n: number, ms: number) {
    const k = `${kind}\u0000${n}`;
    this.m.set(k, [...(this.m.get(k) ?? []), ms]);
  }
  of(kind: string, n: number): number[] {
    return this.m.get(`${kind}\u0000${n}`) ?? [];
  }
}

/**
 * What opening cannot go below, on the same bytes and rows (each timed apart): reading and parsing every
 * results.json and review manifest; the schema checks of what was parsed; the 300 CMS signatures; and
 * SQLite writing the rows the open wrote (copied table to table inside SQLite, no JavaScript per row,
 * into a fresh store with the same indexes).
 */
function floors(g: Generated, opened: Services, work: string, times: Times, n: number) {
  let t = nowMs();
  const results = g.results.map((d) => JSON.parse(fs.readFileSync(path.join(d, RESULTS_FILE), 'utf8')) as unknown);
  const manifests = g.reviewPackages.map(
    (d) => JSON.parse(fs.readFileSync(path.join(d, 'manifest.json'), 'utf8')) as unknown,
  );
  times.add('floor-json', n, nowMs() - t);
  t = nowMs();
  for (const r of results) if (!resultsSchema.safeParse(r).success) throw new Error('results.json does not parse');
  for (const m of manifests) if (!manifestSchema.safeParse(m).success) throw new Error('manifest.json does not parse');
  times.add('floor-schema', n, nowMs() - t);
  const signed = g.results.map((d) => [
    fs.readFileSync(path.join(d, SIGNATURE_FILE)),
    fs.readFileSync(path.join(d, MANIFEST_FILE)),
  ]);
  t = nowMs();
  for (const [sig, data] of signed) if (!verifyDetachedCms(sig!, data!).ok) throw new Error('signature refused');
  times.add('floor-cms', n, nowMs() - t);
  const dir = path.join(work, `floor-${n}`);
  const copy = openServices(dir);
  try {
    copy.db.prepare('ATTACH DATABASE ? AS src').run(opened.db.name);
    t = nowMs();
    copy.db
      .transaction(() => {
        for (const table of [
          'coord_review_packages',
          'coord_achievements',
          'coord_submissions',
          'coord_results',
          'coord_decisions',
          'coord_seeds',
        ])
          copy.db.exec(`INSERT INTO main.${table} SELECT * FROM src.${table}`);
      })
      .immediate();
    times.add('floor-sql', n, nowMs() - t);
  } finally {
    copy.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The issuing body's signing identity the generated results packages are signed with (made by `assay identity create`). */
async function benchIdentity(work: string): Promise<SigningIdentity> {
  const idDir = path.join(work, 'coordination-identity');
  const made = await runCli(
    ['identity', 'create', '--name', 'Bench Issuing Body', '--url', 'https://pd.example.edu', '--data-dir', idDir],
    {
      ASSAY_PASSPHRASE: PASS,
    },
  );
  if (made.code !== 0) throw new Error(made.stderr);
  return loadIdentity(idDir, passphraseBox(PASS));
}

/**
 * A data folder whose coordination holds a generated panel of `decisions` (the round, 300 results packages,
 * seeds, a tenth read twice and reconciled): the Coordination screen's benchmark opens the app on it.
 */
export async function generatedCoordinationStore(work: string, decisions: number): Promise<string> {
  return (await generate(work, decisions, await benchIdentity(work))).full;
}

export async function benchCoordination(work: string): Promise<void> {
  heading(`Coordination: ${ASSESSORS} assessors, seeds and second readings a tenth of the decisions each`);
  const identity = await benchIdentity(work);
  const generated = new Map<number, Generated>();
  for (const n of SCALES) generated.set(n, await generate(work, n, identity));

  const times = new Times();
  // Figures are wall time: on a shared machine the load says how much of the cores was someone else's.
  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(', ');
  line('load average when timing starts', load(), `${os.cpus().length} cores`);
  for (let round = 0; round < OPEN_ROUNDS; round++)
    for (const n of round % 2 ? [...SCALES].reverse() : SCALES) {
      const g = generated.get(n)!;
      const dataDir = path.join(work, `open-${n}-${round}`);
      // As `assay coordinate` opens them: on the calling thread, the rows written by a thread of their own once they
      // are many.
      const s: Services = openServices(dataDir);
      try {
        const c = await s.coordination();
        const t0 = nowMs();
        const r = await c.open([...g.reviewPackages, ...g.results]);
        const t1 = nowMs();
        if (r.refused.length) throw new Error(r.refused[0]!.reason);
        c.overview();
        const t2 = nowMs();
        times.add('open', n, t1 - t0);
        times.add('after-open', n, t2 - t1);
        times.add('open+overview', n, t2 - t0);
        floors(g, s, work, times, n);
      } finally {
        s.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }

  // The overview on the full stores (seeds and second readings reconciled), interleaved: each round opens
  // the store afresh, so the first overview is computed (nothing kept from an earlier one); the second is
  // asked with the store unchanged.
  for (let round = 0; round < OVERVIEW_ROUNDS; round++)
    for (const n of round % 2 ? [...SCALES].reverse() : SCALES) {
      const s = openServices(generated.get(n)!.full);
      try {
        const c = await s.coordination();
        const t0 = nowMs();
        const o = c.overview()!;
        const t1 = nowMs();
        c.overview();
        times.add('full', n, t1 - t0);
        times.add('kept', n, nowMs() - t1);
        if (round === 0 && n === SCALES.at(-1)) {
          // The generator made some assessors severe or lenient (severityOf): how many of those the flags find,
          // and how many fair ones they flag.
          const flagged = new Set(o.flags.map((f) => f.assessorId));
          const off = o.assessors.filter((a) => severityOf(a.assessor.name) !== 0);
          const fair = o.assessors.filter((a) => severityOf(a.assessor.name) === 0);
          line(
            'flags at the largest scale',
            String(o.flags.length),
            `${flagged.size} assessors flagged: ${off.filter((a) => flagged.has(a.assessor.id)).length} of the ${off.length} generated severe or lenient, ${fair.filter((a) => flagged.has(a.assessor.id)).length} of the ${fair.length} fair`,
          );
          const fairIds = new Set(fair.map((a) => a.assessor.id));
          const kinds = new Map<string, Set<string>>();
          for (const f of o.flags)
            if (fairIds.has(f.assessorId)) kinds.set(f.kind, (kinds.get(f.kind) ?? new Set()).add(f.assessorId));
          line(
            'flags of fair assessors, by kind',
            [...kinds].map(([k, ids]) => `${k} ${ids.size}`).join(', ') || 'none',
          );
        }
      } finally {
        s.close();
      }
    }

  line('load average when timing ends', load());
  const kinds: [string, (n: string) => string][] = [
    ['open', (n) => `open, ${n} decisions (${ASSESSORS} results packages)`],
    ['after-open', (n) => `overview right after open, ${n}`],
    ['open+overview', (n) => `open + overview, ${n}`],
    ['full', (n) => `overview, ${n} + seeds + second readings`],
    ['kept', (n) => `overview again, ${n}, store unchanged (kept)`],
    ['floor-json', (n) => `floor: read + JSON.parse, ${n}`],
    ['floor-schema', (n) => `floor: schema checks (zod), ${n}`],
    ['floor-cms', (n) => `floor: ${ASSESSORS} CMS signatures, ${n}`],
    ['floor-sql', (n) => `floor: SQLite writes the rows, ${n}`],
  ];
  process.stdout.write('  min / median / max\n');
  for (const [kind, label] of kinds) for (const n of SCALES) line(label(count(n)), '', summary(times.of(kind, n)));
  for (const n of SCALES) {
    const floor = ['floor-json', 'floor-schema', 'floor-cms', 'floor-sql'].reduce(
      (sum, k) => sum + median(times.of(k, n)),
      0,
    );
    line(
      `floor: the four together, ${count(n)} (medians)`,
      fmtMs(floor),
      `open's median ${fmtMs(median(times.of('open', n)))}`,
    );
  }
  if (SCALES.length > 1)
    for (const kind of ['open', 'after-open', 'open+overview', 'full']) {
      const steps = SCALES.slice(1).map((n, i) => {
        const from = SCALES[i]!;
        return `${count(from)}→${count(n)} ×${(median(times.of(kind, n)) / median(times.of(kind, from))).toFixed(1)}`;
      });
      line(`growth of the median: ${kind}`, '', steps.join(', '));
    }
  const big = SCALES.at(-1)!;
  line(
    `open + overview at ${count(big)} (median)`,
    fmtMs(median(times.of('open+overview', big))),
    `goal: under 2 s; overview alone ${fmtMs(median(times.of('full', big)))}`,
  );
}
