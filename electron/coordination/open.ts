// Opening a set of packages into the coordination: the round's review packages (the rubrics and
// submissions) and the panel's signed results packages. Every package is checked first (a results
// package by the same verifier `assay results verify` runs); when any is refused, nothing is stored.
import { createHash } from 'node:crypto';
import { AssayError } from '../../shared/errors.js';
import path from 'node:path';
import { canonicalJson } from '../../shared/domain/canonical-json.js';
import { checkManifestReferences } from '../../shared/domain/manifest-check.js';
import { orderedLevels } from '../../shared/domain/qa-measures.js';
import type { OpenResult, OpenedPackage, Refusal } from '../../shared/coordination/types.js';
import { RESULTS_FORMAT } from '../../shared/schemas/results-package.js';
import {
  jsonPath,
  manifestSchema,
  PACKAGE_FORMAT,
  type Achievement,
  type Manifest,
} from '../../shared/schemas/review-package.js';
import { decodeUtf8 } from '../../shared/domain/utf8.js';
import { verifyDetachedCms } from '../awards/cms-verify.js';
import type { TrustContext } from '../awards/trust.js';
import { LIMITS } from '../import/limits.js';
import { openSource } from '../import/source.js';
import { verifyResults, type ResultsVerdict } from '../results/verify.js';
import type { Db } from '../store/db.js';
import { LevelCodec, type EncodedLevels, type StoredLevel } from './levels.js';
import { InlineWriter, type OpenWriter, type WriteOp } from './open-writer.js';

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** A results package's assessor as the coordination keys them. */
export function assessorKey(a: { id?: string | undefined; name: string }): string {
  return a.id ?? `name:${a.name}`;
}

interface ReviewPackageRow {
  id: string;
  kind: 'round' | 'second-reading';
}

interface RubricInfo {
  sha256: string;
  achievement: Achievement;
  /** criterion id → (level id → index) and level count */
  levels: Map<string, { index: Map<string, number>; n: number }>;
}

function rubricInfo(achievement: Achievement, sha: string): RubricInfo {
  const levels = new Map<string, { index: Map<string, number>; n: number }>();
  for (const c of achievement.resultDescription) {
    const ordered = orderedLevels(c);
    levels.set(c.id, { index: new Map(ordered.map((l, i) => [l.id, i])), n: ordered.length });
  }
  return { sha256: sha, achievement, levels };
}

/** The coordination's round as stored: review packages, achievements, submissions (ids to achievement and copy). */
class RoundView {
  readonly packages = new Map<string, ReviewPackageRow>();
  readonly rubrics = new Map<string, RubricInfo>();
  /** submission id → achievement id, due date, and the round submission it reads again (copies). */
  readonly submissions = new Map<string, { achievementId: string; dueAt: string | null; readsAgain: string | null }>();

  constructor(db: Db) {
    for (const p of db.prepare('SELECT id, kind FROM coord_review_packages').all() as ReviewPackageRow[])
      this.packages.set(p.id, p);
    for (const a of db.prepare('SELECT id, sha256, json FROM coord_achievements').all() as {
      id: string;
      sha256: string;
      json: string;
    }[])
      this.rubrics.set(a.id, rubricInfo(JSON.parse(a.json) as Achievement, a.sha256));
    for (const s of db
      .prepare(
        'SELECT id, achievement_id AS achievementId, due_at AS dueAt, reads_again AS readsAgain FROM coord_submissions',
      )
      .all() as { id: string; achievementId: string; dueAt: string | null; readsAgain: string | null }[])
      this.submissions.set(s.id, { achievementId: s.achievementId, dueAt: s.dueAt, readsAgain: s.readsAgain });
  }
}

interface PendingReview {
  label: string;
  path: string;
  manifest: Manifest;
  sha: string;
}

