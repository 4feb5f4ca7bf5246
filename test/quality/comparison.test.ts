// The comparison of a submitted review with its reference (definitive score or first reading), the samples kept
// out of the queue, and quality work never awarded.
import { afterEach, describe, expect, it } from 'vitest';
import { ACH } from '../support/package-builder.js';
import { runCli } from '../support/cli.js';
import { PASSPHRASE } from '../support/issuer-store.js';
import { openServices } from '../../electron/services.js';
import { calibration, firstReading, idOf, importInto, live, qaStore, score, seeds, type QaStore } from './qa-store.js';

let store: QaStore | undefined;
afterEach(() => {
  store?.dispose();
  store = undefined;
});

const SEED_1 = idOf(200);
const SEED_2 = idOf(201);

describe('comparison with the reference', () => {
  it('gives a scripted assessor one level low everywhere a signed deviation of −1 and exact agreement 0', async () => {
    const { s } = (store = await qaStore({
      submissions: live(0, 10),
      ...seeds([
        [3, 2],
        [2, 3],
      ]),
    }));
    // Before submission a seed is live work: null, like a live submission.
    expect(s.quality.comparison(SEED_1)).toBeNull();
    expect(s.quality.comparison(idOf(0))).toBeNull();
    score(s, SEED_1, [2, 1]);
    const c = s.quality.comparison(SEED_1)!;
    expect(c).toMatchObject({
      kind: 'seed',
      submissionId: SEED_1,
      referenceLabel: 'Definitive score',
      ownDecision: 'not-yet',
      referenceDecision: 'not-yet',
    });
    expect(c.criteria).toEqual([
      {
        criterionId: `${ACH}#inquiry`,
        criterionName: 'Designs an inquiry-based lesson',
        own: { id: `${ACH}#inquiry-2`, name: 'Developing', level: '2', points: 1 },
        reference: { id: `${ACH}#inquiry-3`, name: 'Proficient', level: '3', points: 2 },
        distance: -1,
        rationale: 'Level 3 for inquiry: the lesson plan on p. 2 shows it.',
      },
      {
        criterionId: `${ACH}#evidence`,
        criterionName: 'Uses evidence of learning',
        own: { id: `${ACH}#evidence-1`, name: 'Not yet', level: '1', points: 0 },
        reference: { id: `${ACH}#evidence-2`, name: 'Developing', level: '2', points: 1 },
        distance: -1,
        rationale: 'Level 2 for evidence: the lesson plan on p. 2 shows it.',
      },
    ]);
    expect(c.agreement).toEqual({
      n: 2,
      exact: 0,
      adjacent: 1,
      nonAdjacent: 0,
      nonAdjacentCount: 0,
      signedDeviation: -1,
      decisions: 1,
      decisionAgreement: 1,
    });
    expect(c.soFar).toEqual(c.agreement);

    // The second seed: soFar covers every submitted seed.
    score(s, SEED_2, [1, 2]);
    const c2 = s.quality.comparison(SEED_2)!;
    expect(c2.agreement).toMatchObject({ n: 2, exact: 0, signedDeviation: -1 });
    expect(c2.soFar).toMatchObject({ n: 4, exact: 0, signedDeviation: -1, decisions: 2, decisionAgreement: 1 });

    // Live work stays without a comparison after submission too.
    score(s, idOf(0), [3, 3]);
    expect(s.quality.comparison(idOf(0))).toBeNull();
    expect(() => s.quality.comparison('urn:uuid:unknown')).toThrow(/no submission "urn:uuid:unknown"/);
  });

  it('compares a calibration sample with its definitive score over this round', async () => {
    const { s } = (store = await qaStore({
      submissions: live(0, 2),
      ...calibration([
        [3, 2],
        [3, 3],
      ]),
    }));
    expect(s.quality.comparison(idOf(100))).toBeNull();
    score(s, idOf(100), [3, 2]);
    score(s, idOf(101), [2, 3]);
    const c = s.quality.comparison(idOf(101))!;
    expect(c).toMatchObject({ kind: 'calibration', ownDecision: 'not-yet', referenceDecision: 'pass' });
    expect(c.agreement).toMatchObject({ n: 2, exact: 0.5, signedDeviation: -0.5, decisionAgreement: 0 });
    expect(c.soFar).toMatchObject({ n: 4, exact: 0.75, signedDeviation: -0.25, decisions: 2, decisionAgreement: 0.5 });
  });

  it('compares a second reading with the first reader only once submitted', async () => {
    const { s } = (store = await qaStore({
      submissions: live(0, 4),
      secondReading: {
        of: 'urn:uuid:results-of-first-reader',
        submissions: [idOf(0), idOf(1), idOf(2)],
        firstReadings: [firstReading(0, [3, 3], 'pass'), firstReading(1, [3, 1], 'not-yet')],
      },
    }));
    expect(s.quality.comparison(idOf(0))).toBeNull();
    score(s, idOf(0), [3, 2]);
    const c = s.quality.comparison(idOf(0))!;
    expect(c).toMatchObject({
      kind: 'second-reading',
      referenceLabel: 'Dana First',
      ownDecision: 'not-yet',
      referenceDecision: 'pass',
      referenceFeedback: 'Strong inquiry design; evidence thin.',
      referenceReviewedAt: '2026-11-01T10:00:00Z',
    });
    expect(c.criteria.map((x) => [x.distance, x.referenceComment, x.rationale])).toEqual([
      [0, 'First reader on inquiry.', undefined],
      [-1, 'First reader on evidence.', undefined],
    ]);
    score(s, idOf(1), [3, 3]);
    expect(s.quality.comparison(idOf(1))!.soFar).toMatchObject({ n: 4, exact: 0.5, signedDeviation: 0.25 });
    // The package did not carry this one's first reading: the coordinator holds it, so there is nothing to show.
    score(s, idOf(2), [3, 3]);
    expect(s.quality.comparison(idOf(2))).toBeNull();
  });
});

