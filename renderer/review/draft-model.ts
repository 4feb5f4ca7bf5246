// The review being edited, as plain data: built from the saved Review, with the derived figures the panes show.
import type { Override } from '../../shared/domain/decision.js';
import type { Anchor, CriterionComment, Review } from '../../shared/domain/review.js';
import type { Workspace } from '../../shared/domain/workspace.js';
import type { Criterion, PreviousReview, RubricLevel } from '../../shared/schemas/review-package.js';

export interface DraftState {
  /** criterion id -> level id */
  scores: Record<string, string>;
  comments: Record<string, CriterionComment>;
  feedback: string;
  override: Override | null;
}

export const EMPTY_COMMENT: CriterionComment = { text: '', anchors: [], bankIds: [] };

export function fromReview(review: Review | null): DraftState {
  if (!review) return { scores: {}, comments: {}, feedback: '', override: null };
  return {
    scores: { ...review.scores },
    comments: { ...review.comments },
    feedback: review.feedback,
    override: review.override,
  };
}

/** Comments with nothing in them are not sent, so an opened-and-left criterion stays empty in the store. */
export function toInput(submissionId: string, d: DraftState, activeMs: number) {
  const comments: Record<string, CriterionComment> = {};
  for (const [id, c] of Object.entries(d.comments))
    if (c.text || c.anchors.length || c.bankIds.length) comments[id] = c;
  return { submissionId, scores: d.scores, comments, feedback: d.feedback, override: d.override, activeMs };
}

export type Achievement = Workspace['achievement'];

export function levelById(criterion: Criterion, levelId: string | undefined): RubricLevel | undefined {
  return levelId === undefined ? undefined : criterion.rubricCriterionLevel.find((l) => l.id === levelId);
}

/** The highest points any level of each criterion can give, summed: the "of 12" in "7 of 12 points". */
export function maxPoints(achievement: Achievement): number {
  // A reduce, not Math.max(...levels): spreading a huge array into arguments overflows the stack.
  return achievement.resultDescription.reduce(
    (sum, c) => sum + c.rubricCriterionLevel.reduce((top, l) => Math.max(top, l.points), 0),
    0,
  );
}

/** "v2" from an id ending in /v2 (the usual Open Badges convention); otherwise null. */
export function versionLabel(achievement: Achievement): string | null {
  const m = /\/v(\d+(?:\.\d+)*)\/?$/i.exec(achievement.id);
  return m ? `v${m[1]}` : null;
}

export interface PreviousResult {
  attempt: number;
  level: RubricLevel | undefined;
  comment: string | undefined;
}

/** Per criterion, what each earlier attempt was given (oldest first). */
export function previousByCriterion(
  previous: PreviousReview[],
  achievement: Achievement,
): Map<string, PreviousResult[]> {
  const out = new Map<string, PreviousResult[]>();
  for (const c of achievement.resultDescription) out.set(c.id, []);
  for (const p of previous) {
    for (const r of p.results) {
      const criterion = achievement.resultDescription.find((c) => c.id === r.resultDescription);
      if (!criterion) continue;
      out
        .get(criterion.id)
        ?.push({ attempt: p.attempt, level: levelById(criterion, r.achievedLevel), comment: r.comment });
    }
  }
  return out;
}

export type Change = 'up' | 'down' | 'same';

/** How the current choice compares with the last attempt's level, by points. */
export function changeFrom(last: PreviousResult | undefined, current: RubricLevel | undefined): Change | null {
  if (!last?.level || !current) return null;
  if (current.points > last.level.points) return 'up';
  if (current.points < last.level.points) return 'down';
  return 'same';
}

export function sameAnchor(a: Anchor, b: Anchor): boolean {
  return a.artifactId === b.artifactId && a.page === b.page && a.quote === b.quote && a.timeSeconds === b.timeSeconds;
}

/** 03:12, or 1:02:03 past an hour. */
export function clock(seconds: number): string {
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}

export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** Inserts `insert` at the caret (or replacing the selection), with a space or line break where it meets text. */
export function insertAt(text: string, insert: string, start: number, end: number): { text: string; caret: number } {
  const before = text.slice(0, start);
  const after = text.slice(end);
  const lead = before && !/\s$/.test(before) ? ' ' : '';
  const trail = after && !/^\s/.test(after) ? ' ' : '';
  const next = `${before}${lead}${insert}${trail}${after}`;
  return { text: next, caret: before.length + lead.length + insert.length };
}
