// Calibration (../docs/quality-assurance.md): the assessor scores practice samples with definitive scores; the
// live queue stays closed while a required calibration is unmet. A round is one pass over the samples; practising
// again archives the round's submitted reviews (calibration_rounds) and clears them for the next.
import { AssayError } from '../../shared/errors.js';
import type { AgreementSummary, CalibrationGate, CalibrationStatus } from '../../shared/domain/quality.js';
import { achievementSchema, definitiveSchema, type Decision } from '../../shared/schemas/review-package.js';
import { appendAudit } from '../store/audit.js';
import type { Db } from '../store/db.js';
import { NotFoundError } from '../review/workspace.js';
import { queueIsOpen } from './queue-gate.js';
import { percent, scoreReview, summarise, type ScoredReview } from './measures.js';

interface SetRow {
  packageId: string;
  required: 0 | 1;
  minExact: number;
  maxNonAdjacent: number;
  metAt: string | null;
}

interface SampleRow {
  seq: number;
  id: string;
  position: number;
  achievementId: string;
  achievementJson: string;
  definitiveJson: string;
  state: 'draft' | 'submitted' | null;
  scoresJson: string | null;
  decision: Decision | null;
  submittedAt: string | null;
}

const SETS_SQL = `SELECT package_id AS packageId, required, min_exact_agreement AS minExact, max_non_adjacent AS maxNonAdjacent,
  met_at AS metAt FROM calibration_sets`;

const SAMPLES_SQL = `SELECT s.seq, s.id, q.position, s.achievement_id AS achievementId, a.json AS achievementJson,
    q.definitive_json AS definitiveJson, r.state, r.scores_json AS scoresJson, r.decision, r.submitted_at AS submittedAt
  FROM qa_samples q JOIN submissions s ON s.seq = q.submission_seq
    JOIN achievement_versions a ON a.version_id = s.achievement_version_id
    LEFT JOIN reviews r ON r.submission_seq = s.seq
  WHERE q.package_id = ? AND q.kind = 'calibration' ORDER BY q.position`;

/** The definitive score of a sample as criterion id -> level id, with its decision and rationales. */
export function readDefinitive(json: string) {
  const d = definitiveSchema.parse(JSON.parse(json));
  return {
    decision: d.decision,
    levels: new Map(d.results.map((r) => [r.resultDescription, r.achievedLevel])),
    rationales: new Map(d.results.map((r) => [r.resultDescription, r.rationale])),
  };
}

/** A submitted sample review beside its definitive score. */
export function scoreSample(row: {
  achievementJson: string;
  definitiveJson: string;
  scoresJson: string | null;
  decision: Decision | null;
}): ScoredReview {
  const d = readDefinitive(row.definitiveJson);
  const rubric = achievementSchema.parse(JSON.parse(row.achievementJson));
  const own = JSON.parse(row.scoresJson ?? '{}') as Record<string, string>;
  return scoreReview(rubric, own, d.levels, row.decision!, d.decision);
}

/** The round in progress for a calibration package: one past the last archived round. */
export function roundOf(db: Db, packageId: string): number {
  const last = db.prepare('SELECT max(round) FROM calibration_rounds WHERE package_id = ?').pluck().get(packageId) as
    number | null;
  return (last ?? 0) + 1;
}

/** The criteria (by name, rubric order, once each) where the round's submitted reviews missed the definitive level. */
function missedCriteria(reviews: readonly ScoredReview[]): string[] {
  const names = new Set<string>();
  for (const r of reviews) for (const c of r.criteria) if (c.ownIndex !== c.referenceIndex) names.add(c.criterion.name);
  return [...names];
}

