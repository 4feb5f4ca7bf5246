// The review queue's query and its rows, shared by the CLI, the IPC contract and the renderer. No zod here:
// `assay queue` loads this module, and zod alone costs about 80 ms of a start (the schemas the IPC contract
// checks are in ./queue-schema.ts; a type check keeps them and these types the same).
import { AssayError } from '../errors.js';

export const SUBMISSION_STATUSES = ['pending', 'in-progress', 'passed', 'not-yet', 'recused'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const QUEUE_SORTS = ['due', 'submitted', 'earner'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export function isSubmissionStatus(value: unknown): value is SubmissionStatus {
  return (SUBMISSION_STATUSES as readonly unknown[]).includes(value);
}

/** Statuses still waiting on the assessor; only these can be overdue. */
export const OPEN_STATUSES: readonly SubmissionStatus[] = ['pending', 'in-progress'];

/** Sorts undated submissions after every dated one. */
export const NO_DUE_DATE = '9999-12-31T23:59:59.999Z';
export function dueSortKey(dueAt: string | undefined | null): string {
  return dueAt ? new Date(dueAt).toISOString() : NO_DUE_DATE;
}

/** A query of the queue as callers write it: every field may be left out. */
export interface QueueQuery {
  /** At most one of each status (a longer list is a hostile caller, not a filter). */
  status?: SubmissionStatus[] | undefined;
  achievementId?: string | undefined;
  overdue?: boolean | undefined;
  attempt?: number | undefined;
  /** Free text over earner names and responses (over responses only when blind). */
  search?: string | undefined;
  sort?: QueueSort | undefined;
  direction?: 'asc' | 'desc' | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
  /** Blind review: no earner identity at all in what comes back. */
  blind?: boolean | undefined;
  /** "Now" for overdue, as ISO 8601; defaults to the current time. */
  now?: string | undefined;
}

/** A query checked, with its defaults filled in. */
export interface ParsedQueueQuery extends QueueQuery {
  sort: QueueSort;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
  blind: boolean;
}

export interface QueueItem {
  id: string;
  achievementId: string;
  achievementName: string;
  earnerName?: string | undefined;
  status: SubmissionStatus;
  attempt: number;
  submittedAt: string;
  dueAt: string | null;
  overdue: boolean;
}

export interface QueuePage {
  items: QueueItem[];
  /** Rows matching the filters, for the scroll height of a virtual table. */
  total: number;
  offset: number;
}

export interface StatusCounts {
  pending: number;
  'in-progress': number;
  passed: number;
  'not-yet': number;
  recused: number;
  overdue: number;
  total: number;
}

const fault = (message: string) => new AssayError('invalid-input', `Queue query: ${message}`);

function optional<T>(
  q: Record<string, unknown>,
  key: string,
  check: (v: unknown) => v is T,
  what: string,
): T | undefined {
  const v = q[key];
  if (v === undefined) return undefined;
  if (!check(v))
    throw fault(`${key} must be ${what} (got ${(JSON.stringify(v) as string | undefined)?.slice(0, 80) ?? typeof v})`);
  return v;
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const wholeFrom =
  (min: number, max = Number.MAX_SAFE_INTEGER) =>
  (v: unknown): v is number =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * The query checked and its defaults filled in: the same values `queueQuerySchema` accepts and gives
 * (test/queue/queue-query.test.ts holds the two to that); anything else is an 'invalid-input' naming the field.
 * Keys it does not know are left out, as the schema strips them.
 */
export function parseQueueQuery(query: QueueQuery = {}): ParsedQueueQuery {
  const input: unknown = query; // from JavaScript, or a caller that cast, anything can come
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw fault('not an object');
  const q = input as Record<string, unknown>;
  const status = optional(
    q,
    'status',
    (v): v is SubmissionStatus[] => Array.isArray(v) && v.length <= 5 && v.every(isSubmissionStatus),
    `a list of at most 5 of ${SUBMISSION_STATUSES.join(', ')}`,
  );
  const achievementId = optional(q, 'achievementId', isString, 'text');
  const overdue = optional(q, 'overdue', isBoolean, 'true or false');
  const attempt = optional(q, 'attempt', wholeFrom(1), 'a whole number from 1');
  const search = optional(
    q,
    'search',
    (v): v is string => isString(v) && v.length <= 500,
    'text of at most 500 characters',
  );
  const sort = optional(
    q,
    'sort',
    (v): v is QueueSort => (QUEUE_SORTS as readonly unknown[]).includes(v),
    QUEUE_SORTS.join(', '),
  );
  const direction = optional(q, 'direction', (v): v is 'asc' | 'desc' => v === 'asc' || v === 'desc', 'asc or desc');
  const offset = optional(q, 'offset', wholeFrom(0), 'a whole number from 0');
  const limit = optional(q, 'limit', wholeFrom(1, 1000), 'a whole number from 1 to 1000');
  const blind = optional(q, 'blind', isBoolean, 'true or false');
  const now = optional(q, 'now', isString, 'an ISO 8601 time');
  return {
    ...(status !== undefined ? { status: [...status] } : {}),
    ...(achievementId !== undefined ? { achievementId } : {}),
    ...(overdue !== undefined ? { overdue } : {}),
    ...(attempt !== undefined ? { attempt } : {}),
    ...(search !== undefined ? { search } : {}),
    sort: sort ?? 'due',
    direction: direction ?? 'asc',
    offset: offset ?? 0,
    limit: limit ?? 100,
    blind: blind ?? false,
    ...(now !== undefined ? { now } : {}),
  };
}
