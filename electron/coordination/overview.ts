// The coordinator's overview: per assessor × criterion agreement from seeds and second readings (the
// shared measures of shared/domain/agreement.ts and qa-measures.ts), drift over a rolling window, flags
// with a sentence each, and throughput from the decisions' time on task and due dates.
import {
  criterionAgreement,
  decisionAgreement,
  levelAgreement,
  type LevelPair,
} from '../../shared/domain/agreement.js';
import type {
  AssessorCriterionMeasure,
  AssessorSummary,
  CoordinationCriterion,
  CriterionAgreementRow,
  DriftSeries,
  Flag,
  OpenedPackage,
  Overview,
  ReconciliationSummary,
  Thresholds,
  Throughput,
} from '../../shared/coordination/types.js';
import type { Achievement, Decision, Manifest } from '../../shared/schemas/review-package.js';
import type { Db } from '../store/db.js';
import { levelFlags, notYetFlags, type MeasuredCriterion } from './flags.js';
import { LevelCodec } from './levels.js';

export const MIN_QWK = 0.6;
export const NOT_YET_SD = 2;
export const MAX_DEVIATION = 0.5;
export const DRIFT_WINDOW = 20;
/** When the round's review packages carry no calibration: the threshold the sample package uses. */
export const DEFAULT_MIN_EXACT = 0.8;

/** One criterion of a measured item: rater's and reference's level indexes over n levels. */
interface Pair {
  c: string;
  n: number;
  a: number;
  r: number;
}

/** An item measured for one assessor: a seed (reference: the definitive score) or a second reading (the other reader). */
interface MeasuredItem {
  at: string;
  /** A seed: the reference is the definitive score. */
  seed: boolean;
  achievementId: string;
  pairs: Pair[];
  decision: Decision | null;
  referenceDecision: Decision;
}

/** A seed as stored: the assessor's levels against the definitive score. */
interface SeedRow {
  k: string;
  achievementId: string;
  at: string;
  decision: Decision | null;
  ref: Decision;
  pairs: Pair[];
}

/** A second reading with the first reading of the same submission; pairs with the first reader as the rater. */
interface SecondReading {
  firstKey: string;
  secondKey: string;
  achievementId: string;
  firstAt: string;
  secondAt: string;
  firstDecision: Decision;
  secondDecision: Decision;
  pairs: Pair[];
}

/** What the agreement measures are made of, each read and parsed once: the seeds and the second readings. */
interface Measured {
  seeds: SeedRow[];
  secondReadings: SecondReading[];
}

export function openedPackages(db: Db): OpenedPackage[] {
  const rows = db
    .prepare(
      `SELECT id, kind, label, assessor_key AS k, assessor_name AS name, signer_subject AS subject, signer_fingerprint AS fp,
        trusted_as AS trustedAs, review_packages_json AS rp, decisions, seeds, created_at AS createdAt, opened_at AS openedAt
        FROM coord_results ORDER BY opened_at, label`,
    )
    .all() as {
    id: string;
    kind: 'first' | 'second-reading';
    label: string;
    k: string;
    name: string;
    subject: string;
    fp: string;
    trustedAs: string | null;
    rp: string;
    decisions: number;
    seeds: number;
    createdAt: string;
    openedAt: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    kind: r.kind,
    assessor: { id: r.k, name: r.name },
    signer: { subject: r.subject, fingerprint256: r.fp },
    trustedAs: r.trustedAs,
    reviewPackages: JSON.parse(r.rp) as string[],
    decisions: r.decisions,
    seeds: r.seeds,
    createdAt: r.createdAt,
    openedAt: r.openedAt,
  }));
}

function thresholdsOf(db: Db): Thresholds {
  const heads = db
    .prepare("SELECT id, head_json AS head FROM coord_review_packages WHERE kind = 'round' ORDER BY opened_at, id")
    .all() as { id: string; head: string }[];
  let min: { value: number; from: string } | undefined;
  for (const h of heads) {
    const c = (JSON.parse(h.head) as Partial<Manifest>).calibration;
    if (c && (!min || c.minExactAgreement > min.value))
      min = { value: c.minExactAgreement, from: `the calibration of review package ${h.id}` };
  }
  return {
    minQwk: MIN_QWK,
    minExactAgreement: min?.value ?? DEFAULT_MIN_EXACT,
    minExactFrom: min?.from ?? `the default (${DEFAULT_MIN_EXACT}): no review package of the round has a calibration`,
    notYetSd: NOT_YET_SD,
    maxDeviation: MAX_DEVIATION,
    window: DRIFT_WINDOW,
  };
}

