// The assessor's submitted review beside its reference: a calibration sample's or a seed's definitive score, or
// the first reader's review of a second reading. Blind until submitted: for a seed or a second reading not yet
// submitted the answer is null, exactly as for live work, after the same reads (nothing in the answer or the
// work done tells a seed from live work before its review is submitted).
import type { AgreementSummary, Comparison, QualityKind } from '../../shared/domain/quality.js';
import {
  achievementSchema,
  firstReadingSchema,
  type Achievement,
  type Decision,
  type RubricLevel,
} from '../../shared/schemas/review-package.js';
import type { Db } from '../store/db.js';
import { findSubmission } from '../review/workspace.js';
import { readDefinitive, scoreSample } from './calibration.js';
import { scoreReview, summarise, type ScoredReview } from './measures.js';

interface Probe {
  qaKind: 'calibration' | 'seed' | null;
  qaPackage: string | null;
  definitiveJson: string | null;
  secondReading: 0 | 1;
  firstJson: string | null;
  state: 'draft' | 'submitted' | null;
  scoresJson: string | null;
  decision: Decision | null;
}

// One query for every submission, whatever it is: the reference (if any) and the review, read together.
const PROBE_SQL = `SELECT q.kind AS qaKind, q.package_id AS qaPackage, q.definitive_json AS definitiveJson,
    (sr.submission_seq IS NOT NULL) AS secondReading, sr.first_json AS firstJson,
    r.state, r.scores_json AS scoresJson, r.decision
  FROM submissions s LEFT JOIN qa_samples q ON q.submission_seq = s.seq
    LEFT JOIN second_readings sr ON sr.submission_seq = s.seq
    LEFT JOIN reviews r ON r.submission_seq = s.seq
  WHERE s.seq = ?`;

const levelRef = (l: RubricLevel) => ({ id: l.id, name: l.name, level: l.level, points: l.points });

function firstReadingScores(rubric: Achievement, firstJson: string, own: Record<string, string>, decision: Decision) {
  const first = firstReadingSchema.parse(JSON.parse(firstJson));
  const scored = scoreReview(
    rubric,
    own,
    new Map(first.results.map((r) => [r.resultDescription, r.achievedLevel])),
    decision,
    first.decision,
  );
  return { first, scored };
}

/**
 * Submitted reviews of samples beside their definitive scores: every seed in the store (`packageId` null), or
 * this round of one package's calibration samples.
 */
function submittedSamples(db: Db, kind: 'seed' | 'calibration', packageId: string | null): ScoredReview[] {
  const rows = db
    .prepare(
      `SELECT a.json AS achievementJson, q.definitive_json AS definitiveJson, r.scores_json AS scoresJson, r.decision
      FROM qa_samples q JOIN submissions s ON s.seq = q.submission_seq
        JOIN achievement_versions a ON a.version_id = s.achievement_version_id
        JOIN reviews r ON r.submission_seq = s.seq
      WHERE q.kind = ? AND (? IS NULL OR q.package_id = ?) AND r.state = 'submitted' ORDER BY q.package_id, q.position`,
    )
    .all(kind, packageId, packageId) as {
    achievementJson: string;
    definitiveJson: string;
    scoresJson: string;
    decision: Decision;
  }[];
  return rows.map(scoreSample);
}

/** Every submitted second reading whose first reading the package carried. */
function allSecondReadings(db: Db): ScoredReview[] {
  const rows = db
    .prepare(
      `SELECT a.json AS achievementJson, sr.first_json AS firstJson, r.scores_json AS scoresJson, r.decision
      FROM second_readings sr JOIN submissions s ON s.seq = sr.submission_seq
        JOIN achievement_versions a ON a.version_id = s.achievement_version_id
        JOIN reviews r ON r.submission_seq = s.seq
      WHERE sr.first_json IS NOT NULL AND r.state = 'submitted' ORDER BY s.seq`,
    )
    .all() as { achievementJson: string; firstJson: string; scoresJson: string; decision: Decision }[];
  return rows.map(
    (r) =>
      firstReadingScores(
        achievementSchema.parse(JSON.parse(r.achievementJson)),
        r.firstJson,
        JSON.parse(r.scoresJson) as Record<string, string>,
        r.decision,
      ).scored,
  );
}

/**
 * The comparison for a submitted review of a calibration sample, a seed or a second reading; null for live
 * work, for anything not yet submitted, and for a second reading whose package did not carry the first
 * reading (the coordinator holds it and compares them). NotFoundError for an unknown submission.
 */
export function comparison(db: Db, submissionId: string): Comparison | null {
  const sub = findSubmission(db, submissionId);
  const p = db.prepare(PROBE_SQL).get(sub.seq) as Probe;
  const kind: QualityKind | null = p.qaKind ?? (p.secondReading ? 'second-reading' : null);
  if (kind === null || p.state !== 'submitted' || p.decision === null) return null;
  if (kind === 'second-reading' && p.firstJson === null) return null;

  const rubric = achievementSchema.parse(JSON.parse(sub.achievementJson));
  const own = JSON.parse(p.scoresJson ?? '{}') as Record<string, string>;
  let scored: ScoredReview;
  let soFar: AgreementSummary;
  let referenceLabel: string;
  let rationales = new Map<string, string>();
  let referenceComments = new Map<string, string>();
  let extra: Pick<Comparison, 'referenceFeedback' | 'referenceReviewedAt'> = {};
  if (kind === 'second-reading') {
    const { first, scored: s } = firstReadingScores(rubric, p.firstJson!, own, p.decision);
    scored = s;
    referenceLabel = first.assessor.name;
    referenceComments = new Map(
      first.results.flatMap((r) => (r.comment !== undefined ? [[r.resultDescription, r.comment] as const] : [])),
    );
    extra = { referenceFeedback: first.feedback, referenceReviewedAt: first.reviewedAt };
    soFar = summarise(allSecondReadings(db));
  } else {
    const d = readDefinitive(p.definitiveJson!);
    scored = scoreReview(rubric, own, d.levels, p.decision, d.decision);
    referenceLabel = 'Definitive score';
    rationales = d.rationales;
    soFar = summarise(submittedSamples(db, kind, kind === 'seed' ? null : p.qaPackage));
  }
  return {
    kind,
    submissionId: sub.id,
    referenceLabel,
    ownDecision: scored.ownDecision,
    referenceDecision: scored.referenceDecision,
    ...extra,
    criteria: scored.criteria.map((c) => {
      const rationale = rationales.get(c.criterion.id);
      const referenceComment = referenceComments.get(c.criterion.id);
      return {
        criterionId: c.criterion.id,
        criterionName: c.criterion.name,
        own: levelRef(c.own),
        reference: levelRef(c.reference),
        distance: c.ownIndex - c.referenceIndex,
        ...(rationale !== undefined ? { rationale } : {}),
        ...(referenceComment !== undefined ? { referenceComment } : {}),
      };
    }),
    agreement: summarise([scored]),
    soFar,
  };
}
