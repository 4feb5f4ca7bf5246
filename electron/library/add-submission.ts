// Adds a submission by hand: check it, copy and hash each dropped file into staging, commit, then publish.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { checkManifestReferences } from '../../shared/domain/manifest-check.js';
import {
  isFileArtifact,
  isoDateTime,
  jsonPath,
  PACKAGE_FORMAT,
  submissionSchema,
  type Achievement,
  type Artifact,
  type Submission,
} from '../../shared/schemas/review-package.js';
import { HashPool } from '../import/hash-pool.js';
import { LIMITS } from '../import/limits.js';
import { appendAudit } from '../store/audit.js';
import type { Db } from '../store/db.js';
import type { EvidenceStore, Staging } from '../store/evidence.js';
import { LibraryError, type LibraryProblem } from './errors.js';
import { guessMediaType } from './media-types.js';
import { StoreRows } from '../store/rows.js';

const text = z.string().refine((v) => v.trim().length > 0, 'must not be empty');
/** A form's optional field left blank means "not given". */
const blank = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

export const addSubmissionInputSchema = z.object({
  achievementId: text,
  earner: z.object({
    name: text.transform((v) => v.trim()),
    email: blank.pipe(z.email('must be an email address such as name@school.example').optional()),
    organization: blank,
  }),
  attempt: z.number().int().min(1, 'must be 1 or more').optional(),
  dueAt: blank.pipe(isoDateTime.optional()),
  responses: z.array(z.object({ sectionId: text, text: z.string() })).default([]),
  files: z
    .array(
      z.object({
        path: text.refine((p) => path.isAbsolute(p), 'must be the full path of a file on this computer'),
        sectionId: text,
        name: text.transform((v) => v.trim()),
        mediaType: blank.pipe(
          z
            .string()
            .regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a media type such as application/pdf')
            .optional(),
        ),
      }),
    )
    .default([]),
  links: z
    .array(
      z.object({
        url: z.url().refine((u) => /^https?:/i.test(u), 'must be an http(s) address'),
        sectionId: text,
        name: text.transform((v) => v.trim()),
      }),
    )
    .default([]),
});
export type AddSubmissionInput = z.input<typeof addSubmissionInputSchema>;

export interface AddedArtifact {
  id: string;
  name: string;
  sectionId: string;
  sha256?: string;
  size?: number;
  mediaType?: string;
  url?: string;
}

export interface AddedSubmission {
  id: string;
  seq: number;
  achievementId: string;
  versionId: number;
  attempt: number;
  artifacts: AddedArtifact[];
}

export interface AddContext {
  db: Db;
  evidence: EvidenceStore;
  latestVersion(achievementId: string): { versionId: number; achievement: Achievement } | undefined;
}

const SUMMARY = 'This submission cannot be added';
const refuse = (problems: LibraryProblem[], code: 'invalid-submission' | 'evidence' = 'invalid-submission') =>
  new LibraryError(code, SUMMARY, problems);

