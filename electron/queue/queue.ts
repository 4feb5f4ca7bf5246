// The review queue: filtered, sorted, paged listing, per-status counts and full-text search.
import {
  OPEN_STATUSES,
  SUBMISSION_STATUSES,
  parseQueueQuery,
  type ParsedQueueQuery,
  type QueueItem,
  type QueueQuery,
  type QueuePage,
  type StatusCounts,
  type SubmissionStatus,
} from '../../shared/domain/queue.js';
import { searchTerm } from '../../shared/domain/text.js';
import type { Db } from '../store/db.js';
import type { Statement } from 'better-sqlite3';

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
 * Per order, the index of one status's rows in that order that also holds the achievement, attempt and
 * due date (migration 8): a status's arm walks it and filters without reading rows.
 */
const STATUS_INDEXES = {
  's.due_sort': 'submissions_by_status_due',
  's.submitted_at': 'submissions_by_status_submitted',
  's.earner_sort': 'submissions_by_status_name',
} as const;

/**
 * Turns free text into an FTS5 query: every word must match. Quotes keep the user's text from being read
 * as FTS syntax (AND, NEAR, column filters). A word of three letters or more matches the beginnings of
 * words; one or two letters match whole words only (`MIN_PREFIX_LETTERS`: a one-letter prefix matches
 * nearly every row and reads the whole index). A word in a script written without spaces is indexed one
 * character a token (see `searchText`); its characters form a phrase, so "小明" finds "王小明" and "민준"
 * finds "김민준".
 */
export function ftsQuery(text: string, blind: boolean): string | undefined {
  return joinTerms(ftsTerms(text), blind);
}

