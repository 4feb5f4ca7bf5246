// The evidence of a decision sent for second reading, for the adjudicator: the overview, the reflection and the work
// examples as the teacher submitted them, read from the round's review package the coordination opened. Every file
// is read again and checked against its size and SHA-256 in the manifest as it was opened; a package that is gone,
// or a file in it that is missing or changed, is refused by name and nothing of the submission's evidence is shown.
import path from 'node:path';
import type { AdjudicationEvidence } from '../../shared/coordination/types.js';
import { EVIDENCE_PATH, type WorkspaceArtifact } from '../../shared/domain/workspace.js';
import { AssayError } from '../../shared/errors.js';
import { isFileArtifact, type Achievement, type Submission } from '../../shared/schemas/review-package.js';
import { ImportError } from '../import/errors.js';
import { LIMITS } from '../import/limits.js';
import { openSource, type PackageSource } from '../import/source.js';
import type { Db } from '../store/db.js';
import type { CoordinationEvidenceFiles } from './evidence-files.js';

interface Row {
  json: string;
  achievement: string;
  earner: string;
  label: string;
  path: string;
}

/** Reads the evidence of `submissionId` (a decision of the round sent for second reading) from its review package. */
export async function adjudicationEvidence(
  db: Db,
  files: CoordinationEvidenceFiles,
  submissionId: string,
): Promise<AdjudicationEvidence> {
  const row = db
    .prepare(
      `SELECT s.json, a.json AS achievement, s.earner_name AS earner, p.label, p.path
        FROM coord_reconciliation c
        JOIN coord_submissions s ON s.id = c.submission_id
        JOIN coord_achievements a ON a.id = s.achievement_id
        JOIN coord_review_packages p ON p.id = s.package_id
        WHERE c.submission_id = ?`,
    )
    .get(submissionId) as Row | undefined;
  if (!row)
    throw new AssayError(
      'not-found',
      `Submission "${submissionId}" was not sent for second reading in this coordination; only the evidence of a decision in reconciliation or the adjudication queue is shown here.`,
    );
  const submission = JSON.parse(row.json) as Submission;
  const achievement = JSON.parse(row.achievement) as Achievement;
  const name = `“${row.label}”`;

  let source: PackageSource;
  try {
    source = await openSource(row.path, LIMITS);
  } catch (err) {
    const why = err instanceof ImportError ? err.detail : (err as Error).message;
    throw new AssayError(
      'not-found',
      `The round's review package ${name} is no longer at ${row.path} (${why}); the evidence of ${row.earner}'s submission is read from it. Put it back there to see the evidence.`,
      { cause: err },
    );
  }
  const problems: string[] = [];
  const fileArtifacts = submission.artifacts.filter(isFileArtifact);
  try {
    for (const art of fileArtifacts) {
      let kept;
      try {
        kept = await files.keep(await source.open(art.file, art.size), art);
      } catch (err) {
        const why = err instanceof ImportError ? err.detail : (err as Error).message;
        problems.push(`${art.file} cannot be read (${why})`);
        continue;
      }
      if (!kept.ok) problems.push(`${art.file} no longer matches its SHA-256 in the manifest`);
    }
  } finally {
    await source.close();
  }
  if (problems.length)
    throw new AssayError(
      'evidence',
      `The round's review package ${name} (${row.path}) no longer holds ${row.earner}'s evidence as it was opened: ${problems.join('; ')}. Nothing of this submission's evidence is shown; put the package back as it was opened.`,
    );
  files.admit(fileArtifacts);

  return {
    submissionId,
    packageLabel: row.label,
    sections: achievement.sections.map((section) => ({
      id: section.id,
      name: section.name,
      prompt: section.prompt,
      responses: (submission.responses ?? []).filter((r) => r.sectionId === section.id).map((r) => r.text),
      artifacts: submission.artifacts
        .filter((a) => a.sectionId === section.id)
        .map((a): WorkspaceArtifact =>
          isFileArtifact(a)
            ? {
                id: a.id,
                name: a.name,
                kind: 'file',
                mediaType: a.mediaType,
                size: a.size,
                sha256: a.sha256,
                href: `${EVIDENCE_PATH}${a.sha256}`,
                fileName: path.posix.basename(a.file),
              }
            : { id: a.id, name: a.name, kind: 'url', mediaType: null, size: null, sha256: null, href: a.url },
        ),
    })),
  };
}
