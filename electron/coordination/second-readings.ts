// Second reading: one review package per chosen second reader (never a decision's first reader, never
// with the first review), made from the round's review package; then, when the readings come back,
// reconciliation by the coordinator's rule and the adjudication queue.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkManifestReferences } from '../../shared/domain/manifest-check.js';
import { computeDecision } from '../../shared/domain/decision.js';
import { orderedLevels } from '../../shared/domain/qa-measures.js';
import { AssayError } from '../../shared/errors.js';
import type {
  AdjudicateInput,
  ExportSecondReadingsResult,
  Reader,
  Reading,
  ReconcileRule,
  ReconciliationItem,
  AdjudicationQueueEntry,
  ReconciliationState,
} from '../../shared/coordination/types.js';
import {
  isFileArtifact,
  manifestSchema,
  PACKAGE_FORMAT,
  type Achievement,
  type Decision,
  type Manifest,
  type Submission,
} from '../../shared/schemas/review-package.js';
import { LIMITS } from '../import/limits.js';
import { openSource, type PackageSource } from '../import/source.js';
import { mkdirPrivate, writeFileAtomic } from '../store/atomic-write.js';
import { appendAudit } from '../store/audit.js';
import type { Db } from '../store/db.js';
import { LevelCodec, type StoredLevel } from './levels.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function readFile(source: PackageSource, rel: string, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await source.open(rel, max)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[^\w -]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase();
  return s || 'reader';
}

function achievementsOf(db: Db): Map<string, Achievement> {
  return new Map(
    (db.prepare('SELECT id, json FROM coord_achievements').all() as { id: string; json: string }[]).map((a) => [
      a.id,
      JSON.parse(a.json) as Achievement,
    ]),
  );
}

