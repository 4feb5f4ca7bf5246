// Starting points for a micro-credential: the "New micro-credential" template and imported rubric drafts.
import { randomUUID } from 'node:crypto';
import { hasPassRule, noPassRuleMessage } from '../../shared/domain/pass-rule.js';
import type { Achievement, Criterion, Section } from '../../shared/schemas/review-package.js';
import { LibraryError, type LibraryErrorCode } from './errors.js';
import { validateAchievement } from './rubric-rules.js';

/** An imported rubric, ready for the author to check and save, with what the import had to guess. */
export interface RubricDraft {
  achievement: Achievement;
  /** Things the author should look at before saving, in words they can act on. */
  warnings: string[];
}

export interface DraftOptions {
  /** Marks the level of this name (any case) as every criterion's required level, where it has one. */
  requiredLevelName?: string;
}

/** The three sections of a micro-credential submission, as providers commonly lay them out. */
export const DEFAULT_SECTIONS: readonly Section[] = [
  {
    id: 'overview',
    name: 'Overview questions',
    prompt: 'Describe your setting: your students, your subject and what you set out to do.',
  },
  {
    id: 'work-examples',
    name: 'Work examples',
    prompt:
      'Upload the evidence this micro-credential asks for, such as a lesson plan, student work or a classroom video.',
  },
  {
    id: 'reflection',
    name: 'Reflection',
    prompt: 'What did you learn from this work, and what would you change next time?',
  },
];

const TEMPLATE_LEVELS = [
  { name: 'Not yet', description: 'The evidence does not yet show this.' },
  { name: 'Developing', description: 'The evidence shows this in part or now and then.' },
  { name: 'Proficient', description: 'The evidence shows this clearly and consistently.' },
  { name: 'Exemplary', description: 'The evidence shows this consistently, and its effect on students.' },
] as const;

/** A new achievement with an unused `urn:uuid:` id: three sections and one four-level criterion requiring Proficient. */
export function newAchievementTemplate(name: string): Achievement {
  const id = `urn:uuid:${randomUUID()}`;
  const criterionId = `${id}#criterion-1`;
  const levelId = (n: number) => `${criterionId}-${n}`;
  const criterion: Criterion = {
    id: criterionId,
    name: 'Demonstrates the practice in the classroom',
    sectionId: 'work-examples',
    resultType: 'RubricCriterionLevel',
    rubricCriterionLevel: TEMPLATE_LEVELS.map((l, i) => ({
      id: levelId(i + 1),
      name: l.name,
      level: String(i + 1),
      points: i,
      description: l.description,
    })),
    requiredLevel: levelId(3),
  };
  return {
    id,
    name: name.trim() || 'New micro-credential',
    description: '',
    achievementType: 'MicroCredential',
    criteria: { narrative: '' },
    sections: DEFAULT_SECTIONS.map((s) => ({ ...s })),
    resultDescription: [criterion],
  };
}

/** Sets requiredLevel on every criterion that has a level of that name; says which ones had none. */
export function applyRequiredLevel(a: Achievement, levelName: string | undefined, warnings: string[]): void {
  const wanted = levelName?.trim().toLowerCase();
  if (!wanted) return;
  for (const c of a.resultDescription) {
    const level = c.rubricCriterionLevel.find((l) => l.name.trim().toLowerCase() === wanted);
    if (level) c.requiredLevel = level.id;
    else
      warnings.push(
        `Criterion "${c.name}" has no level named "${levelName}", so it has no required level; choose one before saving.`,
      );
  }
}

/**
 * Checks an imported draft with the same rules a save applies, so a draft always saves as it is.
 * A draft without a pass rule still saves (the author may add one later) but says so: no review can
 * be decided on it until it has one.
 */
export function checkedDraft(
  achievement: Achievement,
  warnings: string[],
  code: LibraryErrorCode,
  summary: string,
): RubricDraft {
  try {
    const checked = validateAchievement(achievement, summary);
    return {
      achievement: checked,
      warnings: hasPassRule(checked) ? warnings : [...warnings, noPassRuleMessage(checked.name)],
    };
  } catch (err) {
    if (err instanceof LibraryError) throw new LibraryError(code, summary, err.problems);
    throw err;
  }
}
