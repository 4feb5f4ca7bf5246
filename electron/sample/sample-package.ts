// Writes the realistic sample review package an assessor sees on first run (review-package.md, format 1).
import { createHash } from 'node:crypto';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { computeDecision } from '../../shared/domain/decision.js';
import { checkManifestPassRules, checkManifestReferences } from '../../shared/domain/manifest-check.js';
import {
  PACKAGE_FORMAT,
  jsonPath,
  manifestSchema,
  type Achievement,
  type Artifact,
  type Manifest,
  type PreviousReview,
  type Submission,
} from '../../shared/schemas/review-package.js';
import { renderBadge, renderChart, renderPhoto } from './evidence.js';
import { renderPdf } from './pdf.js';
import { ACHIEVEMENTS, ISSUER_URL, achievementId, buildAchievement, type AchievementDef } from './rubrics.js';
import { SUBMISSIONS, type SubmissionDef } from './submissions.js';

export interface SamplePackageResult {
  /** The package folder (absolute). */
  dir: string;
  manifestPath: string;
  achievements: number;
  submissions: number;
  /** Files written, manifest.json and achievement images included. */
  files: number;
  /** Total bytes of the files written. */
  bytes: number;
}

const DAY_MS = 86_400_000;
/** The namespace for the sample's name-based (version 5) UUIDs, so that ids are the same on every run. */
const UUID_NAMESPACE = '3f1d6a2e-8c47-4b0e-9a35-6d2c1e7b9f04';

