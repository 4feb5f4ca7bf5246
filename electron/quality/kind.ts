// What a stored submission is for quality assurance: live work, a calibration sample, a seed or a second reading.
// Read with one query whatever it is, so asking takes the same work for a seed as for live work.
import type { QualityKind } from '../../shared/domain/quality.js';
import type { Db } from '../store/db.js';

const KIND_SQL = `SELECT (SELECT kind FROM qa_samples WHERE submission_seq = @seq) AS qa,
  EXISTS (SELECT 1 FROM second_readings WHERE submission_seq = @seq) AS second`;

export function qualityKindOf(db: Db, seq: number): QualityKind | null {
  const r = db.prepare(KIND_SQL).get({ seq }) as { qa: 'calibration' | 'seed' | null; second: 0 | 1 };
  return r.qa ?? (r.second ? 'second-reading' : null);
}

/** The calibration sample's place among its package's samples, or null for any other submission. */
export function practiceOf(db: Db, seq: number): { packageId: string; number: number; total: number } | null {
  const r = db
    .prepare(
      `SELECT q.package_id AS packageId, q.position + 1 AS number,
        (SELECT count(*) FROM qa_samples o WHERE o.package_id = q.package_id AND o.kind = 'calibration') AS total
      FROM qa_samples q WHERE q.submission_seq = ? AND q.kind = 'calibration'`,
    )
    .get(seq) as { packageId: string; number: number; total: number } | undefined;
  return r ?? null;
}
