// Reads one submission for the review workspace: evidence by section, pinned rubric, review, history.
import { AssayError, type AssayErrorOptions } from '../../shared/errors.js';
import { achievementSchema, submissionSchema, type PreviousReview } from '../../shared/schemas/review-package.js';
import { reviewSchema, type Review } from '../../shared/domain/review.js';
import { randomBytes } from 'node:crypto';
import { hashTerms, identityTerms, redactText, type Identity } from '../../shared/domain/redaction.js';
import { EVIDENCE_PATH, type Workspace, type WorkspaceArtifact } from '../../shared/domain/workspace.js';
import type { SubmissionStatus } from '../../shared/domain/queue.js';
import type { Db } from '../store/db.js';
import { practiceOf } from '../quality/kind.js';

export class NotFoundError extends AssayError {
  override name = 'NotFoundError';
  constructor(message: string, options?: AssayErrorOptions) {
    super('not-found', message, options);
  }
}

interface SubmissionRow {
  seq: number;
  id: string;
  json: string;
  status: SubmissionStatus;
  submittedAt: string;
  dueAt: string | null;
  versionId: number;
  achievementJson: string;
  earnerName: string;
  earnerEmail: string | null;
  earnerOrganization: string | null;
}

export function findSubmission(db: Db, submissionId: string): SubmissionRow {
  const row = db
    .prepare(
      `SELECT s.seq, s.id, s.json, s.status, s.submitted_at AS submittedAt, s.due_at AS dueAt, s.achievement_version_id AS versionId,
        a.json AS achievementJson, s.earner_name AS earnerName, s.earner_email AS earnerEmail, s.earner_organization AS earnerOrganization
      FROM submissions s JOIN achievement_versions a ON a.version_id = s.achievement_version_id WHERE s.id = ?`,
    )
    .get(submissionId) as SubmissionRow | undefined;
  if (!row) throw new NotFoundError(`There is no submission "${submissionId}" in this data folder.`);
  return row;
}

interface ReviewRow {
  achievement_version_id: number;
  state: 'draft' | 'submitted';
  scores_json: string;
  comments_json: string;
  feedback: string;
  decision: 'pass' | 'not-yet' | null;
  computed_decision: 'pass' | 'not-yet' | null;
  override_json: string | null;
  started_at: string;
  updated_at: string;
  submitted_at: string | null;
  time_on_task_ms: number;
}

export function readReview(db: Db, seq: number, submissionId: string): Review | null {
  const r = db.prepare('SELECT * FROM reviews WHERE submission_seq = ?').get(seq) as ReviewRow | undefined;
  if (!r) return null;
  return reviewSchema.parse({
    submissionId,
    achievementVersionId: r.achievement_version_id,
    state: r.state,
    scores: JSON.parse(r.scores_json) as unknown,
    comments: JSON.parse(r.comments_json) as unknown,
    feedback: r.feedback,
    override: r.override_json ? (JSON.parse(r.override_json) as unknown) : null,
    decision: r.decision,
    computedDecision: r.computed_decision,
    startedAt: r.started_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    timeOnTaskMs: r.time_on_task_ms,
  });
}

export function loadWorkspace(db: Db, submissionId: string, blind: boolean): Workspace {
  const row = findSubmission(db, submissionId);
  const submission = submissionSchema.parse(JSON.parse(row.json));
  const achievement = achievementSchema.parse(JSON.parse(row.achievementJson));
  const identity: Identity = {
    name: row.earnerName,
    email: row.earnerEmail,
    organization: row.earnerOrganization,
    aliases: submission.earner.aliases ?? [],
  };
  const scrub = (text: string) => (blind ? redactText(text, identity) : text);

  const artifacts = db
    .prepare(
      'SELECT artifact_id AS id, section_id AS sectionId, name, file_name AS fileName, media_type AS mediaType, size, sha256, url FROM artifacts WHERE submission_seq = ? ORDER BY position',
    )
    .all(row.seq) as {
    id: string;
    sectionId: string;
    name: string;
    fileName: string | null;
    mediaType: string | null;
    size: number | null;
    sha256: string | null;
    url: string | null;
  }[];
  const sections = achievement.sections.map((section) => ({
    id: section.id,
    name: section.name,
    prompt: section.prompt,
    responses: (submission.responses ?? []).filter((r) => r.sectionId === section.id).map((r) => scrub(r.text)),
    artifacts: artifacts
      .filter((a) => a.sectionId === section.id)
      .map((a): WorkspaceArtifact => {
        const out: WorkspaceArtifact = {
          id: a.id,
          name: scrub(a.name),
          kind: a.sha256 ? 'file' : 'url',
          mediaType: a.mediaType,
          size: a.size,
          sha256: a.sha256,
          href: a.sha256 ? `${EVIDENCE_PATH}${a.sha256}` : a.url!,
        };
        if (!blind && a.fileName) out.fileName = a.fileName.split('/').pop()!;
        return out;
      }),
  }));
  const previousReviews: PreviousReview[] = (submission.previousReviews ?? [])
    .map((p) => ({
      ...p,
      feedback: scrub(p.feedback),
      results: p.results.map((r) => ({ ...r, ...(r.comment !== undefined ? { comment: scrub(r.comment) } : {}) })),
    }))
    .sort((a, b) => a.attempt - b.attempt);
  const recusal = db
    .prepare('SELECT reason, recused_at AS recusedAt FROM recusals WHERE submission_seq = ?')
    .get(row.seq) as { reason: string; recusedAt: string } | undefined;
  // Only a calibration sample says what it is; seeds and second readings get nothing, exactly like live work.
  const practice = practiceOf(db, row.seq);
  return {
    submission: {
      id: submission.id,
      attempt: submission.attempt,
      submittedAt: row.submittedAt,
      dueAt: row.dueAt,
      status: row.status,
      ...(blind
        ? {}
        : {
            earner: {
              name: row.earnerName,
              ...(row.earnerEmail ? { email: row.earnerEmail } : {}),
              ...(row.earnerOrganization ? { organization: row.earnerOrganization } : {}),
            },
          }),
      sections,
    },
    achievement: { ...achievement, versionId: row.versionId },
    review: readReview(db, row.seq, submissionId),
    previousReviews,
    recusal: recusal ?? null,
    ...(practice ? { practice } : {}),
    // Blind: what the evidence viewers cover, as hashes salted afresh each time (see shared/domain/redaction.ts).
    ...(blind ? { redaction: hashTerms(identityTerms(identity), randomBytes(8).toString('hex')) } : {}),
  };
}
