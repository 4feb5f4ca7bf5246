// The hand-added submission as its form holds it, the input library:addSubmission takes, and its refusals.
import { admin } from '../../strings/en.js';

export interface FileDraft {
  key: string;
  /** The file as main knows it: a token for this one use, and its name to show (never its path). */
  token: string;
  fileName: string;
  sectionId: string;
  name: string;
}

export interface LinkDraft {
  key: string;
  sectionId: string;
  url: string;
  name: string;
}

export interface SubmissionDraft {
  achievementId: string;
  name: string;
  email: string;
  organization: string;
  due: string;
  responses: Record<string, string>;
  files: FileDraft[];
  links: LinkDraft[];
}

let next = 0;
export const itemKey = () => `s${++next}`;

export const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;
/** "unit plan.pdf" -> "unit plan": a name for the evidence the author can change. */
export const displayName = (p: string) => baseName(p).replace(/\.[^.]+$/, '') || baseName(p);

export function emptySubmission(achievementId: string): SubmissionDraft {
  return { achievementId, name: '', email: '', organization: '', due: '', responses: {}, files: [], links: [] };
}

export function toInput(d: SubmissionDraft) {
  return {
    achievementId: d.achievementId,
    earner: { name: d.name, email: d.email, organization: d.organization },
    // The end of the chosen day where the author is.
    ...(d.due ? { dueAt: new Date(`${d.due}T23:59:00`).toISOString() } : {}),
    responses: Object.entries(d.responses).map(([sectionId, text]) => ({ sectionId, text })),
    files: d.files.map((f) => ({ token: f.token, sectionId: f.sectionId, name: f.name })),
    links: d.links.map((l) => ({ url: l.url.trim(), sectionId: l.sectionId, name: l.name })),
  };
}

/** Field keys the form shows errors at: earner.name, due, file:<key>:name, link:<key>:url … */
export function readAddError(message: string, d: SubmissionDraft): { fields: Map<string, string>; summary: string } {
  const fields = new Map<string, string>();
  const m = /^[^:]*: ([A-Za-z_][\w.[\]]*|\(the submission\)): ([\s\S]*?)(?: \(and \d+ more problems?: .*\))?$/.exec(
    message,
  );
  if (!m) return { fields, summary: message };
  const [, path, text] = m as unknown as [string, string, string];
  const file = /^files\[(\d+)\]\.(\w+)$/.exec(path);
  const link = /^links\[(\d+)\]\.(\w+)$/.exec(path);
  let key: string | null = null;
  if (path === 'earner.name' || path === 'earner.email' || path === 'earner.organization') key = path;
  else if (path === 'dueAt') key = 'due';
  else if (file) key = `file:${d.files[Number(file[1])]?.key}:${file[2] === 'name' ? 'name' : 'path'}`;
  else if (link) key = `link:${d.links[Number(link[1])]?.key}:${link[2] === 'name' ? 'name' : 'url'}`;
  if (key) fields.set(key, admin.library.editor.errors.at(text));
  return { fields, summary: path.startsWith('(') ? text : `${admin.library.submission.where(path)}: ${text}` };
}
