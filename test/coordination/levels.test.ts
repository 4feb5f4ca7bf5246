// A coordination decision's levels as stored since migration 14: level indexes in the rubric's criterion order
// and comments by criterion; the rubric gives the ids back. The codec against the levels open.ts builds, and the
// migration against the JSON rows migration 13's stores hold.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LevelCodec, type StoredLevel } from '../../electron/coordination/levels.js';
import { ACHIEVEMENTS, buildAchievement } from '../../electron/sample/rubrics.js';
import { migrate, openDatabase } from '../../electron/store/db.js';
import { migrations } from '../../electron/store/migrations/index.js';
import { orderedLevels } from '../../shared/domain/qa-measures.js';
import { seededRandom } from '../../shared/domain/random.js';
import type { Achievement } from '../../shared/schemas/review-package.js';
import { tempDir } from '../support/package-builder.js';

const achievements = ACHIEVEMENTS.map((d) => buildAchievement(d, 'image.png'));

/** Levels as open.ts builds them: every criterion in the rubric's order, some commented on. */
function randomLevels(a: Achievement, rnd: () => number): StoredLevel[] {
  return a.resultDescription.map((c) => {
    const ordered = orderedLevels(c);
    const i = Math.floor(rnd() * ordered.length);
    const comment =
      rnd() < 0.3 ? `Comment on ${c.name}: “${'évidence, 证据, دليل '.repeat(1 + Math.floor(rnd() * 3))}”` : '';
    return { c: c.id, l: ordered[i]!.id, i, n: ordered.length, ...(comment ? { comment } : {}) };
  });
}

describe('stored levels', () => {
  it('encodes every criterion as its level index and gives back exactly the levels, comments included', () => {
    const codec = new LevelCodec(achievements);
    const rnd = seededRandom('levels codec');
    let commented = 0;
    for (let k = 0; k < 500; k++) {
      const a = achievements[k % achievements.length]!;
      const levels = randomLevels(a, rnd);
      const stored = codec.encode(a.id, levels);
      expect(stored.levels).toMatch(/^\d+(,\d+)*$/);
      expect(stored.levels.split(',')).toHaveLength(a.resultDescription.length);
      if (stored.comments !== null) commented++;
      expect(stored.comments === null).toBe(levels.every((l) => !l.comment));
      expect(codec.decode(a.id, stored.levels, stored.comments)).toEqual(levels);
    }
    expect(commented).toBeGreaterThan(100);
  });

  it('refuses levels that do not fit the rubric, and stored levels that do not either, by name', () => {
    const codec = new LevelCodec(achievements);
    const a = achievements[0]!;
    const levels = randomLevels(a, seededRandom('refusals'));
    expect(() => codec.encode(a.id, levels.slice(1))).toThrow(/criteria; \d+ levels were given/);
    expect(() => codec.encode(a.id, [...levels].reverse())).toThrow(/is not criterion/);
    const wrongId = levels.map((l, k) => (k === 0 ? { ...l, l: `${l.l}-other` } : l));
    expect(() => codec.encode(a.id, wrongId)).toThrow(/is not criterion/);
    expect(() => codec.encode('urn:other', levels)).toThrow(/"urn:other" is not one of this coordination's rubrics/);
    const stored = codec.encode(a.id, levels);
    expect(() => codec.decode(a.id, `${stored.levels},0`, null)).toThrow(/do not fit the \d+ criteria/);
    expect(() => codec.decode(a.id, stored.levels.replace(/^\d+/, '99'), null)).toThrow(
      /stored level 99 is not a level/,
    );
  });

  it('migration 14 turns every stored JSON decision into the same levels and comments, and keeps the indexes', () => {
    const file = path.join(tempDir('assay-levels-'), 'assay.db');
    const db = openDatabase(file, { migrations: migrations.slice(0, 13) });
    const rnd = seededRandom('migration 14');
    const expected = new Map<string, StoredLevel[]>();
    db.transaction(() => {
      db.prepare(
        "INSERT INTO coord_review_packages (id, kind, label, path, issuer, manifest_sha256, head_json, submissions, opened_at) VALUES ('rp', 'round', 'rp', '/rp', 'Issuer', 'x', '{}', 0, 'now')",
      ).run();
      for (const a of achievements)
        db.prepare('INSERT INTO coord_achievements (id, sha256, json) VALUES (?, ?, ?)').run(
          a.id,
          'x',
          JSON.stringify(a),
        );
      db.prepare(
        "INSERT INTO coord_results (id, kind, label, assessor_key, assessor_name, signer_subject, signer_fingerprint, review_packages_json, decisions, seeds, created_at, opened_at) VALUES ('r1', 'first', 'r1', 'k', 'A', 's', 'f', '[]', 0, 0, 'now', 'now')",
      ).run();
      for (let k = 0; k < 200; k++) {
        const a = achievements[k % achievements.length]!;
        const id = `urn:uuid:s${k}`;
        db.prepare(
          "INSERT INTO coord_submissions (id, package_id, achievement_id, attempt, earner_name, json) VALUES (?, 'rp', ?, 1, 'E', '{}')",
        ).run(id, a.id);
        const levels = randomLevels(a, rnd);
        expected.set(id, levels);
        db.prepare(
          "INSERT INTO coord_decisions (results_id, reading, submission_id, assessor_key, achievement_id, attempt, decision, levels_json, feedback, submitted_at) VALUES ('r1', 'first', ?, 'k', ?, 1, 'pass', ?, 'Feedback.', '2026-11-01T00:00:00Z')",
        ).run(id, a.id, JSON.stringify(levels));
      }
    })();
    migrate(db, migrations, file);
    const rows = db
      .prepare(
        'SELECT submission_id AS id, achievement_id AS a, levels, comments_json AS comments, feedback FROM coord_decisions ORDER BY seq',
      )
      .all() as { id: string; a: string; levels: string; comments: string | null; feedback: string }[];
    expect(rows).toHaveLength(200);
    const codec = LevelCodec.of(db);
    for (const r of rows) {
      expect(codec.decode(r.a, r.levels, r.comments)).toEqual(expected.get(r.id));
      // What the codec would write for the same levels is what the migration wrote (open.ts compares them).
      expect({ levels: r.levels, comments: r.comments }).toEqual(codec.encode(r.a, expected.get(r.id)!));
      expect(r.feedback).toBe('Feedback.');
    }
    expect(rows.filter((r) => r.comments !== null).length).toBeGreaterThan(20);
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'coord_decisions'")
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining([
        'coord_decisions_by_assessor',
        'coord_decisions_first_readings',
        'sqlite_autoindex_coord_decisions_1',
      ]),
    );
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Run again over the compact table (as a store set back to an older schema version runs them all again): unchanged.
    const before = db.prepare('SELECT * FROM coord_decisions ORDER BY seq').all();
    db.pragma('user_version = 13');
    migrate(db, migrations, file);
    expect(db.prepare('SELECT * FROM coord_decisions ORDER BY seq').all()).toEqual(before);
    expect(() =>
      db
        .prepare(
          "INSERT INTO coord_decisions (results_id, reading, submission_id, assessor_key, achievement_id, attempt, decision, levels, submitted_at) VALUES ('r1', 'first', 'urn:uuid:s0', 'k', 'x', 1, 'pass', '0', 'now')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});