/** Writes one second-reading review package per reader into `folder`, and records who reads what again. */
export async function exportSecondReadings(
  db: Db,
  sampleId: string,
  readerKeys: readonly string[],
  folder: string,
  now = new Date(),
): Promise<ExportSecondReadingsResult> {
  const sample = db.prepare('SELECT id FROM coord_samples WHERE id = ?').get(sampleId);
  if (!sample) throw new AssayError('not-found', `There is no sample ${sampleId} in this coordination.`);
  const names = new Map(
    (
      db.prepare('SELECT DISTINCT assessor_key AS k, assessor_name AS name FROM coord_results').all() as {
        k: string;
        name: string;
      }[]
    ).map((r) => [r.k, r.name]),
  );
  const readers: Reader[] = [...new Set(readerKeys)].map((k) => {
    const name = names.get(k);
    if (name === undefined)
      throw new AssayError(
        'invalid-input',
        `“${k}” is not an assessor of this panel; a second reader must be one of them.`,
      );
    return { id: k, name };
  });
  const items = db
    .prepare(
      `SELECT i.submission_id AS submissionId, d.assessor_key AS k, r.assessor_name AS name, s.json, s.package_id AS packageId,
          c.state AS taken
        FROM coord_sample_items i
        JOIN coord_decisions d ON d.submission_id = i.submission_id AND d.reading = 'first'
        JOIN coord_results r ON r.id = d.results_id
        JOIN coord_submissions s ON s.id = i.submission_id
        LEFT JOIN coord_reconciliation c ON c.submission_id = i.submission_id
        WHERE i.sample_id = ? ORDER BY i.position`,
    )
    .all(sampleId) as {
    submissionId: string;
    k: string;
    name: string;
    json: string;
    packageId: string;
    taken: string | null;
  }[];
  const taken = items.find((i) => i.taken !== null);
  if (taken)
    throw new AssayError(
      'conflict',
      `Submission "${taken.submissionId}" of this sample was already sent for second reading; draw a new sample for what is left.`,
    );
  if (!items.length)
    throw new AssayError('invalid-input', `Sample ${sampleId} chose no decisions; there is nothing to read again.`);

  // Each decision to the eligible reader with the fewest so far (ties: the order the readers were given).
  const load = new Map(readers.map((r) => [r.id, [] as typeof items]));
  const assignments: ExportSecondReadingsResult['assignments'] = [];
  for (const it of items) {
    const eligible = readers.filter((r) => r.id !== it.k);
    if (!eligible.length)
      throw new AssayError(
        'invalid-input',
        `Submission "${it.submissionId}" was first read by ${it.name}, the only reader chosen; choose another second reader for it.`,
      );
    const to = eligible.reduce((best, r) => (load.get(r.id)!.length < load.get(best.id)!.length ? r : best));
    load.get(to.id)!.push(it);
    assignments.push({ submissionId: it.submissionId, firstReader: { id: it.k, name: it.name }, secondReader: to });
  }

  const achievements = achievementsOf(db);
  const roundPackages = new Map(
    (
      db.prepare("SELECT id, path, head_json AS head FROM coord_review_packages WHERE kind = 'round'").all() as {
        id: string;
        path: string;
        head: string;
      }[]
    ).map((p) => [p.id, p]),
  );
  mkdirPrivate(folder);
  const written: ExportSecondReadingsResult['packages'] = [];
  const records: {
    id: string;
    label: string;
    dir: string;
    head: Manifest;
    copies: { copy: Submission; of: string }[];
    reader: Reader;
  }[] = [];
  const sources = new Map<string, PackageSource>();
  const sourceOf = async (packageId: string) => {
    let s = sources.get(packageId);
    if (!s) {
      const p = roundPackages.get(packageId)!;
      try {
        s = await openSource(p.path, LIMITS);
      } catch (err) {
        throw new AssayError(
          'not-found',
          `The round's review package ${packageId} is no longer at ${p.path} (${(err as Error).message}); its evidence is needed for the second-reading packages. Put it back there.`,
        );
      }
      sources.set(packageId, s);
    }
    return s;
  };
  // Folders this call made: removed again when anything fails, so no package goes out that is not recorded.
  const made: { dir: string; created: boolean }[] = [];
  try {
    try {
      for (const reader of readers) {
        const mine = load.get(reader.id)!;
        if (!mine.length) continue;
        const dirName = `second-reading-${slug(reader.name)}`;
        const dir = path.join(folder, dirName);
        if (fs.existsSync(dir) && fs.readdirSync(dir).length)
          throw new AssayError(
            'invalid-input',
            `${dir} already exists and is not empty; choose an empty folder for the second-reading packages.`,
          );
        const files = new Map<string, Buffer>();
        const used = new Map<string, Achievement>();
        const copies: { copy: Submission; of: string }[] = [];
        let issuer: Manifest['issuer'] | undefined;
        for (const it of mine) {
          const original = JSON.parse(it.json) as Submission;
          const head = JSON.parse(roundPackages.get(it.packageId)!.head) as Manifest;
          issuer ??= head.issuer;
          const source = await sourceOf(it.packageId);
          const a = achievements.get(original.achievementId)!;
          used.set(a.id, a);
          if (a.image && !files.has(a.image)) files.set(a.image, await readFile(source, a.image, LIMITS.imageBytes));
          for (const art of original.artifacts)
            if (isFileArtifact(art) && !files.has(art.file)) {
              const bytes = await readFile(source, art.file, art.size);
              if (bytes.length !== art.size || sha256(bytes) !== art.sha256)
                throw new AssayError(
                  'evidence',
                  `The round's review package ${it.packageId}: ${art.file} no longer matches its SHA-256 in the manifest; no second-reading package was written.`,
                );
              files.set(art.file, bytes);
            }
          // A submission of its own (an id the second reader's store has not seen), carrying nothing of the first review.
          copies.push({ copy: { ...original, id: `urn:uuid:${randomUUID()}` }, of: it.submissionId });
        }
        const id = `urn:uuid:${randomUUID()}`;
        const manifest: Manifest = {
          format: PACKAGE_FORMAT,
          formatVersion: 1,
          id,
          createdAt: now.toISOString(),
          issuer: issuer!,
          assessor: { id: reader.id, name: reader.name },
          achievements: [...used.values()],
          submissions: copies.map((c) => c.copy),
          secondReading: { of: sampleId, submissions: copies.map((c) => c.copy.id) },
        };
        manifestSchema.parse(manifest);
        const problems = checkManifestReferences(manifest);
        if (problems.length)
          throw new Error(`second-reading package for ${reader.name}: ${problems[0]!.path}: ${problems[0]!.message}`);
        made.push({ dir, created: !fs.existsSync(dir) });
        mkdirPrivate(dir);
        for (const [rel, bytes] of files) writeFileAtomic(path.join(dir, rel), bytes);
        // The manifest last: a package cut short has none, so it is never read as complete.
        writeFileAtomic(path.join(dir, 'manifest.json'), Buffer.from(JSON.stringify(manifest, null, 2)));
        records.push({ id, label: dirName, dir, head: { ...manifest, submissions: [] }, copies, reader });
        written.push({ id, reader, folder: dirName, submissions: copies.length });
      }
    } finally {
      for (const s of sources.values()) await s.close();
    }
    const at = now.toISOString();
    db.transaction(() => {
      const insPkg = db.prepare(
        "INSERT INTO coord_review_packages (id, kind, label, path, issuer, manifest_sha256, head_json, submissions, opened_at) VALUES (?, 'second-reading', ?, ?, ?, ?, ?, ?, ?)",
      );
      const insSub = db.prepare(
        'INSERT INTO coord_submissions (id, package_id, achievement_id, attempt, due_at, earner_name, json, reads_again) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const insRec = db.prepare(
        `INSERT INTO coord_reconciliation (submission_id, sample_id, second_reader_key, second_reader_name, package_id, copy_id, state)
          VALUES (?, ?, ?, ?, ?, ?, 'awaiting-second-reading')`,
      );
      // Read again in the transaction: another export of this sample (the app and the CLI share the store) may have
      // sent these decisions since they were read above.
      const sent = db
        .prepare(
          'SELECT i.submission_id FROM coord_sample_items i JOIN coord_reconciliation c ON c.submission_id = i.submission_id WHERE i.sample_id = ? LIMIT 1',
        )
        .pluck()
        .get(sampleId) as string | undefined;
      if (sent !== undefined)
        throw new AssayError(
          'conflict',
          `Submission "${sent}" of this sample was already sent for second reading, by another export a moment ago; no second-reading package was written.`,
        );
      for (const r of records) {
        const manifestBytes = fs.readFileSync(path.join(r.dir, 'manifest.json'));
        insPkg.run(
          r.id,
          r.label,
          r.dir,
          r.head.issuer.name,
          sha256(manifestBytes),
          JSON.stringify(r.head),
          r.copies.length,
          at,
        );
        for (const { copy, of } of r.copies) {
          insSub.run(
            copy.id,
            r.id,
            copy.achievementId,
            copy.attempt,
            copy.dueAt ?? null,
            copy.earner.name,
            JSON.stringify(copy),
            of,
          );
          insRec.run(of, sampleId, r.reader.id, r.reader.name, r.id, copy.id);
        }
        appendAudit(
          db,
          'coordination.export-second-reading',
          r.id,
          {
            sample: sampleId,
            reader: r.reader.name,
            submissions: r.copies.map((c) => c.of),
          },
          at,
        );
      }
    }).immediate();
  } catch (err) {
    for (const { dir, created } of made)
      if (created) fs.rmSync(dir, { recursive: true, force: true });
      else for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { recursive: true, force: true });
    throw err;
  }
  return { sampleId, packages: written, assignments };
}

