// The coordinator end to end on a real panel (test/support/panel.ts): three assessors' signed results
// packages from the sample package with seeds, scored through the real services (one a level low), opened
// into a real store; the harsh one flagged; a sample drawn and drawn again from its seed; second-reading
// packages written (never to the first reader, without the first review), read by the panel and
// reconciled; a split adjudicated and audited; the final package checked by the real `assay results verify`.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passphraseBox } from '../../electron/awards/identity/secret-box.js';
import { isAssayError } from '../../shared/errors.js';
import { openServices, type Services } from '../../electron/services.js';
import type { Coordination } from '../../electron/coordination/coordination.js';
import { resultsSchema, type Results } from '../../shared/schemas/results-package.js';
import type { ExportFinalResult } from '../../shared/coordination/types.js';
import { manifestSchema } from '../../shared/schemas/review-package.js';
import { runCli } from '../support/cli.js';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import * as vc from '@digitalbazaar/vc';
import { createDocumentLoader, type DocumentLoader } from '../../electron/awards/credential/index.js';
import { StatusLists } from '../../electron/awards/status-list/index.js';
import { settleFinalAwards } from '../../electron/coordination/final-awards.js';
import type { Achievement } from '../../shared/schemas/review-package.js';
import { run } from '../awards/certificate/helpers.js';
import { buildPanel, PANEL_PASSPHRASE, secondRead, type Panel } from '../support/panel.js';

let panel: Panel;
let coordDir: string;
let s: Services;
let c: Coordination;

const assay = (args: string[]) => runCli([...args, '--data-dir', coordDir], { ASSAY_PASSPHRASE: PANEL_PASSPHRASE });

beforeAll(async () => {
  panel = await buildPanel();
  coordDir = path.join(panel.work, 'coordinator');
  const created = await assay([
    'identity',
    'create',
    '--name',
    'Riverside Quality Lead',
    '--url',
    'https://pd.riverside.example.edu',
  ]);
  expect(created.code, created.stderr).toBe(0);
  s = openServices(coordDir);
  s.identity.useKeyBoxes({
    unlock: () => passphraseBox(PANEL_PASSPHRASE),
    seal: () => passphraseBox(PANEL_PASSPHRASE),
  });
  c = await s.coordination();
}, 300_000);

afterAll(() => {
  s.close();
  panel.dispose();
});

const harsh = () => panel.assessors.find((a) => a.severity < 0)!;