interface PendingDecision {
  reading: 'first' | 'second';
  submissionId: string;
  achievementId: string;
  attempt: number;
  decision: 'pass' | 'not-yet';
  /** As stored (levels.ts), encoded once: compared with what is stored, then written. */
  levels: EncodedLevels;
  feedback: string | null;
  override: string | null;
  submittedAt: string;
  timeOnTask: number | null;
  dueAt: string | null;
}

interface PendingResults {
  label: string;
  pkg: OpenedPackage;
  decisions: PendingDecision[];
  seeds: {
    submissionId: string;
    achievementId: string;
    submittedAt: string;
    decision: string | null;
    referenceDecision: string;
    pairs: string;
  }[];
}

export interface OpenOptions {
  trust: TrustContext;
  /** Only results of second-reading packages this coordination wrote (coordination:importSecondReadings). */
  secondReadingsOnly?: boolean;
  now?: Date;
  /**
   * Where the rows go (open-writer.ts): the coordination-open job passes an AdaptiveWriter, which has many rows
   * written on a thread of their own while the packages after them are checked; absent, they are written on `db` at
   * the end.
   */
  writer?: OpenWriter;
  /** After each package is checked (the review packages together, then each results package): done of total. */
  onProgress?: (done: number, total: number) => void;
}

/** Reads `manifest.json` of a package to tell a review package from a results package. */
async function readPackageHead(file: string): Promise<{ format: unknown; bytes: Buffer; json: unknown }> {
  const source = await openSource(path.resolve(file), LIMITS);
  try {
    const bytes = await source.readManifest();
    const json = JSON.parse(decodeUtf8(bytes, 'manifest.json')) as { format?: unknown } | null;
    return { format: json?.format, bytes, json };
  } finally {
    await source.close();
  }
}

function checkReviewPackage(label: string, json: unknown): { manifest: Manifest } | { reason: string } {
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    return { reason: `review package ${label}: manifest.json ${jsonPath(first.path)}: ${first.message}` };
  }
  const problems = checkManifestReferences(parsed.data);
  if (problems.length) return { reason: `review package ${label}: ${problems[0]!.path}: ${problems[0]!.message}` };
  return { manifest: parsed.data };
}

/**
 * Packages read at once while opening: their reads and hashing overlap the signature checks and parsing
 * of others (each package's own checks run in the order verifyResults gives them).
 */
export const OPEN_CONCURRENCY = 8;

/**
 * `produce` over `items` with at most `limit` in flight, each result handed to `consume` in the items' order as
 * soon as it and those before it are ready: what was consumed is let go while the rest is still produced (a
 * results package parsed whole is large; holding every one until the last was read made the heap, and the
 * collector's work, grow with the panel).
 */
async function forEachOrdered<T, R>(
  items: readonly T[],
  limit: number,
  produce: (item: T) => Promise<R>,
  consume: (result: R, item: T) => void,
): Promise<void> {
  const inFlight: (Promise<R> | undefined)[] = [];
  const start = (i: number) => {
    if (i >= items.length) return;
    const p = produce(items[i]!);
    // Handled here too: one that fails after an earlier failure ended the loop is not left unhandled.
    p.catch(() => undefined);
    inFlight[i] = p;
  };
  for (let i = 0; i < Math.min(limit, items.length); i++) start(i);
  for (let i = 0; i < items.length; i++) {
    const result = await inFlight[i]!;
    inFlight[i] = undefined;
    start(i + limit);
    consume(result, items[i]!);
  }
}

/**
 * Opens packages into the coordination. Review packages first (they make the round), then results
 * packages, each verified and checked against the round; all or nothing.
 */