export async function addSubmission(ctx: AddContext, raw: AddSubmissionInput, now: Date): Promise<AddedSubmission> {
  const parsed = addSubmissionInputSchema.safeParse(raw);
  if (!parsed.success)
    throw refuse(
      parsed.error.issues.map((i) => ({
        path: i.path.length ? jsonPath(i.path) : '(the submission)',
        message: i.message,
      })),
    );
  const input = parsed.data;
  const latest = ctx.latestVersion(input.achievementId);
  if (!latest)
    throw refuse([
      {
        path: 'achievementId',
        message: `names micro-credential "${input.achievementId}", which this data folder does not have`,
      },
    ]);
  const { achievement, versionId } = latest;

  const problems: LibraryProblem[] = [];
  const sections = new Set(achievement.sections.map((s) => s.id));
  const checkSection = (sectionId: string, where: string) => {
    if (!sections.has(sectionId))
      problems.push({
        path: `${where}.sectionId`,
        message: `names section "${sectionId}", which "${achievement.name}" does not have (it has ${[...sections].join(', ')})`,
      });
  };
  input.responses.forEach((r, i) => checkSection(r.sectionId, `responses[${i}]`));
  input.files.forEach((f, i) => checkSection(f.sectionId, `files[${i}]`));
  input.links.forEach((l, i) => checkSection(l.sectionId, `links[${i}]`));
  const responses = input.responses.filter((r) => r.text.trim() !== '');
  if (responses.length + input.files.length + input.links.length === 0)
    problems.push({ path: '(the submission)', message: 'has no response, file or link; add at least one' });
  for (const [i, f] of input.files.entries()) {
    const problem = await fileProblem(f.path);
    if (problem) problems.push({ path: `files[${i}].path`, message: problem });
  }
  if (problems.length > 0) throw refuse(problems);

  const attempt = input.attempt ?? nextAttempt(ctx.db, achievement.id, input.earner.email);
  const staging = ctx.evidence.createStaging();
  try {
    const stored = await stageAll(
      input.files.map((f) => f.path),
      staging,
    );
    const fileNames = new FileNames();
    const artifacts: Artifact[] = [
      ...input.files.map((f, i): Artifact => ({
        id: `a${i + 1}`,
        sectionId: f.sectionId,
        name: f.name,
        file: fileNames.take(path.basename(f.path)),
        mediaType: f.mediaType ?? guessMediaType(f.path),
        size: stored[i]!.size,
        sha256: stored[i]!.sha256,
      })),
      ...input.links.map((l, j): Artifact => ({
        id: `a${input.files.length + j + 1}`,
        sectionId: l.sectionId,
        name: l.name,
        url: l.url,
      })),
    ];
    const { email, organization } = input.earner;
    const draft: Submission = {
      id: `urn:uuid:${randomUUID()}`,
      achievementId: achievement.id,
      attempt,
      submittedAt: now.toISOString(),
      ...(input.dueAt ? { dueAt: input.dueAt } : {}),
      earner: {
        id: email ? `mailto:${email}` : `urn:uuid:${randomUUID()}`,
        name: input.earner.name,
        ...(email ? { email } : {}),
        ...(organization ? { organization } : {}),
      },
      responses: responses.map((r) => ({ sectionId: r.sectionId, text: r.text })),
      artifacts,
    };
    // What is stored must read back as a package submission would: the workspace parses it with the same rules.
    const submission = submissionSchema.parse(draft);
    const refs = checkManifestReferences({
      format: PACKAGE_FORMAT,
      formatVersion: 1,
      id: 'library',
      createdAt: submission.submittedAt,
      issuer: { id: 'library', name: 'library' },
      achievements: [achievement],
      submissions: [submission],
    });
    if (refs.length > 0)
      throw refuse(refs.map((p) => ({ path: p.path.replace(/^submissions\[0\]\.?/, ''), message: p.message })));

    const at = now.toISOString();
    const seq = ctx.db
      .transaction(() => {
        const rows = new StoreRows(ctx.db);
        for (const f of stored) rows.blob(f.sha256, f.size);
        const seq = rows.submission(submission, { packageId: null, versionId });
        appendAudit(
          ctx.db,
          'submission.add',
          submission.id,
          {
            achievementId: achievement.id,
            achievementVersionId: versionId,
            attempt,
            artifacts: artifacts.map((a) =>
              isFileArtifact(a) ? { id: a.id, sha256: a.sha256, size: a.size } : { id: a.id, url: a.url },
            ),
          },
          at,
        );
        return seq;
      })
      .immediate();
    staging.publish();
    return {
      id: submission.id,
      seq,
      achievementId: achievement.id,
      versionId,
      attempt,
      artifacts: artifacts.map((a) => ({
        id: a.id,
        name: a.name,
        sectionId: a.sectionId,
        ...(isFileArtifact(a) ? { sha256: a.sha256, size: a.size, mediaType: a.mediaType } : { url: a.url }),
      })),
    };
  } catch (err) {
    staging.discard();
    throw err;
  }
}

async function fileProblem(file: string): Promise<string | undefined> {
  try {
    const st = await fs.promises.stat(file);
    if (!st.isFile()) return `"${file}" is a folder or a device, not a file; choose the file itself`;
    if (st.size > LIMITS.fileBytes)
      return `"${file}" is ${st.size} bytes, more than the limit of ${LIMITS.fileBytes} for one evidence file`;
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `"${file}" does not exist (was it moved or renamed?); choose the file again`;
    return `"${file}" could not be read: ${(err as Error).message}`;
  }
}

/** The next attempt of this earner at this achievement, known by email; 1 without one. */
function nextAttempt(db: Db, achievementId: string, email: string | undefined): number {
  if (!email) return 1;
  const max = db
    .prepare('SELECT max(attempt) FROM submissions WHERE achievement_id = ? AND lower(earner_email) = lower(?)')
    .pluck()
    .get(achievementId, email) as number | null;
  return (max ?? 0) + 1;
}

/**
 * Copies each file into staging and hashes the copy on a worker thread, so what is stored is
 * exactly what was hashed (a file changed meanwhile cannot slip in) and the main process stays free.
 */
async function stageAll(files: string[], staging: Staging): Promise<{ sha256: string; size: number }[]> {
  if (files.length === 0) return [];
  const pool = new HashPool(Math.min(files.length, 4));
  const one = async (file: string, i: number) => {
    const tmp = staging.tempPath();
    try {
      await fs.promises.copyFile(file, tmp, fs.constants.COPYFILE_FICLONE);
      const result = await pool.hash(tmp, () => {});
      if (result.size > LIMITS.fileBytes)
        throw new Error(`it is more than the limit of ${LIMITS.fileBytes} bytes for one evidence file`);
      staging.adopt(tmp, result.sha256);
      return result;
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      const why =
        (err as NodeJS.ErrnoException).code === 'ENOSPC'
          ? 'the disk is full; free some space and try again'
          : (err as Error).message;
      throw refuse([{ path: `files[${i}].path`, message: `"${file}" could not be stored: ${why}` }], 'evidence');
    }
  };
  const results = await Promise.allSettled(files.map(one)).finally(() => pool.close());
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<{ sha256: string; size: number }>).value);
}

/** File names as the workspace shows them: one per artifact, "report (2).pdf" for a second "report.pdf". */
class FileNames {
  private readonly used = new Set<string>();

  take(base: string): string {
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
    let name = base.replace(/[\\/\0-\x1f]/g, '_');
    if (name === '' || name === '.' || name === '..') name = 'file';
    const ext = path.extname(name);
    const stem = name.slice(0, name.length - ext.length);
    let candidate = name;
    for (let n = 2; this.used.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}
