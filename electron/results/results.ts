// The results package: every outcome of the session, the awards, a manifest of hashes and a signature.
import { leakReports } from '../review/redactions.js';
import { AssayError } from '../../shared/errors.js';
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../../shared/domain/canonical-json.js';
import { computeDecision } from '../../shared/domain/decision.js';
import { reviewSchema } from '../../shared/domain/review.js';
import {
  RESULTS_FORMAT,
  type Results,
  type ResultsManifest,
  type SubmissionResult,
} from '../../shared/schemas/results-package.js';
import { achievementSchema } from '../../shared/schemas/review-package.js';
import type { Award, Awards } from '../awards/awards.js';
import type { Db } from '../store/db.js';
import { readReview } from '../review/workspace.js';
import { mkdirPrivate, removeStaleTemps, writeFileAtomic } from '../store/atomic-write.js';
import { toCsv } from './csv.js';
import { auditHeadOf } from '../store/audit-anchor.js';
import { StatusLists } from '../awards/status-list/index.js';
import type { SigningIdentity } from '../awards/identity/index.js';
import { readQaSections } from './qa-results.js';

export const RESULTS_FILE = 'results.json';
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.json.p7s';
export const CSV_FILE = 'decisions.csv';

export interface ResultsSigner {
  /** A detached CMS (PKCS #7) signature over the bytes, DER, with the signer's certificate inside. */
  signDetached(data: Buffer): Buffer | Promise<Buffer>;
  /** The assessor's name as the results name them. */
  name: string;
}

/** Renders one award's certificate PDF (signed). */
export type CertificateMaker = (award: Award) => Promise<Uint8Array>;