export function roundCriteria(db: Db): CoordinationCriterion[] {
  const out: CoordinationCriterion[] = [];
  for (const { json } of db.prepare('SELECT json FROM coord_achievements ORDER BY id').all() as { json: string }[]) {
    const a = JSON.parse(json) as Achievement;
    for (const c of a.resultDescription)
      out.push({
        achievementId: a.id,
        achievementName: a.name,
        criterionId: c.id,
        criterionName: c.name,
        levels: c.rubricCriterionLevel.length,
      });
  }
  return out;
}

const median = (xs: number[]): number | null => {
  if (!xs.length) return null;
  // A typed array sorts numerically without a comparator call per step (the panel's 100,000 minutes).
  const s = Float64Array.from(xs).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const DAY = 86_400_000;

export function throughputOf(rows: readonly { at: string; tot: number | null; due: string | null }[]): Throughput {
  const t = new Tally();
  for (const r of rows) t.add(r.at.slice(0, 10), r.tot, byDueOf(r.at, r.due), false);
  return t.throughput();
}

/** Whether a decision came by its due date; null when it has none. */
export function byDueOf(at: string, due: string | null): boolean | null {
  if (due === null) return null;
  // Two UTC times written alike ("…T09:00:00.000Z") compare as text in time order; anything else is parsed.
  if (at.length === due.length && at.endsWith('Z') && due.endsWith('Z') && at[10] === 'T' && due[10] === 'T')
    return at <= due;
  return Date.parse(at) <= Date.parse(due);
}

/** Level pairs grouped by micro-credential, criterion and level count, the groups in first-seen order. */
class PairGroups {
  readonly groups: { achievementId: string; c: string; n: number; pairs: LevelPair[] }[] = [];
  private readonly index = new Map<string, Map<string, Map<number, LevelPair[]>>>();

  add(achievementId: string, c: string, n: number, pair: LevelPair) {
    let byC = this.index.get(achievementId);
    if (!byC) this.index.set(achievementId, (byC = new Map<string, Map<number, LevelPair[]>>()));
    let byN = byC.get(c);
    if (!byN) byC.set(c, (byN = new Map<number, LevelPair[]>()));
    let pairs = byN.get(n);
    if (!pairs) {
      byN.set(n, (pairs = []));
      this.groups.push({ achievementId, c, n, pairs });
    }
    pairs.push(pair);
  }
}

/** Decisions counted as they are read (one pass over the first readings, for each assessor and the panel). */
class Tally {
  reviews = 0;
  notYet = 0;
  private withDue = 0;
  private byDue = 0;
  private readonly perDay = new Map<string, number>();
  private readonly minutes: number[] = [];

  add(day: string, tot: number | null, byDue: boolean | null, notYet: boolean) {
    this.reviews++;
    if (notYet) this.notYet++;
    this.perDay.set(day, (this.perDay.get(day) ?? 0) + 1);
    if (tot !== null) this.minutes.push(tot / 60);
    if (byDue !== null) {
      this.withDue++;
      if (byDue) this.byDue++;
    }
  }

  throughput(): Throughput {
    const days = [...this.perDay.keys()].sort();
    const span = days.length ? Math.round((Date.parse(days.at(-1)!) - Date.parse(days[0]!)) / DAY) + 1 : 0;
    return {
      reviews: this.reviews,
      days: span,
      reviewsPerDay: span ? this.reviews / span : null,
      medianActiveMinutes: median(this.minutes),
      withDueDate: this.withDue,
      byDueDate: this.byDue,
      shareByDueDate: this.withDue ? this.byDue / this.withDue : null,
      perDay: days.map((date) => ({ date, reviews: this.perDay.get(date)! })),
    };
  }
}

/**
 * The seeds, and every second reading paired with the first reading of its submission (in the order the
 * second readings were stored). Only these decisions' levels are read: the rest are not measured.
 */
function loadMeasured(db: Db): Measured {
  const seeds = (
    db
      .prepare(
        `SELECT assessor_key AS k, achievement_id AS achievementId, submitted_at AS at, decision, reference_decision AS ref,
        pairs_json AS pairs FROM coord_seeds`,
      )
      .all() as (Omit<SeedRow, 'pairs'> & { pairs: string })[]
  ).map((row) => ({ ...row, pairs: JSON.parse(row.pairs) as Pair[] }));
  const rows = db
    .prepare(
      `SELECT f.assessor_key AS fk, s.assessor_key AS sk, f.achievement_id AS achievementId, f.submitted_at AS fat,
        s.submitted_at AS sat, f.decision AS fd, s.decision AS sd, f.levels AS fl, f.comments_json AS fc,
        s.achievement_id AS sa, s.levels AS sl, s.comments_json AS sc
        FROM coord_decisions s JOIN coord_decisions f ON f.reading = 'first' AND f.submission_id = s.submission_id
        WHERE s.reading = 'second' ORDER BY s.seq`,
    )
    .all() as {
    fk: string;
    sk: string;
    achievementId: string;
    fat: string;
    sat: string;
    fd: Decision;
    sd: Decision;
    fl: string;
    fc: string | null;
    sa: string;
    sl: string;
    sc: string | null;
  }[];
  const codec = LevelCodec.of(db);
  const secondReadings = rows.map((r): SecondReading => {
    const sl = new Map(codec.decode(r.sa, r.sl, r.sc).map((l) => [l.c, l]));
    const pairs = codec.decode(r.achievementId, r.fl, r.fc).flatMap((l) => {
      const o = sl.get(l.c);
      return o ? [{ c: l.c, n: l.n, a: l.i, r: o.i }] : [];
    });
    return {
      firstKey: r.fk,
      secondKey: r.sk,
      achievementId: r.achievementId,
      firstAt: r.fat,
      secondAt: r.sat,
      firstDecision: r.fd,
      secondDecision: r.sd,
      pairs,
    };
  });
  return { seeds, secondReadings };
}

/** Each assessor's measured items, oldest first: their seeds, and the second readings they were either reader of. */
function measuredItems(measured: Measured): Map<string, MeasuredItem[]> {
  const byAssessor = new Map<string, MeasuredItem[]>();
  const add = (k: string, item: MeasuredItem) => {
    let list = byAssessor.get(k);
    if (!list) byAssessor.set(k, (list = []));
    list.push(item);
  };
  for (const s of measured.seeds)
    add(s.k, {
      at: s.at,
      seed: true,
      achievementId: s.achievementId,
      pairs: s.pairs,
      decision: s.decision,
      referenceDecision: s.ref,
    });
  for (const g of measured.secondReadings) {
    add(g.firstKey, {
      at: g.firstAt,
      seed: false,
      achievementId: g.achievementId,
      pairs: g.pairs,
      decision: g.firstDecision,
      referenceDecision: g.secondDecision,
    });
    add(g.secondKey, {
      at: g.secondAt,
      seed: false,
      achievementId: g.achievementId,
      pairs: g.pairs.map((p) => ({ c: p.c, n: p.n, a: p.r, r: p.a })),
      decision: g.secondDecision,
      referenceDecision: g.firstDecision,
    });
  }
  for (const list of byAssessor.values()) list.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  return byAssessor;
}

/** The rolling-window drift line over `items` (oldest first), all criteria or one. */
export function driftLine(items: readonly MeasuredItem[], window: number, only?: { achievementId: string; c: string }) {
  const seq = items
    .map((it) => ({
      at: it.at,
      pairs: only ? it.pairs.filter((p) => it.achievementId === only.achievementId && p.c === only.c) : it.pairs,
    }))
    .filter((it) => it.pairs.length > 0);
  const points: DriftSeries['points'] = [];
  let n = 0;
  let exact = 0;
  let dev = 0;
  for (let i = 0; i < seq.length; i++) {
    for (const p of seq[i]!.pairs) {
      n++;
      if (p.a === p.r) exact++;
      dev += p.a - p.r;
    }
    if (i >= window)
      for (const p of seq[i - window]!.pairs) {
        n--;
        if (p.a === p.r) exact--;
        dev -= p.a - p.r;
      }
    points.push({
      item: i + 1,
      at: seq[i]!.at,
      items: Math.min(i + 1, window),
      n,
      exact: exact / n,
      signedDeviation: dev / n,
    });
  }
  return points;
}

/** Every first reading counted, per assessor and for the panel (its levels are not read: loadMeasured reads those measured). */
function tallyFirstReadings(db: Db): { byAssessor: Map<string, Tally>; panel: Tally } {
  const byAssessor = new Map<string, Tally>();
  const panel = new Tally();
  const rows = db
    .prepare(
      `SELECT assessor_key, decision, submitted_at, time_on_task_s, due_at FROM coord_decisions WHERE reading = 'first'`,
    )
    .raw()
    .iterate() as IterableIterator<[string, Decision, string, number | null, string | null]>;
  for (const [k, decision, at, tot, due] of rows) {
    const day = at.slice(0, 10);
    const byDue = byDueOf(at, due);
    const notYet = decision === 'not-yet';
    let t = byAssessor.get(k);
    if (!t) byAssessor.set(k, (t = new Tally()));
    t.add(day, tot, byDue, notYet);
    panel.add(day, tot, byDue, notYet);
  }
  return { byAssessor, panel };
}

export function reconciliationSummary(db: Db): ReconciliationSummary {
  const counts = new Map(
    (
      db.prepare('SELECT state, count(*) AS n FROM coord_reconciliation GROUP BY state').all() as {
        state: string;
        n: number;
      }[]
    ).map((r) => [r.state, r.n]),
  );
  return {
    awaitingSecondReading: counts.get('awaiting-second-reading') ?? 0,
    agreed: counts.get('agreed') ?? 0,
    toAdjudicate: counts.get('to-adjudicate') ?? 0,
    adjudicated: counts.get('adjudicated') ?? 0,
  };
}

/** The whole overview; null before any package is opened. */
export function computeOverview(db: Db): Overview | null {
  const roundPackages = db
    .prepare(
      "SELECT id, label, issuer, submissions, opened_at AS openedAt, head_json AS head FROM coord_review_packages WHERE kind = 'round' ORDER BY opened_at, id",
    )
    .all() as { id: string; label: string; issuer: string; submissions: number; openedAt: string; head: string }[];
  if (!roundPackages.length) return null;
  const thresholds = thresholdsOf(db);
  const packages = openedPackages(db);
  const criteria = roundCriteria(db);
  const criterionName = new Map(criteria.map((c) => [`${c.achievementId}\u0000${c.criterionId}`, c.criterionName]));
  const firsts = tallyFirstReadings(db);
  const measured = loadMeasured(db);
  const items = measuredItems(measured);

  const names = new Map<string, string>();
  const packagesOf = new Map<string, string[]>();
  for (const p of packages) {
    names.set(p.assessor.id, p.assessor.name);
    packagesOf.set(p.assessor.id, [...(packagesOf.get(p.assessor.id) ?? []), p.id]);
  }
  const measures: AssessorCriterionMeasure[] = [];
  const assessors: AssessorSummary[] = [];
  const drift: DriftSeries[] = [];
  const flags: Flag[] = [];
  const seedCount = new Map(
    (
      db.prepare('SELECT assessor_key AS k, count(*) AS n FROM coord_seeds GROUP BY assessor_key').all() as {
        k: string;
        n: number;
      }[]
    ).map((r) => [r.k, r.n]),
  );

  for (const [k, name] of [...names].sort((a, b) => a[1].localeCompare(b[1]))) {
    const own = items.get(k) ?? [];
    // Over every criterion of every item (as measureItems gives it), and per criterion of each micro-credential.
    const all: LevelPair[] = [];
    const groups = new PairGroups();
    for (const it of own)
      for (const p of it.pairs) {
        const pair = { rater: p.a, reference: p.r };
        all.push(pair);
        groups.add(it.achievementId, p.c, p.n, pair);
      }
    const decided = own.flatMap((it) =>
      it.decision === null ? [] : [{ rater: it.decision, reference: it.referenceDecision }],
    );
    const criteriaMeasured: MeasuredCriterion[] = [];
    for (const g of groups.groups) {
      const ca = criterionAgreement(g.pairs, Math.max(2, g.n));
      measures.push({ assessorId: k, achievementId: g.achievementId, criterionId: g.c, levels: g.n, ...ca });
      criteriaMeasured.push({
        achievementId: g.achievementId,
        criterionId: g.c,
        name: criterionName.get(`${g.achievementId}\u0000${g.c}`) ?? g.c,
        levels: Math.max(2, g.n),
        pairs: g.pairs,
        qwk: ca.qwk,
      });
    }
    const o = levelAgreement(all);
    flags.push(...levelFlags({ id: k, name }, own, criteriaMeasured, o, thresholds));
    const mine = firsts.byAssessor.get(k) ?? new Tally();
    const notYet = mine.notYet;
    assessors.push({
      assessor: { id: k, name },
      packages: packagesOf.get(k) ?? [],
      decisions: mine.reviews,
      passed: mine.reviews - notYet,
      notYet,
      notYetRate: mine.reviews ? notYet / mine.reviews : null,
      seeds: seedCount.get(k) ?? 0,
      secondReadings: own.length - (seedCount.get(k) ?? 0),
      overall: {
        n: o.n,
        exact: o.exact,
        adjacent: o.adjacent,
        nonAdjacent: o.nonAdjacent,
        signedDeviation: o.signedDeviation,
      },
      decisionAgreement: decisionAgreement(decided),
      throughput: mine.throughput(),
    });
    drift.push({ assessorId: k, points: driftLine(own, DRIFT_WINDOW) });
  }

  // The panel's not-yet rates (mean and population standard deviation, for the record), and each assessor
  // against the rest of the panel (flags.ts).
  const rates = assessors.filter((a) => a.notYetRate !== null).map((a) => a.notYetRate!);
  const mean = rates.length ? rates.reduce((x, y) => x + y, 0) / rates.length : 0;
  const sd = rates.length ? Math.sqrt(rates.reduce((x, y) => x + (y - mean) ** 2, 0) / rates.length) : 0;
  flags.push(
    ...notYetFlags(
      assessors.map((a) => ({ id: a.assessor.id, name: a.assessor.name, decisions: a.decisions, notYet: a.notYet })),
      thresholds,
    ),
  );

  // The panel per criterion: seeds and second readings counted once each (the first reader as the rater).
  const panel = new PairGroups();
  const addPanel = (achievementId: string, p: Pair) =>
    panel.add(achievementId, p.c, p.n, { rater: p.a, reference: p.r });
  for (const s of measured.seeds) for (const p of s.pairs) addPanel(s.achievementId, p);
  for (const g of measured.secondReadings) for (const p of g.pairs) addPanel(g.achievementId, p);
  const criterionAgreementRows: CriterionAgreementRow[] = panel.groups.map((g) => {
    const la = levelAgreement(g.pairs);
    const ca = criterionAgreement(g.pairs, Math.max(2, g.n));
    return { achievementId: g.achievementId, criterionId: g.c, ...la, qwk: ca.qwk };
  });

  return {
    round: {
      reviewPackages: roundPackages.map((p) => ({
        id: p.id,
        label: p.label,
        issuer: p.issuer,
        submissions: p.submissions,
        achievements: ((JSON.parse(p.head) as Partial<Manifest>).achievements ?? []).length,
        openedAt: p.openedAt,
      })),
      secondReadingPackages: db
        .prepare("SELECT id FROM coord_review_packages WHERE kind = 'second-reading' ORDER BY opened_at, id")
        .pluck()
        .all() as string[],
    },
    packages,
    thresholds,
    criteria,
    assessors,
    measures,
    criterionAgreement: criterionAgreementRows,
    drift,
    flags,
    throughput: firsts.panel.throughput(),
    notYetRate: { mean, sd, assessors: rates.length },
    reconciliation: reconciliationSummary(db),
  };
}

/** One assessor's drift per criterion. */
export function criterionDrift(db: Db, assessorId: string): DriftSeries[] {
  const own = measuredItems(loadMeasured(db)).get(assessorId) ?? [];
  const keys = new Map<string, { achievementId: string; c: string }>();
  for (const it of own)
    for (const p of it.pairs) keys.set(`${it.achievementId}\u0000${p.c}`, { achievementId: it.achievementId, c: p.c });
  return [...keys.values()].map((k) => ({
    assessorId,
    achievementId: k.achievementId,
    criterionId: k.c,
    points: driftLine(own, DRIFT_WINDOW, k),
  }));
}
