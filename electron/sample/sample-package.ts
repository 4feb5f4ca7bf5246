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
  type Calibration,
  type Decision,
  type FirstReading,
  type Manifest,
  type QaSample,
  type Seeds,
  type PreviousReview,
  type Submission,
} from '../../shared/schemas/review-package.js';
import { renderBadge, renderChart, renderPhoto } from './evidence.js';
import { renderPdf } from './pdf.js';
import { ACHIEVEMENTS, ISSUER_URL, achievementId, buildAchievement, type AchievementDef } from './rubrics.js';
import { CALIBRATION_SAMPLES, SEED_SAMPLES, type QaSampleDef } from './qa-samples.js';
import { FIRST_READER, SECOND_READING_SUBMISSIONS } from './second-reading.js';
import { SUBMISSIONS, type SubmissionDef } from './submissions.js';

export interface SamplePackageResult {
  /** The package folder (absolute). */
  dir: string;
  manifestPath: string;
  achievements: number;
  /** Live submissions (seeds not included). */
  submissions: number;
  calibrationSamples: number;
  seeds: number;
  /** Submissions read again, each with the first reader's review. */
  secondReadings: number;
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
  return previous.map((p, i) => {
    const reviewedAt = at(p.daysAgo, '10:00');
    if (reviewedAt >= submittedAt)
      throw new Error(`sample ${def.key}: previous review ${i + 1} is not before the submission`);
    const scored = scoreLevels(`sample ${def.key}: previous review ${i + 1}`, achievement, p.levels, p.comments);
    if (scored.decision !== 'not-yet')
      throw new Error(`sample ${def.key}: previous review ${i + 1} would not be "not yet" under the rubric`);
    const results = scored.results.map(({ note, ...r }) => ({ ...r, comment: note }));
    return { attempt: i + 1, decision: 'not-yet' as const, reviewedAt: iso(reviewedAt), feedback: p.feedback, results };
  });
}

/** What building a package's submissions needs: dates relative to `now`, the achievements, the file list. */
interface Build {
  now: Date;
  today: number;
  at: (daysAgo: number, hhmm: string) => Date;
  achievements: Achievement[];
  byId: Map<string, Achievement>;
  defs: Map<string, AchievementDef>;
  files: Map<string, Uint8Array>;
  addFile: (rel: string, bytes: Uint8Array) => void;
}

function startBuild(now: Date, caller: string): Build {
  if (Number.isNaN(now.getTime())) throw new Error(`${caller}: \`now\` is not a valid date`);
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
  return { now, today, at, achievements, byId, defs, files, addFile };
}

/** One submission object from its definition, its evidence files added to the build. */
async function buildSubmission(def: SubmissionDef, b: Build): Promise<Submission> {
  const { at, today, addFile } = b;
  const achievement = b.byId.get(achievementId(def.achievement))!;
  const achDef = b.defs.get(achievement.id)!;
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
  return {
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
  };
}

/**
 * A level index per criterion (rubric order) as result objects with their note (a comment or a
 * rationale), and the decision the rubric gives them; `what` names the caller in errors.
 */
function scoreLevels(
  what: string,
  achievement: Achievement,
  levels: number[],
  notes: string[],
): { results: { resultDescription: string; achievedLevel: string; note: string }[]; decision: Decision } {
  const criteria = achievement.resultDescription;
  if (levels.length !== criteria.length || notes.length !== criteria.length)
    throw new Error(`${what} must score each of the ${criteria.length} criteria once, with a note for each`);
  const results = criteria.map((c, ci) => {
    const level = c.rubricCriterionLevel[levels[ci]!];
    if (!level) throw new Error(`${what}: no level ${levels[ci]} for ${c.id}`);
    return { resultDescription: c.id, achievedLevel: level.id, note: notes[ci]! };
  });
  const computed = computeDecision(
    achievement,
    Object.fromEntries(results.map((r) => [r.resultDescription, r.achievedLevel])),
  );
  if (computed.kind !== 'decided') throw new Error(`${what}: the rubric cannot decide these levels`);
  return { results, decision: computed.decision };
}

/** A calibration sample or seed: the submission with its definitive score, whose decision the rubric must give. */
async function buildQaSample(def: QaSampleDef, b: Build): Promise<QaSample> {
  const submission = await buildSubmission(def, b);
  const achievement = b.byId.get(submission.achievementId)!;
  const { results, decision } = scoreLevels(
    `sample ${def.key}: the definitive score`,
    achievement,
    def.definitive.levels,
    def.definitive.rationales,
  );
  if (decision !== def.definitive.decision)
    throw new Error(
      `sample ${def.key}: the definitive levels make "${decision}" under the rubric, not "${def.definitive.decision}"`,
    );
  return {
    ...submission,
    definitive: { decision, results: results.map(({ note, ...r }) => ({ ...r, rationale: note })) },
  };
}

/** Checks the manifest as an importer would read it, then writes it and every file into an empty folder. */
async function finishPackage(
  dir: string,
  manifest: Manifest,
  files: Map<string, Uint8Array>,
): Promise<{ manifestPath: string; files: number; bytes: number }> {
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
  return { manifestPath, files: files.size + 1, bytes };
}

const ISSUER: Manifest['issuer'] = {
  id: `${ISSUER_URL}/issuer`,
  name: 'Riverside University School of Education',
  url: ISSUER_URL,
  email: 'credentials@pd.riverside.example.edu',
};
const ASSESSOR: NonNullable<Manifest['assessor']> = {
  id: 'mailto:jordan.ellis@assessors.example.org',
  name: 'Jordan Ellis',
};