/** The FTS5 terms of a search, one per word (see `searchTerm`). */
const ftsTerms = (text: string): string[] =>
  text
    .split(/[\s"]+/u)
    .map(searchTerm)
    .filter((t) => t !== undefined);

function joinTerms(terms: readonly string[], blind: boolean, and = ' '): string | undefined {
  if (terms.length === 0) return undefined;
  // Blind review must not let a search for a name find its submission.
  return blind ? `{responses} : (${terms.join(and)})` : terms.join(and);
}

/** A prefix that stands for more words than this is left to FTS5 (the 'probe' plan is not tried). */
const MAX_EXPANDED_WORDS = 32;

/**
 * The search with each prefix term replaced by the words of the index that begin with it (`"a b"*` becomes
 * `("a b" OR "a bc" …)`), read from the index's vocabulary: the same matches, but asking FTS5 about one row
 * costs a lookup per word instead of a walk of every word with that prefix. Undefined when a prefix stands
 * for more than MAX_EXPANDED_WORDS words. The caller checks that both find as many rows.
 */
export function expandedFtsQuery(db: Db, text: string, blind: boolean): string | undefined {
  const terms = ftsTerms(text);
  ensureVocabulary(db);
  // Bounded on both sides: the vocabulary reads each word's list of rows as it goes.
  const words = db.prepare('SELECT term FROM temp.submissions_fts_vocab WHERE term >= ? AND term < ? LIMIT ?').pluck();
  const out: string[] = [];
  for (const term of terms) {
    if (!term.endsWith('*')) {
      out.push(term);
      continue;
    }
    // `"tokens … last"*`: the phrase's last token is the prefix.
    const phrase = term.slice(1, -2);
    const space = phrase.lastIndexOf(' ');
    const head = phrase.slice(0, space + 1);
    const prefix = phrase.slice(space + 1);
    const found = (words.all(prefix, `${prefix}\u{10FFFF}`, MAX_EXPANDED_WORDS + 1) as string[]).filter((w) =>
      w.startsWith(prefix),
    );
    if (found.length > MAX_EXPANDED_WORDS) return undefined;
    // No word begins with it: the phrase as written (it matches nothing, as the prefix did).
    out.push(found.length === 0 ? `"${phrase}"` : `(${found.map((w) => `"${head}${w}"`).join(' OR ')})`);
  }
  // FTS5 reads two phrases side by side as AND, but not a group beside a phrase: say it.
  return joinTerms(out, blind, ' AND ');
}

/** Connections whose vocabulary table exists (a temporary table lives as long as its connection). */
const withVocabulary = new WeakSet<Db>();

/** The index's vocabulary, for `expandedFtsQuery` (a temporary table of this connection, made once). */
function ensureVocabulary(db: Db): void {
  if (withVocabulary.has(db)) return;
  db.exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.submissions_fts_vocab USING fts5vocab(main, 'submissions_fts', 'row')",
  );
  withVocabulary.add(db);
}

/**
 * How a page finds a search's matches among the rows it walks in order:
 * - 'drive': few matches (under FEW_MATCHES): read them by id, then sort them;
 * - 'bloom': many: read every match once into a set (with a Bloom filter), then walk the order's index
 *   probing it, stopping after one page.
 * - 'probe': many, and dense enough that a page is found within a few thousand rows of the walk: walk the
 *   order's index and ask the full-text index about each row (a lookup by rowid), at most PROBE_BUDGET rows.
 *   Asked with a prefix, FTS5 walks every word with that prefix per row (1.4 s a page at 100,000 rows), so
 *   the search is first expanded to whole words (`expandedFtsQuery`): 1.5 ms a page, against 100–130 ms to
 *   read every match once for 'bloom'.
 */
export type SearchPlan = 'drive' | 'bloom' | 'probe';

/** A row's place in a query's order: its sort key and seq. */
export interface Anchor {
  k: string;
  seq: number;
}

/** Deep pages' anchors for one query (Queue.anchorFor). */
interface AnchorList {
  /** The version of the rows the slots are for: the store's stamp (and, for overdue, the due dates passed). */
  version: string;
  /** That version's place in the log of changes (Stamp.log), and for overdue the due dates passed. */
  log: number;
  epoch: string | undefined;
  /** slots[i]: the row at position (i + 1) * anchorEvery - 1 of the order, where known. */
  slots: (Anchor | undefined)[];
  /** The slots of an earlier version: where to look for each slot's row again, and which version it held it in. */
  stale: (StaleAnchor | undefined)[];
}

/**
 * A row a slot held, and how many of the query's rows were at or before it in its order (`through`) at one place
 * in the log of changes (and for overdue, with the due dates passed): the slot's position + 1 when it was held,
 * then moved by the changes logged since (Queue.carryAnchors).
 */
interface StaleAnchor {
  anchor: Anchor;
  through: number;
  log: number;
  epoch: string | undefined;
}

/**
 * What this connection knows of the store's state: `key` changes with any change (its own, counting every row a
 * statement or trigger wrote, even one later rolled back; other connections' commits: the CLI, a worker thread),
 * `log` is the last change to the submissions' queue columns (migration 15's log).
 */
interface Stamp {
  key: string;
  log: number;
}

/**
 * The changes logged after one place in the log up to another (from, to], all still in the log. `reshaped`: some
 * inserted or deleted a row, or changed a due date or a name's sort key (so its text and the full-text index
 * may have changed, and overdue rows may have come or gone without being in the log); the others changed a
 * status, achievement, attempt or submitted date.
 */
interface ChangeSpan {
  from: number;
  to: number;
  size: number;
  reshaped: boolean;
}

/** The most logged changes a queue reads to carry what it kept across them (the log keeps at least 1,024). */
const MAX_SPAN = 1024;

/** The queue columns migration 15 logs, each change's row before (old_) and after (new_). */
const LOGGED = ['status', 'achievement_id', 'attempt', 'due_sort', 'submitted_at', 'earner_sort'] as const;

/** Anchor lists kept (a few hundred keys each at most). */
const KEPT_ANCHOR_LISTS = 256;

/** Any fixed time: an overdue query's anchor list is found whatever its "now". */
const EPOCH = '1970-01-01T00:00:00.000Z';

/** The most rows the 'probe' plan walks for one page; when they hold less than a page, 'bloom' reads it. */
const PROBE_BUDGET = 3000;

/** A deep page starts from a kept anchor at most this many rows before it (see Queue.anchorFor). */
const ANCHOR_EVERY = 1024;
/** The same for a search with many matches (SearchTuning.searchAnchorEvery). */
const SEARCH_ANCHOR_EVERY = 256;
/** The same for a query whose walk in order costs more than one index's (SearchTuning.costlyAnchorEvery). */
const COSTLY_ANCHOR_EVERY = 256;

/**
 * Whether walking a query's rows in order walks several index entries a row: a status's index filtered by
 * achievement or attempt, an achievement's by attempt, the open statuses' by overdue's due date when sorted
 * otherwise (pending of one achievement of seven: about seven entries a row). A page read from an anchor then
 * walks up to a spacing's worth of rows that many times over, so its anchors are closer. (Several statuses merged
 * are not: closer anchors there cost more first walks, each a merge started again, than they save.)
 */
function costlyWalk(q: ParsedQueueQuery): boolean {
  const statuses = (q.status?.length ?? 0) > 0 || q.overdue === true;
  const columns = (q.achievementId !== undefined ? 1 : 0) + (q.attempt !== undefined ? 1 : 0);
  return (columns > 0 && statuses) || columns > 1 || (q.overdue === true && sortKey(q) !== 'due');
}

/** The most figures (totals, match counts) a queue keeps for an unchanged store. */
const KEPT_FIGURES = 256;

/** Below this many full-text matches, read them by id and sort. */
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

/** Blind review has no name to sort by; it falls back to the due date. */
const sortKey = (q: ParsedQueueQuery) => (q.blind && q.sort === 'earner' ? 'due' : q.sort);

interface Filters {
  /** The statuses asked for, each an arm of the page query; undefined for any status. */
  statuses: SubmissionStatus[] | undefined;
  /** Every other filter, as clauses on `s` with their parameters. */
  clauses: string[];
  /** The same clauses for the count, which has no order to keep: every column may be used to seek. */
  countClauses: string[];
  params: unknown[];
  /** The FTS5 query of the search, when there is one. */
  fts: string | undefined;
}

function filters(q: ParsedQueueQuery): Filters {
  const clauses: string[] = [];
  const params: unknown[] = [];
  let statuses = q.status && q.status.length > 0 ? SUBMISSION_STATUSES.filter((s) => q.status!.includes(s)) : undefined;
  if (q.achievementId !== undefined) {
    clauses.push('s.achievement_id = ?');
    params.push(q.achievementId);
  }
  if (q.attempt !== undefined) {
    clauses.push('s.attempt = ?');
    params.push(q.attempt);
  }
  if (q.overdue) {
    // Overdue is a due date passed on an open status: the open statuses among those asked for.
    statuses = (statuses ?? SUBMISSION_STATUSES).filter((s) => OPEN_STATUSES.includes(s));
    // Sorted by another column, the date must not be used to seek (that would then sort the rows).
    clauses.push(sortKey(q) === 'due' ? 's.due_sort < ?' : '+s.due_sort < ?');
    params.push(new Date(q.now ?? Date.now()).toISOString());
  }
  return {
    statuses,
    clauses,
    countClauses: clauses.map((c) => c.replace(/^\+s\./, 's.')),
    params,
    fts: q.search ? ftsQuery(q.search, q.blind) : undefined,
  };
}

/** The matches of a search, read once for the query and used by each of its arms. */
const HITS = 'hits(seq) AS MATERIALIZED (SELECT rowid FROM submissions_fts WHERE submissions_fts MATCH ?)';
/** How a statement that reads them begins (Queue.keptHits reads them from a kept table instead). */
const WITH_HITS = `WITH ${HITS} `;

/** Searches whose matches a queue keeps in temporary tables (Queue.hitsTable). */
const KEPT_HIT_TABLES = 4;
let hitTableCount = 0;

/**
 * The rows' seqs (and sort keys) in order, as one SELECT per status asked for, each reading its status's
 * index in order, merged by SQLite (a compound SELECT's ORDER BY merges its ordered arms: no sort of the
 * matching rows, however many). Without a status filter, one SELECT reads the sort index (or the
 * achievement's or attempt's, in the same order). `extra` adds clauses to every arm (keyset paging).
 */
function orderedSql(
  f: Filters,
  column: keyof typeof STATUS_INDEXES,
  dir: 'ASC' | 'DESC',
  plan: SearchPlan,
  extra: { clauses: readonly string[]; params: readonly unknown[] },
  /** 'count': the number of those rows instead, each status's counted apart and added (no merge). */
  shape: 'rows' | 'count' = 'rows',
): { sql: string; params: unknown[] } {
  const clauses = [...extra.clauses, ...f.clauses];
  const params: unknown[] = [];
  const armParams = [...extra.params, ...f.params];
  const hits = f.fts !== undefined && plan !== 'probe';
  if (hits) {
    // "+" keeps SQLite from driving the query by id when the matches are many: walking the index
    // that gives the order (probing a Bloom filter of the matches) then stops after one page.
    clauses.push(`${plan === 'bloom' ? '+s.seq' : 's.seq'} IN hits`);
    params.push(f.fts);
  }
  const what = shape === 'count' ? 'count(*)' : `s.seq AS seq, ${column} AS k`;
  const arm = (status: string | undefined) =>
    status !== undefined
      ? `SELECT ${what} FROM submissions s INDEXED BY ${STATUS_INDEXES[column]} ${whereSql([status, ...clauses])}`
      : `SELECT ${what} FROM submissions s ${whereSql(clauses)}`;
  const order = shape === 'count' ? '' : ` ORDER BY 2 ${dir}, 1 ${dir}`;
  const withHits = hits ? WITH_HITS : '';
  if (f.statuses === undefined) {
    params.push(...armParams);
    return { sql: `${withHits}${arm(undefined)}${order}`, params };
  }
  // No status left (overdue among decided statuses only): one arm for a status no row has.
  const arms = f.statuses.length > 0 ? f.statuses : [''];
  for (const st of arms) params.push(st, ...armParams);
  const sql =
    shape === 'count'
      ? `SELECT ${arms.map(() => `(${arm('s.status = ?')})`).join(' + ')}`
      : `${arms.map(() => arm('s.status = ?')).join(' UNION ALL ')}${order}`;
  return { sql: `${withHits}${sql}`, params };
}

const whereSql = (clauses: readonly string[]) => (clauses.length ? `WHERE ${clauses.join(' AND ')}` : '');

/**
 * Two sort keys in SQLite's order for text (BINARY: the bytes of UTF-8, which is the order of code points): a
 * code unit of a surrogate pair stands for a code point above every other code unit's.
 */
export function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const rank = (c: number) => (c >= 0xd800 && c <= 0xdfff ? c + 0x2000 : c >= 0xe000 ? c - 0x800 : c);
    return rank(x) - rank(y);
  }
  return a.length - b.length;
}

