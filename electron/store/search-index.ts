// Rebuilds the full-text search rows of every submission from the submissions themselves.
import type { Database } from 'better-sqlite3';
import { searchText } from '../../shared/domain/text.js';

interface StoredResponses {
  responses?: { text?: unknown }[];
}

/** The search row of a submission: its earner's name and its responses, as the index holds them. */
export function searchColumns(
  earnerName: string,
  responses: readonly { text?: unknown }[] | undefined,
): [string, string] {
  return [
    searchText(earnerName),
    searchText((responses ?? []).map((r) => (typeof r.text === 'string' ? r.text : '')).join('\n')),
  ];
}

/**
 * The index is contentless (it keeps no copy of the text), so a change in how text is tokenized
 * means re-deriving every row from `submissions`. Runs inside the caller's transaction.
 */
export function rebuildSearchIndex(db: Database): number {
  db.prepare("INSERT INTO submissions_fts (submissions_fts) VALUES ('delete-all')").run();
  const insert = db.prepare('INSERT INTO submissions_fts (rowid, earner_name, responses) VALUES (?, ?, ?)');
  // In pages by seq: better-sqlite3 cannot write on a connection while a statement is still iterating.
  const page = db.prepare('SELECT seq, earner_name, json FROM submissions WHERE seq > ? ORDER BY seq LIMIT 500');
  let n = 0;
  let after = 0;
  for (;;) {
    const rows = page.all(after) as { seq: number; earner_name: string; json: string }[];
    if (rows.length === 0) break;
    for (const row of rows) {
      insert.run(row.seq, ...searchColumns(row.earner_name, (JSON.parse(row.json) as StoredResponses).responses));
    }
    n += rows.length;
    after = rows[rows.length - 1]!.seq;
  }
  return n;
}
