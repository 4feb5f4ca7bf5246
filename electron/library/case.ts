// Reads CASE 1.1 CFRubrics as micro-credential drafts and writes an achievement's rubric as a CFPackage.
import { z } from 'zod';
import {
  jsonPath,
  sectionSchema,
  type Achievement,
  type Criterion,
  type RubricLevel,
  type Section,
} from '../../shared/schemas/review-package.js';
import {
  assayCriterionExtension,
  assayRubricExtension,
  packageIn,
  rubricIn,
  type CfCriterionOut,
  type CfPackageOut,
  type CriterionIn,
  type ItemIn,
  type LinkUri,
  type RubricIn,
} from './case-schema.js';
import { decodeUtf8 } from '../../shared/domain/utf8.js';
import { applyRequiredLevel, checkedDraft, DEFAULT_SECTIONS, type DraftOptions, type RubricDraft } from './drafts.js';
import { LibraryError, type LibraryProblem } from './errors.js';
import { SlugPool, uuidFor, uuidV5 } from './ids.js';
import { maxPoints, validateAchievement } from './rubric-rules.js';

const SUMMARY = 'This CASE file cannot be imported';
/** A CASE `uri` becomes the id when it is an absolute URI (ids reappear in awarded credentials); else the UUID does. */
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;
const idFrom = (uri: string | undefined, identifier: string) =>
  uri !== undefined && ABSOLUTE_URI.test(uri) ? uri : `urn:uuid:${identifier.trim().toLowerCase()}`;
const text = (s: string | undefined) => (s !== undefined && s.trim() !== '' ? s.trim() : undefined);
const byPosition = <T extends { position?: number | undefined }>(list: readonly T[]) =>
  list.map((v, i) => ({ v, i })).sort((a, b) => (a.v.position ?? Infinity) - (b.v.position ?? Infinity) || a.i - b.i);

