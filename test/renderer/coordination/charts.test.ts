// The Coordination screen's charts without a DOM: the CSV each exports, the file names offered, and what the
// bars, lines and tables are made of from an overview (flagged assessors first, no bar where nothing was
// measured, the sentence that stands in for the picture).
import { describe, expect, it } from 'vitest';
import type { MeasuresPage, Overview, ScreenOverview } from '../../../shared/coordination/types.js';
import {
  chartFileName,
  SERIES_SLOTS,
  toCsv,
  yExtent,
  longest,
} from '../../../renderer/coordination/charts/chart-data.js';
import {
  agreementChart,
  criterionNamer,
  criterionDriftChart,
  driftChart,
  flagsByAssessor,
  kappaText,
  throughputChart,
} from '../../../renderer/coordination/overview-data.js';
import { levelsSigned } from '../../../renderer/strings/coordination.js';
import {
  DRIFT_CHART_LINES,
  driftAssessors,
  measuresPage,
  screenOverview,
} from '../../../shared/coordination/screen-overview.js';

describe('toCsv', () => {
  it('writes RFC 4180 rows with CRLF, quotes fields that need it, keeps numbers as numbers, leaves nulls empty', () => {
    const csv = toCsv({
      columns: ['Criterion', 'Exact agreement', 'n'],
      rows: [
        ['Plans, with "care"', 0.8333, 12],
        ['Line\nbreak', null, 0],
        ['Negative', -0.5, 3],
      ],
    });
    expect(csv).toBe(
      'Criterion,Exact agreement,n\r\n"Plans, with ""care""",0.8333,12\r\n"Line\nbreak",,0\r\nNegative,-0.5,3\r\n',
    );
  });

  it('defuses text a spreadsheet would run as a formula, but not a negative number', () => {
    const csv = toCsv({
      columns: ['a', 'b'],
      rows: [
        ['=HYPERLINK("x")', -1],
        ['+1', '@SUM(A1)'],
      ],
    });
    expect(csv.split('\r\n')).toEqual(['a,b', `"'=HYPERLINK(""x"")",-1`, `'+1,'@SUM(A1)`, '']);
  });

  it('writes no value for a number that is not finite', () => {
    expect(toCsv({ columns: ['x'], rows: [[Number.NaN], [Infinity]] })).toBe('x\r\n\r\n\r\n');
  });
});

describe('chartFileName', () => {
  it('makes a plain file name from the title', () => {
    expect(chartFileName('Exact agreement per criterion', 'png')).toBe('exact-agreement-per-criterion.png');
    expect(chartFileName('Drift — Évaluateur « B »', 'csv')).toBe('drift-evaluateur-b.csv');
    expect(chartFileName('«»', 'csv')).toBe('chart.csv');
  });
});

describe('line extents', () => {
  const series = [
    {
      key: 'a',
      label: 'A',
      points: [
        { x: 1, y: -1.4 },
        { x: 2, y: -1.2 },
      ],
    },
    {
      key: 'b',
      label: 'B',
      points: [
        { x: 1, y: 0.2 },
        { x: 2, y: 0.1 },
        { x: 3, y: 0.3 },
      ],
    },
  ];
  it('widens the y range to include the minimum range asked for, and runs x to the longest line', () => {
    expect(yExtent(series, [-1, 1])).toEqual([-1.4, 1]);
    expect(yExtent([], [0, 1])).toEqual([0, 1]);
    expect(longest(series)).toBe(3);
  });
});

const kappa = (value: number | null, n: number) =>
  value === null ? { value: null, n, reason: 'not-enough-items' as const } : { value, n };

const throughput = (reviews: number, perDay: number | null) => ({
  reviews,
  days: reviews > 0 ? 2 : 0,
  reviewsPerDay: perDay,
  medianActiveMinutes: reviews > 0 ? 12.5 : null,
  withDueDate: reviews,
  byDueDate: reviews,
  shareByDueDate: reviews > 0 ? 1 : null,
  perDay: [],
});

const measures = (n: number, exact: number, signedDeviation: number) => ({
  n,
  exact,
  adjacent: 1,
  nonAdjacent: 0,
  signedDeviation,
});

