import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/store/migrations/index.js';
import { migrate, openDatabase, StoreError } from '../../electron/store/db.js';
import { tempDir } from '../support/package-builder.js';

describe('the store', () => {
  it('opens with WAL, foreign keys and STRICT tables at the latest schema', () => {
    const file = path.join(tempDir(), 'assay.db');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const tables = db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'",
      )
      .all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThan(5);
    expect(tables.filter((t) => t.strict !== 1)).toEqual([]);
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = path.join(tempDir(), 'assay.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(StoreError);
    expect(() => openDatabase(file)).toThrow(/newer version of Assay/);
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(migrations.length + 1);
    again.close();
  });

  it('applies pending migrations in one transaction: a failing one leaves nothing behind', () => {
    const db = new Database(':memory:');
    const failing = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken',
        up: (d: Database.Database) => d.exec('CREATE TABLE half (x INTEGER) STRICT; SELECT * FROM no_such_table;'),
      },
    ];
    expect(() => migrate(db, failing)).toThrow(/no_such_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
  });

  it('refuses migrations out of order', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'x', up: () => {} }])).toThrow(/numbered 2, expected 1/);
  });

  it('enforces foreign keys', () => {
    const db = openDatabase(':memory:');
    expect(() =>
      db
        .prepare(
          "INSERT INTO artifacts (submission_seq, artifact_id, position, section_id, name, url) VALUES (99, 'a', 0, 's', 'n', 'https://x')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