describe('opening the panel', () => {
  it('refuses a tampered package by name and reason and opens nothing', async () => {
    const tampered = path.join(panel.work, 'tampered');
    fs.cpSync(panel.assessors[0]!.results, tampered, { recursive: true });
    const file = path.join(tampered, 'results.json');
    // One letter of the feedback changed, the size kept: only the hash can tell.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Scored by Avery', 'Scored by Avary'));
    const audited = s.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    // The round and the first results package are checked, and handed to the writer, before the tampered one.
    const r = await c.open([panel.reviewPackage, panel.assessors[1]!.results, tampered]);
    expect(r.opened).toEqual([]);
    expect(r.refused).toEqual([
      { label: 'tampered', reason: expect.stringMatching(/"tampered".*results\.json does not match its SHA-256/) },
    ]);
    expect(c.overview()).toBeNull();
    expect(s.db.prepare('SELECT count(*) FROM coord_results').pluck().get()).toBe(0);
    expect(s.db.prepare('SELECT count(*) FROM coord_review_packages').pluck().get()).toBe(0);
    expect(s.db.prepare('SELECT count(*) FROM coord_submissions').pluck().get()).toBe(0);
    expect(s.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(audited);
  });

  it('opens on a worker thread as in the app: held and stopped after the round it keeps nothing, run again it opens all', async () => {
    const w = openServices(path.join(panel.work, 'coordinator-open-job'), { jobs: 'worker' });
    try {
      const wc = await w.coordination();
      const paths = [panel.reviewPackage, ...panel.assessors.map((a) => a.results)];
      const audited = w.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
      // Held, through shared memory (no clock), once the round and the first results package are checked and
      // handed to the writer: provably running when Stop is pressed.
      w.jobs.holdNext('coordination-open', 2);
      let progressed!: () => void;
      const held = new Promise<void>((r) => (progressed = r));
      const outcome = wc.open(paths, { onProgress: (p) => p.done === 2 && progressed() }).then(
        () => 'finished',
        (err: unknown) => (isAssayError(err) ? err.code : String(err)),
      );
      await held;
      expect(w.jobs.running().map((j) => j.kind)).toEqual(['coordination-open']);
      expect(w.jobs.cancel('coordination-open')).toBe(true);
      expect(await outcome).toBe('job-cancelled');
      for (const table of ['coord_review_packages', 'coord_submissions', 'coord_results', 'coord_decisions'])
        expect(w.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
      expect(w.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(audited);

      const steps: { done: number; total: number }[] = [];
      const r = await wc.open(paths, { onProgress: (p) => steps.push(p) });
      expect(r.refused).toEqual([]);
      expect(r.opened.map((p) => p.assessor.name)).toEqual(panel.assessors.map((a) => a.name));
      // The review package first, then each results package as it is checked.
      expect(steps).toEqual(Array.from({ length: paths.length }, (_, i) => ({ done: i + 1, total: paths.length })));
      // Stored by the worker's connection, read on this one.
      expect(wc.overview()!.assessors).toHaveLength(panel.assessors.length);
    } finally {
      w.close();
    }
  });

  it('on a worker as in the app, a large opening has its rows written by a thread of their own, kept only when all is accepted', async () => {
    const w = openServices(path.join(panel.work, 'coordinator-open-job-thread'), { jobs: 'worker' });
    try {
      const paths = [panel.reviewPackage, ...panel.assessors.map((a) => a.results)];
      const bad = path.join(panel.work, 'tampered-in-job');
      fs.cpSync(panel.assessors[2]!.results, bad, { recursive: true });
      fs.appendFileSync(path.join(bad, 'results.json'), ' ');
      // The threshold at one row: the job's worker starts the writer's thread with the round's rows.
      const open = (p: string[]) =>
        w.jobs.run('coordination-open', { paths: p, writerThread: w.storeRef, threadFromRows: 1 });
      // The thread is the one writing: pointed at a folder with no store, the opening fails by its error.
      await expect(
        w.jobs.run('coordination-open', {
          paths,
          writerThread: { dataDir: path.join(panel.work, 'no-store-here') },
          threadFromRows: 1,
        }),
      ).rejects.toThrow(/directory does not exist/);
      const refused = await open([...paths.slice(0, -1), bad]);
      expect(refused.refused.map((r) => r.label)).toEqual(['tampered-in-job']);
      expect(w.db.prepare('SELECT count(*) FROM coord_results').pluck().get()).toBe(0);
      expect(w.db.prepare('SELECT count(*) FROM coord_submissions').pluck().get()).toBe(0);
      const r = await open(paths);
      expect(r.refused).toEqual([]);
      expect(w.db.prepare('SELECT count(*) FROM coord_results').pluck().get()).toBe(panel.assessors.length);
      expect(w.db.prepare('SELECT count(*) FROM coord_decisions').pluck().get()).toBe(
        r.opened.reduce((n, p) => n + p.decisions, 0),
      );
      expect(w.verifyAudit()).toMatchObject({ ok: true });
    } finally {
      w.close();
    }
  });

  it('opens the round and the three results packages, verified', async () => {
    const r = await c.open([panel.reviewPackage, ...panel.assessors.map((a) => a.results)]);
    expect(r.refused).toEqual([]);
    expect(r.reviewPackages.map((p) => p.id)).toEqual([panel.reviewPackageId]);
    expect(r.opened.map((p) => [p.assessor.name, p.kind, p.decisions, p.seeds])).toEqual(
      panel.assessors.map((a) => [a.name, 'first', a.decided.length, 2]),
    );
    // Signed by each assessor's own identity: intact, but not a signer this store trusts.
    expect(r.opened.every((p) => p.trustedAs === null && p.signer.fingerprint256.length > 0)).toBe(true);
    const again = await c.open([panel.assessors[0]!.results]);
    expect(again.opened).toEqual([]);
    expect(again.alreadyOpen).toHaveLength(1);
  });

  it('refuses a results package from another review round by name, changing nothing', async () => {
    // An assessor who scored the plain sample package (another package id): another round.
    const other = path.join(panel.work, 'other-round');
    const { writeSamplePackage } = await import('../../electron/sample/sample-package.js');
    const { dir } = await writeSamplePackage(path.join(panel.work, 'plain'), { now: new Date('2026-11-20T09:00:00Z') });
    const data = path.join(panel.work, 'other-store');
    const run = (args: string[]) => runCli([...args, '--data-dir', data], { ASSAY_PASSPHRASE: PANEL_PASSPHRASE });
    expect((await run(['import', dir])).code).toBe(0);
    expect((await run(['identity', 'create', '--name', 'Casey Other', '--url', 'https://x.example.org'])).code).toBe(0);
    expect((await run(['results', 'export', '--out', other])).code).toBe(0);
    const before = s.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const r = await c.open([other]);
    expect(r.opened).toEqual([]);
    expect(r.refused).toEqual([
      {
        label: 'other-round',
        reason: expect.stringContaining('it is from another review round: it names review package'),
      },
    ]);
    expect(s.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
  });
});

describe('agreement, drift and flags', () => {
  it('flags the harsh assessor (exact agreement and deviation) and not the fair ones', () => {
    const o = c.overview()!;
    const h = harsh();
    const hid = o.assessors.find((a) => a.assessor.name === h.name)!.assessor.id;
    const flagged = new Set(o.flags.map((f) => f.assessorId));
    expect(flagged).toEqual(new Set([hid]));
    const kinds = o.flags.filter((f) => f.assessorId === hid).map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['exact', 'deviation']));
    const dev = o.flags.find((f) => f.kind === 'deviation')!;
    expect(dev.sentence).toMatch(
      /^Sam Harsh scores 1\.00 level below the reference on average \(n = \d+, 2 items; 95 % interval −1\.00 to −1\.00\); the limit is ±0\.5 level\.$/,
    );
    expect(dev.interval).toEqual({ low: -1, high: -1 });
    const exact = o.flags.find((f) => f.kind === 'exact')!;
    expect(exact.sentence).toMatch(
      /^Sam Harsh agrees exactly on 0 % of \d+ criteria \(2 seeds, against their definitive scores\)/,
    );
    const summary = o.assessors.find((a) => a.assessor.id === hid)!;
    expect(summary.overall.signedDeviation).toBe(-1);
    expect(summary.overall.exact).toBe(0);
    expect(o.thresholds.minExactAgreement).toBe(0.8);
    // Throughput from the results packages' time on task.
    expect(summary.throughput.medianActiveMinutes).toBe(12);
    expect(summary.throughput.reviews).toBe(h.decided.length);
    expect(o.drift.find((d) => d.assessorId === hid)!.points.at(-1)).toMatchObject({ exact: 0, signedDeviation: -1 });
  });
});

describe('the overview when nothing changed', () => {
  it('is the one computed until the store changes, by this connection or another', () => {
    const o = c.overview();
    expect(c.overview()).toBe(o);
    // A row written and removed here: computed again, to the same figures.
    s.db.exec('CREATE TABLE scratch (x); INSERT INTO scratch VALUES (1); DROP TABLE scratch');
    const again = c.overview();
    expect(again).not.toBe(o);
    expect(again).toEqual(o);
    expect(c.overview()).toBe(again);
    // A commit by another connection to the same store (as `assay coordinate` in another process makes).
    const other = new Database(path.join(coordDir, 'assay.db'));
    try {
      other.exec('CREATE TABLE scratch (x); DROP TABLE scratch');
    } finally {
      other.close();
    }
    expect(c.overview()).not.toBe(again);
  });
});

let appFinal: ExportFinalResult;
let cliFinal: ExportFinalResult;

describe('sampling, second reading, reconciliation and the final package', () => {
  const rules = { notYetOnLastAttempt: true, lastAttempt: 2, nearCut: true, passShare: 0.5, seed: 'autumn-2026' };

  it('draws a sample by the rules and draws the same sample again from its recorded seed', () => {
    const a = c.sample(rules);
    const b = c.sample(rules);
    expect(a.rules.seed).toBe('autumn-2026');
    expect(a.items.length).toBeGreaterThan(0);
    expect(b.items.map((i) => [i.submissionId, i.reasons])).toEqual(a.items.map((i) => [i.submissionId, i.reasons]));
    const other = c.sample({ ...rules, nearCut: false, notYetOnLastAttempt: false, seed: 'another seed' });
    const drawnA = c.sample({ ...rules, nearCut: false, notYetOnLastAttempt: false });
    expect(other.items.every((i) => i.reasons.join() === 'random-pass')).toBe(true);
    expect(drawnA.counts.randomPasses).toBe(Math.round(0.5 * drawnA.counts.passesEligible));
    // A seed not given is drawn and recorded.
    const unseeded = c.sample({ notYetOnLastAttempt: false, lastAttempt: 3, nearCut: false, passShare: 0.3 });
    expect(unseeded.rules.seed).toMatch(/\S/);
    const again = c.sample({ ...unseeded.rules });
    expect(again.items.map((i) => i.submissionId)).toEqual(unseeded.items.map((i) => i.submissionId));
    expect(c.samples()[0]!.id).toBe(again.id);
  });

  let sampleId: string;
  let exported: string;

  it('writes one second-reading package per reader, never to the first reader, without the first review', async () => {
    const sample = c.sample(rules);
    sampleId = sample.id;
    const o = c.overview()!;
    exported = path.join(panel.work, 'second-readings');
    fs.mkdirSync(exported);
    const r = await c.exportSecondReadings(
      sampleId,
      o.assessors.map((a) => a.assessor.id),
      exported,
    );
    expect(r.assignments).toHaveLength(sample.items.length);
    for (const a of r.assignments) expect(a.secondReader.id).not.toBe(a.firstReader.id);
    expect(r.packages.length).toBeGreaterThan(1);
    for (const p of r.packages) {
      const text = fs.readFileSync(path.join(exported, p.folder, 'manifest.json'), 'utf8');
      const m = manifestSchema.parse(JSON.parse(text));
      expect(m.assessor?.name).toBe(p.reader.name);
      expect(m.secondReading).toEqual({ of: sampleId, submissions: m.submissions.map((x) => x.id) });
      // Nothing of the first review: no first readings, no first reader's name or feedback.
      expect(m.secondReading?.firstReadings).toBeUndefined();
      const firstReaders = r.assignments
        .filter((a) => a.secondReader.id === p.reader.id)
        .map((a) => a.firstReader.name);
      for (const n of firstReaders) {
        expect(text).not.toContain(n);
        expect(text).not.toContain(`Scored by ${n}`);
      }
    }
    // The same decisions cannot be sent twice.
    await expect(c.exportSecondReadings(sampleId, [o.assessors[0]!.assessor.id], exported)).rejects.toThrow(
      /already sent for second reading/,
    );
  });

  it('reconciles the returned readings by the rule and queues splits and wide gaps; adjudication is final and audited', async () => {
    const results = await secondRead(panel, exported);
    // Opened as a round's results package they would wait unreconciled: refused by name, nothing changed.
    const before = c.overview()!.reconciliation;
    const wrong = await c.open([results[0]!]);
    expect(wrong.opened).toEqual([]);
    expect(wrong.refused).toEqual([
      {
        label: path.basename(results[0]!),
        reason: expect.stringContaining("it is a second reader's results package"),
      },
    ]);
    expect(c.overview()!.reconciliation).toEqual(before);
    const r = await c.importSecondReadings(results, 'lower');
    expect(r.refused).toEqual([]);
    expect(r.reconciliation.awaitingSecondReading).toBe(0);
    const items = c.reconciliation();
    expect(items.length).toBeGreaterThan(0);
    for (const it of items) {
      const apart = it.criteria.some((x) => Math.abs(x.distance) > 1);
      const split = it.first.decision !== it.second!.decision;
      if (it.state === 'agreed') {
        expect(apart || split).toBe(false);
        // The lower of the two levels on every criterion.
        for (const x of it.criteria) {
          const f = it.first.results.find((l) => l.criterionId === x.criterionId)!;
          const sr = it.second!.results.find((l) => l.criterionId === x.criterionId)!;
          expect(it.final!.results.find((l) => l.criterionId === x.criterionId)!.levelId).toBe(
            (sr.index < f.index ? sr : f).levelId,
          );
        }
      } else {
        expect(it.state).toBe('to-adjudicate');
        expect(it.reasons.length).toBeGreaterThan(0);
      }
    }
    const queue = c.adjudicationQueue();
    const split = queue.find((q) => q.first.decision !== q.second!.decision);
    expect(split, 'a split decision reaches the queue').toBeDefined();
    // The screen's list: the same items in the same order, names and reasons only; each item asked for by its id
    // is the queue's; a submission never sent for second reading is refused by id.
    expect(c.adjudicationQueueEntries()).toEqual(
      queue.map((q) => ({
        submissionId: q.submissionId,
        achievementId: q.achievementId,
        achievementName: q.achievementName,
        earnerName: q.earnerName,
        readers: [q.first.reader.name, q.second!.reader.name],
        reasons: q.reasons,
      })),
    );
    for (const q of queue) expect(c.reconciliationItem(q.submissionId)).toEqual(q);
    const agreedItem = c.reconciliation().find((x) => x.state === 'agreed');
    if (agreedItem) expect(c.reconciliationItem(agreedItem.submissionId)).toEqual(agreedItem);
    expect(() => c.reconciliationItem('urn:uuid:never-sampled')).toThrow(
      /"urn:uuid:never-sampled" was not sent for second reading/,
    );
    await expect(c.exportFinal(path.join(panel.work, 'too-early'))).rejects.toThrow(/wait for the adjudicator/);

    for (const q of queue) {
      const done = c.adjudicate({
        submissionId: q.submissionId,
        adjudicator: 'Morgan Adjudicator',
        decision: q.first.decision,
        results: q.first.results.map((l) => ({ criterionId: l.criterionId, levelId: l.levelId })),
        reasons: 'The evidence meets the first reader’s levels; the second reading missed the reflection.',
      });
      expect(done.state).toBe('adjudicated');
      expect(done.final?.by).toBe('Morgan Adjudicator');
    }
    expect(() =>
      c.adjudicate({
        submissionId: split!.submissionId,
        adjudicator: 'Someone Else',
        decision: 'pass',
        results: split!.first.results.map((l) => ({ criterionId: l.criterionId, levelId: l.levelId })),
        reasons: 'Again.',
      }),
    ).toThrow(/already adjudicated; an adjudicator's decision is final/);
    const audit = s.db
      .prepare("SELECT subject, details_json AS d FROM audit_log WHERE action = 'coordination.adjudicate'")
      .all() as { subject: string; d: string }[];
    expect(audit.map((a) => a.subject).sort()).toEqual(queue.map((q) => q.submissionId).sort());
    expect(JSON.parse(audit[0]!.d)).toMatchObject({ adjudicator: 'Morgan Adjudicator', reasons: expect.any(String) });
    expect(s.verifyAudit()).toMatchObject({ ok: true });
  });

  it('exports one signed final package naming every reader, which `assay results verify` accepts', async () => {
    const out = path.join(panel.work, 'final');
    // The app and `assay coordinate export` (another process, the same store) write final packages at once:
    // each final pass gets one award between them, carried by both packages.
    const [r, cli] = await Promise.all([
      c.exportFinal(out),
      assay(['coordinate', 'export', '--out', path.join(panel.work, 'final-cli'), '--json']),
    ]);
    expect(cli.code, cli.stderr).toBe(0);
    cliFinal = JSON.parse(cli.stdout) as ExportFinalResult;
    appFinal = r;
    expect(r.adjudicated).toBe(c.reconciliation().filter((x) => x.state === 'adjudicated').length);
    const verified = await assay(['results', 'verify', out]);
    expect(verified.code, verified.stderr).toBe(0);
    const results = resultsSchema.parse(JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')));
    const decided = results.submissions.filter((x) => x.decision);
    expect(decided).toHaveLength(panel.assessors.reduce((n, a) => n + a.decided.length, 0));
    for (const d of decided) expect(d.readers?.[0]?.role).toBe('first');
    const twice = decided.filter((d) => d.readers!.length > 1);
    expect(twice).toHaveLength(r.readTwice);
    const adjudicated = decided.filter((d) => d.reconciliation?.state === 'adjudicated');
    for (const d of adjudicated) expect(d.readers!.map((x) => x.role)).toEqual(['first', 'second', 'adjudicator']);
    // A changed decision in the final package is refused by the same verifier.
    const file = path.join(out, 'results.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Morgan Adjudicator', 'Morgan Adjudicatr!'));
    const bad = await assay(['results', 'verify', out]);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout + bad.stderr).toMatch(/results\.json does not match its SHA-256/);
  });
});

describe('awards only for final passes', () => {
  const finalDir = () => path.join(panel.work, 'final-cli');
  const readFinal = (dir: string): Results =>
    resultsSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')));
  /** The package's signed status lists, served at the URLs the credentials name (as the issuing body hosts them). */
  function hostedLists(dir: string, results: Results): DocumentLoader {
    const lists = new Map(
      (results.statusLists ?? []).map((l) => [
        l.statusListCredential,
        JSON.parse(fs.readFileSync(path.join(dir, l.file), 'utf8')) as object,
      ]),
    );
    const base = createDocumentLoader();
    return async (url: string) => {
      const list = lists.get(url);
      return list ? { contextUrl: null, documentUrl: url, document: list } : base(url);
    };
  }
  /** Digital Bazaar's verifier (proof and revocation), an implementation we did not write. */
  const dbVerify = (credential: object, documentLoader: DocumentLoader) =>
    vc.verifyCredential({
      credential,
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader,
      checkStatus: (options: object) =>
        checkStatus({
          ...(options as Omit<Parameters<typeof checkStatus>[0], 'suite'>),
          suite: new DataIntegrityProof({ cryptosuite }),
        }),
    }) as Promise<{ verified: boolean; error?: unknown }>;

  it('gives each final pass one award (credential and signed certificate), and no other decision any', async () => {
    const results = readFinal(finalDir());
    const decided = results.submissions.filter((x) => x.decision);
    const passes = decided.filter((x) => x.outcome === 'passed');
    expect(passes.length).toBeGreaterThan(0);
    expect(decided.length - passes.length).toBeGreaterThan(0);
    for (const d of decided) {
      if (d.outcome === 'passed') {
        expect(d.awards, d.submissionId).toHaveLength(1);
        expect(d.awards![0]).toMatchObject({
          status: 'active',
          certificate: expect.stringMatching(/^awards\/.+\.pdf$/),
        });
      } else expect(d.awards, d.submissionId).toBeUndefined();
    }
    // A first reader's pass that the second reading and the adjudicator turned to not yet gets none.
    const overturned = decided.filter((d) => d.readers?.[0]?.decision === 'pass' && d.outcome === 'not-yet');
    for (const d of overturned) expect(d.awards).toBeUndefined();
    // Two writers at once: every award issued once between them, both packages carrying the same ones.
    expect(appFinal.awards.inForce).toBe(passes.length);
    expect(cliFinal.awards.inForce).toBe(passes.length);
    expect(appFinal.awards.issued + cliFinal.awards.issued).toBe(passes.length);
    expect(appFinal.awards.issued + appFinal.awards.kept).toBe(passes.length);
    expect(s.db.prepare("SELECT count(*) FROM coord_awards WHERE status = 'active'").pluck().get()).toBe(passes.length);
    expect(s.db.prepare('SELECT count(*) FROM coord_awards').pluck().get()).toBe(passes.length);
    const ids = (r: Results) =>
      r.submissions.flatMap((x) => (x.awards ?? []).map((a) => `${x.submissionId} ${a.credentialId}`));
    expect(ids(readFinal(path.join(panel.work, 'final')))).toEqual(ids(results));
    // The CSV names each pass's award.
    const csv = fs.readFileSync(path.join(finalDir(), 'decisions.csv'), 'utf8');
    for (const p of passes) expect(csv).toContain(p.awards![0]!.verificationCode);
  });

  it("each credential verifies for Digital Bazaar's verifier, not revoked in the package's status list, for the final levels", async () => {
    const results = readFinal(finalDir());
    const loader = hostedLists(finalDir(), results);
    expect(results.statusLists?.length).toBeGreaterThan(0);
    for (const d of results.submissions.filter((x) => x.outcome === 'passed')) {
      const credential = JSON.parse(fs.readFileSync(path.join(finalDir(), d.awards![0]!.credential), 'utf8')) as {
        credentialSubject: { result: { resultDescription: string; achievedLevel: string }[] };
      };
      const v = await dbVerify(credential, loader);
      expect(v.verified, `${d.submissionId}: ${String(v.error)}`).toBe(true);
      const stated = Object.fromEntries(
        credential.credentialSubject.result.map((x) => [x.resultDescription, x.achievedLevel]),
      );
      for (const r of d.results) expect(stated[r.resultDescription]).toBe(r.achievedLevel);
    }
  });

  it('a certificate of the final package is signed intact for poppler and genuine for `assay verify`', async () => {
    const results = readFinal(finalDir());
    const pass =
      results.submissions.find((x) => x.outcome === 'passed' && x.reconciliation?.state !== 'read-once') ??
      results.submissions.find((x) => x.outcome === 'passed')!;
    const pdf = path.join(finalDir(), pass.awards![0]!.certificate!);
    const sig = run('pdfsig', [pdf]);
    expect(sig.stdout).toMatch(/Signature Validation: Signature is Valid/);
    expect(sig.stdout).not.toMatch(/Digest Mismatch/);
    const v = await assay(['verify', pdf]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });

  it('is a long job on a worker thread, as in the app: stopped while it runs it writes nothing, and run again it keeps the awards', async () => {
    const w = openServices(coordDir, { jobs: 'worker' });
    w.identity.useKeyBoxes({
      unlock: () => passphraseBox(PANEL_PASSPHRASE),
      seal: () => passphraseBox(PANEL_PASSPHRASE),
    });
    try {
      const wc = await w.coordination();
      // An empty folder the coordinator chose (so the job does not remove it): what the export wrote must go.
      const stopped = path.join(panel.work, 'final-stopped');
      fs.mkdirSync(stopped);
      const passes = appFinal.awards.inForce;
      // Held after the first certificate (steps 1…n settle the awards, n+1…2n draw certificates), through shared
      // memory, no clock: provably running, with files of the package written, when Stop is pressed.
      w.jobs.holdNext('coordination-final', passes + 1);
      let progressed!: () => void;
      const held = new Promise<void>((r) => (progressed = r));
      const outcome = wc
        .exportFinal(stopped, 'letter', { onProgress: (p) => p.done === passes + 1 && progressed() })
        .then(
          () => 'finished',
          (err: unknown) => (isAssayError(err) ? err.code : String(err)),
        );
      await held;
      expect(fs.readdirSync(path.join(stopped, 'awards')).sort()).toEqual(
        expect.arrayContaining([expect.stringMatching(/\.json$/), expect.stringMatching(/\.pdf$/)]),
      );
      expect(w.jobs.running().map((j) => j.kind)).toEqual(['coordination-final']);
      expect(w.jobs.cancel('coordination-final')).toBe(true);
      expect(await outcome).toBe('job-cancelled');
      expect(fs.readdirSync(stopped)).toEqual([]);

      const again = path.join(panel.work, 'final-worker');
      const steps: { done: number; total: number }[] = [];
      const r = await wc.exportFinal(again, 'letter', { onProgress: (p) => steps.push(p) });
      expect([r.awards.issued, r.awards.kept, r.awards.revoked]).toEqual([0, r.awards.inForce, []]);
      expect(steps.map((p) => p.done)).toEqual(Array.from({ length: 2 * r.awards.inForce }, (_, i) => i + 1));
      expect(steps.every((p) => p.total === 2 * r.awards.inForce)).toBe(true);
      const verified = await assay(['results', 'verify', again]);
      expect(verified.code, verified.stderr).toBe(0);
      // On the paper asked for: US Letter landscape, 792 × 612 points.
      const cert = readFinal(again).submissions.find((x) => x.awards?.[0]?.certificate)!.awards![0]!.certificate!;
      expect(run('pdfinfo', [path.join(again, cert)]).stdout).toMatch(/Page size:\s+792 x 612 pts \(letter\)/);
    } finally {
      w.close();
    }
  });

  it('a later final package keeps the awards; one whose decision is no longer a pass is revoked, one with new levels replaced', async () => {
    const identity = await s.identity.unlock();
    const results = readFinal(finalDir());
    const passes = results.submissions.filter((x) => x.outcome === 'passed');
    const achievements = new Map(
      (s.db.prepare('SELECT id, json FROM coord_achievements').all() as { id: string; json: string }[]).map((a) => [
        a.id,
        JSON.parse(a.json) as Achievement,
      ]),
    );
    const asPass = (
      d: (typeof passes)[number],
      levels = Object.fromEntries(d.results.map((r) => [r.resultDescription, r.achievedLevel])),
    ) => ({
      submissionId: d.submissionId,
      achievement: achievements.get(d.achievementId)!,
      levels,
      decidedAt: d.reviewSubmittedAt!,
      assessorName: d.readers![0]!.name,
    });
    // Nothing changed: every award kept, none issued or revoked, nothing written to the audit log.
    const auditBefore = s.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const same = await settleFinalAwards(
      s.db,
      identity,
      passes.map((d) => asPass(d)),
    );
    expect([same.issued, same.kept, same.revoked]).toEqual([0, passes.length, []]);
    expect(s.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditBefore);

    // The first pass is no longer one; the second has a criterion a level higher.
    const [gone, changed, ...rest] = passes;
    const a = achievements.get(changed!.achievementId)!;
    const c0 = a.resultDescription[0]!;
    const was = changed!.results.find((r) => r.resultDescription === c0.id)!.achievedLevel;
    const other = c0.rubricCriterionLevel.find((l) => l.id !== was)!.id;
    const levels = {
      ...Object.fromEntries(changed!.results.map((r) => [r.resultDescription, r.achievedLevel])),
      [c0.id]: other,
    };
    const settled = await settleFinalAwards(s.db, identity, [asPass(changed!, levels), ...rest.map((d) => asPass(d))]);
    expect(settled.issued).toBe(1);
    expect(settled.kept).toBe(rest.length);
    expect(settled.revoked.map((x) => [x.submissionId, x.verificationCode, x.reason.split(':')[0]])).toEqual([
      [gone!.submissionId, gone!.awards![0]!.verificationCode, 'Revoked'],
      [changed!.submissionId, changed!.awards![0]!.verificationCode, 'Replaced'],
    ]);
    const now = settled.bySubmission.get(changed!.submissionId)!;
    expect(now.map((x) => x.status)).toEqual(['superseded', 'active']);
    expect(now[1]!.replaces).toBe(now[0]!.credentialId);
    expect(now[1]!.levels.find((l) => l.criterionId === c0.id)!.levelId).toBe(other);
    expect(settled.bySubmission.get(gone!.submissionId)!.map((x) => x.status)).toEqual(['revoked']);
    const audit = s.db
      .prepare(
        "SELECT action, subject FROM audit_log WHERE action LIKE 'coordination.award-%' ORDER BY seq DESC LIMIT 3",
      )
      .all() as { action: string; subject: string }[];
    expect(audit.map((x) => x.action).sort()).toEqual([
      'coordination.award-issue',
      'coordination.award-replace',
      'coordination.award-revoke',
    ]);
    expect(s.verifyAudit()).toMatchObject({ ok: true });

    // For Digital Bazaar's checker against the re-signed list: the two retired credentials revoked, the rest not.
    const list = new StatusLists(s.db).all().find((l) => l.signedJson !== null)!;
    const loader: DocumentLoader = async (url) =>
      url === list.url
        ? { contextUrl: null, documentUrl: url, document: JSON.parse(list.signedJson!) as object }
        : createDocumentLoader()(url);
    const status = async (credentialId: string) => {
      const credential = JSON.parse(
        s.db
          .prepare('SELECT credential_json FROM coord_awards WHERE credential_id = ?')
          .pluck()
          .get(credentialId) as string,
      ) as object;
      const r = await checkStatus({
        credential,
        documentLoader: loader,
        suite: new DataIntegrityProof({ cryptosuite }),
      });
      expect(r.verified, String(r.error)).toBe(true);
      return r.results?.[0]?.status;
    };
    expect(await status(gone!.awards![0]!.credentialId)).toBe(true);
    expect(await status(now[0]!.credentialId)).toBe(true);
    expect(await status(now[1]!.credentialId)).toBe(false);
    expect(await status(rest[0]!.awards![0]!.credentialId)).toBe(false);
  });

  it("refuses a first reader's results package that carries an award in force, by name, opening nothing", async () => {
    const first = panel.assessors[0]!;
    const copy = path.join(panel.work, 'awarded-store');
    fs.cpSync(first.dataDir, copy, { recursive: true });
    const run = (args: string[]) => runCli([...args, '--data-dir', copy], { ASSAY_PASSPHRASE: PANEL_PASSPHRASE });
    const issued = await run(['awards', 'issue', '--all']);
    expect(issued.code, issued.stderr).toBe(0);
    const code = /[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(issued.stdout)?.[0];
    expect(code, issued.stdout).toBeDefined();
    const out = path.join(panel.work, 'awarded-results');
    expect((await run(['results', 'export', '--out', out])).code).toBe(0);
    const before = s.db.prepare('SELECT count(*) FROM coord_results').pluck().get();
    const r = await c.open([out]);
    expect(r.opened).toEqual([]);
    expect(r.refused).toEqual([
      {
        label: 'awarded-results',
        reason: expect.stringMatching(
          /carries award [0-9A-Z]{4}-[0-9A-Z]{4}, issued by Avery Fairweather before the round's outcome was final; in a coordinated round awards are issued only for final passes/,
        ),
      },
    ]);
    expect(s.db.prepare('SELECT count(*) FROM coord_results').pluck().get()).toBe(before);
  });
});
