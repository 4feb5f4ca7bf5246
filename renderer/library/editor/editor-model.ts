// A micro-credential as the editor holds it (numbers as typed, stable keys for lists) and back again.
import type { Achievement, Criterion, RubricLevel, Section } from '../../../shared/schemas/review-package.js';

type Extra = Record<string, unknown>;

export interface LevelDraft {
  key: string;
  id: string;
  name: string;
  level: string;
  points: string;
  description: string;
  extra: Extra;
}

export interface CriterionDraft {
  key: string;
  id: string;
  name: string;
  sectionId: string;
  requiredLevel: string;
  levels: LevelDraft[];
  extra: Extra;
}

export interface SectionDraft {
  key: string;
  id: string;
  name: string;
  prompt: string;
  extra: Extra;
}

export interface AchievementDraft {
  id: string;
  name: string;
  description: string;
  narrative: string;
  achievementType: string;
  credits: string;
  creditUnit: string;
  tags: string;
  passingPoints: string;
  sections: SectionDraft[];
  criteria: CriterionDraft[];
  /** Fields the editor does not show (image, alignment …), kept as they were. */
  extra: Extra;
  criteriaExtra: Extra;
}

let nextKey = 0;
export const newKey = () => `k${++nextKey}`;

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

function levelDraft(l: RubricLevel): LevelDraft {
  const { id, name, level, points, description, ...extra } = l;
  return { key: newKey(), id, name, level, points: String(points), description: description ?? '', extra };
}

function criterionDraft(c: Criterion): CriterionDraft {
  const { id, name, sectionId, requiredLevel, rubricCriterionLevel, resultType: _r, ...extra } = c;
  return {
    key: newKey(),
    id,
    name,
    sectionId: sectionId ?? '',
    requiredLevel: requiredLevel ?? '',
    levels: rubricCriterionLevel.map(levelDraft),
    extra,
  };
}

function sectionDraft(s: Section): SectionDraft {
  const { id, name, prompt, ...extra } = s;
  return { key: newKey(), id, name, prompt, extra };
}

export function toDraft(a: Achievement): AchievementDraft {
  const {
    id,
    name,
    description,
    achievementType,
    criteria,
    creditsAvailable,
    creditUnit,
    tag,
    sections,
    resultDescription,
    passingPoints,
    ...extra
  } = a;
  const { narrative, ...criteriaExtra } = criteria;
  return {
    id,
    name,
    description,
    narrative,
    achievementType,
    credits: text(creditsAvailable),
    creditUnit: creditUnit ?? '',
    tags: (tag ?? []).join(', '),
    passingPoints: text(passingPoints),
    sections: sections.map(sectionDraft),
    criteria: resultDescription.map(criterionDraft),
    extra,
    criteriaExtra,
  };
}

/** A number as typed; what is not a number goes as typed, so the save names the field that is wrong. */
function number(raw: string): number | string | undefined {
  const t = raw.trim();
  if (t === '') return undefined;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : t;
}

/** The achievement library:save checks; nothing is validated here beyond turning text into numbers. */
export function fromDraft(d: AchievementDraft): unknown {
  const credits = number(d.credits);
  const passing = number(d.passingPoints);
  const tags = d.tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    ...d.extra,
    id: d.id,
    name: d.name,
    description: d.description,
    achievementType: d.achievementType,
    criteria: { ...d.criteriaExtra, narrative: d.narrative },
    ...(credits !== undefined ? { creditsAvailable: credits } : {}),
    ...(d.creditUnit.trim() ? { creditUnit: d.creditUnit.trim() } : {}),
    ...(tags.length ? { tag: tags } : {}),
    sections: d.sections.map((s) => ({ ...s.extra, id: s.id, name: s.name, prompt: s.prompt })),
    resultDescription: d.criteria.map((c) => ({
      ...c.extra,
      id: c.id,
      name: c.name,
      ...(c.sectionId ? { sectionId: c.sectionId } : {}),
      resultType: 'RubricCriterionLevel',
      rubricCriterionLevel: c.levels.map((l) => ({
        ...l.extra,
        id: l.id,
        name: l.name,
        level: l.level,
        points: number(l.points) ?? '',
        ...(l.description.trim() ? { description: l.description } : {}),
      })),
      ...(c.requiredLevel ? { requiredLevel: c.requiredLevel } : {}),
    })),
    ...(passing !== undefined ? { passingPoints: passing } : {}),
  };
}

/** The first id of the form `${prefix}${n}` not in `used`. */
export function unusedId(prefix: string, used: Iterable<string>): string {
  const taken = new Set(used);
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function newSection(d: AchievementDraft, name: string): SectionDraft {
  return {
    key: newKey(),
    id: unusedId(
      'section-',
      d.sections.map((s) => s.id),
    ),
    name,
    prompt: '',
    extra: {},
  };
}

export function newLevel(c: CriterionDraft, name: string): LevelDraft {
  return {
    key: newKey(),
    id: unusedId(
      `${c.id}-`,
      c.levels.map((l) => l.id),
    ),
    name,
    level: String(c.levels.length + 1),
    points: String(c.levels.length),
    description: '',
    extra: {},
  };
}

export function newCriterion(d: AchievementDraft, name: string, levelNames: readonly string[]): CriterionDraft {
  const id = unusedId(
    `${d.id}#criterion-`,
    d.criteria.map((c) => c.id),
  );
  const c: CriterionDraft = {
    key: newKey(),
    id,
    name,
    sectionId: d.sections[0]?.id ?? '',
    requiredLevel: '',
    levels: [],
    extra: {},
  };
  for (const n of levelNames) c.levels.push(newLevel(c, n));
  return c;
}

/** Moves item `from` to `to`; levels numbered 1, 2, 3 … in order are numbered again after a move. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = list.slice();
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

export function renumber(levels: LevelDraft[], before: readonly LevelDraft[]): LevelDraft[] {
  const sequential = before.every((l, i) => l.level === String(i + 1));
  return sequential ? levels.map((l, i) => ({ ...l, level: String(i + 1) })) : levels;
}

/** The most points the rubric can give: the top level of every criterion. */
/** The rule the shared hasPassRule checks, on the form as typed: a required level chosen, or points to pass. */
export function draftHasPassRule(d: AchievementDraft): boolean {
  return d.passingPoints.trim() !== '' || d.criteria.some((c) => c.requiredLevel !== '');
}

export function maxPoints(d: AchievementDraft): number {
  // A reduce, not Math.max(...levels): spreading a huge array into arguments overflows the stack.
  return d.criteria.reduce(
    (sum, c) =>
      sum + c.levels.reduce((top, l) => (Number.isFinite(Number(l.points)) ? Math.max(top, Number(l.points)) : top), 0),
    0,
  );
}
