// Migration 10: the coordinator's overview counts every first reading (decisions, not-yet rate, throughput)
// and needs only these columns of it. A covering index holds them, so the overview reads about 100 bytes a
// decision instead of the whole row (its levels, feedback: over a kilobyte), which at 100,000 decisions is
// the difference between 10 MB and 110 MB read. IF NOT EXISTS: it runs again harmlessly.
import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  db.exec(`
    CREATE INDEX IF NOT EXISTS coord_decisions_first_readings
      ON coord_decisions (reading, assessor_key, decision, submitted_at, time_on_task_s, due_at);
  `);
}
