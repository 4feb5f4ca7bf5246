// How sure a flag is. A coordinator's flags (low QWK, low exact agreement, a severe or lenient mean deviation,
// an unusual not-yet rate) are figures from a few dozen items per assessor; a fair assessor's figure crosses a
// threshold by chance alone often enough that, over a panel of hundreds, most assessors would be flagged. So a
// flag is raised only when the figure's 95 % interval lies wholly beyond its threshold: the evidence says so,
// not the luck of the sample. Pure functions, no I/O; see ../docs/quality-assurance.md for the measures.
//
// The criteria of one item are scored together, by one reader reading one submission, so they are not
// independent: the intervals of exact agreement and of the mean deviation count the item, not the criterion, as
// the unit sampled (a cluster-robust ratio estimate).

/** The normal quantile of a two-sided 95 % interval. */
export const Z95 = 1.959964;

/** Student's t quantile of a two-sided 95 % interval for 1..30 degrees of freedom; the normal beyond. */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function t95(df: number): number {
  if (!(df >= 1)) return Infinity;
  return df <= T95.length ? T95[Math.floor(df) - 1]! : Z95;
}

/**
 * The standard normal quantile (the inverse of its distribution function) for 0 < p < 1: Acklam's rational
 * approximation (relative error under 1.2e-9), enough for the intervals here.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`A normal quantile needs 0 < p < 1; got ${p}.`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/** The two-sided 95 % quantile when `m` intervals must hold together (Bonferroni): 1.96 for one. */
export function z95For(m: number): number {
  return m <= 1 ? Z95 : normalQuantile(1 - 0.025 / m);
}

export interface Interval {
  low: number;
  high: number;
}

/** One item: how many criterion pairs it has and the sum of their values (exact: 1 or 0; deviation: levels). */
export interface ItemSum {
  m: number;
  y: number;
}

/**
 * The ratio Σy ÷ Σm over items and its standard error with the item as the sampled unit
 * (k ÷ (k − 1) · Σ (y − r·m)² ÷ (Σm)²). With fewer than two items the error is unknown: Infinity.
 */
export function clusteredRatio(items: readonly ItemSum[]): { value: number; se: number; items: number; n: number } {
  let m = 0;
  let y = 0;
  for (const it of items) {
    m += it.m;
    y += it.y;
  }
  const k = items.filter((it) => it.m > 0).length;
  if (m === 0) return { value: 0, se: Infinity, items: 0, n: 0 };
  const r = y / m;
  if (k < 2) return { value: r, se: Infinity, items: k, n: m };
  let ss = 0;
  for (const it of items) ss += (it.y - r * it.m) ** 2;
  return { value: r, se: Math.sqrt(((k / (k - 1)) * ss) / (m * m)), items: k, n: m };
}

/** Wilson's score interval for a share `p` observed over `n` (effective) trials. */
export function wilson(p: number, n: number, z = Z95): Interval {
  if (!(n > 0)) return { low: 0, high: 1 };
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const d = 1 + z2 / n;
  return { low: Math.max(0, (centre - half) / d), high: Math.min(1, (centre + half) / d) };
}

/**
 * The 95 % interval of a share of exact agreement over items of several criteria each: Wilson's interval with
 * the effective number of trials the clustering leaves (n ÷ design effect, never more than n and never fewer than
 * the items; the items alone when the share is 0 or 1 and the spread cannot be estimated).
 */
export function exactInterval(items: readonly ItemSum[]): Interval & { value: number; items: number; n: number } {
  const r = clusteredRatio(items);
  if (r.items < 2) return { low: 0, high: 1, value: r.value, items: r.items, n: r.n };
  const binomial = r.value * (1 - r.value);
  const nEff =
    binomial > 0 && r.se > 0
      ? Math.min(r.n, Math.max(r.items, binomial / (r.se * r.se)))
      : binomial > 0
        ? r.n
        : r.items;
  return { ...wilson(r.value, nEff), value: r.value, items: r.items, n: r.n };
}

/** The 95 % interval of a mean deviation over items (Student's t with items − 1 degrees of freedom). */
export function meanInterval(items: readonly ItemSum[]): Interval & { value: number; items: number; n: number } {
  const r = clusteredRatio(items);
  const half = r.items < 2 ? Infinity : t95(r.items - 1) * r.se;
  return { low: r.value - half, high: r.value + half, value: r.value, items: r.items, n: r.n };
}

/** Counts of (rater, reference) level pairs over `levels` levels. */
function countMatrix(pairs: readonly { rater: number; reference: number }[], levels: number) {
  const observed = new Float64Array(levels * levels);
  const rater = new Float64Array(levels);
  const reference = new Float64Array(levels);
  for (const p of pairs) {
    observed[p.rater * levels + p.reference]!++;
    rater[p.rater]!++;
    reference[p.reference]!++;
  }
  return { observed, rater, reference };
}

