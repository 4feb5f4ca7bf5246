// Migration 8: an index for every filter the queue offers (a status, an achievement, an attempt) in each of
// its three orders, so any page is read in order from an index: no sort of the matching rows, whatever
// the filters (a status set is several of these walked side by side; see electron/queue/queue.ts).
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    CREATE INDEX IF NOT EXISTS submissions_by_status_submitted ON submissions(status, submitted_at, seq);
    CREATE INDEX IF NOT EXISTS submissions_by_status_name ON submissions(status, earner_sort, seq);
    CREATE INDEX IF NOT EXISTS submissions_by_achievement_submitted ON submissions(achievement_id, submitted_at, seq);
    CREATE INDEX IF NOT EXISTS submissions_by_achievement_name ON submissions(achievement_id, earner_sort, seq);
    CREATE INDEX IF NOT EXISTS submissions_by_attempt_submitted ON submissions(attempt, submitted_at, seq);
    CREATE INDEX IF NOT EXISTS submissions_by_attempt_name ON submissions(attempt, earner_sort, seq);
  `);
}