export interface ExportOptions {
  /**
   * Given every award in force that the package carries (the same complete list the package is
   * built from, so fonts can be prepared once), returns the certificate maker; absent: awards
   * travel as credentials only.
   */
  certificates?: (inForce: readonly Award[]) => CertificateMaker;
  /** The exporting identity: its status lists that changed since last signed are re-signed before they are packed. */
  statusListIdentity?: SigningIdentity;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

interface Row {
  seq: number;
  id: string;
  achievementId: string;
  achievementJson: string;
  achievementSha: string;
  attempt: number;
  status: string;
  earnerName: string;
  packageId: string | null;
}

/** Writes the results package into `outDir` (created; must be empty) and returns what it wrote. */
export async function exportResults(
  s: { readonly db: Db; readonly awards: Awards },
  outDir: string,
  signer: ResultsSigner,
  options: ExportOptions = {},
): Promise<{ dir: string; submissions: number; awards: number }> {
  mkdirPrivate(outDir);
  removeStaleTemps(outDir);
  if (fs.readdirSync(outDir).length > 0)
    throw new AssayError('results', `${outDir} is not empty; choose a new folder for the results package`);
  const now = options.now ?? new Date();
  if (options.statusListIdentity) await s.awards.publishStatusLists(options.statusListIdentity, now);
  // Submissions and awards in one read, so every award read has its submission read too.
  const { rows, allAwards, auditHead, statusLists, qa } = s.db.transaction(() => ({
    rows: s.db
      .prepare(
        `SELECT s.seq, s.id, s.achievement_id AS achievementId, v.json AS achievementJson, v.content_sha256 AS achievementSha, s.attempt, s.status,
          s.earner_name AS earnerName, s.package_id AS packageId
        FROM submissions s JOIN achievement_versions v ON v.version_id = s.achievement_version_id ORDER BY s.seq`,
      )
      .all() as Row[],
    // Every award, uncapped: the package must carry all of them.
    allAwards: s.awards.list(),
    // The audit head travels in the signed manifest: an anchor the log can later be checked against.
    auditHead: auditHeadOf(s.db),
    statusLists: new StatusLists(s.db).all(),
    // Calibration rounds, seeds and second readings with their measures (samples and seeds are never decisions).
    qa: readQaSections(s.db),
  }))();
  const awardsBySeq = new Map<string, Award[]>();
  for (const a of allAwards) awardsBySeq.set(a.submissionId, [...(awardsBySeq.get(a.submissionId) ?? []), a]);
  const inForce = allAwards.filter((a) => a.status === 'active');
  const certificate = inForce.length && options.certificates ? options.certificates(inForce) : undefined;

  const files = new Map<string, Buffer>();
  const csvRows: (string | number | null)[][] = [
    [
      'submission_id',
      'achievement_id',
      'achievement_name',
      'earner_name',
      'attempt',
      'outcome',
      'decision',
      'computed_decision',
      'overridden',
      'points',
      'reviewed_at',
      'credential_id',
      'verification_code',
    ],
  ];
  const submissions: SubmissionResult[] = [];
  let done = 0;
  // Calibration samples and seeds are not decisions: they travel in their own sections, never here.
  const decisions = rows.filter((r) => !qa.samples.has(r.seq));
  // Samples are never awarded; one that was (a store older than that rule) is said, not silently dropped.
  const awardedSample = rows.find((r) => qa.samples.has(r.seq) && awardsBySeq.has(r.id));
  if (awardedSample)
    throw new AssayError(
      'results',
      `Submission "${awardedSample.id}" is a calibration sample or seed but has an award; samples are never awarded, so no results package was written to ${outDir}.`,
    );
  for (const r of decisions) {
    const achievement = achievementSchema.parse(JSON.parse(r.achievementJson));
    const review = readReview(s.db, r.seq, r.id);
    const recusal = s.db
      .prepare('SELECT reason, recused_at AS recusedAt FROM recusals WHERE submission_seq = ?')
      .get(r.seq) as { reason: string; recusedAt: string } | undefined;
    const submitted = review?.state === 'submitted' ? reviewSchema.parse(review) : undefined;
    const outcome: SubmissionResult['outcome'] = recusal
      ? 'recused'
      : submitted
        ? submitted.decision === 'pass'
          ? 'passed'
          : 'not-yet'
        : 'not-reviewed';
    const entry: SubmissionResult = {
      submissionId: r.id,
      achievementId: r.achievementId,
      rubricSha256: sha256(canonicalJson(achievement)),
      attempt: r.attempt,
      outcome,
      results: [],
    };
    if (submitted) {
      const computed = computeDecision(achievement, submitted.scores);
      entry.decision = submitted.decision!;
      entry.computedDecision = submitted.computedDecision!;
      if (submitted.override && submitted.decision !== submitted.computedDecision)
        entry.overrideJustification = submitted.override.justification;
      entry.points = computed.points;
      entry.results = achievement.resultDescription.map((c) => {
        const levelId = submitted.scores[c.id]!;
        const level = c.rubricCriterionLevel.find((l) => l.id === levelId)!;
        const comment = submitted.comments[c.id];
        return {
          resultDescription: c.id,
          achievedLevel: levelId,
          points: level.points,
          ...(comment?.text ? { comment: comment.text } : {}),
          ...(comment?.anchors.length ? { anchors: comment.anchors } : {}),
        };
      });
      entry.feedback = submitted.feedback;
      entry.reviewStartedAt = submitted.startedAt;
      entry.reviewSubmittedAt = submitted.submittedAt!;
      entry.timeOnTaskSeconds = Math.round(submitted.timeOnTaskMs / 1000);
    }
    if (recusal) entry.recusal = recusal;
    const readAgain = qa.secondReadOf.get(r.seq);
    if (readAgain !== undefined) entry.secondReading = { of: readAgain };
    const leaks = leakReports(s.db, r.seq);
    if (leaks.length) entry.identityLeaks = leaks;
    const awards = awardsBySeq.get(r.id) ?? [];
    if (awards.length) {
      entry.awards = [];
      for (const a of awards) {
        const base = `awards/${a.credentialId.replace(/^urn:uuid:/, '')}`;
        files.set(`${base}.json`, Buffer.from(a.credentialJson));
        const record = awardRecord(a, base);
        if (certificate && a.status === 'active') {
          files.set(`${base}.pdf`, Buffer.from(await certificate(a)));
          record.certificate = `${base}.pdf`;
        }
        entry.awards.push(record);
      }
    }
    submissions.push(entry);
    const current = awards.find((a) => a.status === 'active');
    csvRows.push([
      r.id,
      r.achievementId,
      achievement.name,
      r.earnerName,
      r.attempt,
      outcome,
      entry.decision ?? null,
      entry.computedDecision ?? null,
      entry.overrideJustification ? 'yes' : null,
      entry.points ?? null,
      entry.reviewSubmittedAt ?? null,
      current?.credentialId ?? null,
      current?.verificationCode ?? null,
    ]);
    options.onProgress?.(++done, decisions.length);
  }
  // Cannot differ while both come from one read; if it ever does, no package rather than a short one.
  const carried = submissions.reduce((n, e) => n + (e.awards?.length ?? 0), 0);
  if (carried !== allAwards.length)
    throw new Error(
      `The results package would carry ${carried} of the store's ${allAwards.length} awards; nothing was written to ${outDir}.`,
    );
  // Each signed list as the issuing body hosts it; one changed since its signature says so (current: false).
  const listEntries: NonNullable<Results['statusLists']> = [];
  for (const l of statusLists) {
    if (l.signedJson === null) continue;
    const file = `status-lists/${l.id}.json`;
    files.set(file, Buffer.from(`${l.signedJson}\n`));
    listEntries.push({ statusListCredential: l.url, issuer: l.issuerId, file, current: StatusLists.isCurrent(l) });
  }
  const packages = [...new Set(rows.map((r) => r.packageId).filter((p): p is string => p !== null))];
  const results: Results = {
    format: RESULTS_FORMAT,
    formatVersion: 1,
    id: `urn:uuid:${randomUUID()}`,
    createdAt: now.toISOString(),
    reviewPackages: packages,
    assessor: { name: signer.name },
    submissions,
    ...(listEntries.length ? { statusLists: listEntries } : {}),
    ...qa.sections,
  };
  files.set(RESULTS_FILE, Buffer.from(JSON.stringify(results, null, 2)));
  files.set(CSV_FILE, Buffer.from(toCsv(csvRows)));
  await writeSignedResults(outDir, files, signer, auditHead);
  return { dir: outDir, submissions: submissions.length, awards: allAwards.length };
}

/** How a results package lists an award whose files are `<base>.json` (and `.pdf` once a certificate is added). */
export function awardRecord(
  a: Pick<Award, 'credentialId' | 'status' | 'verificationCode' | 'issuedAt' | 'revocationReason'>,
  base: string,
): NonNullable<SubmissionResult['awards']>[number] {
  return {
    credentialId: a.credentialId,
    status: a.status,
    verificationCode: a.verificationCode,
    issuedAt: a.issuedAt,
    credential: `${base}.json`,
    ...(a.revocationReason ? { revocationReason: a.revocationReason } : {}),
  };
}

/** A file of the package written into its folder already (too many to hold until the end), with its hash. */
export interface WrittenFile {
  path: string;
  size: number;
  sha256: string;
}

/** Writes `bytes` at `rel` in `outDir` now (whole or absent, private) and returns its manifest entry. */
export function writePackageFile(outDir: string, rel: string, bytes: Uint8Array): WrittenFile {
  writeFileAtomic(path.join(outDir, ...rel.split('/')), bytes);
  return { path: rel, size: bytes.length, sha256: sha256(bytes) };
}

/**
 * Writes a results package's files, its manifest of hashes (with the audit head) and the detached
 * signature over the manifest into `outDir`; `written` are files already there (the coordinator's final
 * package writes its awards one by one), listed in the manifest with the rest. Also the coordinator's final
 * package (electron/coordination).
 */
export async function writeSignedResults(
  outDir: string,
  files: ReadonlyMap<string, Buffer>,
  signer: Pick<ResultsSigner, 'signDetached'>,
  auditHead: ResultsManifest['auditHead'],
  written: readonly WrittenFile[] = [],
): Promise<void> {
  const manifest: ResultsManifest = {
    format: RESULTS_FORMAT,
    formatVersion: 1,
    files: [...[...files.entries()].map(([p, b]) => ({ path: p, size: b.length, sha256: sha256(b) })), ...written].sort(
      (a, b) => a.path.localeCompare(b.path),
    ),
    auditHead,
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
  // Each file whole or absent (and private: results name people); the signature is written last,
  // so a package cut short by a crash is never a signed one.
  const signature = await signer.signDetached(manifestBytes);
  for (const [p, b] of files) writeFileAtomic(path.join(outDir, p), b);
  writeFileAtomic(path.join(outDir, MANIFEST_FILE), manifestBytes);
  writeFileAtomic(path.join(outDir, SIGNATURE_FILE), signature);
}
