// Time to compute every agreement measure a results package and the coordinator show (per criterion exact,
// adjacent, non-adjacent, signed deviation, Cohen's kappa and QWK; decision agreement) for 10,000 scored
// items over the seven sample micro-credentials (3–5 criteria of 3–4 levels each); and the measures for a
// scripted assessor who always scores one level low. Prints figures; never fails on a time.
import { computeDecision } from '../../shared/domain/decision.js';
import { measureItems, orderedLevels, type QaMeasures, type ScoredItem } from '../../shared/domain/qa-measures.js';
import type { Achievement, Decision } from '../../shared/schemas/review-package.js';
import { ACHIEVEMENTS, buildAchievement } from '../../electron/sample/rubrics.js';
import { fmtMs, heading, line, nowMs } from './stats.js';

const ITEMS = 10_000;
const ROUNDS = 9;

/** One item as stored: level ids by criterion, for the assessor and the reference. */
interface StoredItem {
  achievement: Achievement;
  own: Record<string, string>;
  reference: Record<string, string>;
  referenceDecision: Decision;
}

/** From level ids to indexes and decisions (what the export does per item), then every measure. */
function fromStored(items: readonly StoredItem[]): QaMeasures {
  const levelsOf = new Map<string, string[]>();
  const scored: ScoredItem[] = items.map((it) => ({
    results: it.achievement.resultDescription.map((c) => {
      let ids = levelsOf.get(c.id);
      if (!ids) levelsOf.set(c.id, (ids = orderedLevels(c).map((l) => l.id)));
      return {
        resultDescription: c.id,
        levels: ids.length,
        achievedIndex: ids.indexOf(it.own[c.id]!),
        referenceIndex: ids.indexOf(it.reference[c.id]!),
      };
    }),
    decision: decide(it.achievement, it.own),
    referenceDecision: it.referenceDecision,
  }));
  return measureItems(scored);
}

/** The rubric's decision for complete scores (every sample rubric has a pass rule). */
function decide(a: Achievement, scores: Record<string, string>): Decision {
  const d = computeDecision(a, scores);
  if (d.kind !== 'decided') throw new Error(`${a.id}: no decision (${d.kind})`);
  return d.decision;
}

function fmtShare(x: number): string {
  return x.toFixed(3);
}

export function benchQuality(): void {
  const achievements = ACHIEVEMENTS.map((d) => buildAchievement(d, 'image.png'));
  const criteria = achievements.reduce((n, a) => n + a.resultDescription.length, 0);
  heading(
    `Quality measures: ${ITEMS.toLocaleString('en')} scored items, ${achievements.length} micro-credentials, ${criteria} criteria of 3–4 levels`,
  );
  let seed = 2026;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  // Definitive levels lean to the middle and top (most samples are near the cut); a realistic assessor
  // agrees exactly about 70 % of the time, one level off 25 %, two off 5 %.
  const realistic: StoredItem[] = [];
  const oneLow: StoredItem[] = [];
  let clamped = 0;
  let scoredCriteria = 0;
  for (let i = 0; i < ITEMS; i++) {
    const achievement = achievements[i % achievements.length]!;
    const own: Record<string, string> = {};
    const low: Record<string, string> = {};
    const reference: Record<string, string> = {};
    for (const c of achievement.resultDescription) {
      const levels = orderedLevels(c);
      const top = levels.length - 1;
      const r = next();
      const ref = Math.min(top, r < 0.1 ? 0 : r < 0.35 ? 1 : r < 0.8 ? 2 : 3);
      const u = next();
      const off = u < 0.7 ? 0 : u < 0.95 ? (next() < 0.5 ? -1 : 1) : next() < 0.5 ? -2 : 2;
      reference[c.id] = levels[ref]!.id;
      own[c.id] = levels[Math.min(top, Math.max(0, ref + off))]!.id;
      // The scripted assessor: always one level below the definitive one (the lowest stays the lowest).
      if (ref === 0) clamped++;
      low[c.id] = levels[Math.max(0, ref - 1)]!.id;
      scoredCriteria++;
    }
    const referenceDecision = decide(achievement, reference);
    realistic.push({ achievement, own, reference, referenceDecision });
    oneLow.push({ achievement, own: low, reference, referenceDecision });
  }
  // Items whose every definitive level is above the lowest: there "one level low" is possible throughout.
  const lowerable = oneLow.filter((it) =>
    it.achievement.resultDescription.every((c) => orderedLevels(c)[0]!.id !== it.reference[c.id]),
  );

  // Interleaved rounds: measures from indexes (the verifier's recomputation) and from stored level ids.
  const prepared: ScoredItem[] = realistic.map((it) => ({
    results: it.achievement.resultDescription.map((c) => {
      const ids = orderedLevels(c).map((l) => l.id);
      return {
        resultDescription: c.id,
        levels: ids.length,
        achievedIndex: ids.indexOf(it.own[c.id]!),
        referenceIndex: ids.indexOf(it.reference[c.id]!),
      };
    }),
    decision: decide(it.achievement, it.own),
    referenceDecision: it.referenceDecision,
  }));
  const fromIndexes: number[] = [];
  const fromIds: number[] = [];
  let realisticMeasures: QaMeasures | undefined;
  for (let r = 0; r < ROUNDS; r++) {
    let t0 = nowMs();
    measureItems(prepared);
    fromIndexes.push(nowMs() - t0);
    t0 = nowMs();
    realisticMeasures = fromStored(realistic);
    fromIds.push(nowMs() - t0);
  }
  const report = (label: string, times: number[], note: string) => {
    const sorted = [...times].sort((a, b) => a - b);
    line(
      label,
      fmtMs(sorted[Math.floor(sorted.length / 2)]!),
      `min ${fmtMs(sorted[0]!)} · max ${fmtMs(sorted.at(-1)!)} · ${ROUNDS} rounds${note ? ` · ${note}` : ''}`,
    );
  };
  report(
    'all measures from level indexes (median)',
    fromIndexes,
    `${scoredCriteria.toLocaleString('en')} criterion scores`,
  );
  report('all measures from stored level ids (median)', fromIds, 'with each item’s decision computed');

  const describe = (label: string, m: QaMeasures) => {
    const qwks = m.criteria.map((c) => c.qwk.value).filter((v): v is number => v !== null);
    const kappas = m.criteria.map((c) => c.kappa.value).filter((v): v is number => v !== null);
    const sortedQwk = [...qwks].sort((a, b) => a - b);
    line(
      label,
      `exact ${fmtShare(m.overall.exact)}`,
      `adjacent ${fmtShare(m.overall.adjacent)} · non-adjacent ${fmtShare(m.overall.nonAdjacent)} · severity ${m.overall.signedDeviation.toFixed(3)} · ` +
        `QWK per criterion ${fmtShare(sortedQwk[0]!)}–${fmtShare(sortedQwk.at(-1)!)} (median ${fmtShare(sortedQwk[Math.floor(sortedQwk.length / 2)]!)}, ${qwks.length} criteria) · ` +
        `kappa median ${fmtShare([...kappas].sort((a, b) => a - b)[Math.floor(kappas.length / 2)]!)} · decisions ${fmtShare(m.decisions.agreement)} (n = ${m.decisions.n.toLocaleString('en')})`,
    );
  };
  describe('realistic assessor', realisticMeasures!);
  describe(`one level low, ${lowerable.length.toLocaleString('en')} items never at the lowest`, fromStored(lowerable));
  describe(
    `one level low, all items (${((100 * clamped) / scoredCriteria).toFixed(1)} % at the lowest)`,
    fromStored(oneLow),
  );
}
