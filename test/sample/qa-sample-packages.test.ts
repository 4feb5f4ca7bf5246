// The sample package's quality-assurance variants: calibration samples, seeds and the second-reading
// package. Each must be a valid package the real importer takes, and the default must not change.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SECOND_READING_OF,
  writeSamplePackage,
  writeSecondReadingPackage,
  type SamplePackageResult,
} from '../../electron/sample/sample-package.js';
import { FIRST_READER, SECOND_READING_SUBMISSIONS } from '../../electron/sample/second-reading.js';
import { openServices } from '../../electron/services.js';
import { computeDecision } from '../../shared/domain/decision.js';
import { checkManifestPassRules, checkManifestReferences } from '../../shared/domain/manifest-check.js';
import {
  isFileArtifact,
  manifestSchema,
  type Achievement,
  type Manifest,
  type Submission,
} from '../../shared/schemas/review-package.js';
import { runCli } from '../support/cli.js';

const NOW = new Date('2026-11-20T09:00:00Z');
/** sha256 of the default sample manifest for NOW, computed on main before the variants existed (ec29ad3). */
const DEFAULT_MANIFEST_SHA256 = 'b07aca35c7bda817b711b8ff6544068dc41a764a614f40fcff5ccede78568e4d';
const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let work: string;
const written: Record<'plain' | 'calibration' | 'seeds' | 'both' | 'second', { r: SamplePackageResult; m: Manifest }> =
  {} as never;

function read(r: SamplePackageResult): Manifest {
  const parsed = manifestSchema.safeParse(JSON.parse(fs.readFileSync(r.manifestPath, 'utf8')));
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues, null, 2));
  return parsed.data;
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-qa-sample-'));
  const plain = await writeSamplePackage(path.join(work, 'plain'), { now: NOW });
  const calibration = await writeSamplePackage(path.join(work, 'calibration'), { now: NOW, calibration: true });
  const seeds = await writeSamplePackage(path.join(work, 'seeds'), { now: NOW, seeds: true });
  const both = await writeSamplePackage(path.join(work, 'both'), { now: NOW, calibration: true, seeds: true });
  const second = await writeSecondReadingPackage(path.join(work, 'second'), { now: NOW });
  for (const [k, r] of Object.entries({ plain, calibration, seeds, both, second }))
    written[k as keyof typeof written] = { r, m: read(r) };
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const achievementOf = (m: Manifest, s: Submission): Achievement =>
  m.achievements.find((a) => a.id === s.achievementId)!;
const levelIndex = (a: Achievement, criterionId: string, levelId: string) =>
  a.resultDescription.find((c) => c.id === criterionId)!.rubricCriterionLevel.findIndex((l) => l.id === levelId);
const decide = (a: Achievement, results: { resultDescription: string; achievedLevel: string }[]) => {
  const d = computeDecision(a, Object.fromEntries(results.map((r) => [r.resultDescription, r.achievedLevel])));
  return d.kind === 'decided' ? d.decision : d.kind;
};

describe('the default sample package', () => {
  it('is byte for byte the manifest it was before calibration, seeds and second reading', () => {
    const { r, m } = written.plain;
    expect(createHash('sha256').update(fs.readFileSync(r.manifestPath)).digest('hex')).toBe(DEFAULT_MANIFEST_SHA256);
    expect([r.submissions, r.calibrationSamples, r.seeds, r.secondReadings, r.files]).toEqual([18, 0, 0, 0, 48]);
    expect(m.calibration ?? m.seeds ?? m.secondReading).toBeUndefined();
  });
});