export async function openPackages(db: Db, paths: readonly string[], options: OpenOptions): Promise<OpenResult> {
  const writer = options.writer ?? new InlineWriter(db);
  let result: OpenResult;
  try {
    result = await checkPackages(db, paths, options, writer);
  } catch (err) {
    await writer.rollback().catch(() => undefined);
    throw err;
  }
  if (result.refused.length) {
    await writer.rollback();
    return result;
  }
  try {
    await writer.commit();
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    // Another opening of the same packages (the app and `assay coordinate` share the store) committed since
    // they were checked: this one is refused whole, nothing of it kept.
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE')
      throw new AssayError(
        'conflict',
        'These packages were opened by another opening a moment ago (the app or assay coordinate); nothing of this one was opened. Open them again to see what is new.',
      );
    // Another writer (another opening, in the app or `assay coordinate`) held the store longer than busy_timeout.
    if (code === 'SQLITE_BUSY')
      throw new AssayError(
        'conflict',
        'The store was busy: another opening or change (the app or assay coordinate) kept it for more than 5 seconds; nothing of this one was opened. Open the packages again once it has finished.',
      );
    throw err;
  }
  return result;
}

/** Checks every package in order, handing the rows of each accepted one to `writer` as soon as it is checked. */
async function checkPackages(
  db: Db,
  paths: readonly string[],
  options: OpenOptions,
  writer: OpenWriter,
): Promise<OpenResult> {
  const now = (options.now ?? new Date()).toISOString();
  const refused: Refusal[] = [];
  const alreadyOpen: Refusal[] = [];
  const round = new RoundView(db);
  const reviews: PendingReview[] = [];
  const resultPaths: { label: string; path: string }[] = [];
  const seenLabels = new Set<string>();

  const heads: ({ head: Awaited<ReturnType<typeof readPackageHead>> } | { error: Error })[] = [];
  await forEachOrdered(
    paths,
    OPEN_CONCURRENCY,
    (p) =>
      readPackageHead(p).then(
        (head) => ({ head }),
        (err: unknown) => ({ error: err as Error }),
      ),
    (read) => heads.push(read),
  );
  for (const [i, p] of paths.entries()) {
    let label = path.basename(p);
    if (seenLabels.has(label)) label = p;
    seenLabels.add(label);
    const read = heads[i]!;
    if ('error' in read) {
      refused.push({ label, reason: `${label} is not a package Assay can read: ${read.error.message}` });
      continue;
    }
    const head = read.head;
    if (head.format === RESULTS_FORMAT) {
      resultPaths.push({ label, path: p });
      continue;
    }
    if (head.format !== PACKAGE_FORMAT) {
      refused.push({
        label,
        reason: `${label} is neither a review package nor a results package (format ${JSON.stringify(head.format)})`,
      });
      continue;
    }
    if (options.secondReadingsOnly) {
      refused.push({
        label,
        reason: `${label} is a review package; only the second readers' results packages are imported here`,
      });
      continue;
    }
    const checked = checkReviewPackage(label, head.json);
    if ('reason' in checked) {
      refused.push({ label, reason: checked.reason });
      continue;
    }
    const m = checked.manifest;
    const sha = sha256(head.bytes);
    const known = db
      .prepare('SELECT manifest_sha256 AS sha, opened_at AS at FROM coord_review_packages WHERE id = ?')
      .get(m.id) as { sha: string; at: string } | undefined;
    if (known) {
      if (known.sha === sha)
        alreadyOpen.push({ label, reason: `review package ${m.id} was already opened on ${known.at}` });
      else
        refused.push({
          label,
          reason: `review package ${label} has the id ${m.id} of a review package opened before with other content`,
        });
      continue;
    }
    reviews.push({ label, path: path.resolve(p), manifest: m, sha });
  }

  // The round as it will be once the review packages of this call are in: their rubrics and submissions.
  for (const r of reviews) {
    round.packages.set(r.manifest.id, { id: r.manifest.id, kind: 'round' });
    for (const a of r.manifest.achievements) {
      const sha = sha256(canonicalJson(a));
      const prior = round.rubrics.get(a.id);
      if (prior && prior.sha256 !== sha) {
        refused.push({
          label: r.label,
          reason: `review package ${r.label}: micro-credential "${a.id}" differs from the one of the same id already in this round; a round uses one version of each rubric`,
        });
        continue;
      }
      round.rubrics.set(a.id, rubricInfo(a, sha));
    }
    for (const s of r.manifest.submissions) {
      if (round.submissions.has(s.id)) {
        refused.push({
          label: r.label,
          reason: `review package ${r.label}: submission "${s.id}" is already in this round`,
        });
        continue;
      }
      round.submissions.set(s.id, { achievementId: s.achievementId, dueAt: s.dueAt ?? null, readsAgain: null });
    }
  }

  // The review packages' rows go first (the results' rows refer to them).
  const reviewRows = reviews.map((r) => ({
    id: r.manifest.id,
    label: r.label,
    issuer: r.manifest.issuer.name,
    submissions: r.manifest.submissions.length,
    achievements: r.manifest.achievements.length,
    openedAt: now,
  }));
  if (!refused.length) for (const r of reviews) writer.write(reviewOps(r, round, now));
  let done = paths.length - resultPaths.length;
  options.onProgress?.(done, paths.length);
  // Their manifests (every submission) are not needed again: let go while the results packages are checked.
  reviews.length = 0;

  const assignedOf = db.prepare(
    'SELECT second_reader_key AS k, second_reader_name AS name FROM coord_reconciliation WHERE submission_id = ?',
  );
  const secondFrom = db
    .prepare(
      "SELECT r.label FROM coord_decisions d JOIN coord_results r ON r.id = d.results_id WHERE d.reading = 'second' AND d.submission_id = ?",
    )
    .pluck();
  const firstOf = db.prepare(
    "SELECT d.assessor_key AS k, d.decision, d.levels, d.comments_json AS comments, r.label FROM coord_decisions d JOIN coord_results r ON r.id = d.results_id WHERE d.reading = 'first' AND d.submission_id = ?",
  );
  const seedKnown = db.prepare('SELECT 1 FROM coord_seeds WHERE assessor_key = ? AND submission_id = ?').pluck();
  // A first open has nothing stored to compare with: no look-up per decision and seed then.
  const anyFirst = db.prepare("SELECT 1 FROM coord_decisions WHERE reading = 'first' LIMIT 1").get() !== undefined;
  const anySeed = db.prepare('SELECT 1 FROM coord_seeds LIMIT 1').get() !== undefined;
  const codec = new LevelCodec([...round.rubrics.values()].map((r) => r.achievement));
  const opened: OpenedPackage[] = [];
  const firstIn = new Map<string, { label: string; key: string; decision: PendingDecision }>();
  // Every results package is verified (several at once); what each holds is checked in order, as given, as
  // soon as it is verified, and only the rows to store are kept of it.
  const check = (verdict: ResultsVerdict, { label }: { label: string }): void => {
    if (!verdict.ok && !verdict.signerUnknown) {
      refused.push({ label, reason: verdict.reason });
      return;
    }
    const results = verdict.results!;
    const problem = (reason: string) => refused.push({ label, reason: `results package ${label}: ${reason}` });
    const known = db.prepare('SELECT opened_at AS at FROM coord_results WHERE id = ?').get(results.id) as
      { at: string } | undefined;
    if (known) {
      alreadyOpen.push({ label, reason: `results package ${results.id} was already opened on ${known.at}` });
      return;
    }
    if (!round.packages.size) {
      problem(`no review package of the round is open; open the round's review package with it`);
      return;
    }
    const foreign = results.reviewPackages.find((id) => !round.packages.has(id));
    if (foreign !== undefined) {
      problem(
        `it is from another review round: it names review package ${foreign}, which is not one of this round's (${[
          ...round.packages.values(),
        ]
          .filter((x) => x.kind === 'round')
          .map((x) => x.id)
          .join(', ')})`,
      );
      return;
    }
    const key = assessorKey(results.assessor);
    const decisions: PendingDecision[] = [];
    let bad: string | undefined;
    for (const [i, s] of results.submissions.entries()) {
      if (s.outcome !== 'passed' && s.outcome !== 'not-yet') continue;
      const at = `submissions[${i}] ("${s.submissionId}")`;
      const sub = round.submissions.get(s.submissionId);
      if (!sub) {
        bad = `${at} is not a submission of this round`;
        break;
      }
      const reading = sub.readsAgain ? 'second' : 'first';
      // In a coordinated round awards come from the final outcome, only for final passes (final-awards.ts):
      // one the first reader issued already could stand for a decision a second reading overturns.
      const awarded = s.awards?.find((x) => x.status === 'active');
      if (awarded) {
        bad = `${at} carries award ${awarded.verificationCode}, issued by ${results.assessor.name} before the round's outcome was final; in a coordinated round awards are issued only for final passes, from the final package. Revoke it in that assessor's store (assay awards revoke ${awarded.verificationCode} --reason "…") and export the results again`;
        break;
      }
      const rubric = round.rubrics.get(s.achievementId);
      if (!rubric || s.achievementId !== sub.achievementId) {
        bad = `${at} names micro-credential "${s.achievementId}", not the round's "${sub.achievementId}"`;
        break;
      }
      if (s.rubricSha256 !== rubric.sha256) {
        bad = `${at} was scored on another version of the rubric of "${s.achievementId}" (rubricSha256 differs from the round's)`;
        break;
      }
      const levels: StoredLevel[] = [];
      for (const c of rubric.achievement.resultDescription) {
        const r = s.results.find((x) => x.resultDescription === c.id);
        const info = rubric.levels.get(c.id)!;
        const index = r ? info.index.get(r.achievedLevel) : undefined;
        if (!r || index === undefined) {
          bad = `${at} ${r ? `gives level "${r.achievedLevel}", which is not a level of` : 'gives no level for'} criterion "${c.name}"`;
          break;
        }
        levels.push({ c: c.id, l: r.achievedLevel, i: index, n: info.n, ...(r.comment ? { comment: r.comment } : {}) });
      }
      if (bad) break;
      decisions.push({
        reading,
        submissionId: sub.readsAgain ?? s.submissionId,
        achievementId: s.achievementId,
        attempt: s.attempt,
        decision: s.decision ?? (s.outcome === 'passed' ? 'pass' : 'not-yet'),
        levels: codec.encode(s.achievementId, levels),
        feedback: s.feedback ?? null,
        override: s.overrideJustification ?? null,
        submittedAt: s.reviewSubmittedAt ?? results.createdAt,
        timeOnTask: s.timeOnTaskSeconds ?? null,
        dueAt: round.submissions.get(sub.readsAgain ?? s.submissionId)?.dueAt ?? null,
      });
    }
    if (bad) {
      problem(bad);
      return;
    }
    // A first reading is one assessor's: the same decision again (a later export of the same store) is
    // skipped; another reading of it, by anyone, is refused by name.
    const kept: PendingDecision[] = [];
    for (const d of decisions) {
      if (d.reading === 'second') {
        // Returned second readings are reconciled as they come in, by the rule the coordinator chooses then:
        // opened here they would wait unreconciled and hold up the final package.
        if (!options.secondReadingsOnly) {
          bad = `it is a second reader's results package (it reads "${d.submissionId}" again); open it under Second reading, where the returned readings are reconciled by the rule you choose (assay coordinate import-second-readings)`;
          break;
        }
        const assigned = assignedOf.get(d.submissionId) as { k: string; name: string } | undefined;
        if (!assigned || assigned.k !== key) {
          bad = `the second reading of "${d.submissionId}" is by ${results.assessor.name}, but it was sent to ${assigned?.name ?? 'nobody'}`;
          break;
        }
        const had = secondFrom.get(d.submissionId) as string | undefined;
        if (had !== undefined) {
          bad = `the second reading of "${d.submissionId}" was already opened from ${had}`;
          break;
        }
        kept.push(d);
        continue;
      }
      const stored = (anyFirst ? firstOf.get(d.submissionId) : undefined) as
        { k: string; decision: string; levels: string; comments: string | null; label: string } | undefined;
      // The same reader's same decision (the submission fixes the rubric, so equal encodings are equal levels).
      const same = (k: string, decision: string, levels: EncodedLevels) =>
        k === key &&
        decision === d.decision &&
        levels.levels === d.levels.levels &&
        levels.comments === d.levels.comments;
      if (stored) {
        if (same(stored.k, stored.decision, stored)) continue;
        bad = `submission "${d.submissionId}" was already decided in ${stored.label}; a submission has one first reader in a round`;
        break;
      }
      // Second readers' packages may repeat their own first readings (skipped above), never add new ones.
      if (options.secondReadingsOnly) {
        bad = `submission "${d.submissionId}" is a first reading not opened before, not a second reading this coordination asked for; open it with the round's results packages`;
        break;
      }
      const other = firstIn.get(d.submissionId);
      if (other) {
        if (same(other.key, other.decision.decision, other.decision.levels)) continue;
        bad = `submission "${d.submissionId}" is also decided in ${other.label}; a submission has one first reader in a round`;
        break;
      }
      firstIn.set(d.submissionId, { label, key, decision: d });
      kept.push(d);
    }
    if (bad) {
      problem(bad);
      return;
    }
    // A seed the same assessor reported before (a later export of the same store) is counted once.
    const seeds = (results.seeds?.samples ?? [])
      .filter((x) => x.outcome === 'reviewed' && x.submittedAt !== undefined)
      .filter((x) => !anySeed || seedKnown.get(key, x.submissionId) === undefined)
      .map((x) => ({
        submissionId: x.submissionId,
        achievementId: x.achievementId,
        submittedAt: x.submittedAt!,
        decision: x.decision ?? null,
        referenceDecision: x.referenceDecision,
        pairs: JSON.stringify(
          x.results.map((r) => ({ c: r.resultDescription, n: r.levels, a: r.achievedIndex, r: r.referenceIndex })),
        ),
      }));
    const checked: PendingResults = {
      label,
      decisions: kept,
      seeds,
      pkg: {
        id: results.id,
        label,
        kind: kept.some((d) => d.reading === 'second') ? 'second-reading' : 'first',
        assessor: { id: key, name: results.assessor.name },
        signer: verdict.signer,
        trustedAs: verdict.ok ? verdict.trustedAs : null,
        reviewPackages: results.reviewPackages,
        decisions: kept.length,
        seeds: seeds.length,
        createdAt: results.createdAt,
        openedAt: now,
      },
    };
    opened.push(checked.pkg);
    // Written while the packages after it are checked; kept only if none of them is refused.
    if (!refused.length) writer.write(resultsOps(checked, now));
  };
  const checkAndCount = (verdict: ResultsVerdict, item: { label: string }): void => {
    check(verdict, item);
    options.onProgress?.(++done, paths.length);
  };
  await forEachOrdered(
    resultPaths,
    OPEN_CONCURRENCY,
    ({ path: p }) => verifyResults(p, verifyDetachedCms, { trust: options.trust, keepResults: true }),
    checkAndCount,
  );

  if (refused.length) return { opened: [], reviewPackages: [], refused, alreadyOpen };
  return { opened, reviewPackages: reviewRows, refused: [], alreadyOpen };
}