// ---------------------------------------------------------------------------------------------------
// Reconciliation

interface ReadingRow {
  reading: 'first' | 'second';
  submissionId: string;
  k: string;
  name: string;
  decision: Decision;
  levels: StoredLevel[];
  feedback: string | null;
  override: string | null;
  at: string;
  resultsId: string;
}

interface FinalJson {
  decision: Decision;
  results: { criterionId: string; levelId: string }[];
  by: string;
  reasons?: string;
  at: string;
}

const RULE_WORDS: Record<ReconcileRule, string> = {
  first: 'the first reader’s level',
  second: 'the second reader’s level',
  lower: 'the lower of the two levels',
};

function readingsOf(
  db: Db,
  achievements: Map<string, Achievement>,
  submissionId?: string,
  state?: ReconciliationState,
): Map<string, { first?: ReadingRow; second?: ReadingRow }> {
  const where = [submissionId ? 'submission_id = ?' : '', state ? 'state = ?' : ''].filter(Boolean);
  const rows = db
    .prepare(
      `SELECT d.reading, d.submission_id AS submissionId, d.assessor_key AS k, r.assessor_name AS name, d.decision,
          d.achievement_id AS achievementId, d.levels, d.comments_json AS comments, d.feedback,
          d.override_justification AS override, d.submitted_at AS at, d.results_id AS resultsId
        FROM coord_decisions d JOIN coord_results r ON r.id = d.results_id
        WHERE d.submission_id IN (SELECT submission_id FROM coord_reconciliation ${where.length ? `WHERE ${where.join(' AND ')}` : ''})`,
    )
    .all(...[submissionId, state].filter((x) => x !== undefined)) as (Omit<ReadingRow, 'levels'> & {
    achievementId: string;
    levels: string;
    comments: string | null;
  })[];
  const codec = new LevelCodec(achievements.values());
  const out = new Map<string, { first?: ReadingRow; second?: ReadingRow }>();
  for (const { achievementId, levels, comments, ...r } of rows) {
    let e = out.get(r.submissionId);
    if (!e) out.set(r.submissionId, (e = {}));
    e[r.reading] = { ...r, levels: codec.decode(achievementId, levels, comments) };
  }
  return out;
}

