// Imports a Canvas LMS rubric CSV (Canvas's rubric import/export layout) as micro-credential drafts.
import { randomUUID } from 'node:crypto';
import type { Achievement, Criterion, RubricLevel } from '../../shared/schemas/review-package.js';
import { decodeText, parseCsv, sniffDelimiter, CsvSyntaxError, type CsvRecord } from './csv.js';
import { applyRequiredLevel, checkedDraft, DEFAULT_SECTIONS, type DraftOptions, type RubricDraft } from './drafts.js';
import { LibraryError, type LibraryProblem } from './errors.js';
import { SlugPool } from './ids.js';

/*
 * The layout (Canvas: Rubrics > Import, and its template): one header row, then one row per
 * criterion. "Rubric Name" repeats on every row of a rubric (a file may hold several rubrics),
 * then "Criteria Name", "Criteria Description", "Criteria Enable Range" and repeating triples
 * "Rating Name", "Rating Description", "Rating Points" (sometimes numbered: "Rating Name 1").
 * Rows are ragged: a criterion with fewer ratings stops early. Canvas lists ratings highest first.
 */

export interface CanvasImportOptions extends DraftOptions {
  /** The id of each imported achievement; by default a new `urn:uuid:`. */
  idFor?: (rubricName: string) => string;
  /** The name of a rubric whose rows leave "Rubric Name" empty, or when there is no such column. */
  fallbackName?: string;
}

const SUMMARY = 'This Canvas rubric file cannot be imported';

interface RatingColumns {
  name: number;
  description?: number;
  points: number;
}

interface Columns {
  rubric?: number;
  criterion: number;
  description?: number;
  range?: number;
  ratings: RatingColumns[];
}

/** Column letters as a spreadsheet shows them: 0 -> A, 26 -> AA. */
function letter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const cell = (line: number, col: number, header: string) => `line ${line}, column ${letter(col)} ("${header}")`;

/** "Rating Name 2", " rating  name#2 " -> "rating name". */
const normalizeHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*#?\s*\d+$/, '');

