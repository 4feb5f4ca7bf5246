// How far two sources of scores agree: an assessor against the definitive scores of calibration samples
// and seeds, or a first reader against a second. Defined once here (pure, no I/O) and used by the
// workspace, the results package and the coordinator alike; see ../docs/quality-assurance.md.
//
// Levels are compared by their index in the criterion's levels ordered by points (0 = lowest), so
// "adjacent" means one level apart whatever the points are.

import type { Decision } from '../schemas/review-package.js';

/** Below this many items a kappa says nothing: it is reported as "not enough items", not as a number. */
export const MIN_ITEMS_FOR_KAPPA = 10;

/** One item scored by both sources: the level index each gave. */
export interface LevelPair {
  /** The source being measured (the assessor, or the first reader). */
  rater: number;
  /** The reference (the definitive score, or the second reader). */
  reference: number;
}

export interface LevelAgreement {
  n: number;
  /** Share of items at the same level (0..1). */
  exact: number;
  /** Share at the same level or one apart. */
  adjacent: number;
  /** Share more than one level apart. */
  nonAdjacent: number;
  /** Mean of (rater − reference) in levels: below 0 the rater is severe, above 0 lenient. */
  signedDeviation: number;
}

export type Kappa =
  | { value: number; n: number }
  /** Fewer than MIN_ITEMS_FOR_KAPPA items. */
  | { value: null; n: number; reason: 'not-enough-items' }
  /** Chance agreement is already total (both sources used one and the same level throughout): kappa is undefined. */
  | { value: null; n: number; reason: 'no-variation' };

export interface CriterionAgreement extends LevelAgreement {
  kappa: Kappa;
  /** Quadratic weighted kappa over the criterion's `levels` levels. */
  qwk: Kappa;
}

function checkPairs(pairs: readonly LevelPair[], levels?: number): void {
  const check = (v: number) => {
    if (!Number.isInteger(v) || v < 0 || (levels !== undefined && v >= levels))
      throw new RangeError(
        `A level index must be a whole number from 0${levels === undefined ? '' : ` to ${levels - 1}`}; got ${v}.`,
      );
  };
  // Rater then reference, pair by pair (no array per pair: the coordinator checks every pair of a panel).
  for (const p of pairs) {
    check(p.rater);
    check(p.reference);
  }
}

/** Exact, adjacent and non-adjacent agreement and the signed deviation; all 0 with n = 0. */
export function levelAgreement(pairs: readonly LevelPair[]): LevelAgreement {
  checkPairs(pairs);
  const n = pairs.length;
  if (n === 0) return { n, exact: 0, adjacent: 0, nonAdjacent: 0, signedDeviation: 0 };
  let exact = 0;
  let adjacent = 0;
  let deviation = 0;
  for (const { rater, reference } of pairs) {
    const d = rater - reference;
    if (d === 0) exact++;
    if (Math.abs(d) <= 1) adjacent++;
    deviation += d;
  }
  return {
    n,
    exact: exact / n,
    adjacent: adjacent / n,
    nonAdjacent: (n - adjacent) / n,
    signedDeviation: deviation / n,
  };
}

/**
 * Weighted kappa over `levels` categories: 1 − Σ w·observed / Σ w·expected, where expected comes from the
 * two sources' marginal shares. Unweighted (Cohen's) kappa is w = 0 on the diagonal and 1 elsewhere;
 * quadratic weights are (i − j)² / (levels − 1)².
 */
function weightedKappa(pairs: readonly LevelPair[], levels: number, weight: (i: number, j: number) => number): Kappa {
  checkPairs(pairs, levels);
  const n = pairs.length;
  if (n < MIN_ITEMS_FOR_KAPPA) return { value: null, n, reason: 'not-enough-items' };
  const observed = Array.from({ length: levels }, () => new Array<number>(levels).fill(0));
  const raterTotals = new Array<number>(levels).fill(0);
  const referenceTotals = new Array<number>(levels).fill(0);
  for (const { rater, reference } of pairs) {
    observed[rater]![reference]!++;
    raterTotals[rater]!++;
    referenceTotals[reference]!++;
  }
  let disagreeObserved = 0;
  let disagreeExpected = 0;
  for (let i = 0; i < levels; i++)
    for (let j = 0; j < levels; j++) {
      const w = weight(i, j);
      disagreeObserved += (w * observed[i]![j]!) / n;
      disagreeExpected += (w * raterTotals[i]! * referenceTotals[j]!) / (n * n);
    }
  if (disagreeExpected === 0) return { value: null, n, reason: 'no-variation' };
  return { value: 1 - disagreeObserved / disagreeExpected, n };
}

/** Cohen's kappa (unweighted) over `levels` categories. */
export function cohensKappa(pairs: readonly LevelPair[], levels: number): Kappa {
  return weightedKappa(pairs, levels, (i, j) => (i === j ? 0 : 1));
}

/** Quadratic weighted kappa (QWK) over `levels` ordered categories: near misses count less than far ones. */
export function quadraticWeightedKappa(pairs: readonly LevelPair[], levels: number): Kappa {
  if (levels < 2) throw new RangeError(`A weighted kappa needs at least 2 levels; got ${levels}.`);
  return weightedKappa(pairs, levels, (i, j) => (i - j) ** 2 / (levels - 1) ** 2);
}

/** Every measure for one criterion with `levels` levels. */
export function criterionAgreement(pairs: readonly LevelPair[], levels: number): CriterionAgreement {
  return {
    ...levelAgreement(pairs),
    kappa: cohensKappa(pairs, levels),
    qwk: quadraticWeightedKappa(pairs, levels),
  };
}

/** Share of items where both sources reached the same decision (0 with no items), with n. */
export function decisionAgreement(pairs: readonly { rater: Decision; reference: Decision }[]): {
  n: number;
  agreement: number;
} {
  const n = pairs.length;
  if (n === 0) return { n, agreement: 0 };
  return { n, agreement: pairs.filter((p) => p.rater === p.reference).length / n };
}

/** "0.62 (n = 24)" or "not enough items (n = 6)": how a kappa is shown, never a number that means nothing. */
export function formatKappa(k: Kappa): string {
  if (k.value !== null) return `${k.value.toFixed(2)} (n = ${k.n})`;
  return k.reason === 'not-enough-items' ? `not enough items (n = ${k.n})` : `undefined: no variation (n = ${k.n})`;
}