/**
 * How much a span of logged changes moved the number of a query's rows (with `extra`'s clauses): each change's row
 * before counts -1 where it matched, its row after +1. `expanded`: a search, as whole words (the full-text index is
 * asked about each changed row; a prefix would walk every word it begins).
 */
function changedSql(
  f: Filters,
  span: ChangeSpan,
  extra: { clauses: readonly string[]; params: readonly unknown[] },
  expanded?: string,
  /** The rows themselves instead (sign, this sort column, seq), in no order. */
  rowsBy?: string,
): { sql: string; params: unknown[] } {
  // No status left (overdue among decided statuses only): no row of the query changed.
  if (f.statuses?.length === 0) return { sql: rowsBy ? 'SELECT 0, 0, 0 WHERE 0' : 'SELECT 0', params: [] };
  const clauses = [...f.countClauses, ...extra.clauses];
  const params: unknown[] = [...f.params, ...extra.params];
  if (f.statuses !== undefined) {
    clauses.unshift(`s.status IN (${f.statuses.map(() => '?').join(', ')})`);
    params.unshift(...f.statuses);
  }
  if (expanded !== undefined) {
    clauses.push('EXISTS (SELECT 1 FROM submissions_fts f WHERE f.submissions_fts MATCH ? AND f.rowid = s.seq)');
    params.push(expanded);
  }
  const side = (p: 'old' | 'new', sign: number) =>
    `SELECT seq, ${LOGGED.map((c) => `${p}_${c} AS ${c}`).join(', ')}, ${sign} AS sign
      FROM submission_changes WHERE id > ? AND id <= ? AND ${p}_status IS NOT NULL`;
  return {
    sql: `SELECT ${rowsBy ? `s.sign, ${rowsBy}, s.seq` : 'coalesce(sum(s.sign), 0)'}
      FROM (${side('old', -1)} UNION ALL ${side('new', 1)}) s ${whereSql(clauses)}`,
    params: [span.from, span.to, span.from, span.to, ...params],
  };
}

/** The count of the rows a query matches, less the calibration samples' when `calibration`. */
function countSql(f: Filters, calibration: boolean): { sql: string; params: unknown[] } {
  const one = (extra: readonly string[]) => {
    const clauses = [...f.countClauses, ...extra];
    const params: unknown[] = [];
    if (f.statuses !== undefined) {
      clauses.unshift(`s.status IN (${f.statuses.map(() => '?').join(', ')})`);
      params.push(...f.statuses);
    }
    params.push(...f.params);
    if (f.fts) clauses.push('s.seq IN hits');
    // With statuses, their index holds every other filter's column: counted without reading rows.
    // (The calibration samples are few: found by id instead.)
    const from =
      f.statuses !== undefined && extra.length === 0
        ? 'submissions s INDEXED BY submissions_by_status_due'
        : 'submissions s';
    return { sql: `SELECT count(*) FROM ${from} ${whereSql(clauses)}`, params };
  };
  const all = one([]);
  const practice = calibration ? one([`s.seq IN (${CALIBRATION})`]) : undefined;
  const sql = practice ? `SELECT (${all.sql}) - (${practice.sql})` : all.sql;
  const params = practice ? [...all.params, ...practice.params] : all.params;
  return f.fts ? { sql: `${WITH_HITS}${sql}`, params: [f.fts, ...params] } : { sql, params };
}

/**
 * The page query picks row ids only, from the indexes that order them, so skipping to a deep offset
 * walks index entries and never rows; the rows of the page are then read by id. Given the calibration
 * samples' seq runs (`calibration`), the page skips them and the count subtracts those that match, which
 * SQLite finds from the few samples instead of probing every row.
 */
export function queueSql(
  q: ParsedQueueQuery,
  plan: SearchPlan = 'bloom',
  calibration: SeqRanges = [],
  /** For the 'probe' plan: the search with its prefixes expanded (`expandedFtsQuery`), and the most rows to walk. */
  probe?: { expanded: string; budget: number },
  /** Only the rows after this one in the query's order (keyset paging; the offset then counts from it). */
  after?: Anchor,
): { sql: string; params: unknown[]; countSql: string; countParams: unknown[]; onlySearch: boolean } {
  const f = filters(q);
  const dir = q.direction === 'desc' ? 'DESC' : 'ASC';
  const column = SORT_COLUMNS[sortKey(q)];
  const outside = outsideRanges(calibration);
  const page = orderedSql(
    f,
    column,
    dir,
    plan,
    after === undefined
      ? outside
      : {
          clauses: [...outside.clauses, `(${column}, s.seq) ${dir === 'DESC' ? '<' : '>'} (?, ?)`],
          params: [...outside.params, after.k, after.seq],
        },
  );
  const count = countSql(f, calibration.length > 0);
  const probing = plan === 'probe' && f.fts !== undefined;
  if (probing && probe === undefined) throw new Error("queueSql: the 'probe' plan needs the expanded search");
  return {
    sql: probing
      ? `SELECT w.seq, w.k FROM (${page.sql} LIMIT ?) w
          WHERE EXISTS (SELECT 1 FROM submissions_fts f WHERE f.submissions_fts MATCH ? AND f.rowid = w.seq)
          ORDER BY w.k ${dir}, w.seq ${dir} LIMIT ? OFFSET ?`
      : `${page.sql} LIMIT ? OFFSET ?`,
    params: probing
      ? [...page.params, probe!.budget, probe!.expanded, q.limit, q.offset]
      : [...page.params, q.limit, q.offset],
    countSql: count.sql,
    countParams: count.params,
    onlySearch: f.fts !== undefined && f.statuses === undefined && f.clauses.length === 0,
  };
}

/** The query with its order read backwards (the comparisons that place a row stay the query's own). */
function reversed<Q extends { direction: 'asc' | 'desc' }>(q: Q): Q {
  return { ...q, direction: q.direction === 'desc' ? 'asc' : 'desc' };
}