describe('each variant is a package the format accepts', () => {
  it.each(['plain', 'calibration', 'seeds', 'both', 'second'] as const)('%s', (variant) => {
    const { r, m } = written[variant];
    expect(checkManifestReferences(m)).toEqual([]);
    expect(checkManifestPassRules(m)).toEqual([]);
    expect(m.id).toMatch(UUID_URN);
    expect(r.submissions).toBe(m.submissions.length);
    // Every file the manifest names was written with its stated size and SHA-256.
    const all = [...m.submissions, ...(m.calibration?.samples ?? []), ...(m.seeds?.samples ?? [])];
    for (const a of all.flatMap((s) => s.artifacts.filter(isFileArtifact))) {
      const bytes = fs.readFileSync(path.join(r.dir, a.file));
      expect(bytes.length, a.file).toBe(a.size);
      expect(createHash('sha256').update(bytes).digest('hex'), a.file).toBe(a.sha256);
    }
  });

  it('gives every variant its own package id, and keeps the live submissions of the sample', () => {
    const ids = Object.values(written).map((w) => w.m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const liveIds = written.plain.m.submissions.map((s) => s.id);
    for (const v of ['calibration', 'seeds', 'both'] as const) {
      expect(written[v].m.submissions).toEqual(written.plain.m.submissions);
      expect(written[v].m.achievements).toEqual(written.plain.m.achievements);
    }
    expect(written.second.m.submissions.map((s) => s.id).filter((id) => liveIds.includes(id))).toEqual([]);
  });
});

describe('calibration samples', () => {
  it('are a required set, one per micro-credential, with evidence like the live work', () => {
    const { m, r } = written.calibration;
    const cal = m.calibration!;
    expect([cal.required, cal.minExactAgreement, cal.maxNonAdjacent]).toEqual([true, 0.8, 0]);
    expect(r.calibrationSamples).toBe(7);
    expect(cal.samples.map((s) => s.achievementId)).toEqual(m.achievements.map((a) => a.id));
    const live = new Set(m.submissions.map((s) => s.id));
    for (const s of cal.samples) {
      expect(s.id).toMatch(UUID_URN);
      expect(live.has(s.id)).toBe(false);
      expect(s.responses?.map((x) => x.sectionId)).toEqual(['overview', 'reflection']);
      for (const x of s.responses ?? []) expect(x.text.length).toBeGreaterThan(200);
      const files = s.artifacts.filter(isFileArtifact);
      expect(files.filter((a) => a.mediaType === 'application/pdf')).toHaveLength(1);
      expect(files.filter((a) => a.mediaType === 'image/png').length).toBeGreaterThanOrEqual(1);
    }
  });

  it('have definitive scores that cover every criterion once, agree with the rubric and say why', () => {
    const samples = [...written.both.m.calibration!.samples, ...written.both.m.seeds!.samples];
    for (const s of samples) {
      const a = achievementOf(written.both.m, s);
      expect(s.definitive.results.map((x) => x.resultDescription)).toEqual(a.resultDescription.map((c) => c.id));
      expect(s.definitive.decision).toBe(decide(a, s.definitive.results));
      for (const x of s.definitive.results) {
        const c = a.resultDescription.find((k) => k.id === x.resultDescription)!;
        const level = c.rubricCriterionLevel.find((l) => l.id === x.achievedLevel)!;
        // Each rationale opens with the level it justifies, then points at the evidence.
        expect(x.rationale.startsWith(`${level.name}:`), `${s.id} ${c.id}: ${x.rationale}`).toBe(true);
        expect(x.rationale.length).toBeGreaterThan(100);
      }
    }
  });

  it('mix levels and decisions, so practice can both pass and fail', () => {
    const { m } = written.calibration;
    const decisions = m.calibration!.samples.map((s) => s.definitive.decision);
    expect(decisions.filter((d) => d === 'pass').length).toBeGreaterThanOrEqual(3);
    expect(decisions.filter((d) => d === 'not-yet').length).toBeGreaterThanOrEqual(3);
    const levels = new Set(
      m.calibration!.samples.flatMap((s) =>
        s.definitive.results.map((x) => levelIndex(achievementOf(m, s), x.resultDescription, x.achievedLevel)),
      ),
    );
    expect([...levels].sort()).toEqual([1, 2, 3]);
    // No definitive level is the lowest, so a scripted assessor who always scores one level low can.
    const seeds = written.both.m.seeds!.samples;
    for (const s of seeds)
      for (const x of s.definitive.results)
        expect(levelIndex(achievementOf(m, s), x.resultDescription, x.achievedLevel)).toBeGreaterThan(0);
  });
});

describe('seeds', () => {
  it('are one per ten live submissions, as many as that allows', () => {
    const { m, r } = written.seeds;
    expect(m.seeds!.every).toBe(10);
    expect(m.seeds!.samples).toHaveLength(Math.ceil(m.submissions.length / 10));
    expect(r.seeds).toBe(2);
    expect(written.both.m.seeds).toEqual(m.seeds);
  });

  it('have the shape of live submissions: id, fields, names, evidence paths and dates', () => {
    const { m } = written.seeds;
    const keys = (s: object) => Object.keys(s).filter((k) => k !== 'definitive');
    const liveShapes = new Set(m.submissions.map((s) => JSON.stringify([keys(s), keys(s.earner)])));
    const times = m.submissions.map((s) => new Date(s.submittedAt).getTime());
    const live = new Set(m.submissions.map((s) => s.id));
    for (const seed of m.seeds!.samples) {
      expect(seed.id).toMatch(UUID_URN);
      expect(live.has(seed.id)).toBe(false);
      expect(liveShapes).toContain(JSON.stringify([keys(seed), keys(seed.earner)]));
      expect(seed.attempt).toBe(1);
      expect(seed.earner.id).toBe(`mailto:${seed.earner.email}`);
      const t = new Date(seed.submittedAt).getTime();
      expect(t).toBeGreaterThan(Math.min(...times));
      expect(t).toBeLessThan(Math.max(...times));
      for (const a of seed.artifacts.filter(isFileArtifact))
        expect(a.file).toMatch(/^evidence\/[0-9a-f]{8}\/[a-z0-9-]+\.(pdf|png)$/);
    }
    // Names in more than one script, like the live ones.
    expect(m.seeds!.samples.some((s) => /[^\p{Script=Latin}\s'-]/u.test(s.earner.name))).toBe(true);
  });
});

describe('the second-reading package', () => {
  it('reads six decisions of another assessor again, over six micro-credentials', () => {
    const { m, r } = written.second;
    const sr = m.secondReading!;
    expect(r.secondReadings).toBe(6);
    expect(sr.of).toBe(SECOND_READING_OF);
    expect(sr.of).toMatch(UUID_URN);
    expect(sr.submissions).toEqual(m.submissions.map((s) => s.id));
    expect(new Set(m.submissions.map((s) => s.achievementId)).size).toBe(6);
    expect(sr.firstReadings!.map((f) => f.submissionId)).toEqual(sr.submissions);
    for (const f of sr.firstReadings!) {
      const s = m.submissions.find((x) => x.id === f.submissionId)!;
      const a = achievementOf(m, s);
      expect(f.assessor).toEqual(FIRST_READER);
      expect(f.assessor.name).not.toBe(m.assessor!.name);
      expect(f.decision).toBe(decide(a, f.results));
      expect(f.results.map((x) => x.resultDescription)).toEqual(a.resultDescription.map((c) => c.id));
      for (const x of f.results) expect(x.comment!.length).toBeGreaterThan(30);
      expect(f.feedback.length).toBeGreaterThan(100);
      expect(new Date(f.reviewedAt) > new Date(s.submittedAt)).toBe(true);
      expect(new Date(f.reviewedAt) < new Date(m.createdAt)).toBe(true);
    }
  });

  it('has first readings that agree, are a level off, and one that reaches the other decision', () => {
    const { m } = written.second;
    const kinds = SECOND_READING_SUBMISSIONS.map((def, i) => {
      const f = m.secondReading!.firstReadings![i]!;
      const a = achievementOf(m, m.submissions[i]!);
      const careful = a.resultDescription.map((c, ci) => ({
        resultDescription: c.id,
        achievedLevel: c.rubricCriterionLevel[def.careful[ci]!]!.id,
      }));
      const first = f.results.map((x) => levelIndex(a, x.resultDescription, x.achievedLevel));
      const gaps = first.map((l, ci) => Math.abs(l - def.careful[ci]!));
      if (decide(a, careful) !== f.decision) return 'split';
      if (gaps.every((g) => g === 0)) return 'agree';
      expect(Math.max(...gaps)).toBe(1);
      return 'level off';
    });
    expect(kinds.filter((k) => k === 'agree').length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((k) => k === 'level off').length).toBeGreaterThanOrEqual(1);
    expect(kinds.filter((k) => k === 'level off').length).toBeLessThanOrEqual(2);
    expect(kinds.filter((k) => k === 'split')).toHaveLength(1);
    expect(m.secondReading!.firstReadings!.map((f) => f.decision)).toContain('not-yet');
  });
});

describe('importing the variants into a real store', () => {
  const count = (s: ReturnType<typeof openServices>, sql: string) => s.db.prepare(sql).pluck().get() as number;

  it('takes calibration apart from the queue, counts seeds, and reads again beside the sample', async () => {
    const s = openServices(path.join(work, 'data-all'));
    try {
      const cal = await s.importPackage(written.calibration.r.dir);
      expect(cal.status).toBe('imported');
      expect(cal.submissionsAdded).toBe(18);
      expect(count(s, "SELECT count(*) FROM qa_samples WHERE kind = 'calibration'")).toBe(7);
      expect(count(s, 'SELECT count(*) FROM calibration_sets')).toBe(1);

      // The default package's live submissions are the same: they are already here, nothing changes.
      const plain = await s.importPackage(written.plain.r.dir);
      expect([plain.status, plain.submissionsAdded, plain.submissionsUnchanged]).toEqual(['imported', 0, 18]);

      const second = await s.importPackage(written.second.r.dir);
      expect(second.submissionsAdded).toBe(6);
      const rows = s.db.prepare('SELECT of_package AS of, first_json AS f FROM second_readings').all() as {
        of: string;
        f: string | null;
      }[];
      expect(rows).toHaveLength(6);
      for (const row of rows) {
        expect(row.of).toBe(SECOND_READING_OF);
        expect(JSON.parse(row.f!)).toMatchObject({ assessor: FIRST_READER });
      }
      expect(count(s, 'SELECT count(*) FROM submissions')).toBe(18 + 7 + 6);
    } finally {
      s.close();
    }
  });

  it('counts seeds as submissions and stores their definitive scores apart', async () => {
    const s = openServices(path.join(work, 'data-both'));
    try {
      const r = await s.importPackage(written.both.r.dir);
      expect(r.submissionsAdded).toBe(18 + 2);
      expect(count(s, "SELECT count(*) FROM qa_samples WHERE kind = 'seed'")).toBe(2);
      expect(count(s, "SELECT count(*) FROM qa_samples WHERE kind = 'calibration'")).toBe(7);
      const json = s.db
        .prepare('SELECT json FROM submissions WHERE id = ?')
        .pluck()
        .get(written.both.m.seeds!.samples[0]!.id) as string;
      expect(json).not.toContain('rationale');
    } finally {
      s.close();
    }
  });
});

describe('assay sample-package', () => {
  it('writes calibration and seeds with --with-calibration --with-seeds', async () => {
    const out = path.join(work, 'cli-both');
    const r = await runCli(['sample-package', out, '--with-calibration', '--with-seeds']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: 7 achievements, 18 submissions, 7 calibration samples, 2 seeds, \d+ files/);
    const m = read({ manifestPath: path.join(out, 'manifest.json') } as SamplePackageResult);
    expect([m.calibration?.samples.length, m.seeds?.samples.length]).toEqual([7, 2]);
  });

  it('writes only what is asked: --with-seeds alone has no calibration', async () => {
    const out = path.join(work, 'cli-seeds');
    const r = await runCli(['sample-package', out, '--with-seeds']);
    expect(r.code).toBe(0);
    const m = read({ manifestPath: path.join(out, 'manifest.json') } as SamplePackageResult);
    expect([m.calibration, m.seeds?.samples.length]).toEqual([undefined, 2]);
  });

  it('writes the second-reading package with --second-reading', async () => {
    const out = path.join(work, 'cli-second');
    const r = await runCli(['sample-package', out, '--second-reading']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Wrote a second-reading review package to .*: 7 achievements, 6 submissions, 6 to read again,/,
    );
    const m = read({ manifestPath: path.join(out, 'manifest.json') } as SamplePackageResult);
    expect(m.secondReading?.firstReadings).toHaveLength(6);
  });

  it('refuses --second-reading with --with-calibration, naming both, and writes nothing', async () => {
    const out = path.join(work, 'cli-refused');
    const r = await runCli(['sample-package', out, '--second-reading', '--with-calibration']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--second-reading .*--with-calibration/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('lists the flags in its usage text', async () => {
    const r = await runCli(['--help']);
    for (const flag of ['--with-calibration', '--with-seeds', '--second-reading']) expect(r.stdout).toContain(flag);
  });
});
