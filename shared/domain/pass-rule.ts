// Whether a rubric says when a submission passes. Without a rule, format 1's decision rule would
// pass every fully scored submission (even one at the lowest level everywhere), so Assay refuses to
// decide on such a rubric rather than decide "pass" by default.
import type { Achievement } from '../schemas/review-package.js';

/** The parts of a rubric that make its pass rule. */
export type PassRuleFields = Pick<Achievement, 'resultDescription' | 'passingPoints'>;

/**
 * The two rules of review package format 1: a criterion's `requiredLevel`, and the rubric's
 * `passingPoints`. Either one, on its own, is a pass rule.
 */
export function hasPassRule(rubric: PassRuleFields): boolean {
  return rubric.passingPoints !== undefined || rubric.resultDescription.some((c) => c.requiredLevel !== undefined);
}

/** What to do about a missing rule, in the words the library, the workspace and the importer share. */
export const PASS_RULE_FIX = 'set a required level on at least one criterion or passing points';

/** Names the rubric and what is missing, e.g. for the library listing and a draft's notes. */
export function noPassRuleMessage(name: string): string {
  return `Rubric "${name}" has no pass rule: ${PASS_RULE_FIX}`;
}
