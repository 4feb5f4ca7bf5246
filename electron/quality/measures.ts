// From stored reviews to the shared measures (shared/domain/agreement.ts): levels are compared by their index
// in the criterion's levels ordered by points, and a summary covers the criteria of one or more reviews.
import { measureItems, orderedLevels, type ScoredItem } from '../../shared/domain/qa-measures.js';
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

/** The reviews as the shared measures' scored items (shared/domain/qa-measures.ts). */
export function asScoredItems(reviews: readonly ScoredReview[]): ScoredItem[] {
  return reviews.map((r) => ({
    results: r.criteria.map((c) => ({
      resultDescription: c.criterion.id,
      levels: c.criterion.rubricCriterionLevel.length,
      achievedIndex: c.ownIndex,
      referenceIndex: c.referenceIndex,
    })),
    decision: r.ownDecision,
    referenceDecision: r.referenceDecision,
  }));
}

/** The agreement over every criterion of the reviews given (all 0 with none): the shared measures, summed up. */
export function summarise(reviews: readonly ScoredReview[]): AgreementSummary {
  const m = measureItems(asScoredItems(reviews));
  return {
    n: m.overall.n,
    exact: m.overall.exact,
    adjacent: m.overall.adjacent,
    nonAdjacent: m.overall.nonAdjacent,
    nonAdjacentCount: m.overall.nonAdjacentCount,
    signedDeviation: m.overall.signedDeviation,
    decisions: m.decisions.n,
    decisionAgreement: m.decisions.agreement,
  };
}

/** "60 %": a share as a whole percentage, the way the screens and the CLI say it. */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
