import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CommentBank } from '../../electron/review/comment-bank.js';
import { recuse, ReviewConflictError, saveDraft, submitReview } from '../../electron/review/reviews.js';
import { loadWorkspace } from '../../electron/review/workspace.js';
import { writeSamplePackage } from '../../electron/sample/sample-package.js';
import { openServices, type Services } from '../../electron/services.js';
import { ScoringError } from '../../shared/domain/decision.js';
import type { Workspace } from '../../shared/domain/workspace.js';
import { findIdentity, hashedTermSet, replaceRanges } from '../../shared/domain/redaction.js';
import { tempDir } from '../support/package-builder.js';

let sample: string;
let work: string;
let s: Services;
let zoe: Workspace;

beforeAll(async () => {
  sample = tempDir();
  await writeSamplePackage(path.join(sample, 'sample'), { now: new Date('2026-11-20T09:00:00Z') });
});
afterAll(() => fs.rmSync(sample, { recursive: true, force: true }));

beforeEach(async () => {
  work = tempDir();
  s = openServices(path.join(work, 'data'));
  await s.importPackage(path.join(sample, 'sample'));
  const id = s.queue.list({ search: 'Łukasiewicz' }).items[0]!.id;
  zoe = loadWorkspace(s.db, id, false);
});
afterEach(() => {
  s.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const criteria = () => zoe.achievement.resultDescription;
const top = (i: number) => criteria()[i]!.rubricCriterionLevel.at(-1)!.id;
const bottom = (i: number) => criteria()[i]!.rubricCriterionLevel[0]!.id;
const allTop = () => Object.fromEntries(criteria().map((c, i) => [c.id, top(i)]));
const draft = (over: Record<string, unknown> = {}) => ({
  submissionId: zoe.submission.id,
  scores: {},
  comments: {},
  feedback: '',
  override: null,
  activeMs: 1000,
  ...over,
});

describe('the workspace', () => {
  it('shows sections in rubric order with responses and evidence served from the store', () => {
    expect(zoe.submission.earner?.name).toBe('Zoë Núñez-Łukasiewicz');
    expect(zoe.submission.sections.map((x) => x.id)).toEqual(zoe.achievement.sections.map((x) => x.id));
    const files = zoe.submission.sections.flatMap((x) => x.artifacts).filter((a) => a.kind === 'file');
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      expect(f.href).toBe(`evidence/${f.sha256}`);
      expect(s.evidence.has(f.sha256!)).toBe(true);
    }
    expect(zoe.submission.attempt).toBe(2);
    expect(zoe.previousReviews[0]).toMatchObject({ attempt: 1, decision: 'not-yet' });
  });

  it('blind: no name, email, organization or file name anywhere in what the workspace returns', () => {
    const blind = loadWorkspace(s.db, zoe.submission.id, true);
    const text = JSON.stringify(blind);
    for (const needle of [
      'Zoë',
      'Núñez',
      'Łukasiewicz',
      zoe.submission.earner!.email!,
      zoe.submission.earner!.organization!,
    ])
      expect(text).not.toContain(needle);
    expect(blind.submission.earner).toBeUndefined();
    expect(blind.submission.sections.flatMap((x) => x.artifacts).every((a) => a.fileName === undefined)).toBe(true);
  });

  it('blind: carries the identity only as salted hashes that find the name and the package alias in PDF text', () => {
    const id = s.queue.list({ search: '김민준' }).items[0]!.id;
    expect(loadWorkspace(s.db, id, false).redaction).toBeUndefined();
    const a = loadWorkspace(s.db, id, true);
    const b = loadWorkspace(s.db, id, true);
    const text = JSON.stringify(a);
    for (const needle of ['김민준', '민준', 'Kim', 'Min-jun', 'minjun', 'Eastgate']) expect(text).not.toContain(needle);
    expect(a.redaction!.salt).not.toBe(b.redaction!.salt);
    const terms = hashedTermSet(a.redaction!);
    const page = 'Prepared by Kim Min-jun\nSchool Eastgate Middle School\nKim Min-jun · Lab notes, 10 min';
    expect(replaceRanges(page, findIdentity(page, terms), '#')).toBe('Prepared by #\nSchool #\n# · Lab notes, 10 min');
  });
});

describe('drafts', () => {
  it('are created on the first save, accumulate time on task, and move the submission to in progress', () => {
    saveDraft(s.db, draft({ scores: { [criteria()[0]!.id]: top(0) } }));
    const { review, computed } = saveDraft(
      s.db,
      draft({ scores: { [criteria()[0]!.id]: top(0) }, feedback: 'Strong start.', activeMs: 2500 }),
    );
    expect(review).toMatchObject({
      state: 'draft',
      feedback: 'Strong start.',
      timeOnTaskMs: 3500,
      achievementVersionId: zoe.achievement.versionId,
    });
    expect(computed.kind).toBe('incomplete');
    expect(s.queue.list({ status: ['in-progress'] }).items.map((i) => i.id)).toEqual([zoe.submission.id]);
  });

  it('survive closing and reopening the store', () => {
    saveDraft(
      s.db,
      draft({
        scores: allTop(),
        comments: {
          [criteria()[0]!.id]: {
            text: 'See page 2',
            anchors: [{ artifactId: 'a1', page: 2, quote: 'driving question' }],
          },
        },
      }),
    );
    s.close();
    s = openServices(path.join(work, 'data'));
    const again = loadWorkspace(s.db, zoe.submission.id, false).review!;
    expect(again.scores).toEqual(allTop());
    expect(again.comments[criteria()[0]!.id]!.anchors).toEqual([
      { artifactId: 'a1', page: 2, quote: 'driving question' },
    ]);
  });

  it('refuse a level that is not in the pinned rubric', () => {
    expect(() => saveDraft(s.db, draft({ scores: { [criteria()[0]!.id]: top(1) } }))).toThrow(ScoringError);
  });
});

describe('submitting', () => {
  it('freezes the review, sets the status from the decision rule, and audits it with the rubric version', () => {
    saveDraft(s.db, draft({ scores: allTop(), feedback: 'Meets every criterion.' }));
    const r = submitReview(s.db, zoe.submission.id);
    expect(r).toMatchObject({ state: 'submitted', decision: 'pass', computedDecision: 'pass' });
    expect(() => saveDraft(s.db, draft({ scores: allTop() }))).toThrow(ReviewConflictError);
    expect(() => submitReview(s.db, zoe.submission.id)).toThrow(/can no longer change/);
    const audit = s.db
      .prepare("SELECT details_json FROM audit_log WHERE action = 'review.submit'")
      .pluck()
      .get() as string;
    expect(JSON.parse(audit)).toMatchObject({
      decision: 'pass',
      achievementVersionId: zoe.achievement.versionId,
      rubricSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(s.verifyAudit().ok).toBe(true);
    expect(s.queue.counts().passed).toBe(1);
  });

  it('needs every criterion scored', () => {
    saveDraft(s.db, draft({ scores: { [criteria()[0]!.id]: top(0) } }));
    expect(() => submitReview(s.db, zoe.submission.id)).toThrow(/Every criterion must be scored/);
  });

  it('an override needs a justification, which is kept and audited', () => {
    const scores = Object.fromEntries(criteria().map((c, i) => [c.id, bottom(i)]));
    saveDraft(s.db, draft({ scores, override: { decision: 'pass', justification: '' } }));
    expect(() => submitReview(s.db, zoe.submission.id)).toThrow(/justification/);
    saveDraft(
      s.db,
      draft({
        scores,
        override: {
          decision: 'pass',
          justification: 'The issuer confirmed the video was lost in upload; evidence seen live.',
        },
      }),
    );
    expect(submitReview(s.db, zoe.submission.id)).toMatchObject({ decision: 'pass', computedDecision: 'not-yet' });
    const audit = JSON.parse(
      s.db.prepare("SELECT details_json FROM audit_log WHERE action = 'review.submit'").pluck().get() as string,
    );
    expect(audit).toMatchObject({ overridden: true, justification: expect.stringContaining('lost in upload') });
  });
});

describe('recusal', () => {
  it('needs a reason, removes the draft, leaves the queue of open work and is audited', () => {
    saveDraft(s.db, draft({ scores: allTop() }));
    expect(() => recuse(s.db, zoe.submission.id, '  ')).toThrow(/why/);
    recuse(s.db, zoe.submission.id, 'She was my student teacher in 2024.');
    const w = loadWorkspace(s.db, zoe.submission.id, false);
    expect(w).toMatchObject({
      review: null,
      recusal: { reason: 'She was my student teacher in 2024.' },
      submission: { status: 'recused' },
    });
    expect(s.queue.list({ status: ['pending', 'in-progress'] }).items.map((i) => i.id)).not.toContain(
      zoe.submission.id,
    );
    expect(() => saveDraft(s.db, draft())).toThrow(/recused/);
  });
});

describe('the comment bank', () => {
  it('saves comments per achievement and criterion, and an edit updates drafts that used it, never submitted reviews', () => {
    const bank = new CommentBank(s.db);
    const c0 = criteria()[0]!.id;
    const e = bank.add(zoe.achievement.id, c0, 'Students could investigate their own questions.');
    expect(bank.list(zoe.achievement.id).map((x) => x.id)).toEqual([e.id]);
    saveDraft(
      s.db,
      draft({
        scores: allTop(),
        comments: { [c0]: { text: `Good. ${e.text} More please.`, anchors: [], bankIds: [e.id] } },
      }),
    );
    // A second submission whose review is submitted with the same comment.
    const other = s.queue.list({ achievementId: zoe.achievement.id }).items.find((i) => i.id !== zoe.submission.id)!;
    const ow = loadWorkspace(s.db, other.id, false);
    const oscores = Object.fromEntries(
      ow.achievement.resultDescription.map((c) => [c.id, c.rubricCriterionLevel.at(-1)!.id]),
    );
    saveDraft(s.db, {
      ...draft({ scores: oscores, comments: { [c0]: { text: e.text, anchors: [], bankIds: [e.id] } } }),
      submissionId: other.id,
    });
    submitReview(s.db, other.id);

    expect(bank.draftsUsing(e.id)).toEqual([zoe.submission.id]);
    const { draftsUpdated } = bank.update(e.id, 'Students investigated questions they posed themselves.', true);
    expect(draftsUpdated).toEqual([zoe.submission.id]);
    expect(loadWorkspace(s.db, zoe.submission.id, false).review!.comments[c0]!.text).toBe(
      'Good. Students investigated questions they posed themselves. More please.',
    );
    expect(loadWorkspace(s.db, other.id, false).review!.comments[c0]!.text).toBe(
      'Students could investigate their own questions.',
    );
    expect(bank.update(e.id, 'Edited once more.', false).draftsUpdated).toEqual([]);
    bank.remove(e.id);
    expect(bank.list(zoe.achievement.id)).toEqual([]);
  });
});
