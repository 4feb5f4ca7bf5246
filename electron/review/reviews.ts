// Review commands: save a draft, submit (freeze) it, recuse; decisions go to the audit log.
import { AssayError, type AssayErrorOptions } from '../../shared/errors.js';
import { computeDecision, finalDecision, type ComputedDecision } from '../../shared/domain/decision.js';
import { draftInputSchema, type DraftInput, type Review } from '../../shared/domain/review.js';
import { achievementSchema } from '../../shared/schemas/review-package.js';
import { appendAudit } from '../store/audit.js';
import type { Db } from '../store/db.js';
import { findSubmission, readReview } from './workspace.js';
import { recordCalibrationMet } from '../quality/calibration.js';

export class ReviewConflictError extends AssayError {
  override name = 'ReviewConflictError';
  constructor(message: string, options?: AssayErrorOptions) {
    super('conflict', message, options);
  }
}

function rubricOf(db: Db, versionId: number) {
  const row = db
    .prepare('SELECT json, content_sha256 AS sha FROM achievement_versions WHERE version_id = ?')
    .get(versionId) as { json: string; sha: string };
  return { rubric: achievementSchema.parse(JSON.parse(row.json)), contentSha256: row.sha };
}

function assertOpen(db: Db, sub: ReturnType<typeof findSubmission>): void {
  if (sub.status === 'recused')
    throw new ReviewConflictError('You recused yourself from this submission; it goes back to the issuer unreviewed.');
  const review = readReview(db, sub.seq, sub.id);
  if (review?.state === 'submitted') {
    throw new ReviewConflictError(`This review was submitted on ${review.submittedAt} and can no longer change.`);
  }
}

/** Saves the assessor's work as a draft (created on first save) and returns it with the computed decision. */
export function saveDraft(db: Db, raw: DraftInput, now = new Date()): { review: Review; computed: ComputedDecision } {
  const input = draftInputSchema.parse(raw);
  return db
    .transaction(() => {
      const sub = findSubmission(db, input.submissionId);
      assertOpen(db, sub);
      const { rubric } = rubricOf(db, sub.versionId);
      // Refuses a level or criterion that is not in the pinned rubric.
      const computed = computeDecision(rubric, input.scores);
      const at = now.toISOString();
      db.prepare(
        `INSERT INTO reviews (submission_seq, achievement_version_id, state, scores_json, comments_json, feedback, override_json, computed_decision, started_at, updated_at, time_on_task_ms)
       VALUES (@seq, @version, 'draft', @scores, @comments, @feedback, @override, @computed, @at, @at, @active)
       ON CONFLICT (submission_seq) DO UPDATE SET scores_json = @scores, comments_json = @comments, feedback = @feedback, override_json = @override,
         computed_decision = @computed, updated_at = @at, time_on_task_ms = time_on_task_ms + @active`,
      ).run({
        seq: sub.seq,
        version: sub.versionId,
        scores: JSON.stringify(input.scores),
        comments: JSON.stringify(input.comments),
        feedback: input.feedback,
        override: input.override ? JSON.stringify(input.override) : null,
        computed: computed.kind === 'decided' ? computed.decision : null,
        at,
        active: input.activeMs,
      });
      if (sub.status === 'pending')
        db.prepare("UPDATE submissions SET status = 'in-progress' WHERE seq = ?").run(sub.seq);
      return { review: readReview(db, sub.seq, sub.id)!, computed };
    })
    .immediate();
}

/** Freezes the draft: the decision (with any override and its justification) is final and audited. */
export function submitReview(db: Db, submissionId: string, now = new Date()): Review {
  return db
    .transaction(() => {
      const sub = findSubmission(db, submissionId);
      assertOpen(db, sub);
      const draft = readReview(db, sub.seq, sub.id);
      if (!draft) throw new ReviewConflictError('There is nothing to submit yet: score the criteria first.');
      const { rubric, contentSha256 } = rubricOf(db, draft.achievementVersionId);
      const computed = computeDecision(rubric, draft.scores);
      const final = finalDecision(computed, draft.override ?? undefined);
      const at = now.toISOString();
      db.prepare(
        "UPDATE reviews SET state = 'submitted', decision = ?, computed_decision = ?, submitted_at = ?, updated_at = ? WHERE submission_seq = ?",
      ).run(final.decision, final.computed, at, at, sub.seq);
      db.prepare('UPDATE submissions SET status = ? WHERE seq = ?').run(
        final.decision === 'pass' ? 'passed' : 'not-yet',
        sub.seq,
      );
      appendAudit(
        db,
        'review.submit',
        sub.id,
        {
          decision: final.decision,
          computedDecision: final.computed,
          overridden: final.overridden,
          ...(final.justification ? { justification: final.justification } : {}),
          points: computed.points,
          achievementId: rubric.id,
          achievementVersionId: draft.achievementVersionId,
          rubricSha256: contentSha256,
          scores: draft.scores,
          timeOnTaskMs: draft.timeOnTaskMs,
        },
        at,
      );
      // A calibration sample's submission may meet the thresholds: recorded with this submission, in its transaction.
      recordCalibrationMet(db, sub.seq, at);
      return readReview(db, sub.seq, sub.id)!;
    })
    .immediate();
}

/** "I know this earner": leaves the assessor's queue for return to the issuer, with the reason audited. */
export function recuse(db: Db, submissionId: string, reason: string, now = new Date()): void {
  const why = reason.trim();
  if (!why) throw new ReviewConflictError('Say briefly why you are recusing yourself; the issuer needs the reason.');
  db.transaction(() => {
    const sub = findSubmission(db, submissionId);
    assertOpen(db, sub);
    const at = now.toISOString();
    db.prepare('DELETE FROM reviews WHERE submission_seq = ?').run(sub.seq);
    db.prepare('INSERT INTO recusals (submission_seq, reason, recused_at) VALUES (?, ?, ?)').run(sub.seq, why, at);
    db.prepare("UPDATE submissions SET status = 'recused' WHERE seq = ?").run(sub.seq);
    appendAudit(db, 'review.recuse', sub.id, { reason: why }, at);
  }).immediate();
}
