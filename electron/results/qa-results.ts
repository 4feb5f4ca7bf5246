// The quality-assurance sections of a results package (results-package.md): calibration rounds, seeds and
// second readings, each item this assessor's levels beside the reference's, with the measures over them.
// Calibration samples and seeds are never decisions, so they are here and never in `submissions`.
import { z } from 'zod';
import { AssayError } from '../../shared/errors.js';
import { canonicalJson } from '../../shared/domain/canonical-json.js';
import { measureItems, meetsThresholds, orderedLevels } from '../../shared/domain/qa-measures.js';
import {
  achievementSchema,
  firstReadingSchema,
  type Achievement,
  type Decision,
} from '../../shared/schemas/review-package.js';
import type {
  CalibrationResult,
  QaItem,
  Results,
  SecondReadingResult,
  SeedResult,
} from '../../shared/schemas/results-package.js';
import { createHash } from 'node:crypto';
import type { Db } from '../store/db.js';
import { leakReports } from '../review/redactions.js';
import { readDefinitive, roundOf } from '../quality/calibration.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface SampleRow {
  seq: number;
  id: string;
  kind: 'calibration' | 'seed';
  packageId: string;
  position: number;
  definitiveJson: string;
  achievementJson: string;
}

interface ReviewRow {
  state: string;
  scores_json: string;
  decision: Decision | null;
  submitted_at: string | null;
  achievementJson: string;
}

const scoresSchema = z.record(z.string(), z.string());

function rubric(json: string): { achievement: Achievement; sha: string } {
  const achievement = achievementSchema.parse(JSON.parse(json));
  return { achievement, sha: sha256(canonicalJson(achievement)) };
}

/**
 * This assessor's levels beside the reference's, criterion by criterion in rubric order. A level id the
 * rubric lacks (the import refuses those, so only a damaged store has one) stops the export, naming it.
 */
function compare(
  achievement: Achievement,
  own: Readonly<Record<string, string>>,
  reference: ReadonlyMap<string, string>,
  what: string,
): QaItem['results'] {
  return achievement.resultDescription.map((c) => {
    const levels = orderedLevels(c);
    const achievedLevel = own[c.id];
    const referenceLevel = reference.get(c.id);
    const achievedIndex = levels.findIndex((l) => l.id === achievedLevel);
    const referenceIndex = levels.findIndex((l) => l.id === referenceLevel);
    if (achievedIndex < 0 || referenceIndex < 0)
      throw new AssayError(
        'results',
        `${what}: criterion "${c.id}" has no level "${achievedIndex < 0 ? achievedLevel : referenceLevel}"; the store does not match its rubric, so no results package was written.`,
      );
    return {
      resultDescription: c.id,
      achievedLevel: achievedLevel!,
      achievedIndex,
      referenceLevel: referenceLevel!,
      referenceIndex,
      levels: levels.length,
    };
  });
}

export interface QaSections {
  /** Submission rows that are calibration samples or seeds: never exported as decisions. */
  samples: ReadonlySet<number>;
  /** The results package each second-read submission's first review is in, by submission row. */
  secondReadOf: ReadonlyMap<number, string>;
  sections: Pick<Results, 'calibration' | 'seeds' | 'secondReadings'>;
}