/** Settles every item whose second reading is in and that is still awaiting: agreed by the rule, or queued. */
export function reconcile(db: Db, rule: ReconcileRule, now = new Date()): void {
  const achievements = achievementsOf(db);
  const at = now.toISOString();
  const update = db.prepare(
    "UPDATE coord_reconciliation SET state = ?, rule = ?, reasons_json = ?, final_json = ? WHERE submission_id = ? AND state = 'awaiting-second-reading'",
  );
  // What awaits is read inside the transaction: another reconciliation (the app and the CLI share the store)
  // cannot settle an item twice or audit it twice.
  db.transaction(() => {
    const awaiting = db
      .prepare(
        "SELECT c.submission_id AS id, s.achievement_id AS a FROM coord_reconciliation c JOIN coord_submissions s ON s.id = c.submission_id WHERE c.state = 'awaiting-second-reading'",
      )
      .all() as { id: string; a: string }[];
    const readings = readingsOf(db, achievements);
    for (const { id, a } of awaiting) {
      const r = readings.get(id);
      if (!r?.first || !r.second) continue;
      const achievement = achievements.get(a)!;
      const first = r.first.levels;
      const second = new Map(r.second.levels.map((l) => [l.c, l]));
      const reasons: string[] = [];
      if (r.first.decision !== r.second.decision)
        reasons.push(
          `The readers reached different decisions (${r.first.name}: ${words(r.first.decision)}; ${r.second.name}: ${words(r.second.decision)}).`,
        );
      for (const l of first) {
        const o = second.get(l.c)!;
        const gap = Math.abs(o.i - l.i);
        if (gap > 1) reasons.push(`‘${criterionName(achievement, l.c)}’ is ${gap} levels apart.`);
      }
      let final: FinalJson | undefined;
      if (!reasons.length) {
        const results = first.map((l) => {
          const o = second.get(l.c)!;
          const pick = rule === 'first' ? l : rule === 'second' ? o : o.i < l.i ? o : l;
          return { criterionId: l.c, levelId: pick.l };
        });
        const decision =
          rule === 'first'
            ? r.first.decision
            : rule === 'second'
              ? r.second.decision
              : decidedOrThrow(achievement, results);
        if (decision !== r.first.decision)
          reasons.push(
            `Both readers decided ${words(r.first.decision)}, but ${RULE_WORDS[rule]} on each criterion makes ${words(decision)} under the rubric.`,
          );
        else final = { decision, results, by: `agreed: ${RULE_WORDS[rule]} on each criterion`, at };
      }
      const state: ReconciliationState = final ? 'agreed' : 'to-adjudicate';
      update.run(state, final ? rule : null, JSON.stringify(reasons), final ? JSON.stringify(final) : null, id);
      appendAudit(db, 'coordination.reconcile', id, { state, rule, reasons }, at);
    }
  }).immediate();
}