const assessor = (id: string, name: string, reviews: number, perDay: number | null) => ({
  assessor: { id, name },
  packages: [`pkg-${id}`],
  decisions: reviews,
  passed: reviews,
  notYet: 0,
  notYetRate: reviews > 0 ? 0 : null,
  seeds: 2,
  secondReadings: 0,
  overall: measures(8, 0.5, 0),
  decisionAgreement: { n: 2, agreement: 1 },
  throughput: throughput(reviews, perDay),
});

const drift = (assessorId: string, ys: number[]) => ({
  assessorId,
  points: ys.map((y, i) => ({
    item: i + 1,
    at: `2026-11-0${i + 1}T10:00:00Z`,
    items: i + 1,
    n: (i + 1) * 2,
    exact: 0.5,
    signedDeviation: y,
  })),
});

/** The overview as computed (what the CLI prints). */
function computed(): Overview {
  return {
    round: { reviewPackages: [], secondReadingPackages: [] },
    packages: [],
    thresholds: {
      minQwk: 0.6,
      minExactAgreement: 0.8,
      minExactFrom: 'the default',
      notYetSd: 2,
      maxDeviation: 0.5,
      window: 20,
    },
    criteria: [
      { achievementId: 'a1', achievementName: 'Inquiry', criterionId: 'c1', criterionName: 'Plans', levels: 4 },
      { achievementId: 'a1', achievementName: 'Inquiry', criterionId: 'c2', criterionName: 'Evidence', levels: 4 },
    ],
    assessors: [assessor('x', 'Ada', 10, 5), assessor('y', 'Ben', 4, 2), assessor('z', 'Cy', 0, null)],
    measures: [],
    criterionAgreement: [
      { achievementId: 'a1', criterionId: 'c1', ...measures(12, 0.75, -0.2), qwk: kappa(0.71, 12) },
      { achievementId: 'a1', criterionId: 'c2', ...measures(0, 0, 0), qwk: kappa(null, 0) },
    ],
    drift: [drift('x', [0.1, 0.0]), drift('y', [-0.5, -1, -1.25]), drift('z', [])],
    flags: [
      {
        assessorId: 'y',
        kind: 'deviation',
        value: -1.25,
        threshold: 0.5,
        interval: { low: -1.5, high: -1 },
        sentence: 'Ben scores 1.25 levels below the reference on average (n = 6); the limit is ±0.5.',
      },
    ],
    throughput: throughput(14, 3.5),
    notYetRate: { mean: 0, sd: 0, assessors: 2 },
    reconciliation: { awaitingSecondReading: 0, agreed: 0, toAdjudicate: 0, adjudicated: 0 },
  };
}

/** The same as the screen is sent it. */
const overview = (): ScreenOverview => screenOverview(computed());

describe('the agreement chart', () => {
  it('draws one bar per criterion with its n, none where nothing was measured, and says so in words', () => {
    const chart = agreementChart(overview());
    expect(chart.bars).toEqual([
      { key: 'a1\u0000c1', label: 'Plans', tick: 'Plans', value: 0.75, n: 12 },
      { key: 'a1\u0000c2', label: 'Evidence', tick: 'Evidence', value: null, n: 0 },
    ]);
    expect(chart.table.rows).toEqual([
      ['Plans', 0.75, 1, 0.71, 12],
      ['Evidence', null, null, 'not enough items (n = 0)', 0],
    ]);
    expect(chart.summary).toBe(
      'Exact agreement of the panel on one criterion: Plans 75 % (n = 12). One is below the threshold of 80 %.',
    );
  });
});