/** Parses JSON text or bytes, or takes an already parsed value. */
function readJson(input: unknown): unknown {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) return input;
  let text: string;
  try {
    // JSON is UTF-8 (RFC 8259 §8.1): no guessing at legacy encodings here, unlike spreadsheet CSV.
    text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeUtf8(input, 'The file');
  } catch (err) {
    throw new LibraryError('invalid-case', SUMMARY, [
      { path: '(the file)', message: (err as Error).message.replace(/^The file /, '') },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    // Where, never what: V8's message quotes the text it choked on, and the file may be anything.
    const at = /line \d+ column \d+|position \d+/.exec((err as Error).message);
    throw new LibraryError('invalid-case', SUMMARY, [
      { path: '(the file)', message: `is not valid JSON${at ? ` (at ${at[0]})` : ''}` },
    ]);
  }
}

const zodProblems = (
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix: string,
): LibraryProblem[] =>
  issues.map((i) => ({ path: prefix + (i.path.length ? jsonPath(i.path) : '') || '(the file)', message: i.message }));

/**
 * One draft per CFRubric: CFRubricCriteria become criteria and CFRubricCriterionLevels their
 * levels, both in `position` order (quality -> name, score -> points, description -> description).
 * Accepts a whole CFPackage or a single CFRubric (as a CASE server's /CFRubrics/{id} returns it).
 */
export function importCaseRubrics(input: unknown, options: DraftOptions = {}): RubricDraft[] {
  const json = readJson(input);
  const obj =
    typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  let rubrics: RubricIn[];
  let items: ItemIn[] = [];
  let doc: DocumentFields = {};
  let prefix = 'CFRubrics';
  if (obj && 'CFDocument' in obj) {
    const parsed = packageIn.safeParse(obj);
    if (!parsed.success) throw new LibraryError('invalid-case', SUMMARY, zodProblems(parsed.error.issues, ''));
    rubrics = parsed.data.CFRubrics ?? [];
    items = parsed.data.CFItems ?? [];
    doc = parsed.data.CFDocument;
  } else if (obj && 'CFRubricCriteria' in obj) {
    const parsed = rubricIn.safeParse(obj);
    if (!parsed.success) throw new LibraryError('invalid-case', SUMMARY, zodProblems(parsed.error.issues, ''));
    rubrics = [parsed.data];
    prefix = '';
  } else {
    throw new LibraryError('invalid-case', SUMMARY, [
      {
        path: '(the file)',
        message: 'is neither a CASE CFPackage (it has no CFDocument) nor a CFRubric (it has no CFRubricCriteria)',
      },
    ]);
  }
  if (rubrics.length === 0) {
    throw new LibraryError('invalid-case', SUMMARY, [
      {
        path: 'CFRubrics',
        message: 'is missing or empty: this CASE package holds a competency framework but no rubric to import',
      },
    ]);
  }
  const itemsById = new Map(items.map((it) => [it.identifier, it]));
  // A document's description and notes are its one rubric's; a framework of several describes them all.
  const own = rubrics.length === 1 ? doc : { title: doc.title, subject: doc.subject };
  return rubrics.map((r, ri) => {
    const where = prefix ? `${prefix}[${ri}]` : '';
    const warnings: string[] = [];
    const achievement = rubricToAchievement(r, where, itemsById, own, warnings);
    applyRequiredLevel(achievement, options.requiredLevelName, warnings);
    return checkedDraft(achievement, warnings, 'invalid-case', `${SUMMARY} (rubric "${achievement.name}")`);
  });
}

/** The CFDocument fields that describe a rubric: see exportCasePackage for how they map. */
type DocumentFields = Partial<Record<'title' | 'description' | 'notes', string>> & { subject?: string[] };

/** Kept as written (not trimmed) so that export then import gives back the same text. */
const kept = (s: string | undefined) => (s !== undefined && s.trim() !== '' ? s : undefined);

function rubricToAchievement(
  r: RubricIn,
  where: string,
  items: Map<string, ItemIn>,
  doc: DocumentFields,
  warnings: string[],
): Achievement {
  const ext = assayRubricExtension.safeParse(r.extensions?.['assay']);
  const own = new Set(['id', 'name', 'resultDescription', 'image']);
  const meta: Record<string, unknown> = Object.fromEntries(
    Object.entries(ext.success ? ext.data.achievement : {}).filter(([key]) => !own.has(key)),
  );
  const id = idFrom(r.uri, r.identifier);
  const documentTitle = text(doc.title);
  const name = text(r.title) ?? documentTitle ?? 'Imported rubric';
  if (!text(r.title)) warnings.push(`The rubric has no title; it is named "${name}" until you rename it.`);

  const ownSections = z.array(sectionSchema).min(1).safeParse(meta['sections']);
  if (ext.success && !ownSections.success)
    warnings.push(
      'The sections Assay saved with this rubric could not be read; it has the usual three sections instead.',
    );
  const sections = new Sections(ownSections.success ? ownSections.data : DEFAULT_SECTIONS.map((s) => ({ ...s })));
  const problems: LibraryProblem[] = [];
  const criteria = byPosition(r.CFRubricCriteria ?? []).map(({ v: c, i: ci }, k) =>
    toCriterion(c, `${where}${where ? '.' : ''}CFRubricCriteria[${ci}]`, k, items, sections, problems, warnings),
  );
  if (criteria.length === 0)
    problems.push({
      path: `${where}${where ? '.' : ''}CFRubricCriteria`,
      message: 'is missing or empty; a rubric needs at least one criterion',
    });
  if (problems.length > 0) throw new LibraryError('invalid-case', SUMMARY, problems);

  const achievement: Achievement = {
    achievementType: 'MicroCredential',
    criteria: { narrative: '' },
    ...meta,
    id,
    name,
    description:
      text(r.description) ??
      text(doc.description) ??
      (typeof meta['description'] === 'string' ? meta['description'] : ''),
    sections: sections.list,
    resultDescription: criteria,
  };
  // CASE's own fields win over Assay's extension (a CASE tool may have edited them) and survive a
  // tool that strips extensions: CFDocument.notes is the narrative, CFDocument.subject the tags.
  const narrative = kept(doc.notes);
  if (narrative !== undefined) achievement.criteria = { ...achievement.criteria, narrative };
  const tags = doc.subject?.filter((t) => t.trim() !== '');
  if (tags && tags.length > 0) achievement.tag = tags;
  if (achievement.passingPoints !== undefined && achievement.passingPoints > maxPoints(achievement)) {
    warnings.push(
      `The passing points (${achievement.passingPoints}) were more than this rubric can give, so they were left out; set them again.`,
    );
    delete achievement.passingPoints;
  }
  return achievement;
}

function toCriterion(
  c: CriterionIn,
  where: string,
  k: number,
  items: Map<string, ItemIn>,
  sections: Sections,
  problems: LibraryProblem[],
  warnings: string[],
): Criterion {
  const item = c.CFItemURI?.identifier !== undefined ? items.get(c.CFItemURI.identifier) : undefined;
  const titled = text(c.CFItemURI?.title) ?? text(item?.abbreviatedStatement) ?? text(item?.fullStatement);
  const name = titled ?? text(c.description) ?? text(c.category) ?? `Criterion ${k + 1}`;
  const id = idFrom(c.uri, c.identifier);
  const levelsIn = byPosition(c.CFRubricCriterionLevels ?? []);
  if (levelsIn.length === 0)
    problems.push({
      path: `${where}.CFRubricCriterionLevels`,
      message: `is missing or empty; criterion "${name}" needs at least one level`,
    });
  const scored = levelsIn.filter(({ v }) => v.score !== undefined).length;
  if (scored === 0 && levelsIn.length > 0)
    warnings.push(
      `Criterion "${name}" has no scores; its levels were given 0, 1, 2, ... points in order. Check them before saving.`,
    );
  const levels = levelsIn.map(({ v: l, i: li }, n): RubricLevel => {
    const at = `${where}.CFRubricCriterionLevels[${li}]`;
    if (scored > 0 && l.score === undefined)
      problems.push({ path: `${at}.score`, message: 'is missing, while other levels of this criterion have one' });
    else if (l.score !== undefined && l.score < 0)
      problems.push({ path: `${at}.score`, message: `is ${l.score}; points must not be negative` });
    const quality = text(l.quality);
    if (!quality) warnings.push(`A level of criterion "${name}" has no quality (name); it is called "Level ${n + 1}".`);
    const description = text(l.description);
    return {
      id: idFrom(l.uri, l.identifier),
      name: quality ?? `Level ${n + 1}`,
      level: String(n + 1),
      points: l.score ?? n,
      ...(description ? { description } : {}),
    };
  });
  const ext = assayCriterionExtension.safeParse(c.extensions?.['assay']);
  const own = ext.success ? ext.data : {};
  const sectionId =
    own.sectionId !== undefined && sections.has(own.sectionId) ? own.sectionId : sections.forCategory(text(c.category));
  const description = titled !== undefined ? text(c.description) : undefined;
  return {
    id,
    name,
    ...(description ? { description } : {}),
    ...(sectionId ? { sectionId } : {}),
    resultType: 'RubricCriterionLevel',
    rubricCriterionLevel: levels,
    ...(own.requiredLevel !== undefined && levels.some((l) => l.id === own.requiredLevel)
      ? { requiredLevel: own.requiredLevel }
      : {}),
  };
}

/** A criterion's CASE `category` is the section it belongs to: matched by name, added when new. */
class Sections {
  private readonly slugs = new SlugPool('section');
  constructor(readonly list: Section[]) {
    for (const s of list) this.slugs.take(s.id);
  }

  has(id: string): boolean {
    return this.list.some((s) => s.id === id);
  }

  forCategory(category: string | undefined): string | undefined {
    if (!category) return undefined;
    const found = this.list.find((s) => s.name.trim().toLowerCase() === category.toLowerCase() || s.id === category);
    if (found) return found.id;
    const section = { id: this.slugs.take(category), name: category, prompt: '' };
    this.list.push(section);
    return section.id;
  }
}

export interface CaseExportOptions {
  /** CFDocument.creator: the provider that owns the micro-credential. */
  creator?: string;
  /** CFDocument.uri; a `urn:uuid:` by default. */
  documentUri?: string;
  now?: Date;
}

/**
 * The rubric of an achievement as a CASE 1.1 CFPackage: a CFDocument, one CFItem per criterion
 * (the competency it assesses, child of the document), and one CFRubric. Ids are kept as `uri`s
 * and CASE identifiers are derived from them, so exporting again gives the same identifiers.
 * CASE's own fields carry what they can, so a CASE tool that drops extensions keeps it: name ->
 * title, description -> description (document and rubric), tags -> CFDocument.subject, criteria
 * narrative -> CFDocument.notes, a criterion's section -> its category (by name). What CASE has no
 * field for (section prompts, credits, required levels, passing points) rides in `extensions` only.
 */
export function exportCasePackage(input: Achievement, options: CaseExportOptions = {}): CfPackageOut {
  const a = validateAchievement(input, 'This micro-credential cannot be exported');
  const at = (options.now ?? new Date()).toISOString();
  const documentId = uuidV5(`CFDocument ${a.id}`);
  const documentLink: LinkUri = {
    title: a.name,
    identifier: documentId,
    uri: options.documentUri ?? `urn:uuid:${documentId}`,
  };
  const rubricId = uuidFor(a.id);
  const sectionName = new Map(a.sections.map((s) => [s.id, s.name]));
  const criteria = a.resultDescription.map((c, i): { criterion: CfCriterionOut; item: LinkUri } => {
    const criterionId = uuidFor(c.id);
    const itemId = uuidV5(`CFItem ${c.id}`);
    const item: LinkUri = { title: c.name, identifier: itemId, uri: `urn:uuid:${itemId}` };
    const description = typeof c['description'] === 'string' && c['description'].trim() ? c['description'] : undefined;
    const category = c.sectionId !== undefined ? sectionName.get(c.sectionId) : undefined;
    const own = {
      ...(c.sectionId !== undefined ? { sectionId: c.sectionId } : {}),
      ...(c.requiredLevel !== undefined ? { requiredLevel: c.requiredLevel } : {}),
    };
    return {
      item,
      criterion: {
        identifier: criterionId,
        uri: c.id,
        ...(description ? { description } : {}),
        ...(category ? { category } : {}),
        CFItemURI: item,
        position: i + 1,
        rubricId,
        lastChangeDateTime: at,
        CFRubricCriterionLevels: c.rubricCriterionLevel.map((l, k) => ({
          identifier: uuidFor(l.id),
          uri: l.id,
          quality: l.name,
          score: l.points,
          position: k + 1,
          rubricCriterionId: criterionId,
          lastChangeDateTime: at,
          ...(l.description?.trim() ? { description: l.description } : {}),
        })),
        ...(Object.keys(own).length > 0 ? { extensions: { assay: own } } : {}),
      },
    };
  });
  const { id: _id, name: _name, resultDescription: _criteria, image: _image, ...meta } = a;
  return {
    CFDocument: {
      identifier: documentId,
      uri: documentLink.uri,
      creator: options.creator?.trim() || 'Assay',
      title: a.name,
      lastChangeDateTime: at,
      caseVersion: '1.1',
      ...(a.description.trim() ? { description: a.description } : {}),
      ...(a.tag && a.tag.length > 0 ? { subject: a.tag } : {}),
      ...(a.criteria.narrative.trim() ? { notes: a.criteria.narrative } : {}),
    },
    CFItems: criteria.map(({ item }) => ({
      identifier: item.identifier,
      uri: item.uri,
      fullStatement: item.title,
      CFItemType: 'Rubric criterion',
      lastChangeDateTime: at,
    })),
    CFAssociations: criteria.map(({ item }, i) => {
      const assocId = uuidV5(`CFAssociation ${item.identifier} isChildOf ${documentId}`);
      return {
        identifier: assocId,
        uri: `urn:uuid:${assocId}`,
        associationType: 'isChildOf',
        sequenceNumber: i + 1,
        originNodeURI: item,
        destinationNodeURI: documentLink,
        lastChangeDateTime: at,
      };
    }),
    CFRubrics: [
      {
        identifier: rubricId,
        uri: a.id,
        title: a.name,
        ...(a.description.trim() ? { description: a.description } : {}),
        lastChangeDateTime: at,
        CFRubricCriteria: criteria.map(({ criterion }) => criterion),
        extensions: { assay: { formatVersion: 1, achievement: meta } },
      },
    ],
  };
}