function quoteList(names: readonly string[]): string {
  const q = names.map((n) => `‘${n}’`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]!}`;
}

/** What stands between the assessor and the thresholds, as something to do; null when this round meets them. */
function missingSentence(
  set: SetRow,
  round: number,
  total: number,
  submitted: number,
  agreement: AgreementSummary | null,
  reviews: readonly ScoredReview[],
): string | null {
  const parts: string[] = [];
  const exactOk = agreement !== null && agreement.exact >= set.minExact;
  const nonAdjacentOk = agreement !== null && agreement.nonAdjacentCount <= set.maxNonAdjacent;
  if (submitted < total) {
    const left = total - submitted;
    parts.push(
      `Score and submit ${left} more calibration sample${left === 1 ? '' : 's'} (${submitted} of ${total} submitted in round ${round}); ${percent(set.minExact)} exact agreement is needed.`,
    );
    if (agreement && (!exactOk || !nonAdjacentOk)) parts.push(`So far exact agreement is ${percent(agreement.exact)}.`);
    return parts.join(' ');
  }
  if (exactOk && nonAdjacentOk) return null;
  const a = agreement!;
  if (!exactOk)
    parts.push(`Exact agreement is ${percent(a.exact)} over ${a.n} criteria; ${percent(set.minExact)} is needed.`);
  if (!nonAdjacentOk)
    parts.push(
      `${a.nonAdjacentCount} ${a.nonAdjacentCount === 1 ? 'criterion was' : 'criteria were'} more than one level from the definitive score; at most ${set.maxNonAdjacent} may be.`,
    );
  const missed = missedCriteria(reviews);
  parts.push(
    missed.length > 0
      ? `Re-read the rationales for ${quoteList(missed)} and practise again.`
      : 'Re-read the rationales and practise again.',
  );
  return parts.join(' ');
}

/** One package's calibration, computed from the store. */
function statusOf(db: Db, set: SetRow): CalibrationStatus & { met: boolean } {
  const rows = db.prepare(SAMPLES_SQL).all(set.packageId) as SampleRow[];
  const round = roundOf(db, set.packageId);
  const submittedRows = rows.filter((r) => r.state === 'submitted');
  const reviews = submittedRows.map(scoreSample);
  const agreement = reviews.length > 0 ? summarise(reviews) : null;
  const missing = missingSentence(set, round, rows.length, submittedRows.length, agreement, reviews);
  const met = rows.length > 0 && missing === null;
  return {
    packageId: set.packageId,
    required: set.required === 1,
    minExactAgreement: set.minExact,
    maxNonAdjacent: set.maxNonAdjacent,
    round,
    samples: rows.map((r) => ({
      submissionId: r.id,
      achievementId: r.achievementId,
      achievementName: achievementSchema.parse(JSON.parse(r.achievementJson)).name,
      number: r.position + 1,
      state: r.state === null ? 'not-started' : r.state,
    })),
    agreement,
    metAt: set.metAt,
    // Once met (in any round), nothing is missing: practising again afterwards is for the assessor alone.
    missing: set.metAt !== null ? null : missing,
    met,
  };
}

function findSet(db: Db, packageId: string): SetRow {
  const set = db.prepare(`${SETS_SQL} WHERE package_id = ?`).get(packageId) as SetRow | undefined;
  if (!set) throw new NotFoundError(`Package "${packageId}" has no calibration samples in this data folder.`);
  return set;
}

function publicStatus(s: CalibrationStatus & { met: boolean }): CalibrationStatus {
  const { met: _met, ...status } = s;
  return status;
}

export function calibrationStatus(db: Db, packageId: string): CalibrationStatus {
  return publicStatus(statusOf(db, findSet(db, packageId)));
}

/** Every package's calibration, in import order, and whether the live queue is open. */
export function calibrationGate(db: Db): CalibrationGate {
  const sets = db.prepare(`${SETS_SQL} ORDER BY rowid`).all() as SetRow[];
  const calibrations = sets.map((set) => publicStatus(statusOf(db, set)));
  return { queueOpen: calibrations.every((c) => !c.required || c.metAt !== null), calibrations };
}

/** Refuses live work while a required calibration is unmet, saying what is missing. */
export function assertQueueOpen(db: Db): void {
  if (queueIsOpen(db)) return;
  const gate = calibrationGate(db);
  const unmet = gate.calibrations.filter((c) => c.required && c.metAt === null);
  const sentences = unmet.map((c) =>
    unmet.length === 1 ? c.missing! : `Calibration for package ${c.packageId}: ${c.missing!}`,
  );
  throw new AssayError('calibration-required', `The live queue opens after calibration. ${sentences.join(' ')}`);
}

/**
 * Called in the transaction that submits a review: when it is a calibration sample's and the round now meets
 * the thresholds for the first time, met_at is that submission's time (so it does not depend on when anyone
 * looks), audited.
 */
export function recordCalibrationMet(db: Db, seq: number, at: string): void {
  const pkg = db
    .prepare("SELECT package_id FROM qa_samples WHERE submission_seq = ? AND kind = 'calibration'")
    .pluck()
    .get(seq) as string | undefined;
  if (pkg === undefined) return;
  const set = findSet(db, pkg);
  if (set.metAt !== null) return;
  const status = statusOf(db, set);
  if (!status.met) return;
  db.prepare('UPDATE calibration_sets SET met_at = ? WHERE package_id = ?').run(at, pkg);
  appendAudit(
    db,
    'calibration.met',
    pkg,
    {
      round: status.round,
      exact: status.agreement!.exact,
      nonAdjacentCount: status.agreement!.nonAdjacentCount,
      criteria: status.agreement!.n,
    },
    at,
  );
}

/**
 * Starts the next round: this round's submitted sample reviews are kept in calibration_rounds, then every
 * sample review (drafts too) and recusal is cleared and the samples are pending again. With nothing submitted
 * in this round there is nothing to keep: the drafts are cleared and the round number stays.
 */
export function practiceAgain(db: Db, packageId: string, now = new Date()): CalibrationStatus {
  return db
    .transaction(() => {
      findSet(db, packageId);
      const round = roundOf(db, packageId);
      const rows = db.prepare(SAMPLES_SQL).all(packageId) as SampleRow[];
      const keep = db.prepare(
        'INSERT INTO calibration_rounds (package_id, round, submission_seq, scores_json, decision, submitted_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      const submitted = rows.filter((r) => r.state === 'submitted');
      for (const r of submitted) keep.run(packageId, round, r.seq, r.scoresJson, r.decision, r.submittedAt);
      const seqs = JSON.stringify(rows.map((r) => r.seq));
      db.prepare('DELETE FROM reviews WHERE submission_seq IN (SELECT value FROM json_each(?))').run(seqs);
      db.prepare('DELETE FROM recusals WHERE submission_seq IN (SELECT value FROM json_each(?))').run(seqs);
      db.prepare("UPDATE submissions SET status = 'pending' WHERE seq IN (SELECT value FROM json_each(?))").run(seqs);
      const agreement = submitted.length > 0 ? summarise(submitted.map(scoreSample)) : null;
      appendAudit(
        db,
        'calibration.practice-again',
        packageId,
        {
          round,
          archived: submitted.map((r) => r.id),
          ...(agreement ? { exact: agreement.exact, nonAdjacentCount: agreement.nonAdjacentCount } : {}),
        },
        now.toISOString(),
      );
      return calibrationStatus(db, packageId);
    })
    .immediate();
}

/**
 * Refuses to open or change the review of live work (or a seed, which must look the same) while a required
 * calibration is unmet; a calibration sample may always be worked on. An unknown id passes, for the caller to
 * refuse by name.
 */
export function assertMayReview(db: Db, submissionId: string): void {
  if (queueIsOpen(db)) return;
  const practice = db
    .prepare(
      "SELECT q.kind = 'calibration' FROM submissions s LEFT JOIN qa_samples q ON q.submission_seq = s.seq WHERE s.id = ?",
    )
    .pluck()
    .get(submissionId) as 0 | 1 | null | undefined;
  if (practice === undefined || practice === 1) return;
  assertQueueOpen(db);
}

/** A calibration sample is practice: there is no earner to recuse from, and a recused sample could never be scored. */
export function assertMayRecuse(db: Db, submissionId: string): void {
  const practice = db
    .prepare(
      "SELECT 1 FROM submissions s JOIN qa_samples q ON q.submission_seq = s.seq WHERE s.id = ? AND q.kind = 'calibration'",
    )
    .get(submissionId);
  if (practice !== undefined)
    throw new AssayError(
      'conflict',
      'This is a calibration sample, scored for practice: there is no earner to recuse yourself from.',
    );
}
