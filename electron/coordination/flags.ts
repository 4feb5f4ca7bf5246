// The coordinator's flags: what the overview says a coordinator should look at, each with the figure, the
// threshold, the figure's 95 % interval and a sentence. A flag is raised only when the interval lies wholly
// beyond the threshold (shared/domain/flag-evidence.ts): over a panel of hundreds, a fair assessor's figure from a
// few dozen items crosses a threshold by chance alone far too often to flag on the figure. Pure: no store.
import type { Kappa, LevelAgreement, LevelPair } from '../../shared/domain/agreement.js';
import { formatKappa } from '../../shared/domain/agreement.js';
import {
  exactInterval,
  meanInterval,
  qwkInterval,
  rateAgainstRest,
  z95For,
} from '../../shared/domain/flag-evidence.js';
import type { Flag, Thresholds } from '../../shared/coordination/types.js';

/** An assessor's measures on one criterion of one micro-credential. */
export interface MeasuredCriterion {
  achievementId: string;
  criterionId: string;
  /** The criterion's name, for the sentence. */
  name: string;
  levels: number;
  /** One pair per item (the assessor as the rater). */
  pairs: readonly LevelPair[];
  qwk: Kappa;
}

/** A measured item: one pair (assessor's level index a, reference's r) per criterion scored. */
export interface FlagItem {
  /** A seed (the reference is the definitive score) rather than a second reading (the other reader). */
  seed: boolean;
  pairs: readonly { a: number; r: number }[];
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const levelsWord = (x: number) => `${Math.abs(x).toFixed(2)} level${Math.abs(x) === 1 ? '' : 's'}`;
const signed = (x: number) => (x < 0 ? `−${(-x).toFixed(2)}` : `+${x.toFixed(2)}`);

/** Low QWK per criterion, low exact agreement and a severe or lenient mean deviation over the assessor's items. */
export function levelFlags(
  assessor: { id: string; name: string },
  items: readonly FlagItem[],
  criteria: readonly MeasuredCriterion[],
  overall: LevelAgreement,
  thresholds: Pick<Thresholds, 'minQwk' | 'minExactAgreement' | 'maxDeviation'>,
): Flag[] {
  const flags: Flag[] = [];
  const { id, name } = assessor;
  // Every criterion measured is a chance to be flagged by luck: the intervals are widened so that all of an
  // assessor's hold together at 95 % (Bonferroni), or an assessor of thirty criteria would be flagged on one of
  // them most of the time.
  const tested = criteria.filter((c) => c.qwk.value !== null && qwkInterval(c.pairs, c.levels) !== null).length;
  const z = z95For(tested);
  for (const c of criteria) {
    if (c.qwk.value === null || c.qwk.value >= thresholds.minQwk) continue;
    const ci = qwkInterval(c.pairs, c.levels, z);
    if (ci && ci.high < thresholds.minQwk)
      flags.push({
        assessorId: id,
        kind: 'qwk',
        achievementId: c.achievementId,
        criterionId: c.criterionId,
        value: c.qwk.value,
        threshold: thresholds.minQwk,
        interval: { low: ci.low, high: ci.high },
        sentence: `${name}'s quadratic weighted kappa on ‘${c.name}’ is ${formatKappa(c.qwk)}, below ${thresholds.minQwk}, and so is its interval (${ci.low.toFixed(2)} to ${ci.high.toFixed(2)}; 95 % for the ${tested} ${tested === 1 ? 'criterion' : 'criteria'} measured together).`,
      });
  }
  if (overall.n === 0) return flags;
  // Per item: its criteria, how many agreed exactly, and the sum of their deviations (the item is the unit sampled).
  const sums = items.map((it) => {
    let exact = 0;
    let dev = 0;
    for (const p of it.pairs) {
      if (p.a === p.r) exact++;
      dev += p.a - p.r;
    }
    return { seed: it.seed, m: it.pairs.length, exact, dev };
  });
  // Exact agreement is held to the calibration threshold, which is agreement with definitive scores: so it is
  // measured on the seeds when the assessor scored them. Two readers who each misread now and then agree exactly
  // less often than either agrees with the definitive score, so against other readers a fair assessor would sit
  // below the threshold; an assessor without seeds can only be measured that way, and the sentence says so.
  // Two seeds at least (one item says nothing of its spread); with fewer, every item measured.
  const seeds = sums.filter((x) => x.seed && x.m > 0);
  const onSeeds = seeds.length >= 2;
  const basis = onSeeds ? seeds : sums;
  const ci = exactInterval(basis.map((x) => ({ m: x.m, y: x.exact })));
  if (ci.n > 0 && ci.value < thresholds.minExactAgreement && ci.high < thresholds.minExactAgreement)
    flags.push({
      assessorId: id,
      kind: 'exact',
      value: ci.value,
      threshold: thresholds.minExactAgreement,
      interval: { low: ci.low, high: ci.high },
      sentence: `${name} agrees exactly on ${pct(ci.value)} of ${ci.n} criteria (${ci.items} ${onSeeds ? 'seeds, against their definitive scores' : seeds.length ? 'items, seeds against their definitive scores and second readings against the other reader' : 'second readings, against the other reader: no seeds'}), 95 % interval ${pct(ci.low)} to ${pct(ci.high)}; the calibration threshold is ${pct(thresholds.minExactAgreement)}.`,
    });
  if (Math.abs(overall.signedDeviation) > thresholds.maxDeviation) {
    const ci = meanInterval(sums.map((x) => ({ m: x.m, y: x.dev })));
    if (ci.low > thresholds.maxDeviation || ci.high < -thresholds.maxDeviation)
      flags.push({
        assessorId: id,
        kind: 'deviation',
        value: overall.signedDeviation,
        threshold: thresholds.maxDeviation,
        interval: { low: ci.low, high: ci.high },
        sentence: `${name} scores ${levelsWord(overall.signedDeviation)} ${overall.signedDeviation < 0 ? 'below' : 'above'} the reference on average (n = ${overall.n}, ${ci.items} items; 95 % interval ${signed(ci.low)} to ${signed(ci.high)}); the limit is ±${thresholds.maxDeviation} level.`,
      });
  }
  return flags;
}

/** An unusual not-yet rate: more than `notYetSd` standard deviations from the rest of the panel's (rateAgainstRest). */
export function notYetFlags(
  assessors: readonly { id: string; name: string; decisions: number; notYet: number }[],
  thresholds: Pick<Thresholds, 'notYetSd'>,
): Flag[] {
  const k = thresholds.notYetSd;
  const against = rateAgainstRest(assessors.map((a) => ({ n: a.decisions, x: a.notYet })));
  return assessors.flatMap((a, i): Flag[] => {
    const r = against[i]!;
    if (r.rate === null || r.restRate === null || r.z === null || Math.abs(r.z) <= k) return [];
    const low = Math.max(0, r.restRate - k * r.sd);
    const high = Math.min(1, r.restRate + k * r.sd);
    return [
      {
        assessorId: a.id,
        kind: 'not-yet-rate',
        value: r.rate,
        threshold: k,
        interval: { low, high },
        sentence: `${a.name} decides not yet on ${pct(r.rate)} of ${a.decisions} decisions; the rest of the panel on ${pct(r.restRate)}, and ${a.decisions} decisions made as the rest decide would be within ${k} standard deviations (${pct(r.sd)} each) of it: ${pct(low)} to ${pct(high)}.`,
      },
    ];
  });
}