/** A row (its sort key and seq, two parameters) at or before the anchor in the query's order, or after it. */
function besideClause(q: ParsedQueueQuery, side: 'through' | 'after'): string {
  const desc = q.direction === 'desc';
  const cmp = side === 'after' ? (desc ? '<' : '>') : desc ? '>=' : '<=';
  return `(${SORT_COLUMNS[sortKey(q)]}, s.seq) ${cmp} (?, ?)`;
}

/**
 * The query's rows (seq and sort key, no search) at or before `anchor` in its order ('through') or after it
 * ('after'), or their count; `reverse` orders them backwards (from the anchor back, for 'through').
 */
function besideSql(
  q: ParsedQueueQuery,
  ranges: SeqRanges,
  anchor: Anchor,
  side: 'through' | 'after',
  shape: 'rows' | 'count',
  reverse = false,
): { sql: string; params: unknown[] } {
  const outside = outsideRanges(ranges);
  return orderedSql(
    filters(q),
    SORT_COLUMNS[sortKey(q)],
    (reverse ? reversed(q) : q).direction === 'desc' ? 'DESC' : 'ASC',
    'bloom',
    {
      clauses: [...outside.clauses, besideClause(q, side)],
      params: [...outside.params, anchor.k, anchor.seq],
    },
    shape,
  );
}

export const ROWS_SQL = `SELECT s.seq, s.id, s.achievement_id AS achievementId, a.name AS achievementName, s.earner_name AS earnerName,
    s.status, s.attempt, s.submitted_at AS submittedAt, s.due_at AS dueAt
  FROM submissions s JOIN achievement_versions a ON a.version_id = s.achievement_version_id
  WHERE s.seq IN (SELECT value FROM json_each(?))`;

/** Where the search plans change over (tests set them low to reach every plan on a small store). */
export interface SearchTuning {
  /**
   * A page deeper than this many rows is read from the nearest kept anchor on (see Queue.anchor); tests set it
   * low to reach anchors on a small store, Infinity turns them off.
   */
  anchorEvery: number;
  /**
   * The same for a search with many matches: closer, since a page is read from its anchor by asking the index
   * about each row ('probe'), which costs more a row than a walk does.
   */
  searchAnchorEvery: number;
  /** The same for a query whose walk in order costs more than one index's (see `costlyWalk`). */
  costlyAnchorEvery: number;
  /**
   * After a change, a slot at most this many anchors from one known again is walked to; further, it is repaired
   * from the row it held (tests set 0 to repair every slot).
   */
  walkSlots: number;
  /**
   * A slot never found is walked to from whichever is nearer: the known slot before it (or the first row), or
   * the known slot after it (or the last row), walking the order backwards; false: always forwards.
   */
  walkBack: boolean;
  /**
   * Kept totals and anchors are carried across the changes the store logs (migration 15); false: counted again
   * after every change, as they were before the log (tests compare the two).
   */
  carry: boolean;
  /** Below this many matches, 'drive'. */
  fewMatches: number;
  /** The most rows the 'probe' plan walks. */
  probeBudget: number;
  /** The 'probe' plan is tried when a page is expected within this many rows of the walk (half the budget). */
  probeReach: number;
}

export class Queue {
  private readonly tuning: SearchTuning;
  /**
   * assertOpen refuses live work while a required calibration is unmet (the services pass calibration's
   * assertQueueOpen, which says what is missing; `assay queue` asks that itself first, so its queue only probes).
   */
  constructor(
    private readonly db: Db,
    private readonly assertOpen: () => void,
    tuning: Partial<SearchTuning> = {},
  ) {
    this.tuning = {
      fewMatches: FEW_MATCHES,
      probeBudget: PROBE_BUDGET,
      probeReach: PROBE_BUDGET / 2,
      anchorEvery: ANCHOR_EVERY,
      walkSlots: 4,
      walkBack: true,
      searchAnchorEvery: SEARCH_ANCHOR_EVERY,
      costlyAnchorEvery: COSTLY_ANCHOR_EVERY,
      carry: true,
      ...tuning,
    };
  }