describe('the assessor × criterion measures, paged', () => {
  it('chooses every assessor, the flagged ones or one, in the overview order, and counts them', () => {
    const o = computed();
    const row = (assessorId: string, criterionId: string) => ({
      assessorId,
      achievementId: 'a1',
      criterionId,
      levels: 4,
      ...measures(4, 0.5, 0),
      kappa: kappa(0.5, 4),
      qwk: kappa(0.5, 4),
    });
    o.measures = ['x', 'y', 'z'].flatMap((a) => ['c1', 'c2'].map((c) => row(a, c)));
    const ids = (p: MeasuresPage) => p.rows.map((m) => `${m.assessorId}.${m.criterionId}`);
    expect(ids(measuresPage(o, 'all', 0, 100))).toEqual(['x.c1', 'x.c2', 'y.c1', 'y.c2', 'z.c1', 'z.c2']);
    expect(measuresPage(o, 'all', 0, 100).total).toBe(6);
    const second = measuresPage(o, 'all', 2, 3);
    expect([ids(second), second.total]).toEqual([['y.c1', 'y.c2', 'z.c1'], 6]);
    expect(measuresPage(o, 'all', 6, 3)).toEqual({ rows: [], total: 6 });
    const flagged = measuresPage(o, 'flagged', 0, 1);
    expect([ids(flagged), flagged.total]).toEqual([['y.c1'], 2]);
    const one = measuresPage(o, { assessorId: 'z' }, 1, 5);
    expect([ids(one), one.total]).toEqual([['z.c2'], 2]);
    expect(measuresPage(o, { assessorId: 'nobody' }, 0, 5)).toEqual({ rows: [], total: 0 });
  });
});

describe('the drift chart', () => {
  it('shows flagged assessors first, then those with more items, and leaves out those with none', () => {
    expect(driftAssessors(overview(), 6).map((a) => a.assessor.name)).toEqual(['Ben', 'Ada']);
    expect(driftAssessors(overview(), 1).map((a) => a.assessor.name)).toEqual(['Ben']);
  });

  it('is sent to the screen with only the lines it draws, and draws the same chart from them', () => {
    expect(DRIFT_CHART_LINES).toBeLessThanOrEqual(SERIES_SLOTS);
    const one = screenOverview(computed(), 1);
    expect(one.drift.map((d) => d.assessorId)).toEqual(['y']);
    expect(one.driftLines).toBe(2);
    for (const measure of ['deviation', 'exact'] as const) {
      const whole = driftChart(overview(), measure, 1);
      expect(driftChart(one, measure, 1)).toEqual(whole);
    }
    // Everything else is the overview as computed, without the measures (paged) and the decisions per day.
    const { measures: _measures, assessors, drift: _drift, ...rest } = computed();
    const { assessors: sent, drift: _lines, driftLines: _count, ...others } = one;
    expect(others).toEqual(rest);
    expect('measures' in one).toBe(false);
    expect(sent).toEqual(
      assessors.map(({ throughput: { perDay: _perDay, ...throughput }, ...a }) => ({ ...a, throughput })),
    );
  });

  it('makes one line per assessor of the measure chosen, and names the one furthest from the reference', () => {
    const chart = driftChart(overview(), 'deviation', 6);
    expect(chart.series.map((s) => [s.label, s.points.map((p) => p.y)])).toEqual([
      ['Ben', [-0.5, -1, -1.25]],
      ['Ada', [0.1, 0]],
    ]);
    expect(chart.total).toBe(2);
    expect(chart.table.rows).toHaveLength(5);
    expect(chart.summary).toBe(
      `Mean deviation over a rolling window of 20 items, for 2 assessors. Furthest from the reference at the end: Ben, ${levelsSigned(-1.25)}.`,
    );
    const exact = driftChart(overview(), 'exact', 1);
    expect(exact.series[0]!.points.map((p) => p.y)).toEqual([0.5, 0.5, 0.5]);
    expect(exact.summary).toContain('for 1 of 2 assessors (flagged first)');
  });

  it("draws one assessor's lines per criterion, the most measured first, with the criteria in the table", () => {
    const lines = [
      { ...drift('y', [-1, -0.5]), achievementId: 'a1', criterionId: 'c1' },
      { ...drift('y', [0, -1, -1.5]), achievementId: 'a1', criterionId: 'c2' },
      { ...drift('y', []), achievementId: 'a1', criterionId: 'c3' },
    ];
    const chart = criterionDriftChart(overview(), 'Ben', lines, 'deviation', 6);
    expect(chart.series.map((s) => [s.label, s.points.map((p) => p.y)])).toEqual([
      ['Evidence', [0, -1, -1.5]],
      ['Plans', [-1, -0.5]],
    ]);
    expect(chart.total).toBe(2);
    expect(chart.table.columns[0]).toBe('Criterion');
    expect(chart.table.rows.map((r) => r[0])).toEqual(['Evidence', 'Evidence', 'Evidence', 'Plans', 'Plans']);
    expect(chart.summary).toBe(
      `Ben: mean deviation per criterion over a rolling window of 20 items, 2 criteria. Furthest from the reference at the end: Evidence, ${levelsSigned(-1.5)}.`,
    );
    const one = criterionDriftChart(overview(), 'Ben', lines, 'exact', 1);
    expect(one.series.map((s) => s.label)).toEqual(['Evidence']);
    expect(one.summary).toContain('1 of 2 criteria (most items first)');
    expect(criterionDriftChart(overview(), 'Cy', [], 'deviation', 6).summary).toBe('Cy has no measured items yet.');
  });
});

