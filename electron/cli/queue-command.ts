// `assay queue`: one page of the review queue as a table or JSON, or with --all every row, streamed.
import { AssayError } from '../../shared/errors.js';
import {
  isSubmissionStatus,
  QUEUE_SORTS,
  SUBMISSION_STATUSES,
  type QueueItem,
  type QueueQuery,
} from '../../shared/domain/queue.js';
import { MIN_PREFIX_LETTERS, wholeWordsOnly } from '../../shared/domain/text.js';
import type { QueueOnly } from '../store/open-store.js';
import { write } from './output.js';

export class QueueUsageError extends AssayError {
  constructor(message: string) {
    super('usage', message);
  }
}

type Out = NodeJS.WritableStream;

/** 12,345: grouped by hand, as `toLocaleString` first loads ICU's number data (about 40 ms of a 200 ms start). */
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const plural = (n: number) => `${count(n)} submission${n === 1 ? '' : 's'}`;

export async function queueCommand(s: QueueOnly, values: Record<string, unknown>, stdout: Out): Promise<number> {
  const statuses = ((values.status as string[] | undefined) ?? []).map((v) => {
    if (!isSubmissionStatus(v))
      throw new QueueUsageError(`--status "${v}" is not one of ${SUBMISSION_STATUSES.join(', ')}`);
    return v;
  });
  const sort = (values.sort as string | undefined) ?? 'due';
  if (!(QUEUE_SORTS as readonly string[]).includes(sort))
    throw new QueueUsageError(`--sort "${sort}" is not one of ${QUEUE_SORTS.join(', ')}`);
  const all = values.all === true;
  if (all && values.limit !== undefined) throw new QueueUsageError('--all lists every row; leave out --limit');
  const limit = values.limit === undefined ? 100 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new QueueUsageError('--limit takes a whole number from 1 to 1000 (or use --all for every row)');
  const blind = values.blind === true;
  const query: QueueQuery = {
    ...(statuses.length ? { status: statuses } : {}),
    ...(typeof values.search === 'string' ? { search: values.search } : {}),
    ...(values.overdue === true ? { overdue: true } : {}),
    sort: sort as 'due' | 'submitted' | 'earner',
    blind,
  };
  const json = values.json === true;
  // Before any output: a refusal leaves nothing half-written (not even the "[" of --all --json).
  await s.assertQueueOpen();
  if (all) return streamAll(s, query, json, blind, stdout);

  const page = s.queue.list({ ...query, limit });
  if (json) {
    await write(stdout, `${JSON.stringify(page.items.map(jsonRow), null, 2)}\n`);
    return 0;
  }
  const table = new Table(blind);
  await write(stdout, table.format(page.items, true));
  const shown = page.items.length;
  // A table that stops short says so: nobody should take 100 rows for the whole queue.
  await write(
    stdout,
    shown < page.total
      ? `showing ${count(shown)} of ${plural(page.total)} — use --all to list every one\n`
      : `${plural(page.total)}\n`,
  );
  await write(stdout, searchNote(query.search));
  return 0;
}

/** Under a table: which words of the search match whole words only (too short to match beginnings). */
function searchNote(search: string | undefined): string {
  const short = search === undefined ? [] : wholeWordsOnly(search);
  if (short.length === 0) return '';
  return `${short.map((w) => `"${w}"`).join(', ')}: words under ${MIN_PREFIX_LETTERS} letters match whole words only; type ${MIN_PREFIX_LETTERS} letters or more to find words that begin with them\n`;
}

/** The JSON row: the item without the computed `overdue` flag (README documents these fields). */
function jsonRow(i: QueueItem): Omit<QueueItem, 'overdue'> {
  const { overdue: _overdue, ...row } = i;
  return row;
}

/**
 * Writes every row a page at a time, waiting for the reader between pages. JSON stays one valid
 * array, byte for byte what the paged output would be, so `jq` and friends read it either way.
 */
async function streamAll(s: QueueOnly, query: QueueQuery, json: boolean, blind: boolean, stdout: Out): Promise<number> {
  const table = new Table(blind);
  let rows = 0;
  if (json) await write(stdout, '[');
  for (const page of s.queue.pages(query)) {
    if (json) {
      const items = page.map((i) => `  ${JSON.stringify(jsonRow(i), null, 2).replace(/\n/g, '\n  ')}`);
      await write(stdout, `${rows === 0 ? '\n' : ',\n'}${items.join(',\n')}`);
    } else {
      await write(stdout, table.format(page, rows === 0));
    }
    rows += page.length;
  }
  await write(stdout, json ? `${rows === 0 ? '' : '\n'}]\n` : `${plural(rows)}\n`);
  if (!json) await write(stdout, searchNote(query.search));
  return 0;
}

/**
 * A table written in parts: columns are as wide as the widest cell seen so far, so a streamed
 * table is sized by its first page and only widens (never shifts left) for a longer cell later.
 */
class Table {
  private readonly head: string[];
  private readonly widths: number[];
  constructor(private readonly blind: boolean) {
    this.head = ['Due', 'Status', 'Try', ...(blind ? [] : ['Earner']), 'Achievement', 'Submission'];
    this.widths = this.head.map(displayWidth);
  }

  format(items: readonly QueueItem[], withHead: boolean): string {
    const rows = items.map((i) => [
      (i.dueAt ? i.dueAt.slice(0, 10) : '—') + (i.overdue ? ' !' : ''),
      i.status,
      String(i.attempt),
      ...(this.blind ? [] : [i.earnerName ?? '']),
      i.achievementName,
      i.id,
    ]);
    for (const r of rows) r.forEach((cell, c) => (this.widths[c] = Math.max(this.widths[c]!, displayWidth(cell))));
    const line = (cells: string[]) =>
      cells
        .map((cell, c) => cell.normalize('NFC') + ' '.repeat(this.widths[c]! - displayWidth(cell)))
        .join('  ')
        .trimEnd() + '\n';
    return (withHead ? line(this.head) : '') + rows.map(line).join('');
  }
}

/** Terminal columns a string takes: wide East Asian characters count two, combining marks none. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.normalize('NFC')) {
    if (/\p{M}/u.test(ch)) continue;
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}