/** Reads the store's calibration rounds, seeds and second readings (call inside the export's read transaction). */
export function readQaSections(db: Db): QaSections {
  const sampleRows = db
    .prepare(
      `SELECT q.submission_seq AS seq, s.id, q.kind, q.package_id AS packageId, q.position, q.definitive_json AS definitiveJson,
         v.json AS achievementJson
       FROM qa_samples q JOIN submissions s ON s.seq = q.submission_seq
         JOIN achievement_versions v ON v.version_id = s.achievement_version_id
       ORDER BY q.package_id, q.kind, q.position`,
    )
    .all() as SampleRow[];
  const reviewOf = db.prepare(
    `SELECT r.state, r.scores_json, r.decision, r.submitted_at, v.json AS achievementJson
     FROM reviews r JOIN achievement_versions v ON v.version_id = r.achievement_version_id WHERE r.submission_seq = ?`,
  );
  const recused = db.prepare('SELECT 1 FROM recusals WHERE submission_seq = ?').pluck();
  const samples = new Set(sampleRows.map((r) => r.seq));

  // A scored sample: the review's rubric version (the one its levels are of), against the definitive score.
  const scoredSample = (
    row: SampleRow,
    scores: Record<string, string>,
    decision: Decision | undefined,
    submittedAt: string,
    achievementJson: string,
  ): QaItem => {
    const definitive = readDefinitive(row.definitiveJson);
    const { achievement, sha } = rubric(achievementJson);
    return {
      submissionId: row.id,
      achievementId: achievement.id,
      rubricSha256: sha,
      ...(decision ? { decision } : {}),
      referenceDecision: definitive.decision,
      submittedAt,
      results: compare(achievement, scores, definitive.levels, `Sample "${row.id}"`),
    };
  };

  // Calibration: the archived rounds, then the round in progress (its submitted samples).
  const calibration: CalibrationResult[] = [];
  const sets = db
    .prepare(
      'SELECT package_id AS packageId, required, min_exact_agreement AS minExact, max_non_adjacent AS maxNonAdjacent, met_at AS metAt FROM calibration_sets ORDER BY package_id',
    )
    .all() as { packageId: string; required: number; minExact: number; maxNonAdjacent: number; metAt: string | null }[];
  const archived = db.prepare(
    'SELECT round, submission_seq AS seq, scores_json AS scores, decision, submitted_at AS submittedAt FROM calibration_rounds WHERE package_id = ? ORDER BY round, id',
  );
  for (const set of sets) {
    const ofSet = sampleRows.filter((r) => r.kind === 'calibration' && r.packageId === set.packageId);
    const bySeq = new Map(ofSet.map((r) => [r.seq, r]));
    const thresholds = { minExactAgreement: set.minExact, maxNonAdjacent: set.maxNonAdjacent };
    const rounds = new Map<number, QaItem[]>();
    for (const a of archived.all(set.packageId) as {
      round: number;
      seq: number;
      scores: string;
      decision: Decision | null;
      submittedAt: string;
    }[]) {
      const row = bySeq.get(a.seq);
      if (!row)
        throw new AssayError(
          'results',
          `Calibration round ${a.round} of package "${set.packageId}" names a submission that is not one of its samples; no results package was written.`,
        );
      // The archived round keeps the levels; the rubric is the sample's (a sample's rubric does not change).
      const item = scoredSample(
        row,
        scoresSchema.parse(JSON.parse(a.scores)),
        a.decision ?? undefined,
        a.submittedAt,
        row.achievementJson,
      );
      const list = rounds.get(a.round);
      if (list) list.push(item);
      else rounds.set(a.round, [item]);
    }
    const current = roundOf(db, set.packageId);
    const currentItems: QaItem[] = [];
    for (const row of ofSet) {
      const r = reviewOf.get(row.seq) as ReviewRow | undefined;
      if (r?.state !== 'submitted' || !r.submitted_at) continue;
      const item = scoredSample(
        row,
        scoresSchema.parse(JSON.parse(r.scores_json)),
        r.decision ?? undefined,
        r.submitted_at,
        r.achievementJson,
      );
      currentItems.push(item);
    }
    if (currentItems.length) rounds.set(current, currentItems);
    const leaks = ofSet.flatMap((row) => leakReports(db, row.seq).map((l) => ({ submissionId: row.id, ...l })));
    calibration.push({
      reviewPackage: set.packageId,
      required: set.required === 1,
      ...thresholds,
      samples: ofSet.length,
      ...(leaks.length ? { identityLeaks: leaks } : {}),
      metAt: set.metAt,
      rounds: [...rounds.entries()]
        .sort(([a], [b]) => a - b)
        .map(([round, items]) => {
          const agreement = measureItems(items);
          return {
            round,
            samples: items,
            agreement,
            meetsThresholds: items.length === ofSet.length && meetsThresholds(agreement, thresholds),
          };
        }),
    });
  }

  // Seeds: every one, scored or not; the measures over those reviewed.
  const seeds: SeedResult[] = [];
  for (const row of sampleRows.filter((r) => r.kind === 'seed')) {
    const r = reviewOf.get(row.seq) as ReviewRow | undefined;
    const leaks = leakReports(db, row.seq);
    const reported = leaks.length ? { identityLeaks: leaks } : {};
    if (r?.state === 'submitted' && r.submitted_at) {
      const item = scoredSample(
        row,
        scoresSchema.parse(JSON.parse(r.scores_json)),
        r.decision ?? undefined,
        r.submitted_at,
        r.achievementJson,
      );
      seeds.push({ ...item, reviewPackage: row.packageId, outcome: 'reviewed', ...reported });
      continue;
    }
    const definitive = readDefinitive(row.definitiveJson);
    const { achievement, sha } = rubric(row.achievementJson);
    seeds.push({
      submissionId: row.id,
      reviewPackage: row.packageId,
      achievementId: achievement.id,
      rubricSha256: sha,
      outcome: recused.get(row.seq) !== undefined ? 'recused' : 'not-reviewed',
      referenceDecision: definitive.decision,
      results: [],
      ...reported,
    });
  }

  // Second readings: grouped by review package; compared where the package carried the first reading.
  const readings = db
    .prepare(
      `SELECT r.submission_seq AS seq, s.id, r.package_id AS packageId, r.of_package AS ofPackage, r.first_json AS firstJson
       FROM second_readings r JOIN submissions s ON s.seq = r.submission_seq ORDER BY r.package_id, s.seq`,
    )
    .all() as { seq: number; id: string; packageId: string; ofPackage: string; firstJson: string | null }[];
  const secondReadOf = new Map(readings.map((r) => [r.seq, r.ofPackage]));
  const groups = new Map<string, SecondReadingResult & { carried: boolean }>();
  for (const row of readings) {
    const key = `${row.packageId}\u0000${row.ofPackage}`;
    let g = groups.get(key);
    if (!g)
      groups.set(
        key,
        (g = { of: row.ofPackage, reviewPackage: row.packageId, submissions: [], compared: [], carried: false }),
      );
    g.submissions.push(row.id);
    if (row.firstJson === null) continue;
    g.carried = true;
    const first = firstReadingSchema.parse(JSON.parse(row.firstJson));
    const r = reviewOf.get(row.seq) as ReviewRow | undefined;
    if (r?.state !== 'submitted' || !r.submitted_at) continue;
    const { achievement, sha } = rubric(r.achievementJson);
    g.compared.push({
      submissionId: row.id,
      achievementId: achievement.id,
      rubricSha256: sha,
      ...(r.decision ? { decision: r.decision } : {}),
      referenceDecision: first.decision,
      submittedAt: r.submitted_at,
      firstReader: first.assessor.id
        ? { name: first.assessor.name, id: first.assessor.id }
        : { name: first.assessor.name },
      firstReviewedAt: first.reviewedAt,
      results: compare(
        achievement,
        scoresSchema.parse(JSON.parse(r.scores_json)),
        new Map(first.results.map((x) => [x.resultDescription, x.achievedLevel])),
        `Second reading of "${row.id}"`,
      ),
    });
  }
  const secondReadings: SecondReadingResult[] = [...groups.values()].map(({ carried, ...g }) =>
    carried ? { ...g, agreement: measureItems(g.compared) } : g,
  );

  return {
    samples,
    secondReadOf,
    sections: {
      ...(calibration.length ? { calibration } : {}),
      ...(seeds.length
        ? { seeds: { samples: seeds, agreement: measureItems(seeds.filter((s) => s.outcome === 'reviewed')) } }
        : {}),
      ...(secondReadings.length ? { secondReadings } : {}),
    },
  };
}
