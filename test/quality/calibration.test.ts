// Calibration before live work: the live queue is closed (services, IPC, CLI alike) until the assessor's
// agreement with the definitive scores meets the package's thresholds; practice can be repeated.
import { afterEach, describe, expect, it } from 'vitest';
import { isAssayError } from '../../shared/errors.js';
import { openPersonIpc } from '../support/ipc-person.js';
import { runCli } from '../support/cli.js';
import { calibration, idOf, live, qaStore, score, type QaStore } from './qa-store.js';

let store: QaStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

const SAMPLE_1 = idOf(100);
const SAMPLE_2 = idOf(101);

/** Two samples, definitive [3, 2] and [3, 3], and three live submissions. */
async function calibrating(more = {}) {
  store = await qaStore({
    submissions: live(0, 3),
    ...calibration(
      [
        [3, 2],
        [3, 3],
      ],
      more,
    ),
  });
  return store;
}

function refusal(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (isAssayError(err)) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a refusal');
}

const auditActions = (st: QaStore) =>
  st.s.db.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all() as string[];

describe('calibration before live work', () => {
  it('keeps the live queue closed until the thresholds are met, then opens it for good', async () => {
    const { s } = await calibrating();
    const g0 = s.quality.gate();
    expect(g0.queueOpen).toBe(false);
    expect(g0.calibrations).toHaveLength(1);
    const c0 = g0.calibrations[0]!;
    expect(c0).toMatchObject({ required: true, minExactAgreement: 0.8, maxNonAdjacent: 0, round: 1, agreement: null });
    expect(c0.metAt).toBeNull();
    expect(c0.samples.map((x) => [x.submissionId, x.number, x.state])).toEqual([
      [SAMPLE_1, 1, 'not-started'],
      [SAMPLE_2, 2, 'not-started'],
    ]);
    expect(c0.missing).toBe(
      'Score and submit 2 more calibration samples (0 of 2 submitted in round 1); 80 % exact agreement is needed.',
    );

    // Live work refuses with the same sentence; counts stay, without the samples.
    const r = refusal(() => s.queue.list());
    expect(r.code).toBe('calibration-required');
    expect(r.message).toBe(`The live queue opens after calibration. ${c0.missing}`);
    expect(refusal(() => s.reviews.open(idOf(0), false)).code).toBe('calibration-required');
    expect(() => [...s.queue.pages()]).toThrow(/opens after calibration/);
    expect(s.queue.counts().total).toBe(3);

    // A sample opens, says it is practice, and drafts.
    expect(refusal(() => s.reviews.recuse(SAMPLE_1, 'I know them'))).toMatchObject({ code: 'conflict' });
    const w = s.reviews.open(SAMPLE_1, false);
    expect(w.practice).toEqual({ packageId: c0.packageId, number: 1, total: 2 });
    score(s, SAMPLE_1, [2, 1]); // one level low on both
    const c1 = s.quality.gate().calibrations[0]!;
    expect(c1.samples.map((x) => x.state)).toEqual(['submitted', 'not-started']);
    expect(c1.agreement).toMatchObject({ n: 2, exact: 0, signedDeviation: -1, nonAdjacentCount: 0, decisions: 1 });
    expect(c1.missing).toBe(
      'Score and submit 1 more calibration sample (1 of 2 submitted in round 1); 80 % exact agreement is needed. So far exact agreement is 0 %.',
    );

    score(s, SAMPLE_2, [3, 3]);
    const c2 = s.quality.gate();
    expect(c2.queueOpen).toBe(false);
    expect(c2.calibrations[0]!.agreement).toMatchObject({ n: 4, exact: 0.5, signedDeviation: -0.5 });
    expect(c2.calibrations[0]!.missing).toBe(
      'Exact agreement is 50 % over 4 criteria; 80 % is needed. Re-read the rationales for ‘Designs an inquiry-based lesson’ and ‘Uses evidence of learning’ and practise again.',
    );

    // Practice again: the round is archived, the samples are pending again.
    const again = s.quality.practiceAgain(c0.packageId);
    expect(again.round).toBe(2);
    expect(again.samples.map((x) => x.state)).toEqual(['not-started', 'not-started']);
    expect(again.agreement).toBeNull();
    const archived = s.db
      .prepare('SELECT round, scores_json AS scores, decision FROM calibration_rounds ORDER BY submission_seq')
      .all() as { round: number; scores: string; decision: string }[];
    expect(archived.map((a) => [a.round, a.decision])).toEqual([
      [1, 'not-yet'],
      [1, 'pass'],
    ]);
    expect(
      s.db
        .prepare("SELECT count(*) FROM submissions WHERE id IN (?, ?) AND status = 'pending'")
        .pluck()
        .get(SAMPLE_1, SAMPLE_2),
    ).toBe(2);
    expect(s.reviews.open(SAMPLE_1, false).review).toBeNull();
    expect(auditActions(store!)).toContain('calibration.practice-again');

    // Round 2 at the definitive levels: met, at the time of the submission that met it.
    score(s, SAMPLE_1, [3, 2]);
    expect(s.quality.gate().queueOpen).toBe(false);
    const last = score(s, SAMPLE_2, [3, 3]);
    const g3 = s.quality.gate();
    expect(g3.queueOpen).toBe(true);
    expect(g3.calibrations[0]).toMatchObject({ round: 2, metAt: last.submittedAt, missing: null });
    expect(g3.calibrations[0]!.agreement).toMatchObject({ exact: 1, nonAdjacentCount: 0, decisionAgreement: 1 });
    expect(auditActions(store!).filter((a) => a === 'calibration.met')).toHaveLength(1);

    // The queue opens, without the samples; practising again later does not close it.
    expect(s.queue.list().items.map((i) => i.id)).toEqual([idOf(0), idOf(1), idOf(2)]);
    s.quality.practiceAgain(c0.packageId);
    expect(s.quality.gate()).toMatchObject({ queueOpen: true, calibrations: [{ round: 3, metAt: last.submittedAt }] });
    expect(s.reviews.open(idOf(0), false).practice).toBeUndefined();
  });

  it('counts criteria more than one level apart against maxNonAdjacent', async () => {
    const { s } = await calibrating({ minExactAgreement: 0.5 });
    score(s, SAMPLE_1, [1, 2]); // inquiry two below
    score(s, SAMPLE_2, [3, 3]);
    const c = s.quality.gate().calibrations[0]!;
    expect(c.agreement).toMatchObject({ exact: 0.75, nonAdjacentCount: 1 });
    expect(c.missing).toBe(
      '1 criterion was more than one level from the definitive score; at most 0 may be. Re-read the rationales for ‘Designs an inquiry-based lesson’ and practise again.',
    );
    expect(s.quality.gate().queueOpen).toBe(false);
  });

  it('with required: false is advice only: the queue is open while unmet', async () => {
    const { s } = await calibrating({ required: false });
    const g = s.quality.gate();
    expect(g.queueOpen).toBe(true);
    expect(g.calibrations[0]!.missing).toMatch(/^Score and submit 2 more/);
    expect(s.queue.list().total).toBe(3);
  });

  it('practising again with nothing submitted clears drafts and keeps the round', async () => {
    const { s } = await calibrating();
    s.reviews.saveDraft({
      submissionId: SAMPLE_1,
      scores: {},
      comments: {},
      feedback: 'half way',
      override: null,
      activeMs: 0,
    });
    expect(s.quality.gate().calibrations[0]!.samples[0]!.state).toBe('draft');
    const again = s.quality.practiceAgain(s.quality.gate().calibrations[0]!.packageId);
    expect(again).toMatchObject({ round: 1, samples: [{ state: 'not-started' }, { state: 'not-started' }] });
    expect(() => s.quality.practiceAgain('urn:uuid:no-such-package')).toThrow(/has no calibration samples/);
  });

  it('is the same through the IPC handlers', async () => {
    const st = await calibrating();
    st.s.close();
    const ipc = openPersonIpc(st.dataDir);
    st.s = ipc.services;
    const listed = await ipc.call('queue:list', {});
    expect(listed).toMatchObject({ ok: false, error: { code: 'calibration-required' } });
    const opened = await ipc.call('review:open', { submissionId: idOf(1), blind: false });
    expect(opened).toMatchObject({ ok: false, error: { code: 'calibration-required' } });
    expect(await ipc.call('queue:counts')).toMatchObject({ ok: true, value: { total: 3 } });
    const gate = await ipc.call('quality:gate');
    expect(gate).toMatchObject({ ok: true, value: { queueOpen: false } });
    const pkg = (gate as { value: { calibrations: { packageId: string }[] } }).value.calibrations[0]!.packageId;
    expect(await ipc.call('review:open', { submissionId: SAMPLE_1, blind: true })).toMatchObject({
      ok: true,
      value: { practice: { number: 1, total: 2 } },
    });
    for (const [id, levels] of [
      [SAMPLE_1, [3, 1]],
      [SAMPLE_2, [3, 3]],
    ] as const) {
      const saved = await ipc.call('review:saveDraft', {
        submissionId: id,
        scores: Object.fromEntries(
          (['inquiry', 'evidence'] as const).map((c, i) => [
            `https://pd.test.example/achievements/core-stem/v1#${c}`,
            `https://pd.test.example/achievements/core-stem/v1#${c}-${levels[i]}`,
          ]),
        ),
        comments: {},
        feedback: '',
        override: null,
        activeMs: 10,
      });
      expect(saved.ok).toBe(true);
      expect((await ipc.call('review:submit', { submissionId: id, confirmed: true })).ok).toBe(true);
    }
    const practised = await ipc.call('quality:practiceAgain', { packageId: pkg });
    expect(practised).toMatchObject({ ok: true, value: { round: 2 } });
    expect(await ipc.call('quality:practiceAgain', { packageId: '' })).toMatchObject({ ok: false });
    expect(await ipc.call('quality:practiceAgain', { packageId: 'urn:x' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    score(ipc.services, SAMPLE_1, [3, 2]);
    score(ipc.services, SAMPLE_2, [3, 3]);
    expect(await ipc.call('quality:gate')).toMatchObject({ ok: true, value: { queueOpen: true } });
    expect(await ipc.call('queue:list', {})).toMatchObject({ ok: true, value: { total: 3 } });
    expect(ipc.log).toEqual([]);
  });

  it('is the same through the CLI', async () => {
    const st = await calibrating();
    const pkg = st.s.quality.gate().calibrations[0]!.packageId;
    const missing = st.s.quality.gate().calibrations[0]!.missing!;
    st.s.close();
    const assay = (...args: string[]) => runCli([...args, '--data-dir', st.dataDir]);

    for (const args of [['queue'], ['queue', '--all', '--json']]) {
      const q = await assay(...args);
      expect(q).toEqual({ code: 1, stdout: '', stderr: `The live queue opens after calibration. ${missing}\n` });
    }
    const status = await assay('calibration');
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`Package ${pkg}: calibration required, round 1`);
    expect(status.stdout).toContain(`Sample 1 of 2  not started  Core STEM Teaching Practices  ${SAMPLE_1}`);
    expect(status.stdout).toContain(`Missing: ${missing}`);
    expect(status.stdout).toMatch(/The live queue is closed until calibration is met\.\n$/);

    const again = await assay('calibration', 'practice-again', pkg);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Started round 1 of calibration practice\./);
    expect(await assay('calibration', 'practice-again', 'urn:uuid:nothing')).toMatchObject({
      code: 1,
      stderr: 'Package "urn:uuid:nothing" has no calibration samples in this data folder.\n',
    });
    expect((await assay('calibration', 'bogus')).code).toBe(2);

    const { openServices } = await import('../../electron/services.js');
    st.s = openServices(st.dataDir);
    score(st.s, SAMPLE_1, [3, 2]);
    score(st.s, SAMPLE_2, [3, 3]);
    const open = await assay('queue');
    expect(open.code).toBe(0);
    expect(open.stdout).not.toContain(SAMPLE_1);
    expect(open.stdout).toContain(idOf(2));
    expect(open.stdout).toMatch(/3 submissions\n$/);
    expect((await assay('calibration')).stdout).toMatch(/Met on .*\nThe live queue is open\.\n$/);
  });
});
