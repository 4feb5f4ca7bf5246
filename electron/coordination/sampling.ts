// Sampling for second reading by the coordinator's rules: every not-yet on a last attempt, every decision
// within one level of the cut on any criterion, and a random share of the passes drawn with a seed that is
// recorded, so the same rules and seed on the same decisions draw the same sample.
import { randomUUID } from 'node:crypto';
import { computeDecision } from '../../shared/domain/decision.js';
import { orderedLevels } from '../../shared/domain/qa-measures.js';
import { seededRandom } from '../../shared/domain/random.js';
import type { Sample, SampleItem, SampleReason, SampleView, SamplingRules } from '../../shared/coordination/types.js';
import type { Achievement, Decision } from '../../shared/schemas/review-package.js';
import { AssayError } from '../../shared/errors.js';
import { appendAudit } from '../store/audit.js';
import type { Db } from '../store/db.js';
import { LevelCodec, type StoredLevel } from './levels.js';

interface Row {
  submissionId: string;
  achievementId: string;
  attempt: number;
  decision: Decision;
  levels: string;
  comments: string | null;
  k: string;
  name: string;
  resultsId: string;
}

/**
 * The criteria on which one level up or down would change the decision the rubric computes: the
 * decision is "within one level of the cut" on each of them.
 */
export function nearCutCriteria(a: Achievement, levels: readonly StoredLevel[]): string[] {
  const scores: Record<string, string> = Object.fromEntries(levels.map((l) => [l.c, l.l]));
  const base = computeDecision(a, scores);
  if (base.kind !== 'decided') return [];
  const out: string[] = [];
  for (const c of a.resultDescription) {
    const ordered = orderedLevels(c);
    const i = ordered.findIndex((l) => l.id === scores[c.id]);
    for (const j of [i - 1, i + 1]) {
      if (j < 0 || j >= ordered.length) continue;
      const moved = computeDecision(a, { ...scores, [c.id]: ordered[j]!.id });
      if (moved.kind === 'decided' && moved.decision !== base.decision) {
        out.push(c.name);
        break;
      }
    }
  }
  return out;
}

/** Draws `count` of `items` with the seeded generator (a partial Fisher–Yates shuffle), in their original order. */
function draw<T>(items: readonly T[], count: number, seed: string): Set<T> {
  const rnd = seededRandom(seed);
  const a = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rnd() * (a.length - i));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return new Set(a.slice(0, count));
}

/** Draws a sample and records it (audited). Decisions already sent for second reading are not drawn again. */
export function drawSample(db: Db, rules: SamplingRules, now = new Date()): Sample {
  const seed = rules.seed ?? randomUUID();
  const rows = db
    .prepare(
      `SELECT d.submission_id AS submissionId, d.achievement_id AS achievementId, d.attempt, d.decision, d.levels, d.comments_json AS comments,
          d.assessor_key AS k, r.assessor_name AS name, d.results_id AS resultsId
        FROM coord_decisions d JOIN coord_results r ON r.id = d.results_id
        WHERE d.reading = 'first' AND d.submission_id NOT IN (SELECT submission_id FROM coord_reconciliation)
        ORDER BY d.submission_id`,
    )
    .all() as Row[];
  if (!rows.length)
    throw new AssayError('not-found', 'There are no decisions to sample: open the panel’s results packages first.');
  const rubrics = new Map(
    (db.prepare('SELECT id, json FROM coord_achievements').all() as { id: string; json: string }[]).map((a) => [
      a.id,
      JSON.parse(a.json) as Achievement,
    ]),
  );
  const codec = new LevelCodec(rubrics.values());
  const chosen = new Map<string, { row: Row; reasons: SampleReason[]; why: string[] }>();
  const choose = (row: Row, reason: SampleReason, why: string) => {
    let c = chosen.get(row.submissionId);
    if (!c) chosen.set(row.submissionId, (c = { row, reasons: [], why: [] }));
    c.reasons.push(reason);
    c.why.push(why);
  };
  let notYetLast = 0;
  let nearCut = 0;
  for (const row of rows) {
    if (rules.notYetOnLastAttempt && row.decision === 'not-yet' && row.attempt >= rules.lastAttempt) {
      notYetLast++;
      choose(row, 'not-yet-last-attempt', `not yet on attempt ${row.attempt} (the last is ${rules.lastAttempt})`);
    }
    if (rules.nearCut) {
      const near = nearCutCriteria(
        rubrics.get(row.achievementId)!,
        codec.decode(row.achievementId, row.levels, row.comments),
      );
      if (near.length) {
        nearCut++;
        choose(row, 'near-cut', `one level from the cut on ${near.map((n) => `‘${n}’`).join(', ')}`);
      }
    }
  }
  const passes = rows.filter((r) => r.decision === 'pass' && !chosen.has(r.submissionId));
  const count = Math.round(rules.passShare * passes.length);
  for (const row of draw(passes, count, seed))
    choose(row, 'random-pass', `a pass drawn at random (${Math.round(rules.passShare * 100)} % of ${passes.length})`);

  const items: SampleItem[] = rows
    .filter((r) => chosen.has(r.submissionId))
    .map((r) => {
      const c = chosen.get(r.submissionId)!;
      return itemOf(r, c.reasons, c.why.join('; '));
    });
  const sample: Sample = {
    id: `urn:uuid:${randomUUID()}`,
    drawnAt: now.toISOString(),
    rules: { ...rules, seed },
    items,
    counts: {
      decisions: rows.length,
      notYetLastAttempt: notYetLast,
      nearCut,
      passesEligible: passes.length,
      randomPasses: count,
    },
  };
  db.transaction(() => {
    db.prepare('INSERT INTO coord_samples (id, drawn_at, rules_json, counts_json) VALUES (?, ?, ?, ?)').run(
      sample.id,
      sample.drawnAt,
      JSON.stringify(sample.rules),
      JSON.stringify(sample.counts),
    );
    const ins = db.prepare(
      'INSERT INTO coord_sample_items (sample_id, position, submission_id, reasons_json, why) VALUES (?, ?, ?, ?, ?)',
    );
    items.forEach((it, i) => ins.run(sample.id, i, it.submissionId, JSON.stringify(it.reasons), it.why));
    appendAudit(
      db,
      'coordination.sample',
      sample.id,
      { rules: sample.rules, counts: sample.counts, items: items.length },
      sample.drawnAt,
    );
  }).immediate();
  return sample;
}

