// From stored reviews to the shared measures (shared/domain/agreement.ts): levels are compared by their index
// in the criterion's levels ordered by points, and a summary covers the criteria of one or more reviews.
import { decisionAgreement, levelAgreement, type LevelPair } from '../../shared/domain/agreement.js';
import { orderedLevels } from '../../shared/domain/qa-measures.js';
import type { AgreementSummary } from '../../shared/domain/quality.js';
import type { Achievement, Criterion, Decision, RubricLevel } from '../../shared/schemas/review-package.js';

/** One criterion of one review, own level and reference level, as indexes with the level objects. */
export interface ScoredCriterion {
  criterion: Criterion;
  own: RubricLevel;
  ownIndex: number;
  reference: RubricLevel;
  referenceIndex: number;
}

/** One review beside its reference. */
export interface ScoredReview {
  criteria: ScoredCriterion[];
  ownDecision: Decision;
  referenceDecision: Decision;
}

/**
 * Pairs each criterion of the rubric scored by both sources. A level id that is not in the rubric (the
 * import refuses such references, so only a damaged store has one) is an error naming both.
 */
export function scoreReview(
  rubric: Achievement,
  own: Readonly<Record<string, string | undefined>>,
  reference: ReadonlyMap<string, string>,
  ownDecision: Decision,
  referenceDecision: Decision,
): ScoredReview {
  const criteria: ScoredCriterion[] = [];
  for (const c of rubric.resultDescription) {
    const ownId = own[c.id];
    const refId = reference.get(c.id);
    if (ownId === undefined || refId === undefined) continue;
    const levels = orderedLevels(c);
    const ownIndex = levels.findIndex((l) => l.id === ownId);
    const referenceIndex = levels.findIndex((l) => l.id === refId);
    if (ownIndex < 0 || referenceIndex < 0)
      throw new Error(
        `Criterion "${c.id}" of "${rubric.id}" has no level "${ownIndex < 0 ? ownId : refId}"; the store does not match its rubric.`,
      );
    criteria.push({
      criterion: c,
      own: levels[ownIndex]!,
      ownIndex,
      reference: levels[referenceIndex]!,
      referenceIndex,
    });
  }
  return { criteria, ownDecision, referenceDecision };
}

/** The agreement over every criterion of the reviews given (all 0 with none). */
export function summarise(reviews: readonly ScoredReview[]): AgreementSummary {
  const pairs: LevelPair[] = reviews.flatMap((r) =>
    r.criteria.map((c) => ({ rater: c.ownIndex, reference: c.referenceIndex })),
  );
  const levels = levelAgreement(pairs);
  const decisions = decisionAgreement(reviews.map((r) => ({ rater: r.ownDecision, reference: r.referenceDecision })));
  return {
    n: levels.n,
    exact: levels.exact,
    adjacent: levels.adjacent,
    nonAdjacent: levels.nonAdjacent,
    nonAdjacentCount: pairs.filter((p) => Math.abs(p.rater - p.reference) > 1).length,
    signedDeviation: levels.signedDeviation,
    decisions: decisions.n,
    decisionAgreement: decisions.agreement,
  };
}

/** "60 %": a share as a whole percentage, the way the screens and the CLI say it. */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
