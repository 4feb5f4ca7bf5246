// Reads the library's refusal ("…cannot be saved: <path>: <problem> (and N more problems: …)") into field errors.
import { admin } from '../../strings/en.js';
import type { AchievementDraft } from './editor-model.js';

export interface SaveProblems {
  /** Field path (as the editor names its fields) -> what to tell the author there. */
  fields: Map<string, string>;
  /** The first problem in words, with where it is, for the summary above the Save button. */
  summary: string;
  /** The field to focus first, when the problem belongs to one. */
  first: string | null;
}

const PATH = String.raw`\(the micro-credential as a whole\)|[A-Za-z_][\w.\[\]]*`;

/** Where a JSON path's problem is shown: ids belong to the name beside them, tags to the tags field. */
export function fieldOf(path: string): string {
  return path
    .replace(/^tag\[\d+\]$/, 'tag')
    .replace(/^criteria$/, 'criteria.narrative')
    .replace(/^((?:sections|resultDescription)\[\d+\])(\.(id|resultType))?$/, '$1.name')
    .replace(/^(resultDescription\[\d+\]\.rubricCriterionLevel\[\d+\])(\.(id|level))?$/, '$1.name');
}

export function readSaveError(message: string, draft: AchievementDraft): SaveProblems {
  const e = admin.library.editor.errors;
  const m = new RegExp(String.raw`^[^:]*: (${PATH}): ([\s\S]*)$`).exec(message);
  if (!m) return { fields: new Map(), summary: message, first: null };
  const [, path, restAll] = m as unknown as [string, string, string];
  const more = / \(and (\d+) more problems?: (.*)\)$/.exec(restAll);
  const text = more ? restAll.slice(0, more.index) : restAll;
  const fields = new Map<string, string>();
  const whole = path.startsWith('(');
  if (!whole) fields.set(fieldOf(path), e.at(text));
  for (const p of more?.[2]?.split(', ').filter((x) => x !== '…') ?? []) {
    const f = fieldOf(p);
    if (!fields.has(f)) fields.set(f, e.also);
  }
  const where = whole ? e.whole : describePath(path, draft);
  return { fields, summary: e.summary(where, text, more ? Number(more[1]) : 0), first: whole ? null : fieldOf(path) };
}

/** "Criterion 2 (Uses evidence) › level 1 › points", so the author knows where without reading JSON. */
export function describePath(path: string, draft: AchievementDraft): string {
  const w = admin.library.editor.where;
  const parts: string[] = [];
  const crit = /^resultDescription\[(\d+)\]/.exec(path);
  const sect = /^sections\[(\d+)\]/.exec(path);
  const level = /rubricCriterionLevel\[(\d+)\]/.exec(path);
  if (crit) {
    const i = Number(crit[1]);
    parts.push(w.criterion(i + 1, draft.criteria[i]?.name ?? ''));
    if (level) parts.push(w.level(Number(level[1]) + 1, draft.criteria[i]?.levels[Number(level[1])]?.name ?? ''));
  } else if (sect) {
    const i = Number(sect[1]);
    parts.push(w.section(i + 1, draft.sections[i]?.name ?? ''));
  }
  // The field at the end ("points", "requiredLevel"); a path that ends on an item names just the item.
  const leaf = /(?:^|\.)([A-Za-z]+)(\[\d+\])?$/.exec(path);
  const label = leaf && (!leaf[2] || parts.length === 0) ? w.field[leaf[1]!] : undefined;
  if (label) parts.push(label);
  const where = parts.join(' › ') || path;
  return where.charAt(0).toUpperCase() + where.slice(1);
}
