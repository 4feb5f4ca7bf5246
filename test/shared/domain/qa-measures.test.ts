// The measures of a results package's quality sections, from scored items: grouping, thresholds and the
// verifier's comparison of stated against recomputed figures.
import { describe, expect, it } from 'vitest';
import { quadraticWeightedKappa } from '../../../shared/domain/agreement.js';
import {
  measureItems,
  measuresDiffer,
  meetsThresholds,
  orderedLevels,
  type ScoredItem,
} from '../../../shared/domain/qa-measures.js';
import type { Criterion } from '../../../shared/schemas/review-package.js';

const item = (pairs: [string, number, number, number][], decision?: 'pass' | 'not-yet'): ScoredItem => ({
  results: pairs.map(([resultDescription, levels, achievedIndex, referenceIndex]) => ({
    resultDescription,
    levels,
    achievedIndex,
    referenceIndex,
  })),
  decision,
  referenceDecision: 'pass',
});

describe('orderedLevels', () => {
  it('orders by points, lowest first, ties in rubric order', () => {
    const c = {
      id: 'c',
      name: 'C',
      resultType: 'RubricCriterionLevel',
      rubricCriterionLevel: [
        { id: 'top', name: 'Top', level: '3', points: 4 },
        { id: 'low', name: 'Low', level: '1', points: 0 },
        { id: 'mid-a', name: 'Mid A', level: '2', points: 2 },
        { id: 'mid-b', name: 'Mid B', level: '2', points: 2 },
      ],
    } as Criterion;
    expect(orderedLevels(c).map((l) => l.id)).toEqual(['low', 'mid-a', 'mid-b', 'top']);
  });
});

describe('measureItems', () => {
  it('a one-level-low assessor over 12 items: exact 0, severity −1, QWK as agreement.ts computes it', () => {
    const refs = [1, 2, 3, 1, 2, 3, 1, 2, 3, 3, 2, 1];
    const items = refs.map((r) => item([['c', 4, r - 1, r]], 'not-yet'));
    const m = measureItems(items);
    expect(m.items).toBe(12);
    expect(m.overall).toEqual({
      n: 12,
      exact: 0,
      adjacent: 1,
      nonAdjacent: 0,
      signedDeviation: -1,
      nonAdjacentCount: 0,
    });
    expect(m.decisions).toEqual({ n: 12, agreement: 0 });
    const [c] = m.criteria;
    expect(c!.qwk).toEqual(
      quadraticWeightedKappa(
        refs.map((r) => ({ rater: r - 1, reference: r })),
        4,
      ),
    );
    expect(c!.qwk.value).toBeGreaterThan(0);
    expect(c!.qwk.value).toBeLessThan(1);
    expect(c!.kappa.value).not.toBeNull();
  });

  it('measures each criterion apart, by level count too, first seen first; an unknown decision is left out', () => {
    const m = measureItems([
      item(
        [
          ['b', 3, 0, 0],
          ['a', 4, 3, 1],
        ],
        'pass',
      ),
      item([
        ['a', 4, 2, 2],
        ['a', 3, 1, 1],
      ]),
    ]);
    expect(m.criteria.map((c) => [c.resultDescription, c.levels, c.n])).toEqual([
      ['b', 3, 1],
      ['a', 4, 2],
      ['a', 3, 1],
    ]);
    expect(m.criteria[1]).toMatchObject({ exact: 0.5, nonAdjacent: 0.5, signedDeviation: 1 });
    expect(m.criteria[1]!.kappa).toEqual({ value: null, n: 2, reason: 'not-enough-items' });
    expect(m.overall).toMatchObject({ n: 4, nonAdjacentCount: 1, signedDeviation: 0.5 });
    expect(m.decisions).toEqual({ n: 1, agreement: 1 });
  });

  it('with no items, every figure is 0 and no criterion is listed', () => {
    expect(measureItems([])).toEqual({
      items: 0,
      overall: { n: 0, exact: 0, adjacent: 0, nonAdjacent: 0, signedDeviation: 0, nonAdjacentCount: 0 },
      decisions: { n: 0, agreement: 0 },
      criteria: [],
    });
  });
});

describe('meetsThresholds', () => {
  const at = (exact: number, nonAdjacentCount: number, n = 10) =>
    ({ overall: { n, exact, nonAdjacentCount } }) as Parameters<typeof meetsThresholds>[0];
  it('is met at the threshold exactly, not beyond the non-adjacent maximum, never with nothing scored', () => {
    const t = { minExactAgreement: 0.8, maxNonAdjacent: 0 };
    expect(meetsThresholds(at(0.8, 0), t)).toBe(true);
    expect(meetsThresholds(at(0.79, 0), t)).toBe(false);
    expect(meetsThresholds(at(1, 1), t)).toBe(false);
    expect(meetsThresholds(at(1, 1), { ...t, maxNonAdjacent: 1 })).toBe(true);
    expect(meetsThresholds(at(0, 0, 0), { minExactAgreement: 0, maxNonAdjacent: 0 })).toBe(false);
  });
});

describe('measuresDiffer', () => {
  const m = measureItems([item([['c', 3, 1, 2]], 'pass')]);
  it('agrees with itself, through JSON, and ignores fields it does not compute', () => {
    expect(measuresDiffer(JSON.parse(JSON.stringify({ ...m, note: 'x' })), m, 'a')).toBeUndefined();
  });
  it('names the first figure that differs, with both values', () => {
    const stated = JSON.parse(JSON.stringify(m));
    stated.criteria[0].signedDeviation = 0;
    expect(measuresDiffer(stated, m, 'seeds.agreement')).toEqual({
      path: 'seeds.agreement.criteria[0].signedDeviation',
      stated: 0,
      computed: -1,
    });
    expect(measuresDiffer({ ...m, criteria: [] }, m, 'x')).toEqual({
      path: 'x.criteria',
      stated: '0 entries',
      computed: '1 entries',
    });
    const missing = JSON.parse(JSON.stringify(m));
    delete missing.criteria[0].qwk;
    expect(measuresDiffer(missing, m, 'x')?.path).toBe('x.criteria[0].qwk');
    const nullKappa = JSON.parse(JSON.stringify(m));
    nullKappa.criteria[0].kappa.reason = 'no-variation';
    expect(measuresDiffer(nullKappa, m, 'x')).toEqual({
      path: 'x.criteria[0].kappa.reason',
      stated: 'no-variation',
      computed: 'not-enough-items',
    });
  });
  it('tolerates float noise only', () => {
    const stated = JSON.parse(JSON.stringify(m)) as typeof m;
    stated.overall.exact += 1e-12;
    expect(measuresDiffer(stated, m, 'x')).toBeUndefined();
    stated.overall.exact += 1e-6;
    expect(measuresDiffer(stated, m, 'x')?.path).toBe('x.overall.exact');
  });
});