export interface SamplePackageOptions {
  now?: Date;
  /** Add the required calibration set: one practice sample per micro-credential, with definitive scores. */
  calibration?: boolean;
  /** Add seeded samples hidden among the live submissions, one per 10. */
  seeds?: boolean;
}

/**
 * Writes a sample review package folder at `outDir` (created if missing; refused if it exists and is
 * not empty): manifest.json, achievement badge images and evidence files. The output is identical for
 * the same `now`; all dates are relative to it, and every id is fixed. The manifest is checked
 * against the schema and the referential rules before anything is written. Without `calibration`
 * or `seeds` the package is the plain one every first run sees; with either it is another package
 * (its own id) carrying the same live submissions.
 */
export async function writeSamplePackage(
  outDir: string,
  options: SamplePackageOptions = {},
): Promise<SamplePackageResult> {
  const b = startBuild(options.now ?? new Date(), 'writeSamplePackage');
  const dir = path.resolve(outDir);
  await assertUsableOutDir(dir);

  const submissions: Submission[] = [];
  for (const def of SUBMISSIONS) submissions.push(await buildSubmission(def, b));
  const calibration: Calibration | undefined = options.calibration
    ? {
        required: true,
        minExactAgreement: 0.8,
        maxNonAdjacent: 0,
        samples: await buildAll(CALIBRATION_SAMPLES, b),
      }
    : undefined;
  const seedsEvery = 10;
  const seeds: Seeds | undefined = options.seeds
    ? {
        every: seedsEvery,
        samples: await buildAll(SEED_SAMPLES.slice(0, Math.ceil(submissions.length / seedsEvery)), b),
      }
    : undefined;

  const variant = [options.calibration ? '+calibration' : '', options.seeds ? '+seeds' : ''].join('');
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    formatVersion: 1,
    id: `urn:uuid:${sampleUuid(`package/riverside-sample/1${variant}`)}`,
    createdAt: iso(b.now),
    issuer: ISSUER,
    assessor: ASSESSOR,
    achievements: b.achievements,
    submissions,
    ...(calibration ? { calibration } : {}),
    ...(seeds ? { seeds } : {}),
  };
  const written = await finishPackage(dir, manifest, b.files);
  return {
    dir,
    manifestPath: written.manifestPath,
    achievements: b.achievements.length,
    submissions: submissions.length,
    calibrationSamples: calibration?.samples.length ?? 0,
    seeds: seeds?.samples.length ?? 0,
    secondReadings: 0,
    files: written.files,
    bytes: written.bytes,
  };
}

async function buildAll(defs: QaSampleDef[], b: Build): Promise<QaSample[]> {
  const out: QaSample[] = [];
  for (const def of defs) out.push(await buildQaSample(def, b));
  return out;
}

/** The id of the (fictional) results package whose decisions the second-reading sample reads again. */
export const SECOND_READING_OF = `urn:uuid:${sampleUuid('results/riverside-panel-b/2026-autumn')}`;

/**
 * Writes the sample second-reading package at `outDir` (same rules as writeSamplePackage): decisions
 * another assessor already made, read again blind. Its package and submission ids are its own, so it
 * can be imported into the same store as the main sample.
 */
export async function writeSecondReadingPackage(
  outDir: string,
  options: { now?: Date } = {},
): Promise<SamplePackageResult> {
  const b = startBuild(options.now ?? new Date(), 'writeSecondReadingPackage');
  const dir = path.resolve(outDir);
  await assertUsableOutDir(dir);

  const submissions: Submission[] = [];
  const firstReadings: FirstReading[] = [];
  for (const def of SECOND_READING_SUBMISSIONS) {
    const s = await buildSubmission(def, b);
    const achievement = b.byId.get(s.achievementId)!;
    const what = `second reading ${def.key}: the first reading`;
    const { results, decision } = scoreLevels(what, achievement, def.first.levels, def.first.comments);
    if (decision !== def.first.decision)
      throw new Error(`${what} levels make "${decision}" under the rubric, not "${def.first.decision}"`);
    const reviewedAt = b.at(def.first.daysAgo, def.first.at);
    if (reviewedAt <= new Date(s.submittedAt) || reviewedAt >= b.now)
      throw new Error(`${what} must fall between the submission and now`);
    submissions.push(s);
    firstReadings.push({
      submissionId: s.id,
      assessor: FIRST_READER,
      decision,
      reviewedAt: iso(reviewedAt),
      feedback: def.first.feedback,
      results: results.map(({ note, ...r }) => ({ ...r, comment: note })),
    });
  }
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    formatVersion: 1,
    id: `urn:uuid:${sampleUuid('package/riverside-second-reading/1')}`,
    createdAt: iso(b.now),
    issuer: ISSUER,
    assessor: ASSESSOR,
    achievements: b.achievements,
    submissions,
    secondReading: { of: SECOND_READING_OF, submissions: submissions.map((s) => s.id), firstReadings },
  };
  const written = await finishPackage(dir, manifest, b.files);
  return {
    dir,
    manifestPath: written.manifestPath,
    achievements: b.achievements.length,
    submissions: submissions.length,
    calibrationSamples: 0,
    seeds: 0,
    secondReadings: firstReadings.length,
    files: written.files,
    bytes: written.bytes,
  };
}