describe('quality work in the queue and the awards', () => {
  it('keeps calibration samples out of the queue, its counts, pages and search; seeds are in it', async () => {
    const st = (store = await qaStore({ submissions: live(0, 5), ...seeds([[3, 3]]) }));
    await importInto(st, {
      id: 'urn:uuid:7d0f3c1e-2b9a-4a63-9d4e-0c1b5f2e8a11',
      submissions: live(10, 2),
      ...calibration(
        [
          [3, 2],
          [3, 3],
        ],
        { required: false },
      ),
    });
    const { s } = st;
    const ids = s.queue.list({ limit: 100 }).items.map((i) => i.id);
    expect(ids).toHaveLength(8);
    expect(ids).toContain(SEED_1);
    expect(ids).not.toContain(idOf(100));
    expect(s.queue.list({ search: 'group' }).total).toBe(8);
    expect(s.queue.list({ search: 'group', blind: true }).items.map((i) => i.id)).not.toContain(idOf(101));
    expect(s.queue.list({ search: 'Teacher 100' }).total).toBe(0);
    expect(s.queue.list({ search: 'Teacher 200' }).items.map((i) => i.id)).toEqual([SEED_1]);
    expect([...s.queue.pages({}, 3)].flat().map((i) => i.id)).toEqual(ids);
    expect(s.queue.counts()).toMatchObject({ pending: 8, total: 8 });
    // Every due date is before 2027: overdue then counts the live submissions and the seed, not the samples.
    expect(s.queue.counts('2027-01-01T00:00:00Z').overdue).toBe(8);
    expect(s.queue.list({ overdue: true, now: '2027-01-01T00:00:00Z' }).total).toBe(8);
    // A calibration sample opened in the workspace moves to in-progress, still out of the counts.
    score(s, idOf(100), [3, 3]);
    expect(s.queue.counts()).toMatchObject({ pending: 8, passed: 0, total: 8 });
  });

  it('leaves out the samples of several packages, with live work between them', async () => {
    const st = (store = await qaStore({
      submissions: live(0, 3),
      ...calibration(
        [
          [3, 3],
          [2, 2],
        ],
        { required: false },
      ),
    }));
    await importInto(st, {
      id: 'urn:uuid:7d0f3c1e-2b9a-4a63-9d4e-0c1b5f2e8a12',
      submissions: live(10, 3),
      ...calibration([[3, 3]], { required: false }, 300),
    });
    await importInto(st, { id: 'urn:uuid:7d0f3c1e-2b9a-4a63-9d4e-0c1b5f2e8a13', submissions: live(20, 2) });
    const { s } = st;
    const expected = [0, 1, 2, 10, 11, 12, 20, 21].map(idOf);
    expect(s.queue.list({ sort: 'submitted' }).items.map((i) => i.id)).toEqual(expected);
    expect(s.queue.list({ sort: 'submitted', direction: 'desc', offset: 2, limit: 3 }).items.map((i) => i.id)).toEqual(
      [12, 11, 10].map(idOf),
    );
    expect([...s.queue.pages({ sort: 'submitted' }, 2)].flat().map((i) => i.id)).toEqual(expected);
    expect(s.queue.list({ search: 'Teacher' }).total).toBe(8);
    expect(s.queue.counts().total).toBe(8);
  });

  it('never offers or issues an award for a calibration sample, a seed or a second reading', async () => {
    const st = (store = await qaStore({
      submissions: live(0, 5),
      ...seeds([[3, 3]]),
      ...calibration([[3, 3]], { required: false }),
      secondReading: { of: 'urn:uuid:first', submissions: [idOf(1)] },
    }));
    const { s } = st;
    for (const id of [idOf(0), idOf(1), SEED_1, idOf(100)]) score(s, id, [3, 3]);
    expect(s.awards.ready().map((r) => r.submissionId)).toEqual([idOf(0)]);
    s.close();
    const assay = (...args: string[]) => runCli([...args, '--data-dir', st.dataDir], { ASSAY_PASSPHRASE: PASSPHRASE });
    expect(
      (await assay('identity', 'create', '--name', 'Test University', '--url', 'https://pd.test.example')).code,
    ).toBe(0);
    for (const [id, why] of [
      [SEED_1, /was a seeded sample with a known score/],
      [idOf(100), /is a calibration sample/],
      [idOf(1), /was a second reading/],
    ] as const) {
      const r = await assay('awards', 'issue', id);
      expect(r.stderr).toMatch(why);
      expect(r.code).toBe(1);
    }
    const all = await assay('awards', 'issue', '--all');
    expect(all.code).toBe(0);
    st.s = openServices(st.dataDir);
    expect(
      st.s.db.prepare('SELECT s.id FROM awards w JOIN submissions s ON s.seq = w.submission_seq').pluck().all(),
    ).toEqual([idOf(0)]);
  });
});