const ITEMS_SQL = `SELECT i.submission_id AS submissionId, d.achievement_id AS achievementId, d.attempt, d.decision,
    d.assessor_key AS k, r.assessor_name AS name, d.results_id AS resultsId, i.reasons_json AS reasons, i.why
  FROM coord_sample_items i
  JOIN coord_decisions d ON d.submission_id = i.submission_id AND d.reading = 'first'
  JOIN coord_results r ON r.id = d.results_id
  WHERE i.sample_id = ?`;

type ItemRow = Omit<Row, 'levels' | 'comments'> & { reasons: string; why: string };

/** A sampled decision as listed: the first reading's row, and why it was chosen. */
function itemOf(r: Omit<Row, 'levels' | 'comments'>, reasons: SampleReason[], why: string): SampleItem {
  return {
    submissionId: r.submissionId,
    achievementId: r.achievementId,
    attempt: r.attempt,
    decision: r.decision,
    firstReader: { id: r.k, name: r.name },
    resultsPackage: r.resultsId,
    reasons,
    why,
  };
}

const toItem = (r: ItemRow): SampleItem => itemOf(r, JSON.parse(r.reasons) as SampleReason[], r.why);

/** The samples drawn, newest first, without their items. */
function sampleHeads(db: Db, latestOnly = false): Omit<Sample, 'items'>[] {
  const rows = db
    .prepare(
      `SELECT id, drawn_at AS drawnAt, rules_json AS rules, counts_json AS counts FROM coord_samples
        ORDER BY drawn_at DESC, rowid DESC${latestOnly ? ' LIMIT 1' : ''}`,
    )
    .all() as { id: string; drawnAt: string; rules: string; counts: string }[];
  return rows.map((s) => ({
    id: s.id,
    drawnAt: s.drawnAt,
    rules: JSON.parse(s.rules) as Sample['rules'],
    counts: JSON.parse(s.counts) as Sample['counts'],
  }));
}

/** The samples drawn, newest first, each with all its items. */
export function listSamples(db: Db): Sample[] {
  const items = db.prepare(`${ITEMS_SQL} ORDER BY i.position`);
  return sampleHeads(db).map((s) => ({ ...s, items: (items.all(s.id) as ItemRow[]).map(toItem) }));
}

/** Items `offset`.. of a sample, in the order drawn (at most `limit`); refused by id when there is no such sample. */
export function sampleItems(db: Db, sampleId: string, offset: number, limit: number): SampleItem[] {
  if (!db.prepare('SELECT 1 FROM coord_samples WHERE id = ?').get(sampleId))
    throw new AssayError('not-found', `Sample "${sampleId}" was never drawn in this coordination.`);
  const rows = db.prepare(`${ITEMS_SQL} ORDER BY i.position LIMIT ? OFFSET ?`).all(sampleId, limit, offset);
  return (rows as ItemRow[]).map(toItem);
}

/** The newest sample as the screen shows it: its first `first` items and how many it holds; null before any. */
export function latestSampleView(db: Db, first: number): SampleView | null {
  const head = sampleHeads(db, true)[0];
  if (!head) return null;
  const itemCount = db
    .prepare('SELECT COUNT(*) FROM coord_sample_items WHERE sample_id = ?')
    .pluck()
    .get(head.id) as number;
  return { ...head, itemCount, items: sampleItems(db, head.id, 0, first) };
}
