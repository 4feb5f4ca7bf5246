// Blind review's hand-made redactions (kept per evidence file, for every assessor of this store) and the
// assessor's "I can still see who this is" reports (kept per submission, audited, exported with the results).
import type {
  AddRedaction,
  EvidenceRedaction,
  LeakReport,
  LeakReportInput,
} from '../../shared/domain/evidence-redaction.js';
import { appendAudit } from '../store/audit.js';
import type { Db } from '../store/db.js';
import { findSubmission, NotFoundError } from './workspace.js';

/** The evidence file of an artifact of a submission (only files can be redacted or reported page by page). */
function artifactFile(db: Db, submissionId: string, artifactId: string): { seq: number; id: string; sha256: string } {
  const sub = findSubmission(db, submissionId);
  const row = db
    .prepare('SELECT sha256 FROM artifacts WHERE submission_seq = ? AND artifact_id = ?')
    .get(sub.seq, artifactId) as { sha256: string | null } | undefined;
  if (!row?.sha256)
    throw new NotFoundError(`Submission "${submissionId}" has no evidence file "${artifactId}" to redact or report.`);
  return { seq: sub.seq, id: sub.id, sha256: row.sha256 };
}

interface RedactionRow {
  id: number;
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
  createdAt: string;
}

export function listRedactions(db: Db, submissionId: string, artifactId: string): EvidenceRedaction[] {
  const { sha256 } = artifactFile(db, submissionId, artifactId);
  const rows = db
    .prepare(
      'SELECT id, page, x, y, w, h, created_at AS createdAt FROM evidence_redactions WHERE sha256 = ? ORDER BY page, id',
    )
    .all(sha256) as RedactionRow[];
  return rows.map((r) => ({ id: r.id, page: r.page, box: { x: r.x, y: r.y, w: r.w, h: r.h }, createdAt: r.createdAt }));
}

export function addRedaction(db: Db, input: AddRedaction, now = new Date()): EvidenceRedaction {
  return db
    .transaction(() => {
      const file = artifactFile(db, input.submissionId, input.artifactId);
      const at = now.toISOString();
      const { x, y, w, h } = input.box;
      const id = Number(
        db
          .prepare(
            'INSERT INTO evidence_redactions (sha256, page, x, y, w, h, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(file.sha256, input.page, x, y, w, h, at).lastInsertRowid,
      );
      appendAudit(
        db,
        'evidence.redact',
        file.id,
        { artifactId: input.artifactId, sha256: file.sha256, page: input.page, box: input.box },
        at,
      );
      return { id, page: input.page, box: input.box, createdAt: at };
    })
    .immediate();
}

export function reportLeak(db: Db, input: LeakReportInput, now = new Date()): LeakReport {
  const note = input.note.trim();
  return db
    .transaction(() => {
      const file = artifactFile(db, input.submissionId, input.artifactId);
      const at = now.toISOString();
      db.prepare(
        'INSERT INTO identity_leaks (submission_seq, artifact_id, page, note, reported_at) VALUES (?, ?, ?, ?, ?)',
      ).run(file.seq, input.artifactId, input.page ?? null, note, at);
      appendAudit(
        db,
        'evidence.identity-leak',
        file.id,
        { artifactId: input.artifactId, sha256: file.sha256, ...(input.page ? { page: input.page } : {}), note },
        at,
      );
      return { artifactId: input.artifactId, ...(input.page ? { page: input.page } : {}), note, reportedAt: at };
    })
    .immediate();
}

/** A submission's reports, oldest first, as the results package carries them. */
export function leakReports(db: Db, seq: number): LeakReport[] {
  const rows = db
    .prepare(
      'SELECT artifact_id AS artifactId, page, note, reported_at AS reportedAt FROM identity_leaks WHERE submission_seq = ? ORDER BY id',
    )
    .all(seq) as { artifactId: string; page: number | null; note: string; reportedAt: string }[];
  return rows.map((r) => ({
    artifactId: r.artifactId,
    ...(r.page !== null ? { page: r.page } : {}),
    note: r.note,
    reportedAt: r.reportedAt,
  }));
}