const words = (d: Decision) => (d === 'pass' ? 'pass' : 'not yet');

function criterionName(a: Achievement, id: string): string {
  return a.resultDescription.find((c) => c.id === id)?.name ?? id;
}

function decidedOrThrow(a: Achievement, results: readonly { criterionId: string; levelId: string }[]): Decision {
  const c = computeDecision(a, Object.fromEntries(results.map((r) => [r.criterionId, r.levelId])));
  if (c.kind !== 'decided')
    throw new AssayError('scoring', `The rubric of “${a.name}” gives no decision for these levels.`);
  return c.decision;
}

function toReading(a: Achievement, r: ReadingRow): Reading {
  const levels = r.levels;
  return {
    reader: { id: r.k, name: r.name },
    decision: r.decision,
    results: levels.map((l) => {
      const level = a.resultDescription.find((c) => c.id === l.c)!.rubricCriterionLevel.find((x) => x.id === l.l)!;
      return {
        criterionId: l.c,
        levelId: l.l,
        levelName: level.name,
        index: l.i,
        points: level.points,
        ...(l.comment ? { comment: l.comment } : {}),
      };
    }),
    ...(r.feedback ? { feedback: r.feedback } : {}),
    reviewedAt: r.at,
    resultsPackage: r.resultsId,
  };
}

/** Every sampled decision sent for second reading, with both readings (the second once in) and its state. */
export function reconciliationItems(db: Db, state?: ReconciliationState, submissionId?: string): ReconciliationItem[] {
  const achievements = achievementsOf(db);
  const readings = readingsOf(db, achievements, submissionId, state);
  const where = [state ? 'c.state = ?' : '', submissionId ? 'c.submission_id = ?' : ''].filter(Boolean);
  const rows = db
    .prepare(
      `SELECT c.submission_id AS id, c.state, c.rule, c.reasons_json AS reasons, c.final_json AS final, s.achievement_id AS a, s.earner_name AS earner
        FROM coord_reconciliation c JOIN coord_submissions s ON s.id = c.submission_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.rowid`,
    )
    .all(...[state, submissionId].filter((x) => x !== undefined)) as {
    id: string;
    state: ReconciliationState;
    rule: ReconcileRule | null;
    reasons: string;
    final: string | null;
    a: string;
    earner: string;
  }[];
  return rows.map((row) => {
    const a = achievements.get(row.a)!;
    const r = readings.get(row.id)!;
    const first = toReading(a, r.first!);
    const second = r.second ? toReading(a, r.second) : null;
    return {
      submissionId: row.id,
      achievementId: a.id,
      achievementName: a.name,
      earnerName: row.earner,
      state: row.state,
      first,
      second,
      ...(row.rule ? { rule: row.rule } : {}),
      reasons: JSON.parse(row.reasons) as string[],
      criteria: a.resultDescription.map((c) => {
        const f = first.results.find((x) => x.criterionId === c.id)!;
        const s = second?.results.find((x) => x.criterionId === c.id);
        return {
          criterionId: c.id,
          criterionName: c.name,
          levels: orderedLevels(c).map((l) => ({ id: l.id, name: l.name, points: l.points })),
          first: f.levelId,
          second: s?.levelId ?? '',
          distance: s ? s.index - f.index : 0,
        };
      }),
      ...(row.final ? { final: JSON.parse(row.final) as FinalJson } : {}),
    };
  });
}

