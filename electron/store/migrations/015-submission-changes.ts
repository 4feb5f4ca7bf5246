// Migration 15: a short log of changes to the submissions' queue columns (status, achievement, attempt, due date,
// submitted date, name's sort key), each change's row before and after, kept by triggers for whoever writes (the
// app, the CLI). The queue carries what it has worked out (a search's filtered total, a deep page's anchor) across
// the changes it reads here, instead of counting again: saving a review changes one status, which moves a search's
// filtered total by at most one, where counting it again took 30–38 ms at 100,000 submissions (see
// electron/queue/queue.ts). Bounded: every 256th change drops all but the last 1,024 (a reader whose changes were
// dropped counts again). Written to run again on a store that has it.
import type { Database } from 'better-sqlite3';

/** The columns the queue filters and sorts on, each logged as it was (old_) and became (new_). */
const COLUMNS = ['status', 'achievement_id', 'attempt', 'due_sort', 'submitted_at', 'earner_sort'] as const;
const TYPES: Record<(typeof COLUMNS)[number], string> = {
  status: 'TEXT',
  achievement_id: 'TEXT',
  attempt: 'INTEGER',
  due_sort: 'TEXT',
  submitted_at: 'TEXT',
  earner_sort: 'TEXT',
};

export function up(db: Database): void {
  const cols = (side: 'old' | 'new') => COLUMNS.map((c) => `${side}_${c}`).join(', ');
  const values = (row: 'OLD' | 'NEW' | null) => COLUMNS.map((c) => (row ? `${row}.${c}` : 'NULL')).join(', ');
  const differs = COLUMNS.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');
  db.exec(`
    CREATE TABLE IF NOT EXISTS submission_changes (
      -- Never reused: the last row is never dropped, so a new one always follows it.
      id INTEGER PRIMARY KEY,
      seq INTEGER NOT NULL,
      -- old_status NULL: the row was inserted; new_status NULL: it was deleted.
      ${COLUMNS.map((c) => `old_${c} ${TYPES[c]}, new_${c} ${TYPES[c]}`).join(',\n      ')}
    ) STRICT;
    CREATE TRIGGER IF NOT EXISTS submissions_log_insert AFTER INSERT ON submissions BEGIN
      INSERT INTO submission_changes (seq, ${cols('old')}, ${cols('new')}) VALUES (NEW.seq, ${values(null)}, ${values('NEW')});
    END;
    CREATE TRIGGER IF NOT EXISTS submissions_log_delete AFTER DELETE ON submissions BEGIN
      INSERT INTO submission_changes (seq, ${cols('old')}, ${cols('new')}) VALUES (OLD.seq, ${values('OLD')}, ${values(null)});
    END;
    CREATE TRIGGER IF NOT EXISTS submissions_log_update AFTER UPDATE OF ${COLUMNS.join(', ')} ON submissions
      WHEN ${differs}
    BEGIN
      INSERT INTO submission_changes (seq, ${cols('old')}, ${cols('new')}) VALUES (NEW.seq, ${values('OLD')}, ${values('NEW')});
    END;
    CREATE TRIGGER IF NOT EXISTS submission_changes_bound AFTER INSERT ON submission_changes
      WHEN NEW.id % 256 = 0
    BEGIN
      DELETE FROM submission_changes WHERE id <= NEW.id - 1024;
    END;
  `);
}
