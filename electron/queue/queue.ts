// The review queue: filtered, sorted, paged listing, per-status counts and full-text search.
import {
  OPEN_STATUSES,
  queueQuerySchema,
  type ParsedQueueQuery,
  type QueueItem,
  type QueueQuery,
  type QueuePage,
  type StatusCounts,
  type SubmissionStatus,
} from '../../shared/domain/queue.js';
import { foldForSearch, splitUnspaced } from '../../shared/domain/text.js';
import type { Db } from '../store/db.js';
import { assertQueueOpen } from '../quality/calibration.js';

interface Row {
  id: string;
  achievementId: string;
  achievementName: string;
  earnerName: string;
  status: SubmissionStatus;
  attempt: number;
  submittedAt: string;
  dueAt: string | null;
}

const SORT_COLUMNS = {
  due: 's.due_sort',
  submitted: 's.submitted_at',
  earner: 's.earner_sort',
} as const;

/**
 * Turns free text into an FTS5 query: every word must match as a prefix. Quotes keep the user's
 * text from being read as FTS syntax (AND, NEAR, column filters). A word in a script written without
 * spaces is indexed one character a token (see `searchText`); inside quotes its characters form a
 * phrase, so "小明" finds "王小明" and "민준" finds "김민준".
 */
export function ftsQuery(text: string, blind: boolean): string | undefined {
  const words = foldForSearch(text)
    .split(/[\s"]+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return undefined;
  const terms = words.map((w) => `"${splitUnspaced(w).trim().replace(/\s+/gu, ' ')}"*`).join(' ');
  // Blind review must not let a search for a name find its submission.
  return blind ? `{responses} : (${terms})` : terms;
}

/** Below this many full-text matches, read them by id and sort; above, walk the sort index. */
const FEW_MATCHES = 2000;

/** Calibration samples are practice: never in the queue, its counts or its search. */
const CALIBRATION = "SELECT submission_seq FROM qa_samples WHERE kind = 'calibration'";

/** Whether the store holds calibration samples: only then does a query need to leave them out (one probe). */
function hasCalibration(db: Db): boolean {
  return db.prepare('SELECT 1 FROM calibration_sets LIMIT 1').get() !== undefined;
}

/** Runs of consecutive seqs, first and last, that hold exactly the calibration samples. */
export type SeqRanges = readonly (readonly [number, number])[];

/**
 * The calibration samples as runs of consecutive seqs (an import stores a package's samples one after the
 * other, so there are about as many runs as packages with calibration); [] without any. A page then leaves
 * them out with a comparison of the row id per row it walks, not a lookup.
 */
function calibrationRanges(db: Db): SeqRanges {
  if (!hasCalibration(db)) return [];
  return (
    db
      .prepare(
        `SELECT min(seq) AS first, max(seq) AS last FROM (
          SELECT submission_seq AS seq, submission_seq - row_number() OVER (ORDER BY submission_seq) AS run
          FROM qa_samples WHERE kind = 'calibration') GROUP BY run ORDER BY first`,
      )
      .all() as { first: number; last: number }[]
  ).map((r) => [r.first, r.last] as const);
}

function outsideRanges(ranges: SeqRanges): { clauses: string[]; params: number[] } {
  return { clauses: ranges.map(() => 's.seq NOT BETWEEN ? AND ?'), params: ranges.flat() };
}

function whereClause(
  q: ParsedQueueQuery,
  manyMatches: boolean,
): { clauses: string[]; params: unknown[]; onlySearch: boolean } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (q.status && q.status.length > 0) {
    clauses.push(`s.status IN (${q.status.map(() => '?').join(', ')})`);
    for (const st of q.status) params.push(st);
  }
  if (q.achievementId !== undefined) {
    clauses.push('s.achievement_id = ?');
    params.push(q.achievementId);
  }
  if (q.attempt !== undefined) {
    clauses.push('s.attempt = ?');
    params.push(q.attempt);
  }
  if (q.overdue) {
    clauses.push(`s.due_sort < ? AND s.status IN (${OPEN_STATUSES.map(() => '?').join(', ')})`);
    params.push(new Date(q.now ?? Date.now()).toISOString(), ...OPEN_STATUSES);
  }
  const fts = q.search ? ftsQuery(q.search, q.blind) : undefined;
  const onlySearch = fts !== undefined && clauses.length === 0;
  if (fts) {
    // "+" keeps SQLite from driving the query by id when the matches are many: walking the index
    // that gives the order (probing a Bloom filter of the matches) then stops after one page.
    clauses.push(
      `${manyMatches ? '+s.seq' : 's.seq'} IN (SELECT rowid FROM submissions_fts WHERE submissions_fts MATCH ?)`,
    );
    params.push(fts);
  }
  return { clauses, params, onlySearch };
}

const whereSql = (clauses: readonly string[]) => (clauses.length ? `WHERE ${clauses.join(' AND ')}` : '');

/**
 * The page query picks row ids only, from the index that orders them, so skipping to a deep offset
 * walks index entries and never rows; the rows of the page are then read by id. Given the calibration
 * samples' seq runs (`calibration`), the page skips them and the count subtracts those that match, which
 * SQLite finds from the few samples instead of probing every row.
 */
export function queueSql(
  q: ParsedQueueQuery,
  manyMatches = true,
  calibration: SeqRanges = [],
): { sql: string; params: unknown[]; countSql: string; countParams: unknown[]; onlySearch: boolean } {
  const where = whereClause(q, manyMatches);
  const withoutCalibration = calibration.length > 0;
  const outside = outsideRanges(calibration);
  // Blind review has no name to sort by; fall back to the due date.
  const sortKey = q.blind && q.sort === 'earner' ? 'due' : q.sort;
  const dir = q.direction === 'desc' ? 'DESC' : 'ASC';
  const pageWhere = whereSql([...outside.clauses, ...where.clauses]);
  const sql = `SELECT s.seq FROM submissions s ${pageWhere}
    ORDER BY ${SORT_COLUMNS[sortKey]} ${dir}, s.seq ${dir}
    LIMIT ? OFFSET ?`;
  const count = `SELECT count(*) FROM submissions s ${whereSql(where.clauses)}`;
  const countSql = withoutCalibration
    ? `SELECT (${count}) - (SELECT count(*) FROM submissions s ${whereSql([...where.clauses, `s.seq IN (${CALIBRATION})`])})`
    : count;
  return {
    sql,
    params: [...outside.params, ...where.params, q.limit, q.offset],
    countSql,
    countParams: withoutCalibration ? [...where.params, ...where.params] : where.params,
    onlySearch: where.onlySearch,
  };
}

export const ROWS_SQL = `SELECT s.seq, s.id, s.achievement_id AS achievementId, a.name AS achievementName, s.earner_name AS earnerName,
    s.status, s.attempt, s.submitted_at AS submittedAt, s.due_at AS dueAt
  FROM submissions s JOIN achievement_versions a ON a.version_id = s.achievement_version_id
  WHERE s.seq IN (SELECT value FROM json_each(?))`;

export class Queue {
  constructor(private readonly db: Db) {}

  /** AssayError 'calibration-required' while a required calibration is unmet. */
  list(query: QueueQuery = {}): QueuePage {
    const q = queueQuerySchema.parse(query);
    assertQueueOpen(this.db);
    const fts = q.search ? ftsQuery(q.search, q.blind) : undefined;
    const matches =
      fts === undefined
        ? undefined
        : (this.db
            .prepare('SELECT count(*) FROM submissions_fts WHERE submissions_fts MATCH ?')
            .pluck()
            .get(fts) as number);
    const ranges = calibrationRanges(this.db);
    const practice = ranges.length > 0;
    const { sql, params, countSql, countParams, onlySearch } = queueSql(
      q,
      matches === undefined || matches >= FEW_MATCHES,
      ranges,
    );
    const seqs = this.db
      .prepare(sql)
      .pluck()
      .all(...params) as number[];
    const bySeq = new Map(
      (this.db.prepare(ROWS_SQL).all(JSON.stringify(seqs)) as (Row & { seq: number })[]).map((r) => [r.seq, r]),
    );
    const rows = seqs.map((seq) => bySeq.get(seq)!);
    const total =
      onlySearch && matches !== undefined
        ? matches -
          (practice
            ? (this.db
                .prepare(
                  `SELECT count(*) FROM submissions_fts WHERE submissions_fts MATCH ? AND rowid IN (${CALIBRATION})`,
                )
                .pluck()
                .get(fts) as number)
            : 0)
        : (this.db
            .prepare(countSql)
            .pluck()
            .get(...countParams) as number);
    const now = new Date(q.now ?? Date.now()).toISOString();
    return { items: rows.map((r) => toItem(r, q.blind, now)), total, offset: q.offset };
  }

  /**
   * Every matching row, in the query's order, a page at a time (the query's limit and offset are
   * ignored). Keyset paging on (sort key, seq): each page is one index seek, so a caller can write
   * 100,000 rows as it goes without holding them, and nothing is skipped or repeated between pages.
   */
  *pages(query: QueueQuery = {}, pageSize = 500): Generator<QueueItem[]> {
    const q = queueQuerySchema.parse({ ...query, offset: 0, limit: 1 });
    assertQueueOpen(this.db);
    const where = whereClause(q, true);
    const column = SORT_COLUMNS[q.blind && q.sort === 'earner' ? 'due' : q.sort];
    const dir = q.direction === 'desc' ? 'DESC' : 'ASC';
    const past = dir === 'DESC' ? '<' : '>';
    const outside = outsideRanges(calibrationRanges(this.db));
    const clauses = [...outside.clauses, ...where.clauses];
    const page = (keyed: boolean) =>
      this.db.prepare(`SELECT s.seq, ${column} AS k FROM submissions s
        WHERE ${[...clauses, keyed ? `(${column}, s.seq) ${past} (?, ?)` : '1'].join(' AND ')}
        ORDER BY ${column} ${dir}, s.seq ${dir} LIMIT ?`);
    const first = page(false);
    const next = page(true);
    const rowsBySeq = this.db.prepare(ROWS_SQL);
    const now = new Date(q.now ?? Date.now()).toISOString();
    let after: { k: string; seq: number } | undefined;
    for (;;) {
      const keys = (
        after
          ? next.all(...outside.params, ...where.params, after.k, after.seq, pageSize)
          : first.all(...outside.params, ...where.params, pageSize)
      ) as { seq: number; k: string }[];
      if (keys.length === 0) return;
      after = keys[keys.length - 1]!;
      const bySeq = new Map(
        (rowsBySeq.all(JSON.stringify(keys.map((r) => r.seq))) as (Row & { seq: number })[]).map((r) => [r.seq, r]),
      );
      yield keys.map((r) => toItem(bySeq.get(r.seq)!, q.blind, now));
      if (keys.length < pageSize) return;
    }
  }

  counts(at: string | Date = new Date()): StatusCounts {
    const now = new Date(at).toISOString();
    const counts: StatusCounts = {
      pending: 0,
      'in-progress': 0,
      passed: 0,
      'not-yet': 0,
      recused: 0,
      overdue: 0,
      total: 0,
    };
    const statusCounts = (where: string) =>
      this.db.prepare(`SELECT status, count(*) AS n FROM submissions s ${where} GROUP BY status`).all() as {
        status: SubmissionStatus;
        n: number;
      }[];
    const overdueSql = (more: string) =>
      `SELECT count(*) FROM submissions s WHERE status IN (${OPEN_STATUSES.map(() => '?').join(', ')}) AND due_sort < ?${more}`;
    for (const r of statusCounts('')) {
      counts[r.status] = r.n;
      counts.total += r.n;
    }
    counts.overdue = this.db
      .prepare(overdueSql(''))
      .pluck()
      .get(...OPEN_STATUSES, now) as number;
    if (hasCalibration(this.db)) {
      // Counted over all, less the samples: SQLite finds the few samples by id instead of probing every row.
      const samples = `s.seq IN (${CALIBRATION})`;
      for (const r of statusCounts(`WHERE ${samples}`)) {
        counts[r.status] -= r.n;
        counts.total -= r.n;
      }
      counts.overdue -= this.db
        .prepare(overdueSql(` AND ${samples}`))
        .pluck()
        .get(...OPEN_STATUSES, now) as number;
    }
    return counts;
  }
}

function toItem(r: Row, blind: boolean, now: string): QueueItem {
  const item: QueueItem = {
    id: r.id,
    achievementId: r.achievementId,
    achievementName: r.achievementName,
    status: r.status,
    attempt: r.attempt,
    submittedAt: r.submittedAt,
    dueAt: r.dueAt,
    overdue: r.dueAt !== null && r.dueAt < now && OPEN_STATUSES.includes(r.status),
  };
  if (!blind) item.earnerName = r.earnerName;
  return item;
}