/** The decisions waiting for an adjudicator, as the screen lists them: names and reasons, no levels. */
export function adjudicationQueueEntries(db: Db): AdjudicationQueueEntry[] {
  const achievements = achievementsOf(db);
  const rows = db
    .prepare(
      `SELECT c.submission_id AS id, s.achievement_id AS a, s.earner_name AS earner, c.reasons_json AS reasons,
          (SELECT r.assessor_name FROM coord_decisions d JOIN coord_results r ON r.id = d.results_id
            WHERE d.reading = 'first' AND d.submission_id = c.submission_id) AS first,
          (SELECT r.assessor_name FROM coord_decisions d JOIN coord_results r ON r.id = d.results_id
            WHERE d.reading = 'second' AND d.submission_id = c.submission_id) AS second
        FROM coord_reconciliation c JOIN coord_submissions s ON s.id = c.submission_id
        WHERE c.state = 'to-adjudicate' ORDER BY c.rowid`,
    )
    .all() as { id: string; a: string; earner: string; reasons: string; first: string; second: string | null }[];
  return rows.map((r) => ({
    submissionId: r.id,
    achievementId: r.a,
    achievementName: achievements.get(r.a)?.name ?? r.a,
    earnerName: r.earner,
    readers: r.second === null ? [r.first] : [r.first, r.second],
    reasons: JSON.parse(r.reasons) as string[],
  }));
}

/** The adjudicator's decision: final and audited. */
export function adjudicate(db: Db, input: AdjudicateInput, now = new Date()): ReconciliationItem {
  const row = db
    .prepare(
      'SELECT c.state, s.achievement_id AS a FROM coord_reconciliation c JOIN coord_submissions s ON s.id = c.submission_id WHERE c.submission_id = ?',
    )
    .get(input.submissionId) as { state: ReconciliationState; a: string } | undefined;
  if (!row) throw new AssayError('not-found', `Submission "${input.submissionId}" is not in the adjudication queue.`);
  if (row.state === 'adjudicated')
    throw new AssayError(
      'conflict',
      `Submission "${input.submissionId}" was already adjudicated; an adjudicator's decision is final.`,
    );
  if (row.state !== 'to-adjudicate')
    throw new AssayError(
      'conflict',
      `Submission "${input.submissionId}" is not in the adjudication queue (it is ${row.state.replace(/-/g, ' ')}).`,
    );
  const a = achievementsOf(db).get(row.a)!;
  const given = new Map<string, string>();
  for (const r of input.results) {
    const c = a.resultDescription.find((x) => x.id === r.criterionId);
    if (!c) throw new AssayError('invalid-input', `"${r.criterionId}" is not a criterion of “${a.name}”.`);
    if (given.has(c.id)) throw new AssayError('invalid-input', `Criterion ‘${c.name}’ is given twice.`);
    if (!c.rubricCriterionLevel.some((l) => l.id === r.levelId))
      throw new AssayError('invalid-input', `"${r.levelId}" is not a level of criterion ‘${c.name}’.`);
    given.set(c.id, r.levelId);
  }
  const missing = a.resultDescription.find((c) => !given.has(c.id));
  if (missing)
    throw new AssayError(
      'invalid-input',
      `Give a level for criterion ‘${missing.name}’ too: the adjudication scores every criterion.`,
    );
  const results = a.resultDescription.map((c) => ({ criterionId: c.id, levelId: given.get(c.id)! }));
  const computed = decidedOrThrow(a, results);
  const at = now.toISOString();
  const final: FinalJson = { decision: input.decision, results, by: input.adjudicator, reasons: input.reasons, at };
  db.transaction(() => {
    const { changes } = db
      .prepare(
        "UPDATE coord_reconciliation SET state = 'adjudicated', final_json = ? WHERE submission_id = ? AND state = 'to-adjudicate'",
      )
      .run(JSON.stringify(final), input.submissionId);
    // Another adjudicator (the app and the CLI share the store) decided it since it was read above: theirs is
    // final, this one is refused whole (no audit entry).
    if (changes !== 1)
      throw new AssayError(
        'conflict',
        `Submission "${input.submissionId}" was already adjudicated, by another adjudicator a moment ago; an adjudicator's decision is final.`,
      );
    appendAudit(
      db,
      'coordination.adjudicate',
      input.submissionId,
      {
        adjudicator: input.adjudicator,
        decision: input.decision,
        computedDecision: computed,
        results,
        reasons: input.reasons,
      },
      at,
    );
  }).immediate();
  return reconciliationItems(db, undefined, input.submissionId)[0]!;
}
