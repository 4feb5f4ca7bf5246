// Migration 2: names and text in scripts written without spaces (Chinese, Japanese, Korean names, Thai) are
// indexed one character a token, so any part of them can be searched. Re-derives the search rows.
import type { Database } from 'better-sqlite3';
import { rebuildSearchIndex } from '../search-index.js';

export function up(db: Database): void {
  rebuildSearchIndex(db);
}
