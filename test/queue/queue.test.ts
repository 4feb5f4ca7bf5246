import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareKeys,
  expandedFtsQuery,
  Queue,
  queueSql,
  ROWS_SQL,
  type SearchTuning,
} from '../../electron/queue/queue.js';
import { openServices, type Services } from '../../electron/services.js';
import { migrations } from '../../electron/store/migrations/index.js';
import {
  parseQueueQuery,
  SUBMISSION_STATUSES,
  type QueueQuery,
  type SubmissionStatus,
} from '../../shared/domain/queue.js';
import { achievement, manifest, submission, tempDir, writePackage } from '../support/package-builder.js';

const OTHER = 'https://pd.test.example/achievements/digital-fluency/v1';
const NAMES = [
  'Zoë Núñez-Łukasiewicz',
  'Ἀλέξανδρος Παπαδόπουλος',
  '김민준',
  'محمد الأحمد',
  'Ng Thị Ánh',
  'Aiyana Redcloud',
  'liam O’Connor',
];
const NOW = '2026-11-28T12:00:00Z';

let services: Services;
let work: string;

beforeAll(async () => {
  work = tempDir();
  services = openServices(path.join(work, 'data'));
  const subs = NAMES.map((name, i) =>
    submission(i, undefined, {
      earner: { id: `mailto:e${i}@school.example`, name, email: `e${i}@school.example`, organization: 'Hill School' },
      achievementId: i % 2 === 0 ? 'https://pd.test.example/achievements/core-stem/v1' : OTHER,
      attempt: i === 3 ? 2 : 1,
      responses: [
        {
          sectionId: 'overview',
          text:
            i === 4 ? 'My students built photosynthesis models with recycled materials.' : `Ordinary response ${i}.`,
        },
      ],
      // Three are overdue on NOW, one has no due date, and one uses another offset than Z.
      dueAt:
        i < 3
          ? `2026-11-2${i}T00:00:00Z`
          : i === 5
            ? undefined
            : i === 6
              ? '2026-12-10T09:00:00+09:00'
              : `2026-12-0${i}T00:00:00Z`,
    }),
  );
  const dir = path.join(work, 'pkg');
  writePackage(
    dir,
    manifest({ achievements: [achievement(), achievement(OTHER, { name: 'Digital Fluency' })], submissions: subs }),
    [],
  );
  await services.importPackage(dir);
  services.db.prepare("UPDATE submissions SET status = 'passed' WHERE earner_name = ?").run(NAMES[1]);
});
afterAll(() => {
  services.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** services.db, recording the SQL each statement is prepared from. */
function recording(): { db: typeof services.db; prepared: string[] } {
  const prepared: string[] = [];
  const db = new Proxy(services.db, {
    get(target, key) {
      if (key === 'prepare')
        return (sql: string) => {
          prepared.push(sql);
          return target.prepare(sql);
        };
      const v = Reflect.get(target, key) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { db, prepared };
}

const names = (q: QueueQuery) => services.queue.list({ now: NOW, ...q }).items.map((i) => i.earnerName);

describe('the queue', () => {
  it('sorts by due date with undated submissions last, comparing instants across offsets', () => {
    expect(names({})).toEqual([NAMES[0], NAMES[1], NAMES[2], NAMES[3], NAMES[4], NAMES[6], NAMES[5]]);
  });

  it('sorts by earner name ignoring accents and case, and by submitted date descending', () => {
    const byName = names({ sort: 'earner' });
    expect(byName.indexOf('liam O’Connor')).toBeLessThan(byName.indexOf('Ng Thị Ánh'));
    expect(byName.indexOf('Ng Thị Ánh')).toBeLessThan(byName.indexOf('Zoë Núñez-Łukasiewicz'));
    expect(names({ sort: 'submitted', direction: 'desc' })[0]).toBe(NAMES[6]);
  });

  it('filters by status, achievement, attempt and overdue', () => {
    expect(names({ status: ['passed'] })).toEqual([NAMES[1]]);
    expect(names({ achievementId: OTHER })).toEqual([NAMES[1], NAMES[3], NAMES[5]]);
    expect(names({ attempt: 2 })).toEqual([NAMES[3]]);
    // NAMES[1] is past due but passed, so not overdue.
    expect(names({ overdue: true })).toEqual([NAMES[0], NAMES[2]]);
    // Overdue is for open statuses: with decided ones only, nothing.
    expect(names({ overdue: true, status: ['passed', 'not-yet'] })).toEqual([]);
    expect(services.queue.list({ now: NOW, overdue: true, status: ['passed'] }).total).toBe(0);
    expect(names({ overdue: true, status: ['passed', 'pending'], sort: 'earner' })).toEqual(
      [NAMES[0], NAMES[2]].sort(),
    );
    expect(services.queue.list({ now: NOW }).items.filter((i) => i.overdue).length).toBe(2);
  });

  it('pages, and reports the total for the filters', () => {
    const page = services.queue.list({ now: NOW, limit: 2, offset: 2 });
    expect(page.items.map((i) => i.earnerName)).toEqual([NAMES[2], NAMES[3]]);
    expect(page.total).toBe(7);
  });

  it('counts per status and overdue', () => {
    expect(services.queue.counts(NOW)).toEqual({
      pending: 6,
      'in-progress': 0,
      passed: 1,
      'not-yet': 0,
      recused: 0,
      overdue: 2,
      total: 7,
    });
  });

  it('searches names in any script, without accents, by prefix, and responses', () => {
    expect(names({ search: 'nunez' })).toEqual([NAMES[0]]);
    expect(names({ search: 'Αλέξανδρος' })).toEqual([NAMES[1]]);
    expect(names({ search: '김민' })).toEqual([NAMES[2]]);
    expect(names({ search: 'محمد' })).toEqual([NAMES[3]]);
    expect(names({ search: 'thi anh' })).toEqual([NAMES[4]]);
    expect(names({ search: 'photosynth recycled' })).toEqual([NAMES[4]]);
    expect(names({ search: 'photosynthesis NEAR(' })).toEqual([]);
    expect(names({ search: '"' })).toHaveLength(7);
  });

  it('blind: no earner identity at all, and a name search finds nothing', () => {
    const page = services.queue.list({ now: NOW, blind: true });
    const text = JSON.stringify(page);
    for (const n of NAMES) expect(text).not.toContain(n);
    expect(text).not.toMatch(/school\.example|Hill School|mailto/);
    expect(page.items.every((i) => !('earnerName' in i))).toBe(true);
    expect(services.queue.list({ now: NOW, blind: true, search: 'nunez' }).total).toBe(0);
    expect(services.queue.list({ now: NOW, blind: true, search: 'photosynthesis' }).total).toBe(1);
    // Sorting by a name the reviewer cannot see would leak its order.
    expect(services.queue.list({ now: NOW, blind: true, sort: 'earner' }).items.map((i) => i.id)).toEqual(
      services.queue.list({ now: NOW, blind: true }).items.map((i) => i.id),
    );
  });
});

describe('totals kept by triggers per status, achievement and attempt (migration 13)', () => {
  const byScan = (q: QueueQuery) => {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (q.status) {
      clauses.push(`status IN (${q.status.map(() => '?').join(', ')})`);
      params.push(...q.status);
    }
    if (q.achievementId !== undefined) {
      clauses.push('achievement_id = ?');
      params.push(q.achievementId);
    }
    if (q.attempt !== undefined) {
      clauses.push('attempt = ?');
      params.push(q.attempt);
    }
    return services.db
      .prepare(`SELECT count(*) FROM submissions ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}`)
      .pluck()
      .get(...params) as number;
  };
  const agree = () => {
    // A queue that keeps nothing: each total is read from the kept counts as they are now.
    const queue = new Queue(services.db, () => undefined);
    const achievements = [undefined, OTHER, 'https://pd.test.example/achievements/core-stem/v1', 'urn:none'];
    for (const achievementId of achievements)
      for (const attempt of [undefined, 1, 2, 3])
        for (let mask = 0; mask < 1 << SUBMISSION_STATUSES.length; mask++) {
          const q: QueueQuery = {
            ...(mask ? { status: SUBMISSION_STATUSES.filter((_, i) => mask & (1 << i)) } : {}),
            ...(achievementId ? { achievementId } : {}),
            ...(attempt ? { attempt } : {}),
          };
          expect(queue.list({ now: NOW, ...q, limit: 1 }).total, JSON.stringify(q)).toBe(byScan(q));
        }
    const counts = services.queue.counts(NOW);
    for (const st of SUBMISSION_STATUSES) expect(counts[st], st).toBe(byScan({ status: [st] }));
    expect(counts.total).toBe(byScan({}));
  };

  it('every mix of statuses, achievement and attempt totals what a scan counts, as rows change, and the migration makes them anew', () => {
    agree();
    const rows = services.db
      .prepare('SELECT seq, status, achievement_id AS a, attempt FROM submissions ORDER BY seq')
      .all() as {
      seq: number;
      status: SubmissionStatus;
      a: string;
      attempt: number;
    }[];
    const set = services.db.prepare('UPDATE submissions SET status = ?, achievement_id = ?, attempt = ? WHERE seq = ?');
    try {
      set.run('passed', rows[0]!.a, rows[0]!.attempt, rows[0]!.seq);
      set.run('recused', OTHER, 3, rows[1]!.seq);
      set.run(rows[2]!.status, rows[2]!.a, 2, rows[2]!.seq);
      set.run(rows[3]!.status, rows[3]!.a, rows[3]!.attempt, rows[3]!.seq); // unchanged: no count moves
      agree();
      // A deleted row leaves its group (in a transaction rolled back: the row stays for the other tests).
      const rollback = new Error('rollback');
      expect(() =>
        services.db.transaction(() => {
          services.db.pragma('defer_foreign_keys = ON'); // what refers to the row: never checked, rolled back
          services.db.prepare('DELETE FROM submissions_fts WHERE rowid = ?').run(rows[4]!.seq);
          services.db.prepare('DELETE FROM submissions WHERE seq = ?').run(rows[4]!.seq);
          agree();
          throw rollback;
        })(),
      ).toThrow(rollback);
      // Run again on a store that has it (as every migration may be): the counts are made from the rows.
      services.db.prepare("UPDATE submission_group_counts SET n = n + 5 WHERE status = 'passed'").run();
      const m13 = migrations.find((m) => m.version === 13)!;
      expect(m13.name).toBe('group-counts');
      services.db.transaction(() => m13.up(services.db))();
      agree();
    } finally {
      for (const r of rows.slice(0, 4)) set.run(r.status, r.a, r.attempt, r.seq);
    }
    agree();
    // Migration 11's per-status table and triggers are gone: one set of counts.
    expect(
      services.db
        .prepare(
          "SELECT name FROM sqlite_master WHERE name LIKE 'submission_status_counts' OR name LIKE 'submissions_count_%'",
        )
        .all(),
    ).toEqual([]);
  });
});

describe('figures carried across the changes the store logs (migration 15)', () => {
  const searches: QueueQuery[] = [
    { search: 'ordinary', status: ['pending'] },
    { search: 'ordinary', status: ['pending', 'passed', 'recused'] },
    { search: 'ordinary', achievementId: OTHER },
    { search: 'ordinary', attempt: 1, status: ['in-progress', 'not-yet'] },
    { search: 'ordin', overdue: true },
    { search: 'response', blind: true, status: ['pending'] },
    { overdue: true, status: ['pending', 'in-progress'] },
  ];
  const truth = (q: QueueQuery) => new Queue(services.db, () => undefined, { carry: false }).list(q);
  const rows = () =>
    services.db.prepare('SELECT seq, status, attempt, due_sort AS due FROM submissions ORDER BY seq').all() as {
      seq: number;
      status: string;
      attempt: number;
      due: string;
    }[];
  const restore = (saved: ReturnType<typeof rows>) => {
    const put = services.db.prepare('UPDATE submissions SET status = ?, attempt = ?, due_sort = ? WHERE seq = ?');
    for (const r of saved) put.run(r.status, r.attempt, r.due, r.seq);
  };

  it("a search's filtered total and an overdue total follow status changes (this connection's and another's) without counting again", () => {
    const { db, prepared } = recording();
    const queue = new Queue(db, () => undefined);
    // A total counted from the full-text matches (or overdue's rows), as opposed to carried from the log.
    const counted = () =>
      prepared.filter((s) => /^(WITH hits.* )?SELECT count\(\*\) FROM submissions s/.test(s)).length;
    const carried = () => prepared.filter((s) => /FROM submission_changes/.test(s) && !/, s\.seq\)/.test(s)).length;
    const saved = rows();
    const check = (when: string) => {
      for (const q of searches) {
        const query = { now: NOW, limit: 2, ...q };
        expect(queue.list(query), `${when}: ${JSON.stringify(q)}`).toEqual(truth(query));
      }
    };
    try {
      check('first');
      const first = counted();
      expect(first).toBe(searches.length);
      let seed = 11;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      for (let change = 0; change < 10; change++) {
        // The first two move the one submission "ordinary" does not find (it must not move the search's total).
        const row = change < 2 ? saved[4]! : saved[random(saved.length)]!;
        const status =
          change < 2
            ? (['passed', 'pending'] as const)[change]!
            : SUBMISSION_STATUSES[random(SUBMISSION_STATUSES.length)]!;
        if (change % 3 === 2) {
          // Another connection (the CLI): two changes at once, a status and an attempt.
          const other = new Database(path.join(work, 'data', 'assay.db'));
          other
            .prepare('UPDATE submissions SET status = ?, attempt = ? WHERE seq = ?')
            .run(status, 1 + random(2), row.seq);
          other.close();
        } else services.db.prepare('UPDATE submissions SET status = ? WHERE seq = ?').run(status, row.seq);
        check(`change ${change}`);
      }
      // Never counted again: every total was carried by the logged changes' rows.
      expect(counted()).toBe(first);
      expect(carried()).toBeGreaterThan(0);

      // A due date changed: overdue's rows (and a search's, for an import) may change with nothing logged for
      // them: counted again.
      services.db
        .prepare("UPDATE submissions SET due_sort = '2026-11-01T00:00:00.000Z' WHERE seq = ?")
        .run(saved[6]!.seq);
      check('due date');
      expect(counted()).toBeGreaterThan(first);
    } finally {
      restore(saved);
    }
  });

  it('orders sort keys as SQLite orders text, astral characters and the private use area included', () => {
    // The held rows are moved in JavaScript by the logged rows before them: its order must be SQLite's.
    const alphabet = ['a', 'Z', 'é', 'ł', '\u00ff', '김', '\ue000', '\uffef', '𝒜', '😀', '中', '\u0000', ' ', '9'];
    let seed = 5;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const keys = Array.from({ length: 400 }, () =>
      Array.from({ length: 1 + random(4) }, () => alphabet[random(alphabet.length)]).join(''),
    );
    const db = new Database(':memory:');
    db.exec('CREATE TABLE k (v TEXT)');
    const add = db.prepare('INSERT INTO k VALUES (?)');
    for (const k of keys) add.run(k);
    const bySqlite = db.prepare('SELECT v FROM k ORDER BY v').pluck().all() as string[];
    db.close();
    expect([...keys].sort(compareKeys)).toEqual(bySqlite);
    // JavaScript's own order (UTF-16 code units) differs: a surrogate pair sorts before U+E000 there.
    expect([...keys].sort()).not.toEqual(bySqlite);
  });

  it("a search's deep pages start from anchors, moved by the changed rows the index finds and no others", () => {
    const { db, prepared } = recording();
    // Anchors every 2 matches, its matches counted as many however few (so read in order, from anchors).
    const queue = new Queue(db, () => undefined, { searchAnchorEvery: 2, fewMatches: 0 });
    const saved = rows();
    const q: QueueQuery = {
      now: NOW,
      search: 'ordinary',
      status: ['pending', 'in-progress', 'passed'],
      sort: 'earner',
    };
    const pages = (when: string) => {
      for (let offset = 0; offset <= 5; offset++)
        expect(queue.list({ ...q, limit: 1, offset }), `${when}: offset ${offset}`).toEqual(
          truth({ ...q, limit: 1, offset }),
        );
    };
    try {
      pages('first');
      // Walked from an anchor, the matches read from a table filled once for the search.
      const fills = () => prepared.filter((s) => /^INSERT INTO temp\.assay_queue_hits_\d+ SELECT rowid/.test(s)).length;
      expect(
        prepared.filter((s) => /IN temp\.assay_queue_hits_\d+/.test(s) && /, s\.seq\) > \(\?, \?\)/.test(s)).length,
      ).toBeGreaterThan(0);
      expect(fills()).toBe(1);
      // The one submission "ordinary" does not find leaves the statuses asked for: no match moved.
      const other = services.db.prepare('SELECT seq FROM submissions WHERE earner_name = ?').pluck().get(NAMES[4]);
      services.db.prepare("UPDATE submissions SET status = 'pending' WHERE seq = ?").run(other);
      pages('warm');
      services.db.prepare("UPDATE submissions SET status = 'recused' WHERE seq = ?").run(other);
      pages('the row it does not find');
      // A match leaves them: every anchor after it moves back one.
      services.db.prepare("UPDATE submissions SET status = 'recused' WHERE earner_name = ?").run(NAMES[0]);
      pages('a match');
      // Carried by the log, asked of the index in whole words; the matches' table kept across the changes.
      expect(prepared.filter((s) => /^SELECT s\.sign, s\.earner_sort, s\.seq.*MATCH/s.test(s)).length).toBeGreaterThan(
        1,
      );
      expect(fills()).toBe(1);
      // A due date changed (as an import may change the index, with nothing logged for it): filled again.
      services.db.prepare("UPDATE submissions SET due_sort = '2026-11-02T00:00:00.000Z' WHERE seq = ?").run(other);
      pages('a due date');
      expect(fills()).toBe(2);
    } finally {
      restore(saved);
    }
  });

  it("filling a search's table of matches changes nothing the queue keeps: a page asked again reads only itself", () => {
    const { db, prepared } = recording();
    const queue = new Queue(db, () => undefined, { searchAnchorEvery: 2, fewMatches: 0 });
    const q: QueueQuery = { now: NOW, search: 'ordinary', sort: 'earner', limit: 1, offset: 4 };
    const asked = () => {
      const n = prepared.length;
      expect(queue.list(q)).toEqual(truth(q));
      return prepared.slice(n);
    };
    // The first call fills the table and finds the anchor; the second reads what the third does (no anchor
    // repaired, no total carried: total_changes() counted the table's rows, which are not the store's).
    expect(asked().some((s) => s.startsWith('INSERT INTO temp.assay_queue_hits_'))).toBe(true);
    const second = asked();
    expect(second).toEqual(asked());
    expect(second.filter((s) => /, s\.seq\) [<>]=? \(\?, \?\)/.test(s))).toHaveLength(1); // the page, from its anchor
  });

  it('counts again once the changes it would carry across are no longer in the log, which stays bounded', () => {
    const { db, prepared } = recording();
    const queue = new Queue(db, () => undefined);
    const counted = () =>
      prepared.filter((s) => /^(WITH hits.* )?SELECT count\(\*\) FROM submissions s/.test(s)).length;
    const saved = rows();
    const q: QueueQuery = { now: NOW, limit: 2, search: 'ordinary', status: ['pending'] };
    try {
      expect(queue.list(q)).toEqual(truth(q));
      const first = counted();
      // 1,500 changes by another connection: more than the log keeps.
      const other = new Database(path.join(work, 'data', 'assay.db'));
      const set = other.prepare('UPDATE submissions SET status = ? WHERE seq = ?');
      other.transaction(() => {
        for (let i = 0; i < 1500; i++) set.run(i % 2 ? 'pending' : 'passed', saved[i % saved.length]!.seq);
      })();
      other.close();
      expect(queue.list(q)).toEqual(truth(q));
      expect(counted()).toBe(first + 1);
      const [n, last] = services.db.prepare('SELECT count(*), max(id) FROM submission_changes').raw().get() as number[];
      expect(n).toBeGreaterThanOrEqual(1024);
      expect(n).toBeLessThan(1024 + 256);
      expect(last).toBeGreaterThan(1500);
    } finally {
      restore(saved);
    }
  });

  it('a query read only near its top while more changes are made than the log keeps still carries its deep anchors', () => {
    const { db, prepared } = recording();
    // An anchor every 2 rows, and every slot repaired from its row after a change (none walked to).
    const queue = new Queue(db, () => undefined, { anchorEvery: 2, walkSlots: 0 });
    const q: QueueQuery = { now: NOW, sort: 'earner', limit: 1, offset: 6 };
    const top = { ...q, offset: 0 };
    // The number of rows before a slot's row, counted (a repair whose place the log did not carry).
    const countedBeside = () =>
      prepared.filter((s) => /count\(\*\) FROM submissions s .*, s\.seq\) [<>]=? \(\?, \?\)/.test(s)).length;
    const saved = rows();
    try {
      expect(queue.list(q)).toEqual(truth(q));
      const carries = () => prepared.filter((s) => /^SELECT s\.sign, s\.earner_sort, s\.seq/.test(s)).length;
      // 1,500 changes (more than the log keeps), the first page read after each 300: the deep anchors are
      // carried with it once they are half the log behind, never further behind than the log reaches.
      const set = services.db.prepare('UPDATE submissions SET status = ? WHERE seq = ?');
      for (let batch = 0; batch < 5; batch++) {
        services.db.transaction(() => {
          for (let i = 0; i < 300; i++) set.run(i % 2 ? 'pending' : 'passed', saved[(batch + i) % saved.length]!.seq);
        })();
        expect(queue.list(top)).toEqual(truth(top));
        expect(carries()).toBe([0, 1, 1, 2, 2][batch]); // carried at 600 changes behind, then at 600 again
      }
      expect(queue.list(q)).toEqual(truth(q));
      expect(countedBeside()).toBe(0);
      // Left unread for as many changes, the same deep page counts its slot's place again.
      services.db.transaction(() => {
        for (let i = 0; i < 1500; i++) set.run(i % 2 ? 'passed' : 'pending', saved[i % saved.length]!.seq);
      })();
      expect(queue.list(q)).toEqual(truth(q));
      expect(countedBeside()).toBe(1);
    } finally {
      restore(saved);
    }
  });
});

describe('query plans', () => {
  const plan = (q: QueueQuery) => {
    const { sql, params } = queueSql(parseQueueQuery({ now: NOW, ...q }));
    return (services.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');
  };

  it.each<[string, QueueQuery, RegExp]>([
    ['due date', {}, /USING (COVERING )?INDEX submissions_by_due\b/],
    ['submitted date', { sort: 'submitted' }, /USING (COVERING )?INDEX submissions_by_submitted\b/],
    ['earner name', { sort: 'earner' }, /USING (COVERING )?INDEX submissions_by_name\b/],
    ['one status by due date', { status: ['pending'] }, /USING (COVERING )?INDEX submissions_by_status_due\b/],
    ['an achievement by due date', { achievementId: OTHER }, /USING (COVERING )?INDEX submissions_by_achievement\b/],
    ['an attempt', { attempt: 2 }, /USING (COVERING )?INDEX submissions_by_attempt\b/],
    ['a search', { search: 'nunez' }, /VIRTUAL TABLE INDEX/],
  ])('the queue by %s uses an index and sorts without a temporary b-tree', (_name, q, index) => {
    const p = plan(q);
    expect(p).toMatch(index);
    expect(p).not.toMatch(/SCAN s\b(?! USING)/);
    if (!q.search) expect(p).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
  });

  // Every status set the CLI can ask for (the UI asks for none or one), in each order, with every other filter.
  const statusSets: (SubmissionStatus[] | undefined)[] = [undefined];
  for (let mask = 1; mask < 1 << SUBMISSION_STATUSES.length; mask++)
    statusSets.push(SUBMISSION_STATUSES.filter((_, i) => mask & (1 << i)));
  const others: QueueQuery[] = [
    {},
    { achievementId: OTHER },
    { attempt: 2 },
    { overdue: true },
    { achievementId: OTHER, attempt: 1, overdue: true },
    { blind: true },
    { search: 'nunez' },
    { search: 'photosynth', achievementId: OTHER, overdue: true },
  ];
  const combinations: QueueQuery[] = statusSets.flatMap((status) =>
    (['due', 'submitted', 'earner'] as const).flatMap((sort) =>
      (['asc', 'desc'] as const).flatMap((direction) =>
        others.map((o) => ({ ...(status ? { status } : {}), sort, direction, ...o })),
      ),
    ),
  );

  it(`every combination of filters and order (${combinations.length}) reads an index in order: no scan, no sort`, () => {
    const bad: string[] = [];
    for (const q of combinations) {
      const p = plan(q);
      if (/SCAN s\b(?! USING)/.test(p) || /TEMP B-TREE/.test(p) || !/USING (COVERING )?INDEX submissions_by_/.test(p))
        bad.push(`${JSON.stringify(q)}:\n${p}`);
      // A status set (overdue is one: the open statuses) filters within its indexes, never reading rows.
      else if ((q.status || q.overdue) && /USING INDEX/.test(p)) bad.push(`${JSON.stringify(q)} reads rows:\n${p}`);
    }
    expect(`${bad.length} bad: ${bad.slice(0, 2).join('\n\n')}`).toBe('0 bad: ');
  });

  it('a search reads the same page whichever way it finds the matches', () => {
    for (const q of [
      { search: 'response' },
      { search: 'response', status: ['pending', 'passed'], sort: 'earner', direction: 'desc' },
      { search: 'ordinary', overdue: true, sort: 'submitted' },
      { search: 'nunez', achievementId: 'https://pd.test.example/achievements/core-stem/v1' },
    ] satisfies QueueQuery[]) {
      const expanded = expandedFtsQuery(services.db, q.search, false)!;
      const pages = (['drive', 'bloom', 'probe'] as const).map((how) => {
        const { sql, params } = queueSql(parseQueueQuery({ now: NOW, ...q }), how, [], {
          expanded,
          budget: 100,
        });
        return services.db
          .prepare(sql)
          .pluck()
          .all(...params);
      });
      expect(pages[0]!.length).toBeGreaterThan(0);
      expect(pages[1]).toEqual(pages[0]);
      expect(pages[2]).toEqual(pages[0]);
    }
  });

  it('a page the probe finds within its budget comes from the probe; one beyond it is read again from all matches', () => {
    const { db, prepared } = recording();
    const plans = () => {
      const used = prepared.filter((s) =>
        /EXISTS \(SELECT 1 FROM submissions_fts|IN (hits|temp\.assay_queue_hits_\d+)\)? (ORDER|LIMIT)|\+s\.seq IN (hits|temp\.assay_queue_hits_\d+)/.test(
          s,
        ),
      );
      prepared.length = 0;
      return used.map((s) => (s.includes('EXISTS (SELECT 1 FROM submissions_fts') ? 'probe' : 'bloom'));
    };
    // "response" is in six of the seven rows: dense.
    const query: QueueQuery = { now: NOW, search: 'response', limit: 2 };
    const expected = services.queue.list(query);
    const wide = new Queue(db, () => undefined, { fewMatches: 1, probeBudget: 100 });
    expect(wide.list(query)).toEqual(expected);
    expect(plans()).toEqual(['probe']);
    // A walk of at most 4 rows, for rows 4 and 5 of the matches (sorted by due date, the fifth row walked has
    // no "response"): the probe comes back short, and the page is read from all the matches.
    const narrow = new Queue(db, () => undefined, { fewMatches: 1, probeBudget: 4, probeReach: 100 });
    const deeper: QueueQuery = { ...query, offset: 3 };
    expect(narrow.list(deeper)).toEqual(services.queue.list(deeper));
    expect(plans()).toEqual(['probe', 'bloom']);
    // Expected beyond its reach, the probe is not tried.
    const near = new Queue(db, () => undefined, { fewMatches: 1, probeBudget: 100, probeReach: 1 });
    expect(near.list(query)).toEqual(expected);
    expect(plans()).toEqual(['bloom']);
  });

  it('the total of an overdue query seeks the due date in the status index, whatever the page is sorted by', () => {
    for (const sort of ['due', 'submitted', 'earner'] as const) {
      const { countSql, countParams } = queueSql(parseQueueQuery({ now: NOW, overdue: true, sort }));
      const p = (services.db.prepare(`EXPLAIN QUERY PLAN ${countSql}`).all(...countParams) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
      expect(p, sort).toMatch(/submissions_by_status_due \(status=\? AND due_sort<\?\)/);
    }
  });

  it('a status set is one ordered walk of each status, merged', () => {
    const p = plan({ status: ['pending', 'passed', 'not-yet'], sort: 'earner' });
    expect(p.match(/USING COVERING INDEX submissions_by_status_name\b/g)).toHaveLength(3);
    expect(p).toMatch(/MERGE \(UNION ALL\)/);
  });

  it('the same for every page of --all (keyset), and its rows are the pages of the queue', () => {
    const q: QueueQuery = { status: ['pending', 'passed'], sort: 'earner', direction: 'desc', now: NOW };
    const all = [...services.queue.pages(q, 2)].flat().map((i) => i.earnerName);
    expect(all).toEqual(names(q));
    expect(all).toHaveLength(7);
  });

  it('reads the rows of a page by primary key', () => {
    const p = (services.db.prepare(`EXPLAIN QUERY PLAN ${ROWS_SQL}`).all('[1,2,3]') as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');
    expect(p).toMatch(/SEARCH s USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(p).toMatch(/SEARCH a USING INTEGER PRIMARY KEY \(rowid=\?\)/);
  });
});

describe('deep pages from kept anchors, and kept totals', () => {
  const statusSets: (SubmissionStatus[] | undefined)[] = [
    undefined,
    ['pending'],
    ['pending', 'passed'],
    [...SUBMISSION_STATUSES],
  ];
  const others: QueueQuery[] = [
    {},
    { achievementId: OTHER },
    { attempt: 1 },
    { overdue: true },
    { blind: true },
    { search: 'ordinary' },
  ];
  const combinations: QueueQuery[] = statusSets.flatMap((status) =>
    (['due', 'submitted', 'earner'] as const).flatMap((sort) =>
      (['asc', 'desc'] as const).flatMap((direction) =>
        others.map((o) => ({ ...(status ? { status } : {}), sort, direction, now: NOW, ...o })),
      ),
    ),
  );
  /** Each page as a queue that keeps nothing reads it (a new one per page). */
  const truth = (q: QueueQuery) => new Queue(services.db, () => undefined, { anchorEvery: Infinity }).list(q);

  function everyPage(queue: Queue): number {
    let pages = 0;
    for (const q of combinations)
      for (const limit of [1, 2])
        for (let offset = 0; offset <= 8; offset++) {
          const query = { ...q, limit, offset };
          expect(queue.list(query), JSON.stringify(query)).toEqual(truth(query));
          pages++;
        }
    return pages;
  }

  /**
   * An anchor every 2 rows: on 7 rows, offsets 2 to 7 start from one, whatever the query. Searches too: their
   * matches counted as many (so read through the order's index, from anchors), however few.
   */
  const EVERY_TWO: Partial<SearchTuning> = {
    anchorEvery: 2,
    searchAnchorEvery: 2,
    costlyAnchorEvery: 2,
    fewMatches: 0,
  };

  it(`every page of ${combinations.length} combinations is the page read without them, as the store changes under them`, () => {
    const { db, prepared } = recording();
    const queue = new Queue(db, () => undefined, EVERY_TWO);
    const status = (name: string) =>
      services.db.prepare('SELECT status FROM submissions WHERE earner_name = ?').pluck().get(name) as string;
    const before = status(NAMES[4]!);
    try {
      expect(everyPage(queue)).toBe(combinations.length * 18);
      // Pages deeper than an anchor were read from one, by key (the row-value comparison of keyset paging).
      expect(prepared.filter((s) => /, s\.seq\) [<>] \(\?, \?\)/.test(s)).length).toBeGreaterThan(1000);

      // This connection changes a status and a due date (the order and the totals change) …
      services.db.prepare("UPDATE submissions SET status = 'in-progress' WHERE earner_name = ?").run(NAMES[4]);
      services.db
        .prepare("UPDATE submissions SET due_sort = '2026-11-19T00:00:00.000Z' WHERE earner_name = ?")
        .run(NAMES[6]);
      everyPage(queue);
      // … and another connection (the CLI, a worker thread) changes them back: nothing kept is read again.
      const other = new Database(path.join(work, 'data', 'assay.db'));
      other.prepare('UPDATE submissions SET status = ? WHERE earner_name = ?').run(before, NAMES[4]);
      other.prepare("UPDATE submissions SET due_sort = '2026-12-10T00:00:00.000Z' WHERE earner_name = ?").run(NAMES[6]);
      other.close();
      everyPage(queue);
    } finally {
      services.db.prepare('UPDATE submissions SET status = ? WHERE earner_name = ?').run(before, NAMES[4]);
      services.db
        .prepare("UPDATE submissions SET due_sort = '2026-12-10T00:00:00.000Z' WHERE earner_name = ?")
        .run(NAMES[6]);
    }
  });

  it('a slot never found is walked to from the nearer side: backwards from the last row or a later slot', () => {
    // A slot at every row, and the pages asked deep first, then in a jumble: each slot is found from whichever
    // known slot (or end) is nearer, forwards or backwards, and every page is the page read without anchors.
    const ORDER = [7, 4, 6, 3, 8, 5, 1, 2, 0];
    let backwards = 0;
    let searches = 0;
    for (const q of combinations) {
      const { db, prepared } = recording();
      const queue = new Queue(db, () => undefined, {
        anchorEvery: 1,
        searchAnchorEvery: 1,
        costlyAnchorEvery: 1,
        fewMatches: 0,
      });
      for (const limit of [1, 2])
        for (const offset of ORDER) {
          const query = { ...q, limit, offset };
          expect(queue.list(query), JSON.stringify(query)).toEqual(truth(query));
        }
      // The order reversed ("ORDER BY 2 DESC, 1 DESC" for a query in ascending order), from the end or strictly
      // before a slot (a repair's step back from a row includes the row: "<=").
      const reversed = `ORDER BY 2 ${q.direction === 'asc' ? 'DESC' : 'ASC'}, 1`;
      if (prepared.some((s) => s.includes(reversed) && !/\) [<>]= \(\?, \?\)/.test(s))) {
        backwards++;
        if (q.search !== undefined) searches++;
      }
    }
    // From an end or slot nearer than the start when one is: most queries, of 2 to 7 rows (searches included,
    // each walk one statement with their matches read once).
    expect(backwards).toBeGreaterThan(combinations.length / 2);
    expect(backwards).toBeLessThanOrEqual(combinations.length);
    expect(searches).toBeGreaterThan(combinations.filter((q) => q.search !== undefined).length / 2);

    // The last row of seven asked first: one jump from the end, no walk from the first row.
    const { db, prepared } = recording();
    const queue = new Queue(db, () => undefined, { anchorEvery: 1 });
    const last: QueueQuery = { sort: 'earner', now: NOW, limit: 1, offset: 6 };
    expect(queue.list(last)).toEqual(truth(last));
    const walks = prepared.filter((s) => /ORDER BY 2 (ASC|DESC), 1 (ASC|DESC) LIMIT \? OFFSET \?$/.test(s));
    expect(walks.filter((s) => !/\(\?, \?\)/.test(s)).map((s) => s.includes('ORDER BY 2 DESC'))).toEqual([true]);
  });

  for (const carry of [true, false])
    it(`after a change, a deep page repairs its anchor from the row it held (${carry ? "the log's changes" : 'counted'}, then a step), whatever changed`, () => {
      const { db, prepared } = recording();
      const queue = new Queue(db, () => undefined, { ...EVERY_TWO, walkSlots: 0, carry });
      // Carried by the log: the logged changes' rows read, and each held row moved by those before it; else counted.
      const repairs = (from: 'log' | 'count') =>
        prepared.filter((s) =>
          from === 'log'
            ? /^SELECT s\.sign, s\.\w+, s\.seq/.test(s)
            : /^SELECT (\(SELECT )?count\(\*\)/.test(s) && /, s\.seq\) [<>]=? \(\?, \?\)/.test(s),
        ).length;
      const rows = services.db.prepare('SELECT seq, status, due_sort AS due FROM submissions ORDER BY seq').all() as {
        seq: number;
        status: string;
        due: string;
      }[];
      // A seeded walk of changes: a status or a due date at a time, each moving one row in or out of a query's
      // rows or along its order, with every page compared after each.
      let seed = 7;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      const queries = combinations.filter((_, i) => i % 5 === 0);
      try {
        for (let change = 0; change < 12; change++) {
          const row = rows[random(rows.length)]!;
          if (change % 2 === 0)
            services.db
              .prepare('UPDATE submissions SET status = ? WHERE seq = ?')
              .run(SUBMISSION_STATUSES[random(SUBMISSION_STATUSES.length)], row.seq);
          else
            services.db
              .prepare('UPDATE submissions SET due_sort = ? WHERE seq = ?')
              .run(`2026-${String(11 + random(2)).padStart(2, '0')}-${String(10 + random(18))}T00:00:00.000Z`, row.seq);
          for (const q of queries)
            for (let offset = 0; offset <= 7; offset++) {
              const query = { ...q, limit: 1, offset };
              expect(queue.list(query), `change ${change}: ${JSON.stringify(query)}`).toEqual(truth(query));
            }
        }
        // The anchors were repaired, not walked to again: most slots were found from their old row. With the log,
        // from the changes logged since (overdue's after a due date changed is counted: its rows may have changed
        // with no change logged, as "now" passed a date).
        if (carry) {
          expect(repairs('log')).toBeGreaterThan(queries.length * 6);
          expect(repairs('count')).toBeLessThan(repairs('log'));
        } else {
          expect(repairs('count')).toBeGreaterThan(queries.length * 10);
          expect(repairs('log')).toBe(0);
        }
      } finally {
        const restore = services.db.prepare('UPDATE submissions SET status = ?, due_sort = ? WHERE seq = ?');
        for (const r of rows) restore.run(r.status, r.due, r.seq);
      }
    });

  it('after a change, a slot whose row the log carried is repaired, not walked to, however near the first row', () => {
    const { db, prepared } = recording();
    // The default walkSlots (4): without the log, slots this near the first row are walked to after a change.
    const queue = new Queue(db, () => undefined, { anchorEvery: 2 });
    const q: QueueQuery = { now: NOW, sort: 'earner', limit: 1, offset: 6 };
    const unanchoredWalks = () =>
      prepared.filter((s) => /LIMIT \? OFFSET \?$/.test(s) && !/, s\.seq\) [<>]=? \(\?, \?\)/.test(s)).length;
    const before = services.db.prepare('SELECT status FROM submissions WHERE earner_name = ?').pluck().get(NAMES[0]);
    try {
      expect(queue.list(q)).toEqual(truth(q));
      expect(unanchoredWalks()).toBe(1); // the first slot, walked from the first row
      services.db.prepare("UPDATE submissions SET status = 'recused' WHERE earner_name = ?").run(NAMES[0]);
      expect(queue.list(q)).toEqual(truth(q));
      expect(prepared.filter((s) => /^SELECT s\.sign, s\.earner_sort, s\.seq/.test(s))).toHaveLength(1);
      expect(unanchoredWalks()).toBe(1);
    } finally {
      services.db.prepare('UPDATE submissions SET status = ? WHERE earner_name = ?').run(before, NAMES[0]);
    }
  });

  it('an overdue query\'s anchors are repaired as its "now" moves on, rows becoming overdue', () => {
    const queue = new Queue(services.db, () => undefined, { anchorEvery: 2, costlyAnchorEvery: 2, walkSlots: 0 });
    // (A submission without a due date sorts last on a sentinel, not a date: left out here.)
    const dues = (
      services.db
        .prepare("SELECT due_sort FROM submissions WHERE due_sort < '3' ORDER BY due_sort")
        .pluck()
        .all() as string[]
    ).map((d) => Date.parse(d));
    expect(dues.length).toBeGreaterThan(4);
    // From before the first due date to after the last, in steps that pass one or two of them at a time.
    for (let now = dues[0]! - 86_400_000; now <= dues.at(-1)! + 86_400_000; now += 43_200_000)
      for (const sort of ['due', 'earner'] as const)
        for (let offset = 0; offset <= 6; offset++) {
          const query: QueueQuery = { overdue: true, sort, now: new Date(now).toISOString(), limit: 1, offset };
          expect(queue.list(query), JSON.stringify(query)).toEqual(truth(query));
        }
  });

  it('keeps an overdue query\'s total and anchors while its "now" passes no due date, and only then', () => {
    const { db, prepared } = recording();
    const queue = new Queue(db, () => undefined, { anchorEvery: 2, costlyAnchorEvery: 2, walkSlots: 0 });
    const counts = () => prepared.filter((s) => /count\(\*\)/.test(s)).length;
    const walks = () => prepared.filter((s) => /LIMIT \? OFFSET \?$/.test(s)).length;
    // NOW is between the due dates of 2026-11-22 and 2026-12-03: an hour later and a day later pass none.
    const at = (now: string): QueueQuery => ({ overdue: true, sort: 'earner', now, limit: 1, offset: 2 });
    expect(queue.list(at(NOW))).toEqual(truth(at(NOW)));
    const [c, w] = [counts(), walks()];
    for (const [i, now] of ['2026-11-28T13:00:00Z', '2026-11-29T12:00:00Z', '2026-12-02T23:59:59Z'].entries()) {
      expect(queue.list(at(now))).toEqual(truth(at(now)));
      // The total kept, the anchor kept: only the page itself is read.
      expect([counts(), walks()], now).toEqual([c, w + i + 1]);
    }
    // Past 2026-12-03: counted again, and its anchor repaired.
    const later = '2026-12-04T12:00:00Z';
    expect(queue.list(at(later))).toEqual(truth(at(later)));
    expect(counts()).toBeGreaterThan(c);
    expect(truth(at(later)).total).toBeGreaterThan(truth(at(NOW)).total);
  });

  it('keeps a total for the same query while nothing changes, and nothing inside a transaction', () => {
    const { db, prepared } = recording();
    const queue = new Queue(db, () => undefined);
    // Overdue at one time: counted (the statuses', achievements' and attempts' totals are kept by the store).
    const q: QueueQuery = { now: NOW, overdue: true, limit: 1 };
    const counted = () => prepared.filter((s) => s.startsWith('SELECT count(*)')).length;
    queue.list(q);
    queue.list({ ...q, offset: 1 });
    queue.list({ ...q, offset: 2 });
    expect(counted()).toBe(1);
    services.db.transaction(() => {
      queue.list(q);
      queue.list(q);
    })();
    expect(counted()).toBe(3);
  });
});
