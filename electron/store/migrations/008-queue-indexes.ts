// Migration 8: the queue reads every page in order from an index, whatever its filters (a status set, an
// achievement, an attempt, overdue) and order (due, submitted, earner; either way):
// - per status, one index per order that also holds the other filters' columns, so a status's rows are
//   walked in order and filtered without reading a row (a status set walks each of its statuses and merges;
//   see electron/queue/queue.ts). About 12 MB each at 100,000 submissions. The status-and-due index of
//   migration 1 is rebuilt with those columns.
// - per achievement and per attempt, one index per order (migration 1 has them by due date).
// Written to run again on a store that has them (as earlier migrations are), e.g. after user_version was reset.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    DROP INDEX IF EXISTS submissions_by_status_due;
    CREATE INDEX submissions_by_status_due ON submissions(status, due_sort, seq, achievement_id, attempt);
    CREATE INDEX IF NOT EXISTS submissions_by_status_submitted
      ON submissions(status, submitted_at, seq, achievement_id, attempt, due_sort);
    CREATE INDEX IF NOT EXISTS submissions_by_status_name ON submissions(status, earner_sort, seq, achievement_id, attempt, due_sort);
    CREATE INDEX IF NOT EXISTS submissions_by_achievement_submitted ON submissions(achievement_id, submitted_at, seq);
    CREATE INDEX IF NOT EXISTS submissions_by_achievement_name ON submissions(achievement_id, earner_sort, seq);
    CREATE INDEX IF NOT EXISTS submissions_by_attempt_submitted ON submissions(attempt, submitted_at, seq);
    CREATE INDEX IF NOT EXISTS submissions_by_attempt_name ON submissions(attempt, earner_sort, seq);
  `);
}
