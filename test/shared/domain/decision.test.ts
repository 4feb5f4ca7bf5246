import { describe, expect, it } from 'vitest';
import { computeDecision, explainDecision, finalDecision, ScoringError } from '../../../shared/domain/decision.js';
import { achievementSchema, type Achievement } from '../../../shared/schemas/review-package.js';
import { achievement } from '../../support/package-builder.js';

const rubric = (overrides: Record<string, unknown> = {}): Achievement =>
  achievementSchema.parse(achievement(undefined, overrides));
const id = (c: string, n?: number) =>
  `https://pd.test.example/achievements/core-stem/v1#${c}${n === undefined ? '' : `-${n}`}`;

describe('computeDecision', () => {
  it('has no decision while a criterion is unscored, and names it', () => {
    const d = computeDecision(rubric(), { [id('inquiry')]: id('inquiry', 3) });
    expect(d.kind).toBe('incomplete');
    if (d.kind !== 'incomplete') return;
    expect(d.unscored.map((c) => c.name)).toEqual(['Uses evidence of learning']);
    expect(d.points).toBe(2);
    expect(() => finalDecision(d)).toThrow(/not yet scored: Uses evidence of learning/);
  });

  it('passes when every required level is met and the points reach passingPoints', () => {
    const d = computeDecision(rubric(), { [id('inquiry')]: id('inquiry', 3), [id('evidence')]: id('evidence', 3) });
    expect(d).toMatchObject({
      kind: 'decided',
      decision: 'pass',
      points: 4,
      shortfalls: [],
      belowPassingPoints: false,
    });
  });

  it('is not yet when one criterion is below its required level, whatever the points', () => {
    const r = rubric({ passingPoints: 0 });
    const d = computeDecision(r, { [id('inquiry')]: id('inquiry', 2), [id('evidence')]: id('evidence', 3) });
    expect(d).toMatchObject({ kind: 'decided', decision: 'not-yet' });
    expect(explainDecision(d)).toContain('Designs an inquiry-based lesson is below the required level Proficient');
  });

  it('with passingPoints only (no required levels): the total decides, ties at the boundary pass', () => {
    const base = achievement();
    const criteria = (base.resultDescription as Record<string, unknown>[]).map(({ requiredLevel: _r, ...c }) => c);
    const r = achievementSchema.parse({ ...base, resultDescription: criteria, passingPoints: 3 });
    expect(
      computeDecision(r, { [id('inquiry')]: id('inquiry', 3), [id('evidence')]: id('evidence', 2) }),
    ).toMatchObject({ decision: 'pass', points: 3 });
    const below = computeDecision(r, { [id('inquiry')]: id('inquiry', 2), [id('evidence')]: id('evidence', 2) });
    expect(below).toMatchObject({ decision: 'not-yet', points: 2, belowPassingPoints: true });
    expect(explainDecision(below)).toContain('2 points is below the 3 needed to pass');
  });

  it('with required levels only (no passingPoints): meeting every level passes at any total', () => {
    const { passingPoints: _p, ...base } = achievement();
    const r = achievementSchema.parse(base);
    expect(
      computeDecision(r, { [id('inquiry')]: id('inquiry', 3), [id('evidence')]: id('evidence', 3) }),
    ).toMatchObject({ decision: 'pass', passingPoints: undefined });
  });

  it('with no rule at all (no required level, no passingPoints) there is no decision: never a pass', () => {
    const { passingPoints: _p, ...base } = achievement();
    const criteria = (base.resultDescription as Record<string, unknown>[]).map(({ requiredLevel: _r, ...c }) => c);
    const r = achievementSchema.parse({ ...base, resultDescription: criteria });
    const lowest = computeDecision(r, { [id('inquiry')]: id('inquiry', 1), [id('evidence')]: id('evidence', 1) });
    expect(lowest).toEqual({ kind: 'no-pass-rule', rubricName: 'Core STEM Teaching Practices', points: 0 });
    expect(computeDecision(r, { [id('inquiry')]: id('inquiry', 3) })).toMatchObject({
      kind: 'no-pass-rule',
      points: 2,
    });
    expect(explainDecision(lowest)).toEqual([
      expect.stringMatching(
        /^Rubric "Core STEM Teaching Practices" has no pass rule: set a required level on at least one criterion or passing points/,
      ),
    ]);
    // Neither the computed decision nor an override with a justification can be recorded.
    expect(() => finalDecision(lowest)).toThrow(/has no pass rule/);
    expect(() => finalDecision(lowest, { decision: 'pass', justification: 'Looks fine to me.' })).toThrow(ScoringError);
    // Scores are still checked against the rubric.
    expect(() => computeDecision(r, { [id('inquiry')]: id('evidence', 1) })).toThrow(ScoringError);
  });

  it('one required level, or passingPoints alone (even 0), is a pass rule', () => {
    const base = achievement();
    const [c0, c1] = base.resultDescription as Record<string, unknown>[];
    const { requiredLevel: _r, ...bare } = c1!;
    const { passingPoints: _p, ...rest } = base;
    const oneLevel = achievementSchema.parse({ ...rest, resultDescription: [c0, bare] });
    expect(
      computeDecision(oneLevel, { [id('inquiry')]: id('inquiry', 3), [id('evidence')]: id('evidence', 1) }),
    ).toMatchObject({ kind: 'decided', decision: 'pass' });
    const { requiredLevel: _r0, ...bare0 } = c0!;
    const zero = achievementSchema.parse({ ...rest, resultDescription: [bare0, bare], passingPoints: 0 });
    expect(
      computeDecision(zero, { [id('inquiry')]: id('inquiry', 1), [id('evidence')]: id('evidence', 1) }),
    ).toMatchObject({ kind: 'decided', decision: 'pass' });
  });

  it('needs both rules: levels met but points short is not yet; points met but a level short is not yet', () => {
    const r = rubric({ passingPoints: 5 });
    expect(
      computeDecision(r, { [id('inquiry')]: id('inquiry', 3), [id('evidence')]: id('evidence', 3) }),
    ).toMatchObject({ decision: 'not-yet', belowPassingPoints: true, shortfalls: [] });
    const r2 = rubric({ passingPoints: 1 });
    const d = computeDecision(r2, { [id('inquiry')]: id('inquiry', 3), [id('evidence')]: id('evidence', 2) });
    expect(d).toMatchObject({ decision: 'not-yet', belowPassingPoints: false });
    expect(d.kind === 'decided' && d.shortfalls.map((s) => s.criterionId)).toEqual([id('evidence')]);
  });

  it('compares points, not level order: a level worth as many points as the required one meets it', () => {
    const base = achievement();
    const [c0, c1] = base.resultDescription as Record<string, unknown>[];
    const levels = (c0!.rubricCriterionLevel as Record<string, unknown>[]).map((l, i) => ({
      ...l,
      points: i === 1 ? 2 : l.points,
    }));
    const r = achievementSchema.parse({
      ...base,
      resultDescription: [{ ...c0, rubricCriterionLevel: levels }, c1],
      passingPoints: 0,
    });
    expect(
      computeDecision(r, { [id('inquiry')]: id('inquiry', 2), [id('evidence')]: id('evidence', 3) }),
    ).toMatchObject({ decision: 'pass' });
  });

  it('refuses a level that does not belong to the criterion and an unknown criterion', () => {
    expect(() => computeDecision(rubric(), { [id('inquiry')]: id('evidence', 3) })).toThrow(ScoringError);
    expect(() => computeDecision(rubric(), { 'https://elsewhere#x': 'y' })).toThrow(/not a criterion/);
  });
});

describe('finalDecision', () => {
  const passing = computeDecision(rubric(), { [id('inquiry')]: id('inquiry', 3), [id('evidence')]: id('evidence', 3) });

  it('keeps the computed decision without an override', () => {
    expect(finalDecision(passing)).toEqual({ decision: 'pass', computed: 'pass', overridden: false });
  });

  it('an override needs a written justification, which is kept', () => {
    expect(() => finalDecision(passing, { decision: 'not-yet', justification: '   ' })).toThrow(/justification/);
    expect(
      finalDecision(passing, { decision: 'not-yet', justification: 'The video shows a different class.' }),
    ).toEqual({
      decision: 'not-yet',
      computed: 'pass',
      overridden: true,
      justification: 'The video shows a different class.',
    });
  });

  it('an "override" that agrees with the rule is no override', () => {
    expect(finalDecision(passing, { decision: 'pass', justification: '' })).toMatchObject({ overridden: false });
  });
});
