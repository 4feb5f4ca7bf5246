// A real store with the built-in sample package imported (fixed date), and passed reviews in it: the
// starting point of the tests of awards, status lists and long jobs.
import fs from 'node:fs';
import path from 'node:path';
import { saveDraft, submitReview } from '../../electron/review/reviews.js';
import { loadWorkspace } from '../../electron/review/workspace.js';
import { writeSamplePackage } from '../../electron/sample/sample-package.js';
import { openServices, type Services, type ServicesOptions } from '../../electron/services.js';
import { tempDir } from './package-builder.js';

export interface SampleStore {
  /** The temporary folder holding the package and the data folder. */
  work: string;
  s: Services;
  /** Closes the store and removes the folder. */
  dispose(): void;
}

export async function sampleStore(options: ServicesOptions = {}): Promise<SampleStore> {
  const work = tempDir();
  const { dir } = await writeSamplePackage(path.join(work, 'sample'), { now: new Date('2026-11-20T09:00:00Z') });
  const s = openServices(path.join(work, 'data'), options);
  await s.importPackage(dir);
  return {
    work,
    s,
    dispose: () => {
      s.close();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}

/**
 * Scores each submission at the top level of every criterion (a pass) or the lowest (not yet) and
 * submits the review.
 */
export function submitAt(
  s: Services,
  submissionIds: readonly string[],
  levels: 'top' | 'lowest',
  { feedback = 'Thank you.', activeMs = 1 }: { feedback?: string; activeMs?: number } = {},
): void {
  for (const id of submissionIds) {
    const w = loadWorkspace(s.db, id, false);
    const scores = Object.fromEntries(
      w.achievement.resultDescription.map((c) => [
        c.id,
        (levels === 'top' ? c.rubricCriterionLevel.at(-1) : c.rubricCriterionLevel[0])!.id,
      ]),
    );
    saveDraft(s.db, { submissionId: id, scores, comments: {}, feedback, override: null, activeMs });
    submitReview(s.db, id);
  }
}

/** Scores each submission at the top level of every criterion and submits the review: a pass. */
export function passAtTopLevels(s: Services, submissionIds: readonly string[]): void {
  submitAt(s, submissionIds, 'top');
}

/** The first pending submission (matching `search`, when given), passed: its id. */
export function passOne(s: Services, search?: string): string {
  const [item] = s.queue.list({ ...(search ? { search } : {}), status: ['pending'] }).items;
  if (!item) throw new Error(`No pending submission${search ? ` matches ${search}` : ''}`);
  passAtTopLevels(s, [item.id]);
  return item.id;
}

/** The first `count` pending submissions, passed. */
export function passSome(s: Services, count: number): string[] {
  const ids = s.queue.list({ status: ['pending'], limit: count }).items.map((i) => i.id);
  passAtTopLevels(s, ids);
  return ids;
}