/** Quadratic weighted kappa of a count matrix over n pairs; null when chance agreement is already total. */
function qwkOf(
  m: { observed: Float64Array; rater: Float64Array; reference: Float64Array },
  levels: number,
  n: number,
): number | null {
  let obs = 0;
  let exp = 0;
  const d = (levels - 1) ** 2;
  for (let i = 0; i < levels; i++)
    for (let j = 0; j < levels; j++) {
      const w = (i - j) ** 2 / d;
      if (w === 0) continue;
      obs += (w * m.observed[i * levels + j]!) / n;
      exp += (w * m.rater[i]! * m.reference[j]!) / (n * n);
    }
  return exp === 0 ? null : 1 - obs / exp;
}

/**
 * Quadratic weighted kappa with a jackknife standard error (each pair, one item, left out in turn) and its
 * interval at quantile `z` (95 % by default). Null when the kappa says nothing about agreement: undefined, or one
 * source used a single level throughout (then the kappa is 0 however often the two agree, the "kappa paradox" of
 * a criterion where nearly all work sits at one level). An infinite error when a leave-one-out kappa is undefined.
 */
export function qwkInterval(
  pairs: readonly { rater: number; reference: number }[],
  levels: number,
  z = Z95,
): (Interval & { value: number; se: number }) | null {
  const n = pairs.length;
  if (n < 2 || levels < 2) return null;
  const m = countMatrix(pairs, levels);
  const used = (totals: Float64Array) => totals.filter((t) => t > 0).length;
  if (used(m.rater) < 2 || used(m.reference) < 2) return null;
  const value = qwkOf(m, levels, n);
  if (value === null) return null;
  // Leave-one-out over the distinct cells: every pair in one cell leaves the same kappa.
  const loo: { v: number; count: number }[] = [];
  for (let i = 0; i < levels; i++)
    for (let j = 0; j < levels; j++) {
      const count = m.observed[i * levels + j]!;
      if (!count) continue;
      m.observed[i * levels + j]!--;
      m.rater[i]!--;
      m.reference[j]!--;
      const v = qwkOf(m, levels, n - 1);
      m.observed[i * levels + j]!++;
      m.rater[i]!++;
      m.reference[j]!++;
      if (v === null) return { value, se: Infinity, low: -Infinity, high: Infinity };
      loo.push({ v, count });
    }
  const mean = loo.reduce((s, x) => s + x.v * x.count, 0) / n;
  const ss = loo.reduce((s, x) => s + x.count * (x.v - mean) ** 2, 0);
  const se = Math.sqrt(((n - 1) / n) * ss);
  return { value, se, low: value - z * se, high: value + z * se };
}

export interface RateCount {
  /** Decisions. */
  n: number;
  /** Of them, not yet. */
  x: number;
}

/**
 * Each assessor's not-yet rate against the rest of the panel, as a two-proportion test: the difference between
 * the assessor's rate and the rest's pooled rate, over the standard deviation that difference would have if the
 * assessor decided as the rest do: √(p(1 − p)(1 ÷ n + 1 ÷ n_rest) + τ²), where p is the whole panel's rate (with
 * half a decision added each way, so a panel that never said not yet still has a spread) and τ² is the spread
 * between the other assessors beyond their own binomial spread (0 when they differ only by chance, or are fewer
 * than two). Leaving the assessor out is what lets one unusual assessor of three stand out: with the assessor in,
 * the panel's spread grows with them and no one of three can be 2 SD from the mean.
 */
export function rateAgainstRest(
  counts: readonly RateCount[],
): { rate: number | null; restRate: number | null; sd: number; z: number | null }[] {
  const totalN = counts.reduce((s, c) => s + c.n, 0);
  const totalX = counts.reduce((s, c) => s + c.x, 0);
  const p = (totalX + 0.5) / (totalN + 1);
  // Sums over assessors with decisions of their rate r, r² and binomial variance, to leave one out in O(1).
  let k = 0;
  let sumR = 0;
  let sumR2 = 0;
  let sumVar = 0;
  const rateOf = (c: RateCount) => c.x / c.n;
  const varOf = (c: RateCount) => {
    const q = (c.x + 0.5) / (c.n + 1);
    return (q * (1 - q)) / c.n;
  };
  for (const c of counts)
    if (c.n > 0) {
      k++;
      sumR += rateOf(c);
      sumR2 += rateOf(c) ** 2;
      sumVar += varOf(c);
    }
  return counts.map((c) => {
    const restN = totalN - c.n;
    const restRate = restN > 0 ? (totalX - c.x) / restN : null;
    const own = c.n > 0;
    const rk = own ? k - 1 : k;
    let tau2 = 0;
    if (rk >= 2) {
      const sR = own ? sumR - rateOf(c) : sumR;
      const sR2 = own ? sumR2 - rateOf(c) ** 2 : sumR2;
      const sV = own ? sumVar - varOf(c) : sumVar;
      const between = (sR2 - (sR * sR) / rk) / (rk - 1);
      tau2 = Math.max(0, between - sV / rk);
    }
    if (!own || restRate === null) return { rate: own ? rateOf(c) : null, restRate, sd: Math.sqrt(tau2), z: null };
    const sd = Math.sqrt(p * (1 - p) * (1 / c.n + 1 / restN) + tau2);
    const rate = rateOf(c);
    return { rate, restRate, sd, z: (rate - restRate) / sd };
  });
}