/** A name-based UUID (RFC 9562 version 5) in the sample's namespace. */
export function sampleUuid(name: string): string {
  const ns = Buffer.from(UUID_NAMESPACE.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function assertUsableOutDir(dir: string): Promise<void> {
  let info;
  try {
    info = await stat(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (!info.isDirectory())
    throw new Error(`Cannot write the sample package to "${dir}": it exists and is not a folder.`);
  const entries = await readdir(dir);
  if (entries.length > 0) {
    throw new Error(
      `Refusing to write the sample package into "${dir}": the folder is not empty (it has ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}). Choose a new or empty folder.`,
    );
  }
}

function buildPreviousReviews(
  def: SubmissionDef,
  achievement: Achievement,
  submittedAt: Date,
  at: (daysAgo: number, hhmm: string) => Date,
): PreviousReview[] | undefined {
  const previous = def.previous ?? [];
  if (previous.length !== def.attempt - 1)
    throw new Error(
      `sample ${def.key}: attempt ${def.attempt} needs ${def.attempt - 1} previous reviews, has ${previous.length}`,
    );
  if (previous.length === 0) return undefined;
  const criteria = achievement.resultDescription;
  return previous.map((p, i) => {
    if (p.levels.length !== criteria.length || p.comments.length !== criteria.length) {
      throw new Error(
        `sample ${def.key}: previous review ${i + 1} must score each of the ${criteria.length} criteria once`,
      );
    }
    const reviewedAt = at(p.daysAgo, '10:00');
    if (reviewedAt >= submittedAt)
      throw new Error(`sample ${def.key}: previous review ${i + 1} is not before the submission`);
    const results = criteria.map((c, ci) => {
      const level = c.rubricCriterionLevel[p.levels[ci]!];
      if (!level) throw new Error(`sample ${def.key}: no level ${p.levels[ci]} for ${c.id}`);
      return { resultDescription: c.id, achievedLevel: level.id, comment: p.comments[ci]! };
    });
    const computed = computeDecision(
      achievement,
      Object.fromEntries(results.map((r) => [r.resultDescription, r.achievedLevel])),
    );
    if (computed.kind !== 'decided' || computed.decision !== 'not-yet')
      throw new Error(`sample ${def.key}: previous review ${i + 1} would not be "not yet" under the rubric`);
    return { attempt: i + 1, decision: 'not-yet' as const, reviewedAt: iso(reviewedAt), feedback: p.feedback, results };
  });
}

/**
 * Writes a sample review package folder at `outDir` (created if missing; refused if it exists and is
 * not empty): manifest.json, achievement badge images and evidence files. The output is identical for
 * the same `now`; all dates are relative to it, and every id is fixed. The manifest is checked
 * against the schema and the referential rules before anything is written.
 */
export async function writeSamplePackage(outDir: string, options: { now?: Date } = {}): Promise<SamplePackageResult> {
  const now = options.now ?? new Date();
  if (Number.isNaN(now.getTime())) throw new Error('writeSamplePackage: `now` is not a valid date');
  const dir = path.resolve(outDir);
  await assertUsableOutDir(dir);

  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const at = (daysAgo: number, hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return new Date(today - daysAgo * DAY_MS + (h ?? 0) * 3_600_000 + (m ?? 0) * 60_000);
  };
  const files = new Map<string, Uint8Array>();
  const addFile = (rel: string, bytes: Uint8Array) => {
    if (files.has(rel)) throw new Error(`sample: two files at ${rel}`);
    files.set(rel, bytes);
  };

  const defs = new Map<string, AchievementDef>();
  const achievements: Achievement[] = ACHIEVEMENTS.map((def) => {
    const image = `images/${def.key}.png`;
    addFile(image, renderBadge(def.initials, def.colour, def.shape));
    defs.set(achievementId(def.key), def);
    return buildAchievement(def, image);
  });
  const byId = new Map(achievements.map((a) => [a.id, a]));

  const submissions: Submission[] = [];
  for (const def of SUBMISSIONS) {
    const achievement = byId.get(achievementId(def.achievement))!;
    const achDef = defs.get(achievement.id)!;
    const uuid = sampleUuid(`submission/${def.key}`);
    const folder = `evidence/${uuid.slice(0, 8)}`;
    if (def.submitted.daysAgo < 1) throw new Error(`sample ${def.key}: submissions must be at least a day old`);
    const submittedAt = at(def.submitted.daysAgo, def.submitted.at);

    const artifacts: Artifact[] = [];
    const fileArtifact = (name: string, file: string, mediaType: string, bytes: Uint8Array) => {
      addFile(file, bytes);
      artifacts.push({
        id: `a${artifacts.length + 1}`,
        sectionId: 'work-examples',
        name,
        file,
        mediaType,
        size: bytes.length,
        sha256: sha256(bytes),
      });
    };
    for (const doc of def.docs) {
      const bytes = await renderPdf(doc, {
        author: def.earner.pdfName ?? def.earner.name,
        organization: def.earner.organization,
        dateLabel: doc.dateLabel,
        date: new Date(submittedAt.getTime() - doc.daysBefore * DAY_MS),
        accent: achDef.colour,
        keywords: [achievement.name, ...(achievement.tag ?? [])],
      });
      fileArtifact(doc.name, `${folder}/${doc.file}.pdf`, 'application/pdf', bytes);
    }
    for (const chart of def.charts ?? [])
      fileArtifact(chart.name, `${folder}/${chart.file}.png`, 'image/png', renderChart(chart));
    for (const photo of def.photos ?? [])
      fileArtifact(
        photo.name,
        `${folder}/${photo.file}.png`,
        'image/png',
        renderPhoto(photo, `${def.key}/${photo.file}`),
      );
    for (const video of def.videos ?? []) {
      artifacts.push({
        id: `a${artifacts.length + 1}`,
        sectionId: 'work-examples',
        name: video.name,
        url: `https://video.example.org/v/${video.id}`,
      });
    }

    const previousReviews = buildPreviousReviews(def, achievement, submittedAt, at);
    submissions.push({
      id: `urn:uuid:${uuid}`,
      achievementId: achievement.id,
      attempt: def.attempt,
      submittedAt: iso(submittedAt),
      ...(def.dueInDays !== undefined ? { dueAt: iso(new Date(today + def.dueInDays * DAY_MS)) } : {}),
      earner: {
        id: `mailto:${def.earner.email}`,
        name: def.earner.name,
        email: def.earner.email,
        organization: def.earner.organization,
        // The PDFs print a transliteration: blind review must cover it too.
        ...(def.earner.pdfName ? { aliases: [def.earner.pdfName] } : {}),
      },
      responses: [
        { sectionId: 'overview', text: def.overview },
        { sectionId: 'reflection', text: def.reflection },
      ],
      artifacts,
      ...(previousReviews ? { previousReviews } : {}),
    });
  }

  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    formatVersion: 1,
    id: `urn:uuid:${sampleUuid('package/riverside-sample/1')}`,
    createdAt: iso(now),
    issuer: {
      id: `${ISSUER_URL}/issuer`,
      name: 'Riverside University School of Education',
      url: ISSUER_URL,
      email: 'credentials@pd.riverside.example.edu',
    },
    assessor: { id: 'mailto:jordan.ellis@assessors.example.org', name: 'Jordan Ellis' },
    achievements,
    submissions,
  };
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;

  // Never emit a broken package: check exactly what an importer would read.
  const parsed = manifestSchema.safeParse(JSON.parse(manifestText));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`).join('; ');
    throw new Error(`The sample package manifest breaks the format: ${issues}`);
  }
  // Every sample rubric must have a pass rule: the importer refuses a package with one that has none.
  const problems = [...checkManifestReferences(parsed.data), ...checkManifestPassRules(parsed.data)];
  if (problems.length > 0)
    throw new Error(
      `The sample package manifest has reference or pass-rule problems: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );

  await mkdir(dir, { recursive: true });
  await assertUsableOutDir(dir);
  let bytes = 0;
  for (const [rel, data] of files) {
    const target = path.join(dir, ...rel.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, data, { flag: 'wx' });
    bytes += data.length;
  }
  const manifestPath = path.join(dir, 'manifest.json');
  const manifestBytes = Buffer.from(manifestText, 'utf8');
  await writeFile(manifestPath, manifestBytes, { flag: 'wx' });
  bytes += manifestBytes.length;

  return {
    dir,
    manifestPath,
    achievements: achievements.length,
    submissions: submissions.length,
    files: files.size + 1,
    bytes,
  };
}