  /**
   * What this connection knows of the store's state (see Stamp). Undefined inside a caller's transaction, which
   * could still roll back what is read.
   */
  private stamp(): Stamp | undefined {
    if (this.db.inTransaction && !this.#reading) return undefined;
    this.#stampSql ??= this.db
      .prepare(
        'SELECT total_changes(), data_version, (SELECT coalesce(max(id), 0) FROM submission_changes) FROM pragma_data_version',
      )
      .raw();
    const [changes, version, log] = this.#stampSql.get() as [number, number, number];
    // This queue's own writes to its temporary tables change nothing it keeps.
    return { key: `${changes - this.#ownChanges}:${version}:${log}`, log };
  }
  #stampSql: Statement<[]> | undefined;
  /** The rows this queue wrote to its temporary tables (hitsTable), which total_changes() counts too. */
  #ownChanges = 0;
  /** Inside list()'s own read transaction (see `reading`). */
  #reading = false;

  /**
   * `read` in one read transaction, so that everything it reads, the stamp first, is one state of the store: what
   * is kept for a stamp is then what the store held at that stamp, and carrying it over the logged changes after it
   * (`span`) counts each change once. Inside a caller's transaction, as it is (nothing is kept there).
   */
  private reading<T>(read: () => T): T {
    if (this.db.inTransaction) return read();
    this.db.exec('BEGIN');
    this.#reading = true;
    try {
      return read();
    } finally {
      this.#reading = false;
      // Nothing was written but temporary tables (expandedFtsQuery's vocabulary, hitsTable's matches), which stay.
      this.db.exec('COMMIT');
    }
  }

  /**
   * The changes logged after `from` up to `to` (see ChangeSpan); undefined when some are no longer in the log
   * (it keeps the last 1,024 or more) or there are more than MAX_SPAN.
   */
  private span(from: number, to: number): ChangeSpan | undefined {
    if (from === to) return { from, to, size: 0, reshaped: false };
    if (from > to || to - from > MAX_SPAN) return undefined;
    const key = `${from} ${to}`;
    if (this.#spans.has(key)) return this.#spans.get(key);
    this.#spanSql ??= this.db
      .prepare(
        `SELECT count(*), coalesce(sum(old_status IS NULL OR new_status IS NULL OR old_due_sort IS NOT new_due_sort
            OR old_earner_sort IS NOT new_earner_sort), 0)
          FROM submission_changes WHERE id > ? AND id <= ?`,
      )
      .raw();
    const [size, reshaped] = this.#spanSql.get(from, to) as [number, number];
    // Ids follow one another: a change missing from the span was dropped from the log.
    const span = size === to - from ? { from, to, size, reshaped: reshaped > 0 } : undefined;
    if (this.#spans.size >= 64) this.#spans.clear();
    this.#spans.set(key, span);
    return span;
  }
  #spanSql: Statement<[number, number]> | undefined;
  readonly #spans = new Map<string, ChangeSpan | undefined>();

  /**
   * Figures derived from the store, by key: the totals a virtual table asks for with every page it scrolls to,
   * and the searches' match counts. The UI asks the same query again and again as the assessor scrolls. A figure
   * kept at an earlier stamp is carried to this one across the changes logged between (`carry`: undefined when it
   * cannot be), else worked out again.
   */
  readonly #kept = new Map<string, { value: unknown; stamp: string; log: number }>();

  private keep<T>(
    stamp: Stamp | undefined,
    key: string,
    compute: () => T,
    carry: (value: T, span: ChangeSpan) => T | undefined = () => undefined,
  ): T {
    if (stamp === undefined) return compute();
    const kept = this.#kept.get(key);
    // A value may be null (an expansion that is not used): `undefined` alone says "not known".
    let value: T | undefined;
    if (kept !== undefined) {
      // Least recently used goes first: a hit moves to the end (a Map iterates in insertion order).
      this.#kept.delete(key);
      if (kept.stamp === stamp.key) value = kept.value as T;
      else {
        const span = this.span(kept.log, stamp.log);
        value = span === undefined ? undefined : span.size === 0 ? (kept.value as T) : carry(kept.value as T, span);
      }
    }
    if (value === undefined) value = compute();
    if (this.#kept.size >= KEPT_FIGURES) this.#kept.delete(this.#kept.keys().next().value!);
    this.#kept.set(key, { value, stamp: stamp.key, log: stamp.log });
    return value;
  }

  /**
   * A statement that reads a search's matches (`WITH hits … MATCH ?`), made to read them from a temporary table of
   * this connection instead, filled once for the search and kept while the full-text index is unchanged: reading
   * 55,000 matches from the index took 11.5 ms for every statement that needed them (a deep page, a repair's step).
   * As it is outside a list() of many matches, or inside a caller's transaction.
   */
  private keptHits(x: { sql: string; params: readonly unknown[] }): { sql: string; params: readonly unknown[] } {
    const search = this.#search;
    if (search === undefined || !x.sql.startsWith(WITH_HITS)) return x;
    const table = this.hitsTable(search.fts, search.stamp);
    // The matches' parameter is the statement's first (orderedSql, countSql).
    return {
      sql: x.sql.slice(WITH_HITS.length).replaceAll(' IN hits', ` IN temp.${table}`),
      params: x.params.slice(1),
    };
  }

  /** The name of the temporary table holding the search's matches (rowid: the submission's seq), filled when needed. */
  private hitsTable(fts: string, stamp: Stamp): string {
    let kept = this.#hitTables.get(fts);
    if (kept !== undefined) this.#hitTables.delete(fts);
    const span = kept && kept.stamp !== stamp.key ? this.span(kept.log, stamp.log) : undefined;
    // The matches change only with the index: kept across changes of status and the like.
    const fresh = kept !== undefined && (kept.stamp === stamp.key || (span !== undefined && !span.reshaped));
    if (kept === undefined) {
      // Named once for the connection: every queue on it (tests make several) has its own.
      kept = { table: `assay_queue_hits_${++hitTableCount}`, stamp: stamp.key, log: stamp.log };
      this.db.exec(`CREATE TEMP TABLE ${kept.table} (seq INTEGER PRIMARY KEY)`);
    } else if (!fresh) this.#ownChanges += this.db.prepare(`DELETE FROM temp.${kept.table}`).run().changes;
    if (!fresh)
      this.#ownChanges += this.db
        .prepare(`INSERT INTO temp.${kept.table} SELECT rowid FROM submissions_fts WHERE submissions_fts MATCH ?`)
        .run(fts).changes;
    kept.stamp = stamp.key;
    kept.log = stamp.log;
    // The least recently used goes first.
    this.#hitTables.set(fts, kept);
    if (this.#hitTables.size > KEPT_HIT_TABLES) {
      const [oldest, { table }] = this.#hitTables.entries().next().value!;
      this.#hitTables.delete(oldest);
      this.db.exec(`DROP TABLE temp.${table}`);
    }
    return kept.table;
  }
  /** The search of the list() call under way, when its matches are many (read through keptHits). */
  #search: { fts: string; stamp: Stamp } | undefined;
  readonly #hitTables = new Map<string, { table: string; stamp: string; log: number }>();

  /** How much a span of changes moved the number of rows `changedSql` describes. */
  private changed(f: Filters, span: ChangeSpan, extra: Parameters<typeof changedSql>[2], expanded?: string): number {
    const { sql, params } = changedSql(f, span, extra, expanded);
    return this.db
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  }

  /**
   * Deep pages' anchors by query, kept across changes to the store: a list made at one version of the rows
   * (`stamp`, and for overdue the due dates "now" has passed) is repaired slot by slot at the next (see anchorFor).
   */
  readonly #anchors = new Map<string, AnchorList>();

  /**
   * The row just before a deep page, so the page is one index seek from it plus a short skip instead of a walk
   * over every row before it (OFFSET 60,000 over three statuses' indexes took 10–18 ms at 100,000 rows). Anchors
   * are kept every `anchorEvery` rows of the query's order (closer for a search with many matches, and where the
   * walk reads several index entries a row), as far as any page has asked; reaching a new one walks to it from
   * the nearer known one, before it or after it (backwards), or from the first or last row when nearer (one short
   * skip per anchor; a search's in one walk).
   *
   * After a change to the store (a review saved, the CLI's work, overdue's "now" passing a due date) the anchors' rows
   * may have moved: each slot a page needs is repaired from the row it held, from the number of the query's rows
   * at or before that row, stepping from it to the slot's position, which a few changes leave a few rows away.
   * That number is carried across the changes the store logged (carryAnchors), else counted from whichever end of
   * the order is nearer (using `total`: an index range costs about half what walking the merged order does, over
   * half the rows at most). A slot the change moved further than a spacing is walked to as before.
   */
  private anchorFor(
    stamp: Stamp | undefined,
    /** For overdue: the due dates "now" has passed (overdueEpoch). */
    epoch: string | undefined,
    q: ParsedQueueQuery,
    ranges: SeqRanges,
    total: number,
    /** For a search: its number of matches (its anchors are carried by the index asked in whole words). */
    matches?: number,
  ): { after: Anchor; offset: number } | undefined {
    const every = q.search
      ? this.tuning.searchAnchorEvery
      : costlyWalk(q)
        ? this.tuning.costlyAnchorEvery
        : this.tuning.anchorEvery;
    const blocks = Math.floor(q.offset / every);
    if (stamp === undefined || !Number.isFinite(every)) return undefined;
    const base = { ...q, offset: 0, limit: 1 };
    // The list is the query's whatever the time: the due dates overdue's "now" has passed are part of the version.
    const whole = queueSql({ ...base, now: EPOCH }, 'bloom', ranges);
    const key = `${JSON.stringify(whole.params)} ${whole.sql}`;
    const version = epoch === undefined ? stamp.key : `${stamp.key} ${epoch}`;
    let list = this.#anchors.get(key);
    // A page before the first slot needs no anchor; but a list kept for the query that has fallen half the log
    // behind is carried to this version, so that a query read only near its top for a while does not fall
    // further behind than the log of changes reaches (MAX_SPAN), after which each of its slots would be counted
    // again when next asked.
    if (blocks === 0 && (list === undefined || stamp.log - list.log < MAX_SPAN / 2)) return undefined;
    if (list !== undefined) this.#anchors.delete(key);
    if (list === undefined) list = { version, log: stamp.log, epoch, slots: [], stale: [] };
    else if (list.version !== version) {
      // What each slot held last, in this version or an earlier one: a slot not asked for since an earlier
      // change is repaired from there.
      const { stale, log: was, epoch: wasEpoch } = list;
      list.slots.forEach((anchor, i) => {
        if (anchor !== undefined) stale[i] = { anchor, through: (i + 1) * every, log: was, epoch: wasEpoch };
      });
      this.carryAnchors(base, ranges, stale, was, wasEpoch, stamp.log, epoch, () =>
        matches === undefined ? undefined : this.expansion(stamp, base, matches),
      );
      list = { version, log: stamp.log, epoch, slots: [], stale };
    }
    // Least recently used goes first.
    this.#anchors.set(key, list);
    if (this.#anchors.size > KEPT_ANCHOR_LISTS) this.#anchors.delete(this.#anchors.keys().next().value!);
    if (blocks === 0) return undefined;

    // slots[i] is the row at position (i + 1) * every - 1 of the order.
    const target = blocks - 1;
    if (list.slots[target] === undefined) {
      // From the nearest slot at or before the target that held a row before, repaired (two tries at most); but
      // from the nearest slot before the target known in this version when it is a few steps away (as when the
      // assessor scrolls on after a change) and the repair would count (its row's place not carried by the log).
      let from = target - 1;
      while (from >= 0 && list.slots[from] === undefined) from--;
      for (let i = target, tries = 0; i > from && tries < 2; i--) {
        const old = list.stale[i];
        if (old === undefined) continue;
        const carried = old.log === stamp.log && old.epoch === epoch;
        if (!carried && i <= from + this.tuning.walkSlots) break;
        tries++;
        const repaired = this.repairAnchor(base, ranges, old, (i + 1) * every - 1, total, stamp.log, epoch, every);
        if (repaired !== undefined) {
          list.slots[i] = repaired;
          from = i;
          break;
        }
      }
      const position = (i: number) => (i + 1) * every - 1;
      if (position(target) >= total) return undefined; // past the last row: the page is empty
      // The nearest slot after the target known in this version (else the last row): walked back from when nearer.
      let up = target + 1;
      while (up < list.slots.length && list.slots[up] === undefined) up++;
      const after = up < list.slots.length ? list.slots[up] : undefined;
      const end = after === undefined ? total : position(up); // the position the backward walk starts before
      const backwards = this.tuning.walkBack && end - position(target) < position(target) - position(from);
      if (base.search !== undefined) {
        // A search's rows are walked with its matches read once (see 'bloom'): one statement for every slot from
        // the nearer known one (or end) to the target, keeping each slot's row as it passes.
        const prev = from >= 0 ? list.slots[from] : undefined;
        const walk = this.keptHits(
          backwards
            ? queueSql({ ...reversed(base), limit: end - position(target) }, 'bloom', ranges, undefined, after)
            : queueSql({ ...base, limit: position(target) - position(from) }, 'bloom', ranges, undefined, prev),
        );
        let at = backwards ? end : position(from);
        for (const row of this.db
          .prepare(walk.sql)
          .raw()
          .iterate(...walk.params) as IterableIterator<[number, string]>) {
          at += backwards ? -1 : 1;
          if ((at + 1) % every === 0) list.slots[(at + 1) / every - 1] = { seq: row[0], k: row[1] };
        }
        const reached = list.slots.at(target); // undefined: the walk ran out of rows (the page is empty)
        return reached && { after: reached, offset: q.offset - blocks * every };
      }
      // Slot by slot towards the target, each step one seek from the slot beside it (one statement for them all:
      // only the slot's key and seq change); backwards, the order reversed and the first step from the last row.
      const order = backwards ? reversed(base) : base;
      const dir = backwards ? -1 : 1;
      const first = backwards ? (after === undefined ? Math.floor(total / every) - 1 : up - 1) : from + 1;
      let step: Statement | undefined;
      for (let i = first; backwards ? i >= target : i <= target; i += dir) {
        const beside = i - dir >= 0 ? list.slots[i - dir] : undefined;
        const walk =
          beside === undefined
            ? queueSql({ ...order, offset: backwards ? total - 1 - position(i) : position(i) }, 'bloom', ranges)
            : queueSql({ ...order, offset: every - 1 }, 'bloom', ranges, undefined, beside);
        const statement = beside === undefined ? this.db.prepare(walk.sql) : (step ??= this.db.prepare(walk.sql));
        const row = statement.raw().get(...walk.params) as [number, string] | undefined;
        if (row === undefined) return undefined; // past the last row: the page is empty either way
        list.slots[i] = { seq: row[0], k: row[1] };
      }
    }
    return { after: list.slots[target]!, offset: q.offset - blocks * every };
  }

  /**
   * Moves each row held at `from` (in `stale`) by the changes logged since, to `to`: its `through` gains the
   * logged rows now the query's at or before it and loses those that were (each change's row after and before),
   * all read in one pass over the log. Left as it was (and counted when needed) when the log no longer has the
   * changes, or when overdue's rows may have changed without a logged change ("now" passed a due date, a due date
   * or a row came or went).
   */
  private carryAnchors(
    base: ParsedQueueQuery,
    ranges: SeqRanges,
    stale: (StaleAnchor | undefined)[],
    from: number,
    fromEpoch: string | undefined,
    to: number,
    epoch: string | undefined,
    /** For a search, the search in whole words (Queue.expansion); null: none finds the same rows. */
    expansion: () => string | null | undefined,
  ): void {
    if (!this.tuning.carry || fromEpoch !== epoch) return;
    const held = stale.filter((e) => e !== undefined && e.log === from && e.epoch === epoch) as StaleAnchor[];
    if (held.length === 0) return;
    const span = this.span(from, to);
    // A search's rows change with the full-text index, overdue's as due dates change: not told by the log.
    if (span === undefined || ((base.overdue || base.search) && span.reshaped)) return;
    if (span.size > 0) {
      const expanded = base.search ? expansion() : undefined;
      if (expanded === null) return;
      const { sql, params } = changedSql(
        filters(base),
        span,
        outsideRanges(ranges),
        expanded,
        SORT_COLUMNS[sortKey(base)],
      );
      const moved = this.db
        .prepare(sql)
        .raw()
        .all(...params) as [number, string, number][];
      // In the query's order: a held row's rows at or before it are a prefix of the moved rows.
      const desc = base.direction === 'desc';
      const order = (a: Anchor, b: Anchor) => {
        const c = compareKeys(a.k, b.k) || a.seq - b.seq;
        return desc ? -c : c;
      };
      const rows = moved.map(([sign, k, seq]) => ({ sign, k, seq })).sort(order);
      const sums: number[] = [0];
      for (const r of rows) sums.push(sums[sums.length - 1]! + r.sign);
      for (const e of held) {
        // The number of moved rows at or before e.anchor (binary search for the first one after it).
        let lo = 0;
        let hi = rows.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (order(rows[mid]!, e.anchor) <= 0) lo = mid + 1;
          else hi = mid;
        }
        e.through += sums[lo]!;
      }
    }
    for (const e of held) e.log = to;
  }

  /**
   * The row now at `position` of the query's order, found from `old`, the row that was there before the store
   * changed; undefined when the change moved it more than an anchor's spacing away (or past the end).
   */
  private repairAnchor(
    base: ParsedQueueQuery,
    ranges: SeqRanges,
    stale: StaleAnchor,
    position: number,
    total: number,
    /** Where the log of changes is now (Stamp.log), and for overdue the due dates "now" has passed. */
    log: number,
    epoch: string | undefined,
    /** The list's spacing of anchors: a repair steps at most this far. */
    every: number,
  ): Anchor | undefined {
    if (position >= total) return undefined;
    const old = stale.anchor;
    // through: the rows now at or before `old` in the order (it may have left the query's rows: it still marks a
    // place in the order): carried to this version from when it was held (carryAnchors), else counted, from the
    // nearer end.
    const through =
      stale.log === log && stale.epoch === epoch
        ? stale.through
        : position < total / 2
          ? this.countBeside(base, ranges, old, 'through')
          : total - this.countBeside(base, ranges, old, 'after');
    const ahead = position - through;
    if (ahead >= 0) {
      // The slot's row is the (ahead + 1)th after `old`.
      if (ahead >= every) return undefined;
      const next = queueSql({ ...base, offset: ahead }, 'bloom', ranges, undefined, old);
      return this.firstRow(next.sql, next.params);
    }
    // The slot's row is at or before `old`: counted back from it.
    const back = -ahead - 1;
    if (back >= every) return undefined;
    const walk = besideSql(base, ranges, old, 'through', 'rows', true);
    return this.firstRow(`${walk.sql} LIMIT 1 OFFSET ?`, [...walk.params, back]);
  }

  /** The first (seq, sort key) row a page query gives, as an anchor; undefined when it gives none. */
  private firstRow(sql: string, params: readonly unknown[]): Anchor | undefined {
    const bound = this.keptHits({ sql, params });
    const row = this.db
      .prepare(bound.sql)
      .raw()
      .get(...bound.params) as [number, string] | undefined;
    return row && { seq: row[0], k: row[1] };
  }

  /** How many of the query's rows are at or before `anchor` in its order ('through'), or after it ('after'). */
  private countBeside(base: ParsedQueueQuery, ranges: SeqRanges, anchor: Anchor, side: 'through' | 'after'): number {
    const { sql, params } = this.keptHits(besideSql(base, ranges, anchor, side, 'count'));
    return this.db
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  }

  /**
   * Which due dates "now" has passed: the latest before it, of any submission (one seek of the due-date index).
   * Two times with the same one have the same overdue rows in an unchanged store, whatever the filters, since
   * nothing fell due between them; so an overdue query's total and anchors are kept from one call to the next
   * (the time of each call) until a due date passes.
   */
  private overdueEpoch(q: ParsedQueueQuery): string {
    const now = new Date(q.now ?? Date.now()).toISOString();
    this.#epochSql ??= this.db.prepare('SELECT max(due_sort) FROM submissions WHERE due_sort < ?').pluck();
    return (this.#epochSql.get(now) as string | null) ?? 'none';
  }
  #epochSql: Statement<[string]> | undefined;

  /** AssayError 'calibration-required' while a required calibration is unmet. */
  list(query: QueueQuery = {}): QueuePage {
    const q = parseQueueQuery(query);
    this.assertOpen();
    return this.reading(() => this.read(q));
  }

  private read(q: ParsedQueueQuery): QueuePage {
    try {
      return this.readPage(q);
    } finally {
      this.#search = undefined;
    }
  }

  private readPage(q: ParsedQueueQuery): QueuePage {
    const stamp = this.stamp();
    const fts = q.search ? ftsQuery(q.search, q.blind) : undefined;
    // A search's matches change only with the full-text index: carried across changes of status and the like.
    const matches =
      fts === undefined
        ? undefined
        : this.keep(
            stamp,
            `matches ${fts}`,
            () => this.matchCount(fts),
            (v, span) => (span.reshaped ? undefined : v),
          );
    const ranges = calibrationRanges(this.db);
    const practice = ranges.length > 0;
    const plan = matches === undefined || matches >= this.tuning.fewMatches ? 'bloom' : 'drive';
    // Many matches, read from a table of this connection kept for the search (see keptHits).
    if (fts !== undefined && plan === 'bloom' && stamp !== undefined) this.#search = { fts, stamp };
    const unanchored = queueSql(q, plan, ranges);
    const { countSql, countParams, onlySearch } = unanchored;
    // Overdue's rows depend on "now" only through the due dates it has passed: kept figures are for those.
    const epoch = q.overdue ? this.overdueEpoch(q) : undefined;
    const counted = epoch === undefined ? unanchored : queueSql({ ...q, now: EPOCH }, plan, ranges);
    const total =
      fts === undefined && !q.overdue
        ? this.groupTotal(q, practice)
        : onlySearch && matches !== undefined
          ? matches -
            (practice
              ? (this.db
                  .prepare(
                    `SELECT count(*) FROM submissions_fts WHERE submissions_fts MATCH ? AND rowid IN (${CALIBRATION})`,
                  )
                  .pluck()
                  .get(fts) as number)
              : 0)
          : this.keep(
              stamp,
              `count ${epoch ?? ''} ${JSON.stringify(ranges)} ${JSON.stringify(counted.countParams)} ${counted.countSql}`,
              () => {
                const count = this.keptHits({ sql: countSql, params: countParams });
                return this.db
                  .prepare(count.sql)
                  .pluck()
                  .get(...count.params) as number;
              },
              // Carried across changes of status and the like by the changed rows that are the query's (for a
              // search, those the index finds, asked in whole words); a change that reshaped the rows (an import,
              // a due date) may have changed the matches or the overdue rows without a logged change: counted again.
              (value, span) => {
                if (span.reshaped || !this.tuning.carry) return undefined;
                const expanded = fts === undefined ? undefined : this.expansion(stamp, q, matches!);
                if (expanded === null) return undefined;
                return value + this.changed(filters(q), span, outsideRanges(ranges), expanded);
              },
            );
    // A deep page starts from the nearest anchor; a search's too when its matches are many (few are sorted).
    const anchored =
      fts === undefined || plan === 'bloom' ? this.anchorFor(stamp, epoch, q, ranges, total, matches) : undefined;
    const { sql, params } = anchored
      ? queueSql({ ...q, offset: anchored.offset }, plan, ranges, undefined, anchored.after)
      : unanchored;
    const pageOf = (s: string, p: readonly unknown[]) => {
      const page = this.keptHits({ sql: s, params: p });
      return this.db
        .prepare(page.sql)
        .pluck()
        .all(...page.params) as number[];
    };
    let seqs: number[] | undefined;
    // From the anchor, when there is one: its page is then as near as a first page is.
    const near = anchored ? { ...q, offset: anchored.offset } : q;
    const expanded = plan === 'bloom' && matches !== undefined ? this.probeSearch(stamp, near, matches) : undefined;
    if (expanded !== undefined) {
      const probe = queueSql(near, 'probe', ranges, { expanded, budget: this.tuning.probeBudget }, anchored?.after);
      seqs = pageOf(probe.sql, probe.params);
      // Fewer than the rows left to show: the walk ran out of budget before it found a page.
      if (seqs.length < Math.min(q.limit, Math.max(0, total - q.offset))) seqs = undefined;
    }
    seqs ??= pageOf(sql, params);
    const bySeq = new Map(
      (this.db.prepare(ROWS_SQL).all(JSON.stringify(seqs)) as (Row & { seq: number })[]).map((r) => [r.seq, r]),
    );
    const rows = seqs.map((seq) => bySeq.get(seq)!);
    const now = new Date(q.now ?? Date.now()).toISOString();
    return { items: rows.map((r) => toItem(r, q.blind, now)), total, offset: q.offset };
  }

  /**
   * The search expanded to whole words, when the 'probe' plan should find this page: the matches are dense
   * enough that a page lies within half the probe budget of the walk (estimated over all rows), and the
   * expanded search finds exactly as many rows as the search (else a word was folded differently: not used).
   */
  private probeSearch(stamp: Stamp | undefined, q: ParsedQueueQuery, matches: number): string | undefined {
    if (matches === 0) return undefined;
    const rows = (this.db.prepare('SELECT max(seq) FROM submissions').pluck().get() as number | null) ?? 0;
    if (((q.offset + q.limit) * rows) / matches > this.tuning.probeReach) return undefined;
    return this.expansion(stamp, q, matches) ?? undefined;
  }

  /**
   * The search expanded to whole words (expandedFtsQuery), when it finds exactly as many rows as the search
   * (else a word was folded differently: null). Kept, and carried across changes that left the index as it was.
   */
  private expansion(stamp: Stamp | undefined, q: ParsedQueueQuery, matches: number): string | null {
    return this.keep(
      stamp,
      `expanded ${q.blind} ${q.search!}`,
      () => {
        const expanded = expandedFtsQuery(this.db, q.search!, q.blind);
        return expanded !== undefined && this.matchCount(expanded) === matches ? expanded : null;
      },
      (v, span) => (span.reshaped ? undefined : v),
    );
  }

  /**
   * The rows in these statuses (every status when undefined), of this achievement and attempt when asked, from
   * the counts migration 13 keeps per status, achievement and attempt, less the calibration samples among them
   * (few; found by id).
   */
  private groupTotal(q: ParsedQueueQuery, practice: boolean): number {
    // Asked only without overdue or a search: the filters are then the statuses and the columns the kept
    // counts have, on the same alias.
    const f = filters(q);
    const clauses = [...(f.statuses ? [`s.status IN (${f.statuses.map(() => '?').join(', ')})`] : []), ...f.clauses];
    const params = [...(f.statuses ?? []), ...f.params];
    const kept = this.db
      .prepare(`SELECT coalesce(sum(n), 0) FROM submission_group_counts s ${whereSql(clauses)}`)
      .pluck()
      .get(...params) as number;
    if (!practice) return kept;
    const samples = this.db
      .prepare(`SELECT count(*) FROM submissions s ${whereSql([`s.seq IN (${CALIBRATION})`, ...clauses])}`)
      .pluck()
      .get(...params) as number;
    return kept - samples;
  }

  private matchCount(search: string): number {
    return this.db
      .prepare('SELECT count(*) FROM submissions_fts WHERE submissions_fts MATCH ?')
      .pluck()
      .get(search) as number;
  }

  /**
   * Every matching row, in the query's order, a page at a time (the query's limit and offset are
   * ignored). Keyset paging on (sort key, seq): each page is one index seek, so a caller can write
   * 100,000 rows as it goes without holding them, and nothing is skipped or repeated between pages.
   */
  *pages(query: QueueQuery = {}, pageSize = 500): Generator<QueueItem[]> {
    const q = parseQueueQuery({ ...query, offset: 0, limit: 1 });
    this.assertOpen();
    const f = filters(q);
    const column = SORT_COLUMNS[sortKey(q)];
    const dir = q.direction === 'desc' ? 'DESC' : 'ASC';
    const past = dir === 'DESC' ? '<' : '>';
    const outside = outsideRanges(calibrationRanges(this.db));
    const page = (after: { k: string; seq: number } | undefined) => {
      const { sql, params } = orderedSql(f, column, dir, 'bloom', {
        clauses: [...outside.clauses, ...(after ? [`(${column}, s.seq) ${past} (?, ?)`] : [])],
        params: [...outside.params, ...(after ? [after.k, after.seq] : [])],
      });
      return (
        this.db
          .prepare(`${sql} LIMIT ?`)
          .raw()
          .all(...params, pageSize) as [number, string][]
      ).map(([seq, k]) => ({ seq, k }));
    };
    const rowsBySeq = this.db.prepare(ROWS_SQL);
    const now = new Date(q.now ?? Date.now()).toISOString();
    let after: { k: string; seq: number } | undefined;
    for (;;) {
      const keys = page(after);
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
    // Kept per status, achievement and attempt by migration 13's triggers: a few rows, not a walk of every submission.
    for (const r of this.db
      .prepare('SELECT status, sum(n) AS n FROM submission_group_counts GROUP BY status')
      .all() as {
      status: SubmissionStatus;
      n: number;
    }[]) {
      counts[r.status] = r.n;
      counts.total += r.n;
    }
    // The overdue queue's total (calibration samples left out), kept and carried across changes as the queue's is.
    counts.overdue = this.reading(() => this.read(parseQueueQuery({ overdue: true, now, limit: 1 }))).total;
    if (hasCalibration(this.db)) {
      // Counted over all, less the samples: SQLite finds the few samples by id instead of probing every row.
      const samples = `s.seq IN (${CALIBRATION})`;
      for (const r of statusCounts(`WHERE ${samples}`)) {
        counts[r.status] -= r.n;
        counts.total -= r.n;
      }
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
