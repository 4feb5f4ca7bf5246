// The results package's quality-assurance sections, end to end: packages with calibration, seeds and a
// second reading imported into a real store, samples scored through the review service, the package
// exported and verified with the real `assay` commands, and tampered sections refused by name.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCadesSignature } from '../../electron/awards/certificate/cms.js';
import { passphraseBox } from '../../electron/awards/identity/secret-box.js';
import { loadIdentity } from '../../electron/awards/identity/store.js';
import { reportLeak } from '../../electron/review/redactions.js';
import { recuse } from '../../electron/review/reviews.js';
import { openServices } from '../../electron/services.js';
import { resultsSchema, type Results } from '../../shared/schemas/results-package.js';
import { assay, PASSPHRASE } from '../support/issuer-store.js';
import { ACH, manifest, qaSample, submission, tempDir, writePackage, type Json } from '../support/package-builder.js';
import { submitAt } from '../support/sample-store.js';

const LIVE_PACKAGE = 'urn:uuid:7d0f3c1e-2b9a-4a63-9d4e-0c1b5f2e8a10';
const SECOND_PACKAGE = 'urn:uuid:5e1a9c20-8f0b-4c55-a0d3-2b8e6f4c1d77';
const FIRST_RESULTS = 'urn:uuid:results-of-dana-first';
const id = (n: number) => submission(n, undefined).id as string;

let work: string;
let dataDir: string;
let exported: string;

const firstReading = (n: number, level: number, decision: 'pass' | 'not-yet') => ({
  submissionId: id(n),
  assessor: { id: 'mailto:dana@example.org', name: 'Dana First' },
  decision,
  reviewedAt: '2026-11-01T10:00:00Z',
  feedback: 'First reading.',
  results: ['inquiry', 'evidence'].map((c) => ({
    resultDescription: `${ACH}#${c}`,
    achievedLevel: `${ACH}#${c}-${level}`,
  })),
});

const pdf = (n: number) => ({ path: `evidence/${n}/lesson-plan.pdf`, content: Buffer.from(`%PDF-1.7 sample ${n}\n`) });

function writeReviewPackage(name: string, m: Json, files: ReturnType<typeof pdf>[] = []): string {
  const dir = path.join(work, name);
  writePackage(dir, m, files);
  return dir;
}

async function expectOk(r: Promise<{ code: number; stdout: string; stderr: string }>, what: string) {
  const done = await r;
  if (done.code !== 0) throw new Error(`${what} failed: ${done.stderr}`);
  return done;
}

const readResults = (dir: string): Results =>
  resultsSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')));

/** A copy of the exported package with results.json changed, re-listed in the manifest and re-signed by the genuine identity. */
function resigned(name: string, change: (r: Json) => void): string {
  const dir = path.join(work, name);
  fs.cpSync(exported, dir, { recursive: true });
  const results = JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')) as Json;
  change(results);
  const bytes = Buffer.from(JSON.stringify(results, null, 2));
  fs.writeFileSync(path.join(dir, 'results.json'), bytes);
  const manifestJson = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    files: { path: string; size: number; sha256: string }[];
  };
  Object.assign(
    manifestJson.files.find((f) => f.path === 'results.json')!,
    {
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
  );
  const manifestBytes = Buffer.from(JSON.stringify(manifestJson, null, 2));
  fs.writeFileSync(path.join(dir, 'manifest.json'), manifestBytes);
  const identity = loadIdentity(dataDir, passphraseBox(PASSPHRASE));
  fs.writeFileSync(
    path.join(dir, 'manifest.json.p7s'),
    buildCadesSignature(identity, createHash('sha256').update(manifestBytes).digest()),
  );
  return dir;
}