describe('the throughput chart', () => {
  it('draws reviews per day per assessor (none for an assessor without reviews) with the panel in words', () => {
    const chart = throughputChart(overview());
    expect(chart.bars.map((b) => [b.label, b.value, b.n])).toEqual([
      ['Ada', 5, 10],
      ['Ben', 2, 4],
      ['Cy', null, 0],
    ]);
    expect(chart.summary).toBe(
      'Reviews per day for 2 assessors, fewest Ben 2, most Ada 5. The panel: 3.5 reviews a day, median 12.5 active minutes per review, 100 % decided by the due date.',
    );
  });
});

describe('names and words', () => {
  it('names a criterion by itself, or with its micro-credential when the round has several', () => {
    const one = criterionNamer(overview());
    expect(one('a1', 'c1')).toBe('Plans');
    const several = criterionNamer({
      criteria: [
        ...overview().criteria,
        { achievementId: 'a2', achievementName: 'Feedback', criterionId: 'c1', criterionName: 'Timely', levels: 3 },
      ],
    });
    expect(several('a2', 'c1')).toBe('Feedback: Timely');
    expect(several('a9', 'zz')).toBe('zz');
  });

  it('says why a kappa has no value', () => {
    expect(kappaText({ value: 0.4567, n: 20 })).toBe('0.46');
    expect(kappaText({ value: null, n: 4, reason: 'not-enough-items' })).toBe('not enough items (n = 4)');
    expect(kappaText({ value: null, n: 30, reason: 'no-variation' })).toBe('no variation (n = 30)');
  });

  it('groups flags by assessor and signs deviations', () => {
    expect([...flagsByAssessor(overview().flags).keys()]).toEqual(['y']);
    expect([levelsSigned(-0.5), levelsSigned(0.25), levelsSigned(0.001)]).toEqual(['−0.50', '+0.25', '0.00']);
  });
});

describe('a large panel', () => {
  it('sorts the throughput bars, most first, once they are too many to name', () => {
    const o = overview();
    o.assessors = Array.from({ length: 30 }, (_, i) => assessor(`a${i}`, `Assessor ${i}`, 10, (i * 7) % 30));
    const values = throughputChart(o).bars.map((b) => b.value!);
    expect(values).toEqual([...values].sort((x, y) => y - x));
    // The table keeps the overview's order.
    expect(throughputChart(o).table.rows.map((r) => r[0])).toEqual(o.assessors.map((a) => a.assessor.name));
  });
});

describe('the agreement chart’s sentence', () => {
  it('names the lowest and highest criterion, or says they are all the same', () => {
    const o = overview();
    const row = o.criterionAgreement[0]!;
    o.criterionAgreement = [row, { ...row, criterionId: 'c2', exact: 0.9 }];
    expect(agreementChart(o).summary).toBe(
      'Exact agreement of the panel on 2 criteria, lowest Plans 75 % (n = 12), highest Evidence 90 % (n = 12). One is below the threshold of 80 %.',
    );
    o.criterionAgreement = [row, { ...row, criterionId: 'c2' }];
    expect(agreementChart(o).summary).toBe(
      'Exact agreement of the panel on 2 criteria, each 75 %. 2 are below the threshold of 80 %.',
    );
    // Under the bar, the criterion's own name (the table and the sentence give it whole).
    expect(agreementChart(o).bars.map((b) => b.tick)).toEqual(['Plans', 'Evidence']);
  });
});