function findColumns(header: CsvRecord): Columns {
  const names = header.fields.map(normalizeHeader);
  const find = (...wanted: string[]) => {
    const i = names.findIndex((h) => wanted.includes(h));
    return i < 0 ? undefined : i;
  };
  const criterion = find('criteria name', 'criterion name', 'criteria', 'criterion');
  const starts = names.flatMap((h, i) => (h === 'rating name' ? [i] : []));
  if (criterion === undefined || starts.length === 0) {
    throw new LibraryError('invalid-csv', SUMMARY, [
      {
        path: `line ${header.line}`,
        message: `the header has no ${criterion === undefined ? '"Criteria Name"' : '"Rating Name"'} column, so this is not a Canvas rubric export. In Canvas, export the rubric as CSV (or start from Canvas's rubric import template) and try again`,
      },
    ]);
  }
  const ratings = starts.map((start, k): RatingColumns => {
    const end = starts[k + 1] ?? names.length;
    const within = (h: string) => {
      for (let i = start + 1; i < end; i++) if (names[i] === h) return i;
      return undefined;
    };
    const points = within('rating points');
    if (points === undefined) {
      throw new LibraryError('invalid-csv', SUMMARY, [
        {
          path: cell(header.line, start, header.fields[start]!),
          message: 'has no "Rating Points" column after it; every rating needs its points',
        },
      ]);
    }
    const description = within('rating description');
    return { name: start, points, ...(description !== undefined ? { description } : {}) };
  });
  const rubric = find('rubric name', 'rubric');
  const description = find('criteria description', 'criterion description', 'description');
  const range = find('criteria enable range', 'criterion enable range', 'enable range');
  return {
    criterion,
    ratings,
    ...(rubric !== undefined ? { rubric } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(range !== undefined ? { range } : {}),
  };
}

/** "2", "1.5", "1,75" (a decimal comma, as Canvas accepts) -> a number; anything else -> undefined. */
function parsePoints(raw: string): number | undefined {
  const t = raw.trim().replace(/^(\d+),(\d+)$/, '$1.$2');
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : undefined;
}

interface RawCriterion {
  name: string;
  description: string;
  /** Canvas "Criteria Enable Range": each rating covers the points down to the next one. */
  range: boolean;
  ratings: { name: string; description: string; points: number }[];
}

/** Reads every rubric in a Canvas rubric CSV; each becomes a draft with levels ordered by points, lowest first. */
export function importCanvasRubricCsv(input: string | Uint8Array, options: CanvasImportOptions = {}): RubricDraft[] {
  let text: string;
  try {
    text = decodeText(input);
  } catch (err) {
    throw new LibraryError('invalid-csv', SUMMARY, [
      { path: '(the file)', message: (err as Error).message.replace(/^The file /, '') },
    ]);
  }
  let records: CsvRecord[];
  try {
    records = parseCsv(text, sniffDelimiter(text)).filter((r) => r.fields.some((f) => f.trim() !== ''));
  } catch (err) {
    if (err instanceof CsvSyntaxError)
      throw new LibraryError('invalid-csv', SUMMARY, [
        { path: `line ${err.line}`, message: err.message.replace(/^line \d+: /, '') },
      ]);
    throw err;
  }
  const [header, ...rows] = records;
  if (!header) throw new LibraryError('invalid-csv', SUMMARY, [{ path: '(the file)', message: 'is empty' }]);
  const cols = findColumns(header);
  const h = (i: number) => header.fields[i] ?? '';

  const problems: LibraryProblem[] = [];
  const rubrics = new Map<string, RawCriterion[]>();
  let lastRubric = options.fallbackName?.trim() || undefined;
  for (const row of rows) {
    // Line breaks inside a quoted cell come as the file's (CRLF from Windows); text is kept with LF.
    const get = (i: number | undefined) =>
      i === undefined ? '' : (row.fields[i] ?? '').replace(/\r\n?/g, '\n').trim();
    // A spreadsheet's merged cells leave the name on the first row only: carry it down.
    const rubricName = get(cols.rubric) || lastRubric;
    if (!rubricName) {
      problems.push({
        path: cols.rubric === undefined ? `line ${row.line}` : cell(row.line, cols.rubric, h(cols.rubric)),
        message: 'has no rubric name; Canvas repeats the rubric name on every row',
      });
      continue;
    }
    lastRubric = rubricName;
    const name = get(cols.criterion);
    if (!name) {
      problems.push({
        path: cell(row.line, cols.criterion, h(cols.criterion)),
        message: 'is empty; every row is one criterion and needs its name',
      });
      continue;
    }
    const ratings: RawCriterion['ratings'] = [];
    const problemsBefore = problems.length;
    for (const rc of cols.ratings) {
      const ratingName = get(rc.name);
      const rawPoints = get(rc.points);
      const description = get(rc.description);
      if (!ratingName && !rawPoints && !description) continue;
      if (!ratingName) {
        problems.push({
          path: cell(row.line, rc.name, h(rc.name)),
          message: `is empty, but this rating of "${name}" has points or a description; give it a name`,
        });
        continue;
      }
      const points = parsePoints(rawPoints);
      if (points === undefined || points < 0) {
        problems.push({
          path: cell(row.line, rc.points, h(rc.points)),
          message: rawPoints
            ? `"${rawPoints}" is not a number of points of 0 or more (rating "${ratingName}")`
            : `is empty; rating "${ratingName}" needs its points`,
        });
        continue;
      }
      ratings.push({ name: ratingName, description, points });
    }
    if (problems.length > problemsBefore) continue;
    if (ratings.length === 0) {
      problems.push({
        path: `line ${row.line}`,
        message: `criterion "${name}" has no ratings; add at least one rating with a name and points`,
      });
      continue;
    }
    const list = rubrics.get(rubricName) ?? [];
    list.push({
      name,
      description: get(cols.description),
      range: ['true', '1', 'yes'].includes(get(cols.range).toLowerCase()),
      ratings,
    });
    rubrics.set(rubricName, list);
  }
  if (problems.length > 0) throw new LibraryError('invalid-csv', SUMMARY, problems);
  if (rubrics.size === 0)
    throw new LibraryError('invalid-csv', SUMMARY, [
      { path: '(the file)', message: 'has a header but no criteria rows' },
    ]);

  return [...rubrics].map(([rubricName, criteria]) => {
    const id = options.idFor?.(rubricName) ?? `urn:uuid:${randomUUID()}`;
    const warnings = criteria
      .filter((c) => c.range)
      .map(
        (c) =>
          `Canvas scored "${c.name}" by point ranges; in Assay each level is worth the top of its range. Check the points before saving.`,
      );
    const achievement = toAchievement(id, rubricName, criteria);
    applyRequiredLevel(achievement, options.requiredLevelName, warnings);
    return checkedDraft(achievement, warnings, 'invalid-csv', `${SUMMARY} (rubric "${rubricName}")`);
  });
}

function toAchievement(id: string, name: string, raw: RawCriterion[]): Achievement {
  const slugs = new SlugPool('criterion');
  const criteria = raw.map((c): Criterion => {
    const criterionId = `${id}#${slugs.take(c.name)}`;
    // Stable: ratings with equal points keep the file's order, reversed with the rest.
    const ordered = c.ratings.map((r, i) => ({ r, i })).sort((a, b) => a.r.points - b.r.points || b.i - a.i);
    const levels = ordered.map(({ r }, k): RubricLevel => ({
      id: `${criterionId}-${k + 1}`,
      name: r.name,
      level: String(k + 1),
      points: r.points,
      ...(r.description ? { description: r.description } : {}),
    }));
    return {
      id: criterionId,
      name: c.name,
      ...(c.description ? { description: c.description } : {}),
      resultType: 'RubricCriterionLevel',
      rubricCriterionLevel: levels,
    };
  });
  return {
    id,
    name,
    description: '',
    achievementType: 'MicroCredential',
    criteria: { narrative: '' },
    sections: DEFAULT_SECTIONS.map((s) => ({ ...s })),
    resultDescription: criteria,
  };
}
