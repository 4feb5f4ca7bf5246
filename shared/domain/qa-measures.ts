// The measures a results package carries for its calibration rounds, seeds and second readings, computed
// from the scored items it lists (shared/domain/agreement.ts does the arithmetic). The export writes them
// and `assay results verify` recomputes them from the same items, so a stated figure that the listed
// levels do not give is caught. Pure: no I/O.
//
// Throughout, the rater is the assessor whose package it is; the reference is the definitive score (a
// calibration sample or seed) or the first reader's review (a second reading).
import {
  criterionAgreement,
  decisionAgreement,
  levelAgreement,
  type CriterionAgreement,
  type LevelAgreement,
  type LevelPair,
} from './agreement.js';
import type { Criterion, Decision, RubricLevel } from '../schemas/review-package.js';

/** A criterion's levels from lowest to highest points (ties keep the rubric's order): index 0 is the lowest. */
export function orderedLevels(c: Criterion): RubricLevel[] {
  return c.rubricCriterionLevel
    .map((l, i) => ({ l, i }))
    .sort((a, b) => a.l.points - b.l.points || a.i - b.i)
    .map(({ l }) => l);
}

/** One criterion of one scored item, as level indexes over the criterion's `levels` levels. */
export interface ScoredLevel {
  resultDescription: string;
  levels: number;
  achievedIndex: number;
  referenceIndex: number;
}

/** One scored item: its criteria, and the two decisions (the rater's may be unknown in an old round). */
export interface ScoredItem {
  results: readonly ScoredLevel[];
  decision?: Decision | undefined;
  referenceDecision: Decision;
}

export interface QaMeasures {
  /** Items (reviews) measured. */
  items: number;
  /** Over every criterion of every item. */
  overall: LevelAgreement & { nonAdjacentCount: number };
  /** Items with both decisions, and the share where they are the same. */
  decisions: { n: number; agreement: number };
  /** Per criterion (and level count: a criterion whose rubric changed its levels is measured apart), first seen first. */
  criteria: ({ resultDescription: string; levels: number } & CriterionAgreement)[];
}

/** Every measure over the items, in their order. */
export function measureItems(items: readonly ScoredItem[]): QaMeasures {
  const all: LevelPair[] = [];
  type Group = { resultDescription: string; levels: number; pairs: LevelPair[] };
  // In first-seen order; by criterion, then by level count (a rubric that changed its levels).
  const groups: Group[] = [];
  const byCriterion = new Map<string, Group[]>();
  for (const item of items)
    for (const r of item.results) {
      const pair = { rater: r.achievedIndex, reference: r.referenceIndex };
      all.push(pair);
      let ofCriterion = byCriterion.get(r.resultDescription);
      if (!ofCriterion) byCriterion.set(r.resultDescription, (ofCriterion = []));
      let g = ofCriterion.find((x) => x.levels === r.levels);
      if (!g) {
        g = { resultDescription: r.resultDescription, levels: r.levels, pairs: [] };
        ofCriterion.push(g);
        groups.push(g);
      }
      g.pairs.push(pair);
    }
  const decided = items.flatMap((i) =>
    i.decision === undefined ? [] : [{ rater: i.decision, reference: i.referenceDecision }],
  );
  return {
    items: items.length,
    overall: {
      ...levelAgreement(all),
      nonAdjacentCount: all.filter((p) => Math.abs(p.rater - p.reference) > 1).length,
    },
    decisions: decisionAgreement(decided),
    criteria: groups.map((g) => ({
      resultDescription: g.resultDescription,
      levels: g.levels,
      ...criterionAgreement(g.pairs, Math.max(2, g.levels)),
    })),
  };
}

/** Whether a calibration round's agreement meets the package's thresholds. */
export function meetsThresholds(
  m: QaMeasures,
  thresholds: { minExactAgreement: number; maxNonAdjacent: number },
): boolean {
  return (
    m.overall.n > 0 &&
    m.overall.exact >= thresholds.minExactAgreement &&
    m.overall.nonAdjacentCount <= thresholds.maxNonAdjacent
  );
}

/**
 * Where two sets of measures differ (beyond float noise), as a JSON path under `at` and both values;
 * undefined when they agree. Used by the verifier to name the figure that the listed items do not give.
 */
export function measuresDiffer(
  stated: unknown,
  computed: unknown,
  at: string,
): { path: string; stated: unknown; computed: unknown } | undefined {
  if (typeof computed === 'number' && typeof stated === 'number') {
    return Math.abs(stated - computed) <= 1e-9 ? undefined : { path: at, stated, computed };
  }
  if (Array.isArray(computed)) {
    if (!Array.isArray(stated) || stated.length !== computed.length)
      return {
        path: at,
        stated: Array.isArray(stated) ? `${stated.length} entries` : stated,
        computed: `${computed.length} entries`,
      };
    for (let i = 0; i < computed.length; i++) {
      const d = measuresDiffer(stated[i], computed[i], `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (computed !== null && typeof computed === 'object') {
    if (stated === null || typeof stated !== 'object' || Array.isArray(stated))
      return { path: at, stated, computed: 'an object' };
    for (const [k, v] of Object.entries(computed)) {
      const d = measuresDiffer((stated as Record<string, unknown>)[k], v, `${at}.${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return stated === computed ? undefined : { path: at, stated, computed };
}
