// Migration 14: a coordination decision keeps its levels as the level index of each criterion in the rubric's
// order ("2,0,1,1") and its comments by criterion id, instead of JSON naming every criterion and level by id
// (electron/coordination/levels.ts gives the ids back from the round's rubric, which a round never changes).
// At 100,000 decisions the table went from about 1.1 KB to 300 bytes a row: the open writes a quarter of the
// bytes, and the overview and the exports read and parse that much less. SQLite cannot change a column's
// meaning in place, so the table is rebuilt (same columns otherwise, same constraints and indexes).

import type { Database } from 'better-sqlite3';

export function up(db: Database): void {
  // Run again over a store that has the compact columns already (the store's migrations run again harmlessly),
  // it leaves the rows as they are.
  const columns = db.prepare("SELECT name FROM pragma_table_info('coord_decisions')").pluck().all() as string[];
  if (!columns.includes('levels_json')) return;
  db.exec(`
    CREATE TABLE coord_decisions_014 (
      seq INTEGER PRIMARY KEY,
      results_id TEXT NOT NULL REFERENCES coord_results(id),
      reading TEXT NOT NULL CHECK (reading IN ('first', 'second')),
      submission_id TEXT NOT NULL REFERENCES coord_submissions(id),
      assessor_key TEXT NOT NULL,
      achievement_id TEXT NOT NULL,
      attempt INTEGER NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('pass', 'not-yet')),
      -- The level index of each criterion in the rubric's order, comma-separated (levels.ts).
      levels TEXT NOT NULL,
      -- { criterion id: the reader's comment }, or NULL when there is none.
      comments_json TEXT,
      feedback TEXT,
      override_justification TEXT,
      submitted_at TEXT NOT NULL,
      time_on_task_s INTEGER,
      due_at TEXT,
      UNIQUE (reading, submission_id)
    ) STRICT;

    INSERT INTO coord_decisions_014 (seq, results_id, reading, submission_id, assessor_key, achievement_id, attempt,
        decision, levels, comments_json, feedback, override_justification, submitted_at, time_on_task_s, due_at)
      SELECT seq, results_id, reading, submission_id, assessor_key, achievement_id, attempt, decision,
        coalesce((SELECT group_concat(j.value ->> 'i', ',' ORDER BY j.key) FROM json_each(d.levels_json) j), ''),
        (SELECT json_group_object(j.value ->> 'c', j.value ->> 'comment') FROM json_each(d.levels_json) j
          WHERE coalesce(j.value ->> 'comment', '') <> '' HAVING count(*) > 0),
        feedback, override_justification, submitted_at, time_on_task_s, due_at
      FROM coord_decisions d ORDER BY seq;

    DROP TABLE coord_decisions;
    ALTER TABLE coord_decisions_014 RENAME TO coord_decisions;
    CREATE INDEX coord_decisions_by_assessor ON coord_decisions (assessor_key, submitted_at);
    CREATE INDEX coord_decisions_first_readings
      ON coord_decisions (reading, assessor_key, decision, submitted_at, time_on_task_s, due_at);
  `);
}
