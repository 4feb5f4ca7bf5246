// Imports a review package all or nothing: validate, verify and stage every file, commit, publish.
import { invalidUtf8Offset } from '../../shared/domain/utf8.js';
import fs from 'node:fs';
import path from 'node:path';
import { checkManifestPassRules, checkManifestReferences } from '../../shared/domain/manifest-check.js';
import {
  isFileArtifact,
  jsonPath,
  manifestSchema,
  type Definitive,
  type Manifest,
  type Submission,
} from '../../shared/schemas/review-package.js';
import type { ImportProgress, ImportResult } from '../../shared/domain/import.js';
import { appendAudit } from '../store/audit.js';
import type { Db } from '../store/db.js';
import type { EvidenceStore } from '../store/evidence.js';
import { contentMatches, contentSha256, sha256Hex, StoreRows } from '../store/rows.js';
import { ImportError } from './errors.js';
import { LIMITS, type Limits } from './limits.js';
import { openSource, type PackageSource } from './source.js';
import { HashPool } from './hash-pool.js';
import { firstCopyDifference } from './copy-check.js';
import { verifyAndStage } from './verify-file.js';

/** A submission to store; a calibration sample or seed carries its definitive score, kept apart from the row. */
interface Fresh {
  s: Submission;
  contentSha: string;
  sample?: { kind: 'calibration' | 'seed'; position: number; definitive: Definitive };
}

/** The submission object of a sample, without its definitive score (which must never reach the workspace). */
function withoutDefinitive(s: Submission): Submission {
  const { definitive: _definitive, ...rest } = s as Submission & { definitive?: unknown };
  return rest;
}

export interface ImportContext {
  db: Db;
  evidence: EvidenceStore;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  limits?: Partial<Limits>;
  /** Files verified at once; I/O of one overlaps hashing of another. */
  concurrency?: number;
  now?: () => Date;
}

export async function importPackage(
  ctx: ImportContext,
  input: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const limits: Limits = { ...LIMITS, ...options.limits };
  const now = options.now ?? (() => new Date());
  const source = await openSource(path.resolve(input), limits);
  try {
    return await importFrom(ctx, source, limits, now, options);
  } finally {
    await source.close();
  }
}