const INSERT_REVIEW_PACKAGE =
  "INSERT INTO coord_review_packages (id, kind, label, path, issuer, manifest_sha256, head_json, submissions, opened_at) VALUES (?, 'round', ?, ?, ?, ?, ?, ?, ?)";
const INSERT_ACHIEVEMENT = 'INSERT OR IGNORE INTO coord_achievements (id, sha256, json) VALUES (?, ?, ?)';
const INSERT_SUBMISSION =
  'INSERT INTO coord_submissions (id, package_id, achievement_id, attempt, due_at, earner_name, json) VALUES (?, ?, ?, ?, ?, ?, ?)';
const INSERT_RESULTS = `INSERT INTO coord_results (id, kind, label, assessor_key, assessor_name, signer_subject, signer_fingerprint,
  trusted_as, review_packages_json, decisions, seeds, created_at, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_DECISION = `INSERT INTO coord_decisions (results_id, reading, submission_id, assessor_key, achievement_id, attempt,
  decision, levels, comments_json, feedback, override_justification, submitted_at, time_on_task_s, due_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_SEED = `INSERT INTO coord_seeds (results_id, assessor_key, submission_id, achievement_id, submitted_at, decision,
  reference_decision, pairs_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

/** The writes of a checked review package: its row, its rubrics, its submissions, its audit entry. */
function reviewOps(r: PendingReview, round: RoundView, now: string): WriteOp[] {
  const { submissions, ...headOnly } = r.manifest;
  const m = r.manifest;
  return [
    {
      op: 'run',
      sql: INSERT_REVIEW_PACKAGE,
      rows: [[m.id, r.label, r.path, m.issuer.name, r.sha, JSON.stringify(headOnly), submissions.length, now]],
    },
    {
      op: 'run',
      sql: INSERT_ACHIEVEMENT,
      rows: m.achievements.map((a) => [a.id, round.rubrics.get(a.id)!.sha256, JSON.stringify(a)]),
    },
    {
      op: 'run',
      sql: INSERT_SUBMISSION,
      rows: submissions.map((s) => [
        s.id,
        m.id,
        s.achievementId,
        s.attempt,
        s.dueAt ?? null,
        s.earner.name,
        JSON.stringify(s),
      ]),
    },
    {
      op: 'audit',
      action: 'coordination.open-review-package',
      subject: m.id,
      details: { label: r.label, sha256: r.sha, submissions: submissions.length },
      at: now,
    },
  ];
}

/** The writes of a checked results package: its row, its decisions and seeds, its audit entry. */
function resultsOps(p: PendingResults, now: string): WriteOp[] {
  const k = p.pkg.assessor.id;
  const id = p.pkg.id;
  return [
    {
      op: 'run',
      sql: INSERT_RESULTS,
      rows: [
        [
          id,
          p.pkg.kind,
          p.label,
          k,
          p.pkg.assessor.name,
          p.pkg.signer.subject,
          p.pkg.signer.fingerprint256,
          p.pkg.trustedAs,
          JSON.stringify(p.pkg.reviewPackages),
          p.pkg.decisions,
          p.pkg.seeds,
          p.pkg.createdAt,
          now,
        ],
      ],
    },
    {
      op: 'run',
      sql: INSERT_DECISION,
      rows: p.decisions.map((d) => [
        id,
        d.reading,
        d.submissionId,
        k,
        d.achievementId,
        d.attempt,
        d.decision,
        d.levels.levels,
        d.levels.comments,
        d.feedback,
        d.override,
        d.submittedAt,
        d.timeOnTask,
        d.dueAt,
      ]),
    },
    {
      op: 'run',
      sql: INSERT_SEED,
      rows: p.seeds.map((s) => [
        id,
        k,
        s.submissionId,
        s.achievementId,
        s.submittedAt,
        s.decision,
        s.referenceDecision,
        s.pairs,
      ]),
    },
    {
      op: 'audit',
      action: 'coordination.open-results',
      subject: id,
      details: {
        label: p.label,
        assessor: p.pkg.assessor.name,
        signer: p.pkg.signer.fingerprint256,
        decisions: p.pkg.decisions,
        seeds: p.pkg.seeds,
      },
      at: now,
    },
  ];
}
