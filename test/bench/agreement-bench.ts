// Time to compute every agreement measure for 10,000 scored items (4 criteria of 4 levels each, and the
// decision), as the coordinator does over a panel's results. No peer in this process: absolute times.
import { criterionAgreement, decisionAgreement, type LevelPair } from '../../shared/domain/agreement.js';
import { fmtMs, heading, line, nowMs } from './stats.js';

const ITEMS = 10_000;
const CRITERIA = 4;
const LEVELS = 4;
const ROUNDS = 7;

export function benchAgreement(): void {
  heading(`Agreement measures: ${ITEMS.toLocaleString('en')} items × ${CRITERIA} criteria of ${LEVELS} levels`);
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const perCriterion: LevelPair[][] = Array.from({ length: CRITERIA }, () =>
    Array.from({ length: ITEMS }, () => {
      const reference = Math.floor(next() * LEVELS);
      const rater = Math.min(LEVELS - 1, Math.max(0, reference + (next() < 0.3 ? (next() < 0.5 ? -1 : 1) : 0)));
      return { rater, reference };
    }),
  );
  const decisions = perCriterion[0]!.map((p) => ({
    rater: p.rater >= 2 ? ('pass' as const) : ('not-yet' as const),
    reference: p.reference >= 2 ? ('pass' as const) : ('not-yet' as const),
  }));
  const times: number[] = [];
  let qwk = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = nowMs();
    const measures = perCriterion.map((pairs) => criterionAgreement(pairs, LEVELS));
    decisionAgreement(decisions);
    times.push(nowMs() - t0);
    qwk = measures[0]!.qwk.value ?? NaN;
  }
  times.sort((a, b) => a - b);
  line(
    'all measures, one pass',
    fmtMs(times[Math.floor(ROUNDS / 2)]!),
    `min ${fmtMs(times[0]!)} · max ${fmtMs(times.at(-1)!)} · ${ROUNDS} rounds · QWK of criterion 1 ${qwk.toFixed(3)}`,
  );
}