function parseManifest(source: PackageSource, bytes: Buffer): Manifest {
  let json: unknown;
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0)
    throw new ImportError(
      'manifest-not-json',
      source.label,
      'manifest.json',
      `is not valid UTF-8 (byte offset ${bad}); JSON must be UTF-8. Ask the issuer for an undamaged package`,
    );
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new ImportError(
      'manifest-not-json',
      source.label,
      'manifest.json',
      `is not valid JSON (${(err as Error).message})`,
    );
  }
  const format = (json as { format?: unknown; formatVersion?: unknown } | null) ?? {};
  if (
    typeof json === 'object' &&
    json !== null &&
    'formatVersion' in json &&
    format.formatVersion !== 1 &&
    format.format === 'microcredential-review-package'
  ) {
    throw new ImportError(
      'unsupported-format',
      source.label,
      'formatVersion',
      `is ${JSON.stringify(format.formatVersion)}; this version of Assay reads format version 1 only. Ask the issuer for a version 1 package or update Assay`,
    );
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const first = issues[0]!;
    const more =
      issues.length > 1
        ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''}: ${issues
            .slice(1, 4)
            .map((i) => jsonPath(i.path))
            .join(', ')}${issues.length > 4 ? ', …' : ''})`
        : '';
    const code =
      first.path[0] === 'format' || first.path[0] === 'formatVersion' ? 'unsupported-format' : 'manifest-invalid';
    throw new ImportError(code, source.label, jsonPath(first.path), first.message + more);
  }
  return parsed.data;
}

async function importFrom(
  ctx: ImportContext,
  source: PackageSource,
  limits: Limits,
  now: () => Date,
  options: ImportOptions,
): Promise<ImportResult> {
  const { db, evidence } = ctx;
  const emit = options.onProgress ?? (() => {});
  emit({ phase: 'reading', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0 });

  const manifestBytes = await source.readManifest();
  const manifestSha = sha256Hex(manifestBytes);
  const manifest = parseManifest(source, manifestBytes);
  const label = `${source.label} (${manifest.id})`;
  const refuse = (code: ConstructorParameters<typeof ImportError>[0], where: string | undefined, detail: string) =>
    new ImportError(code, label, where, detail);

  const problems = checkManifestReferences(manifest);
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw refuse('reference', problems[0]!.path, problems[0]!.message + more);
  }
  const ruleless = checkManifestPassRules(manifest);
  if (ruleless.length > 0) {
    const more =
      ruleless.length > 1
        ? ` (and ${ruleless.length - 1} more achievement${ruleless.length > 2 ? 's' : ''} without one: ${ruleless
            .slice(1, 4)
            .map((p) => p.path)
            .join(', ')})`
        : '';
    throw refuse('no-pass-rule', ruleless[0]!.path, ruleless[0]!.message + more);
  }

  const existing = db
    .prepare('SELECT manifest_sha256 AS sha, imported_at AS at FROM packages WHERE id = ?')
    .get(manifest.id) as { sha: string; at: string } | undefined;
  if (existing) {
    if (existing.sha === manifestSha) {
      const copyDiffers = await firstCopyDifference(db, source, manifest);
      return {
        status: 'unchanged',
        packageId: manifest.id,
        packageName: source.label,
        achievementsAdded: 0,
        submissionsAdded: 0,
        submissionsUnchanged: manifest.submissions.length,
        filesStored: 0,
        bytesStored: 0,
        importedAt: existing.at,
        ...(copyDiffers ? { copyDiffers } : {}),
      };
    }
    throw refuse(
      'conflict',
      'id',
      `a different package with this id was imported on ${existing.at}; the issuer must give a changed package a new id`,
    );
  }

  // Submissions already here from another package: identical ones are skipped, changed ones refused.
  const findSubmission = db.prepare('SELECT content_sha256 AS sha, package_id AS pkg FROM submissions WHERE id = ?');
  const fresh: Fresh[] = [];
  const consider = (s: Submission, where: string, sample?: Fresh['sample']) => {
    const submission = sample ? withoutDefinitive(s) : s;
    const contentSha = contentSha256(submission);
    const prior = findSubmission.get(s.id) as { sha: string; pkg: string } | undefined;
    if (!prior) fresh.push({ s: submission, contentSha, ...(sample ? { sample } : {}) });
    else if (sample)
      // A calibration sample or seed is stored with its package's definitive score: one already here is another's.
      throw refuse(
        'conflict',
        `${where}.id`,
        `sample "${s.id}" has the id of a submission already imported from package ${prior.pkg}; a sample needs an id of its own`,
      );
    else if (prior.sha !== contentSha && !contentMatches(prior.sha, submission))
      throw refuse(
        'conflict',
        `${where}.id`,
        `submission "${s.id}" was already imported from package ${prior.pkg} with different content`,
      );
  };
  manifest.submissions.forEach((s, index) => consider(s, `submissions[${index}]`));
  manifest.calibration?.samples.forEach((s, position) =>
    consider(s, `calibration.samples[${position}]`, { kind: 'calibration', position, definitive: s.definitive }),
  );
  manifest.seeds?.samples.forEach((s, position) =>
    consider(s, `seeds.samples[${position}]`, { kind: 'seed', position, definitive: s.definitive }),
  );

  // Every file to verify, once per path.
  const files = new Map<string, { expected?: { size: number; sha256: string }; max: number }>();
  for (const a of manifest.achievements) if (a.image) files.set(a.image, { max: limits.imageBytes });
  for (const { s } of fresh) {
    for (const art of s.artifacts) {
      if (isFileArtifact(art))
        files.set(art.file, {
          expected: { size: art.size, sha256: art.sha256 },
          max: Math.min(art.size, limits.fileBytes),
        });
    }
  }
  const bytesTotal = [...files.values()].reduce((n, f) => n + (f.expected?.size ?? 0), 0);
  await checkDiskSpace(evidence.root, bytesTotal, label);

  const staging = evidence.createStaging();
  try {
    const hashes = await verifyAll(source, files, staging, evidence, db, bytesTotal, emit, options, label);
    if (options.signal?.aborted) throw refuse('cancelled', undefined, 'the import was cancelled; nothing was saved');
    emit({ phase: 'saving', filesDone: files.size, filesTotal: files.size, bytesDone: bytesTotal, bytesTotal });
    const importedAt = now().toISOString();
    const result = db.transaction(() => commit(db, manifest, manifestSha, source.label, fresh, hashes, importedAt))();
    staging.publish();
    emit({ phase: 'done', filesDone: files.size, filesTotal: files.size, bytesDone: bytesTotal, bytesTotal });
    return {
      status: 'imported',
      packageId: manifest.id,
      packageName: source.label,
      ...result,
      submissionsUnchanged: manifest.submissions.length - fresh.filter((f) => !f.sample).length,
      importedAt,
    };
  } catch (err) {
    staging.discard();
    throw err;
  }
}

async function verifyAll(
  source: PackageSource,
  files: Map<string, { expected?: { size: number; sha256: string }; max: number }>,
  staging: ReturnType<EvidenceStore['createStaging']>,
  evidence: EvidenceStore,
  db: Db,
  bytesTotal: number,
  emit: (p: ImportProgress) => void,
  options: ImportOptions,
  label: string,
): Promise<Map<string, { sha256: string; size: number }>> {
  const known = db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?').pluck();
  const alreadyStored = (sha: string) => known.get(sha) !== undefined && evidence.has(sha);
  const hashes = new Map<string, { sha256: string; size: number }>();
  const queue = [...files.entries()];
  let bytesDone = 0;
  let filesDone = 0;
  let lastEmit = 0;
  const tick = (force = false) => {
    const t = Date.now();
    if (force || t - lastEmit > 100) {
      lastEmit = t;
      emit({ phase: 'verifying', filesDone, filesTotal: files.size, bytesDone, bytesTotal });
    }
  };
  tick(true);
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (options.signal?.aborted)
        throw new ImportError('cancelled', label, undefined, 'the import was cancelled; nothing was saved');
      const [rel, f] = next;
      const v = await verifyAndStage(pool, source, rel, f.expected, f.max, staging, alreadyStored, (n) => {
        bytesDone += n;
        tick();
      });
      hashes.set(rel, v);
      filesDone++;
      tick();
    }
  };
  const pool = new HashPool();
  // One more file in flight than there are hashing threads, so copying overlaps hashing.
  const n = Math.max(1, Math.min(options.concurrency ?? pool.size + 1, files.size));
  const results = await Promise.allSettled(Array.from({ length: n }, worker)).finally(() => pool.close());
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  tick(true);
  return hashes;
}

function commit(
  db: Db,
  manifest: Manifest,
  manifestSha: string,
  sourceName: string,
  fresh: Fresh[],
  hashes: Map<string, { sha256: string; size: number }>,
  importedAt: string,
): Omit<ImportResult, 'status' | 'packageId' | 'packageName' | 'submissionsUnchanged' | 'importedAt'> {
  db.prepare(
    'INSERT INTO packages (id, manifest_sha256, source_name, created_at, imported_at, issuer_json, assessor_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    manifest.id,
    manifestSha,
    sourceName,
    manifest.createdAt,
    importedAt,
    JSON.stringify(manifest.issuer),
    manifest.assessor ? JSON.stringify(manifest.assessor) : null,
  );
  const rows = new StoreRows(db);
  let filesStored = 0;
  let bytesStored = 0;
  for (const h of hashes.values()) {
    if (rows.blob(h.sha256, h.size)) {
      filesStored++;
      bytesStored += h.size;
    }
  }
  const versions = new Map<string, number>();
  let achievementsAdded = 0;
  for (const a of manifest.achievements) {
    const v = rows.achievementVersion(a, {
      packageId: manifest.id,
      at: importedAt,
      imageSha256: a.image ? (hashes.get(a.image)?.sha256 ?? null) : null,
    });
    if (v.created) achievementsAdded++;
    versions.set(a.id, v.versionId);
  }
  const addSample = db.prepare(
    'INSERT INTO qa_samples (submission_seq, kind, package_id, position, definitive_json) VALUES (?, ?, ?, ?, ?)',
  );
  const seqs = new Map<string, number>();
  for (const { s, contentSha, sample } of fresh) {
    const seq = rows.submission(s, {
      packageId: manifest.id,
      versionId: versions.get(s.achievementId)!,
      contentSha256: contentSha,
    });
    seqs.set(s.id, seq);
    if (sample) addSample.run(seq, sample.kind, manifest.id, sample.position, JSON.stringify(sample.definitive));
  }
  const cal = manifest.calibration;
  if (cal)
    db.prepare(
      'INSERT INTO calibration_sets (package_id, required, min_exact_agreement, max_non_adjacent) VALUES (?, ?, ?, ?)',
    ).run(manifest.id, cal.required ? 1 : 0, cal.minExactAgreement, cal.maxNonAdjacent);
  const sr = manifest.secondReading;
  if (sr) {
    const firsts = new Map((sr.firstReadings ?? []).map((f) => [f.submissionId, f]));
    const seqOf = db.prepare('SELECT seq FROM submissions WHERE id = ?').pluck();
    const add = db.prepare(
      'INSERT OR IGNORE INTO second_readings (submission_seq, package_id, of_package, first_json) VALUES (?, ?, ?, ?)',
    );
    for (const id of sr.submissions) {
      const seq = seqs.get(id) ?? (seqOf.get(id) as number);
      const first = firsts.get(id);
      add.run(seq, manifest.id, sr.of, first ? JSON.stringify(first) : null);
    }
  }
  appendAudit(
    db,
    'package.import',
    manifest.id,
    {
      source: sourceName,
      manifestSha256: manifestSha,
      issuer: manifest.issuer.id,
      achievementsAdded,
      submissions: fresh.filter((f) => f.sample?.kind !== 'calibration').map((f) => f.s.id),
      ...(cal ? { calibrationSamples: cal.samples.length } : {}),
      ...(sr ? { secondReadingOf: sr.of } : {}),
      filesStored,
    },
    importedAt,
  );
  const submissionsAdded = fresh.filter((f) => f.sample?.kind !== 'calibration').length;
  return { achievementsAdded, submissionsAdded, filesStored, bytesStored };
}

async function checkDiskSpace(dir: string, needed: number, label: string): Promise<void> {
  try {
    const st = await fs.promises.statfs(dir);
    const free = st.bavail * st.bsize;
    if (needed > free)
      throw new ImportError(
        'disk-full',
        label,
        undefined,
        `needs ${needed} bytes of evidence space but only ${free} are free; free some space and import again`,
      );
  } catch (err) {
    if (err instanceof ImportError) throw err;
  }
}
