// The decision rule of review package format 1, as a pure function both processes share.
import { AssayError, type AssayErrorOptions } from '../errors.js';
import type { Achievement, Criterion, Decision, RubricLevel } from '../schemas/review-package.js';
import { hasPassRule, noPassRuleMessage, type PassRuleFields } from './pass-rule.js';

/** The assessor's choice per criterion: criterion id -> level id (absent when not yet scored). */
export type Scores = Readonly<Record<string, string | undefined>>;

export interface CriterionShortfall {
  criterionId: string;
  criterionName: string;
  chosenLevelId: string;
  chosenLevelName: string;
  requiredLevelId: string;
  requiredLevelName: string;
}

export type ComputedDecision =
  | {
      /**
       * The rubric has neither a required level nor passing points: the format's rule would pass
       * everything, so there is no decision until the rubric has a rule (see pass-rule.ts).
       */
      kind: 'no-pass-rule';
      /** The rubric's name, to say which one lacks the rule. */
      rubricName: string;
      /** Points of the levels chosen so far. */
      points: number;
    }
  | {
      kind: 'incomplete';
      /** Criteria still to be scored, in rubric order. */
      unscored: { id: string; name: string }[];
      /** Points of the levels chosen so far. */
      points: number;
    }
  | {
      kind: 'decided';
      decision: Decision;
      points: number;
      passingPoints: number | undefined;
      /** Criteria scored below their required level (empty on a pass). */
      shortfalls: CriterionShortfall[];
      /** True when passingPoints is set and the total falls short of it. */
      belowPassingPoints: boolean;
    };

export class ScoringError extends AssayError {
  override name = 'ScoringError';
  constructor(message: string, options?: AssayErrorOptions) {
    super('scoring', message, options);
  }
}

function levelOf(criterion: Criterion, levelId: string): RubricLevel {
  const level = criterion.rubricCriterionLevel.find((l) => l.id === levelId);
  if (!level) throw new ScoringError(`"${levelId}" is not one of the levels of criterion "${criterion.name}"`);
  return level;
}

/**
 * Applies the rule: a submission passes when (1) every criterion with a requiredLevel was scored at
 * a level whose points are at least the required level's points, and (2) where passingPoints is
 * set, the chosen levels' points add up to at least that. Until every criterion is scored there is
 * no decision, and a rubric with neither rule never has one (it would pass everything).
 * Scores naming an unknown criterion or level are refused, never silently ignored.
 */
export function computeDecision(
  rubric: PassRuleFields & Partial<Pick<Achievement, 'name'>>,
  scores: Scores,
): ComputedDecision {
  const known = new Set(rubric.resultDescription.map((c) => c.id));
  for (const [criterionId, levelId] of Object.entries(scores)) {
    if (levelId !== undefined && !known.has(criterionId))
      throw new ScoringError(`"${criterionId}" is not a criterion of this rubric`);
  }
  let points = 0;
  const unscored: { id: string; name: string }[] = [];
  const shortfalls: CriterionShortfall[] = [];
  for (const criterion of rubric.resultDescription) {
    const chosenId = scores[criterion.id];
    if (chosenId === undefined) {
      unscored.push({ id: criterion.id, name: criterion.name });
      continue;
    }
    const chosen = levelOf(criterion, chosenId);
    points += chosen.points;
    if (criterion.requiredLevel !== undefined) {
      const required = levelOf(criterion, criterion.requiredLevel);
      if (chosen.points < required.points) {
        shortfalls.push({
          criterionId: criterion.id,
          criterionName: criterion.name,
          chosenLevelId: chosen.id,
          chosenLevelName: chosen.name,
          requiredLevelId: required.id,
          requiredLevelName: required.name,
        });
      }
    }
  }
  if (!hasPassRule(rubric)) return { kind: 'no-pass-rule', rubricName: rubric.name ?? 'this rubric', points };
  if (unscored.length > 0) return { kind: 'incomplete', unscored, points };
  const passingPoints = rubric.passingPoints;
  const belowPassingPoints = passingPoints !== undefined && points < passingPoints;
  const decision: Decision = shortfalls.length === 0 && !belowPassingPoints ? 'pass' : 'not-yet';
  return { kind: 'decided', decision, points, passingPoints, shortfalls, belowPassingPoints };
}

export interface Override {
  decision: Decision;
  justification: string;
}

export interface FinalDecision {
  decision: Decision;
  computed: Decision;
  overridden: boolean;
  justification?: string;
}

/**
 * The decision a review records. An override of the computed decision needs a written
 * justification (kept with the review); an "override" that agrees with the rule is no override.
 */
export function finalDecision(computed: ComputedDecision, override?: Override): FinalDecision {
  // Not even an override decides here: with no rule there is no computed decision to justify against.
  if (computed.kind === 'no-pass-rule')
    throw new ScoringError(`${noPassRuleMessage(computed.rubricName)}; no decision can be recorded until it has one`);
  if (computed.kind === 'incomplete') {
    const names = computed.unscored.map((c) => c.name).join(', ');
    throw new ScoringError(`Every criterion must be scored before a decision exists; not yet scored: ${names}`);
  }
  if (!override || override.decision === computed.decision) {
    return { decision: computed.decision, computed: computed.decision, overridden: false };
  }
  const justification = override.justification.trim();
  if (justification.length === 0) {
    throw new ScoringError('Overriding the computed decision needs a written justification');
  }
  return { decision: override.decision, computed: computed.decision, overridden: true, justification };
}

/** The reasons for a computed decision in words an assessor reads beside the rubric. */
export function explainDecision(computed: ComputedDecision): string[] {
  if (computed.kind === 'no-pass-rule') {
    return [
      `${noPassRuleMessage(computed.rubricName)}. Without one every scored submission would pass, so no decision can be made on this rubric.`,
    ];
  }
  if (computed.kind === 'incomplete') {
    return [
      `${computed.unscored.length} of the criteria still to score: ${computed.unscored.map((c) => c.name).join(', ')}`,
    ];
  }
  const reasons = computed.shortfalls.map(
    (s) => `${s.criterionName} is below the required level ${s.requiredLevelName}`,
  );
  if (computed.belowPassingPoints)
    reasons.push(`${computed.points} points is below the ${computed.passingPoints} needed to pass`);
  if (computed.decision === 'pass') {
    reasons.push(
      computed.passingPoints !== undefined
        ? `Every required level is met and ${computed.points} points reaches the ${computed.passingPoints} needed`
        : 'Every required level is met',
    );
  }
  return reasons;
}