beforeAll(async () => {
  work = tempDir('assay-qa-results-');
  dataDir = path.join(work, 'data');
  const live = writeReviewPackage(
    'live',
    manifest({
      id: LIVE_PACKAGE,
      submissions: Array.from({ length: 20 }, (_, i) => submission(i, undefined)),
      // Advice only, so live work and seeds can be scored while it is unmet (a required one closes the queue).
      calibration: {
        required: false,
        minExactAgreement: 0.8,
        maxNonAdjacent: 0,
        samples: [qaSample(100, pdf(100), [3, 2]), qaSample(101, undefined, [3, 3])],
      },
      seeds: {
        every: 7,
        samples: [qaSample(200, pdf(200), [2, 2]), qaSample(201, undefined, [3, 3]), qaSample(202, undefined, [3, 3])],
      },
    }),
    [pdf(100), pdf(200)],
  );
  const second = writeReviewPackage(
    'second',
    manifest({
      id: SECOND_PACKAGE,
      submissions: [submission(300, undefined), submission(301, undefined)],
      secondReading: {
        of: FIRST_RESULTS,
        submissions: [id(300), id(301)],
        firstReadings: [firstReading(300, 3, 'pass'), firstReading(301, 3, 'pass')],
      },
    }),
  );
  const s = openServices(dataDir);
  try {
    await s.importPackage(live);
    await s.importPackage(second);
    // A first calibration round, archived as practising again archives it (the review's scores_json, decision and
    // time): every criterion at the lowest level.
    const seqOf = s.db.prepare('SELECT seq FROM submissions WHERE id = ?').pluck();
    const lowest = JSON.stringify({ [`${ACH}#inquiry`]: `${ACH}#inquiry-1`, [`${ACH}#evidence`]: `${ACH}#evidence-1` });
    for (const n of [100, 101])
      s.db
        .prepare(
          "INSERT INTO calibration_rounds (package_id, round, submission_seq, scores_json, decision, submitted_at) VALUES (?, 1, ?, ?, 'not-yet', '2026-11-21T09:00:00.000Z')",
        )
        .run(LIVE_PACKAGE, seqOf.get(id(n)), lowest);
    // Round 2, through the review service: everything at the top level (one criterion one above the definitive).
    submitAt(s, [id(100), id(101)], 'top');
    // One seed scored one level low on each criterion, one not reviewed yet, one recused; leaks reported on samples.
    submitAt(s, [id(200)], 'lowest');
    recuse(s.db, id(202), 'I coached this teacher last year.');
    for (const n of [100, 200])
      reportLeak(s.db, { submissionId: id(n), artifactId: 'a1', page: 1, note: `The header names the school (${n}).` });
    // Live work and the second readings.
    submitAt(s, [id(0), id(1), id(300)], 'top');
    submitAt(s, [id(301)], 'lowest');
  } finally {
    s.close();
  }
  await expectOk(assay(dataDir, ['identity', 'create', '--name', 'Sam Reviewer']), 'identity create');
  exported = path.join(work, 'results');
  await expectOk(assay(dataDir, ['results', 'export', '--out', exported]), 'results export');
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('results package: calibration, seeds and second readings', () => {
  it('never lists a calibration sample or a seed among the decisions, in results.json or decisions.csv', () => {
    const r = readResults(exported);
    const ids = r.submissions.map((s) => s.submissionId);
    expect(ids).toHaveLength(22);
    for (const n of [100, 101, 200, 201, 202]) expect(ids).not.toContain(id(n));
    const csv = fs.readFileSync(path.join(exported, 'decisions.csv'), 'utf8');
    expect(csv.split('\r\n').filter((l) => l.length > 0)).toHaveLength(1 + 22);
    for (const n of [100, 101, 200, 201, 202]) expect(csv).not.toContain(id(n));
    expect(r.reviewPackages.sort()).toEqual([SECOND_PACKAGE, LIVE_PACKAGE].sort());
  });

  it('reports each calibration round with the levels beside the definitive ones and the measures', () => {
    const [cal, ...more] = readResults(exported).calibration!;
    expect(more).toEqual([]);
    expect(cal).toMatchObject({
      reviewPackage: LIVE_PACKAGE,
      required: false,
      minExactAgreement: 0.8,
      maxNonAdjacent: 0,
      samples: 2,
      metAt: null,
    });
    expect(cal!.rounds.map((r) => r.round)).toEqual([1, 2]);
    expect(cal!.identityLeaks).toEqual([
      {
        submissionId: id(100),
        artifactId: 'a1',
        page: 1,
        note: 'The header names the school (100).',
        reportedAt: expect.any(String) as string,
      },
    ]);
    const [first, second] = cal!.rounds;
    // Round 1: levels 1,1 against 3,2 and 3,3: distances −2, −1, −2, −2.
    expect(first!.agreement.overall).toEqual({
      n: 4,
      exact: 0,
      adjacent: 0.25,
      nonAdjacent: 0.75,
      signedDeviation: -1.75,
      nonAdjacentCount: 3,
    });
    expect(first!.samples[0]).toMatchObject({
      submissionId: id(100),
      decision: 'not-yet',
      referenceDecision: 'not-yet',
    });
    // Round 2: levels 3,3 against 3,2 and 3,3: one criterion a level above.
    expect(second!.samples[0]!.results).toEqual([
      {
        resultDescription: `${ACH}#inquiry`,
        achievedLevel: `${ACH}#inquiry-3`,
        achievedIndex: 2,
        referenceLevel: `${ACH}#inquiry-3`,
        referenceIndex: 2,
        levels: 3,
      },
      {
        resultDescription: `${ACH}#evidence`,
        achievedLevel: `${ACH}#evidence-3`,
        achievedIndex: 2,
        referenceLevel: `${ACH}#evidence-2`,
        referenceIndex: 1,
        levels: 3,
      },
    ]);
    expect(second!.agreement.overall).toMatchObject({ n: 4, exact: 0.75, nonAdjacentCount: 0, signedDeviation: 0.25 });
    expect(second!.agreement.decisions).toEqual({ n: 2, agreement: 0.5 });
    expect(second!.meetsThresholds).toBe(false);
    // Two items per criterion: a kappa would mean nothing.
    expect(second!.agreement.criteria.map((c) => [c.resultDescription, c.n, c.kappa, c.qwk])).toEqual([
      [
        `${ACH}#inquiry`,
        2,
        { value: null, n: 2, reason: 'not-enough-items' },
        { value: null, n: 2, reason: 'not-enough-items' },
      ],
      [
        `${ACH}#evidence`,
        2,
        { value: null, n: 2, reason: 'not-enough-items' },
        { value: null, n: 2, reason: 'not-enough-items' },
      ],
    ]);
  });

  it('reports every seed, scored or not, with the measures over those reviewed', () => {
    const seeds = readResults(exported).seeds!;
    expect(seeds.samples.map((s) => [s.submissionId, s.outcome])).toEqual([
      [id(200), 'reviewed'],
      [id(201), 'not-reviewed'],
      [id(202), 'recused'],
    ]);
    expect(seeds.samples[0]!.identityLeaks).toEqual([
      {
        artifactId: 'a1',
        page: 1,
        note: 'The header names the school (200).',
        reportedAt: expect.any(String) as string,
      },
    ]);
    expect(seeds.samples[1]!.identityLeaks).toBeUndefined();
    expect(seeds.samples[0]).toMatchObject({
      reviewPackage: LIVE_PACKAGE,
      decision: 'not-yet',
      referenceDecision: 'not-yet',
    });
    expect(seeds.samples[0]!.submittedAt).toMatch(/^\d{4}-/);
    expect(seeds.samples[1]!.results).toEqual([]);
    expect(seeds.agreement.items).toBe(1);
    expect(seeds.agreement.overall).toMatchObject({ n: 2, exact: 0, adjacent: 1, signedDeviation: -1 });
    expect(seeds.agreement.decisions).toEqual({ n: 1, agreement: 1 });
  });

  it('marks second readings in submissions and measures them against the first readings', () => {
    const r = readResults(exported);
    const read = r.submissions.filter((s) => s.secondReading);
    expect(read.map((s) => [s.submissionId, s.secondReading])).toEqual([
      [id(300), { of: FIRST_RESULTS }],
      [id(301), { of: FIRST_RESULTS }],
    ]);
    expect(r.submissions.find((s) => s.submissionId === id(0))!.secondReading).toBeUndefined();
    const [g] = r.secondReadings!;
    expect(g).toMatchObject({ of: FIRST_RESULTS, reviewPackage: SECOND_PACKAGE, submissions: [id(300), id(301)] });
    expect(g!.compared.map((c) => [c.submissionId, c.firstReader.name, c.decision, c.referenceDecision])).toEqual([
      [id(300), 'Dana First', 'pass', 'pass'],
      [id(301), 'Dana First', 'not-yet', 'pass'],
    ]);
    expect(g!.agreement!.overall).toMatchObject({ n: 4, exact: 0.5, nonAdjacent: 0.5, signedDeviation: -1 });
    expect(g!.agreement!.decisions).toEqual({ n: 2, agreement: 0.5 });
  });

  it('verifies, counting only decisions', async () => {
    const v = await assay(dataDir, ['results', 'verify', exported]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(
      /^VALID: .*; 22 submissions; quality checks \(measures recomputed\): 2 calibration rounds, 3 seeds, 2 second readings compared\.\n$/,
    );
  });

  it('refuses a QA section changed after signing (the file no longer matches the manifest)', async () => {
    const dir = path.join(work, 'edited');
    fs.cpSync(exported, dir, { recursive: true });
    const results = JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')) as Results;
    results.seeds!.agreement.overall.exact = 1;
    fs.writeFileSync(path.join(dir, 'results.json'), JSON.stringify(results, null, 2));
    const v = await assay(dataDir, ['results', 'verify', dir]);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/NOT VALID: .*results\.json (is \d+ bytes but|does not match its SHA-256)/);
  });

  it.each([
    [
      'a seed measure the seeds do not give',
      (r: Json) => ((r as Results).seeds!.agreement.overall.exact = 1),
      /results\.json: seeds\.agreement\.overall\.exact says 1 but the reviewed seeds listed give 0; the section was changed/,
    ],
    [
      'a calibration level moved to agree with the definitive one',
      (r: Json) => ((r as Results).calibration![0]!.rounds[1]!.samples[0]!.results[1]!.achievedIndex = 1),
      /calibration\[0\]\.rounds\[1\]\.agreement\.overall\.exact says 0\.75 but the samples listed give 1/,
    ],
    [
      'a calibration round claimed as met',
      (r: Json) => ((r as Results).calibration![0]!.rounds[1]!.meetsThresholds = true),
      /calibration\[0\]\.rounds\[1\]\.meetsThresholds says true but the samples listed give false/,
    ],
    [
      'a second-reading figure',
      (r: Json) => ((r as Results).secondReadings![0]!.agreement!.decisions.agreement = 1),
      /secondReadings\[0\]\.agreement\.decisions\.agreement says 1 but the second readings listed give 0\.5/,
    ],
    [
      'a seed slipped into the decisions',
      (r: Json) => {
        const results = r as Results;
        results.submissions.push({ ...results.submissions[0]!, submissionId: id(200) });
      },
      /seed ".*000000000200" \(seeds\) is also listed in submissions as a decision/,
    ],
    [
      'a level index beyond the criterion',
      (r: Json) => ((r as Results).seeds!.samples[0]!.results[0]!.achievedIndex = 7),
      /does not follow results format 1 \(seeds\.samples\[0\]\.results\[0\]: has a level index beyond/,
    ],
  ])('refuses %s, re-signed by the genuine identity, by name', async (_what, change, message) => {
    const dir = resigned(`tampered-${Math.random().toString(36).slice(2)}`, change);
    const v = await assay(dataDir, ['results', 'verify', dir]);
    expect(v.code, v.stdout).toBe(1);
    expect(v.stderr).toMatch(message);
  });
});

describe('results package without quality-assurance data', () => {
  it('has none of the new sections and still verifies', async () => {
    const plainData = path.join(work, 'plain-data');
    const s = openServices(plainData);
    try {
      await s.importPackage(
        writeReviewPackage('plain', manifest({ submissions: [submission(0, undefined), submission(1, undefined)] })),
      );
      submitAt(s, [id(0)], 'top');
    } finally {
      s.close();
    }
    await expectOk(assay(plainData, ['identity', 'create', '--name', 'Sam Reviewer']), 'identity create');
    const out = path.join(work, 'plain-results');
    await expectOk(assay(plainData, ['results', 'export', '--out', out]), 'results export');
    const json = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) as Json;
    expect(Object.keys(json)).not.toContain('calibration');
    expect(Object.keys(json)).not.toContain('seeds');
    expect(Object.keys(json)).not.toContain('secondReadings');
    expect((json.submissions as Json[]).some((e) => 'secondReading' in e)).toBe(false);
    const v = await assay(plainData, ['results', 'verify', out]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/; 2 submissions\.\n$/);
  });
});
