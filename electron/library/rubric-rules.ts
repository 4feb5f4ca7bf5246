// Validates an achievement as a rubric an assessor can score: its shape, unique ids, references, points.
import { checkManifestReferences } from '../../shared/domain/manifest-check.js';
import {
  achievementSchema,
  jsonPath,
  PACKAGE_FORMAT,
  type Achievement,
  type Manifest,
} from '../../shared/schemas/review-package.js';
import { LibraryError, type LibraryProblem } from './errors.js';

/** The most points a submission can earn: the top level of every criterion. */
export function maxPoints(a: Pick<Achievement, 'resultDescription'>): number {
  // A reduce, never Math.max(...levels): an imported rubric with 130,000 levels would overflow the stack.
  return a.resultDescription.reduce(
    (sum, c) => sum + c.rubricCriterionLevel.reduce((top, l) => Math.max(top, l.points), 0),
    0,
  );
}

/**
 * The rules a schema cannot say. Unique section, criterion and level ids, a criterion's section
 * and required level that exist: the same checks an imported package gets (manifest-check), so a
 * rubric authored here is one a package could carry. Then points: passingPoints must be reachable.
 */
export function rubricProblems(a: Achievement): LibraryProblem[] {
  const alone: Manifest = {
    format: PACKAGE_FORMAT,
    formatVersion: 1,
    id: 'library',
    createdAt: '1970-01-01T00:00:00Z',
    issuer: { id: 'library', name: 'library' },
    achievements: [a],
    submissions: [],
  };
  const local = (text: string) => text.replaceAll('achievements[0].', '');
  const problems = checkManifestReferences(alone).map((p) => ({ path: local(p.path), message: local(p.message) }));
  const max = maxPoints(a);
  if (a.passingPoints !== undefined && a.passingPoints > max) {
    problems.push({
      path: 'passingPoints',
      message: `is ${a.passingPoints}, more than the ${max} points the rubric can give (the top level of every criterion); no submission could pass`,
    });
  }
  return problems;
}

/** Parses and checks an achievement; throws a LibraryError naming every problem by JSON path. */
export function validateAchievement(input: unknown, summary = 'This micro-credential cannot be saved'): Achievement {
  const parsed = achievementSchema.safeParse(input);
  if (!parsed.success) {
    throw new LibraryError(
      'invalid-achievement',
      summary,
      parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })),
    );
  }
  const problems = rubricProblems(parsed.data);
  if (problems.length > 0) throw new LibraryError('invalid-achievement', summary, problems);
  return parsed.data;
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(the micro-credential as a whole)' : jsonPath(path);
}
