// Reconciliation by each rule the coordinator may choose, on one panel read again the same way three
// times (three coordinators, the same sample seed): criteria within one level agree by the first
// reader's level, the second's, or the lower; a split decision or a gap of two levels is queued with
// its reasons; "the lower" that turns two passes into a not-yet is queued rather than decided silently.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adjudicate, exportSecondReadings, reconcile } from '../../electron/coordination/second-readings.js';
import { storeTrust } from '../../electron/awards/trust.js';
import { openPackages } from '../../electron/coordination/open.js';
import { AdaptiveWriter, ThreadWriter, type OpenWriter } from '../../electron/coordination/open-writer.js';
import { openServices } from '../../electron/services.js';
import type { Db } from '../../electron/store/db.js';
import type { ReconcileRule, ReconciliationItem } from '../../shared/coordination/types.js';
import { buildPanel, secondRead, type Panel } from '../support/panel.js';

let panel: Panel;
beforeAll(async () => {
  panel = await buildPanel();
}, 300_000);
afterAll(() => panel.dispose());

async function reconcileWith(rule: ReconcileRule, name: string = rule): Promise<ReconciliationItem[]> {
  const s = openServices(path.join(panel.work, `coordinator-${name}`));
  try {
    const c = await s.coordination();
    expect((await c.open(allPackages())).refused).toEqual([]);
    const sample = c.sample({ notYetOnLastAttempt: true, lastAttempt: 2, nearCut: true, passShare: 1, seed: 'rules' });
    const folder = path.join(panel.work, `second-${name}`);
    fs.mkdirSync(folder);
    await c.exportSecondReadings(
      sample.id,
      c.overview()!.assessors.map((a) => a.assessor.id),
      folder,
    );
    const r = await c.importSecondReadings(await secondRead(panel, folder, { freshStores: true }), rule);
    expect(r.refused).toEqual([]);
    return c.reconciliation();
  } finally {
    s.close();
  }
}

/**
 * `db` whose next transactions first run `act` (another connection's act committing just before this one's
 * transaction begins, after this one has read the state): two calls at once, in a fixed order.
 */
function beforeTransaction(db: Db, act: () => void): Db {
  return new Proxy(db, {
    get(target, key) {
      if (key === 'transaction')
        return (fn: () => void) => {
          act();
          return target.transaction(fn);
        };
      const v = Reflect.get(target, key) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** The round's review package and the panel's three results packages, in that order. */
const allPackages = () => [panel.reviewPackage, ...panel.assessors.map((a) => a.results)];

/** Another opening (on `db`, another connection) commits the round's review package, under another label. */
function otherOpeningStoresTheRound(db: Db): void {
  const { id } = JSON.parse(fs.readFileSync(path.join(panel.reviewPackage, 'manifest.json'), 'utf8')) as { id: string };
  db.prepare(
    "INSERT INTO coord_review_packages (id, kind, label, path, issuer, manifest_sha256, head_json, submissions, opened_at) VALUES (?, 'round', 'other', ?, 'Other', '', '{}', 0, ?)",
  ).run(id, panel.reviewPackage, new Date().toISOString());
}

const level = (it: ReconciliationItem, who: 'first' | 'second', criterionId: string) =>
  (who === 'first' ? it.first : it.second!).results.find((l) => l.criterionId === criterionId)!;

describe('reconciliation rules', () => {
  it('agrees within one level by the rule chosen, and queues splits and wide gaps with reasons', async () => {
    const byRule = new Map<ReconcileRule, ReconciliationItem[]>();
    for (const rule of ['first', 'second', 'lower'] as const) byRule.set(rule, await reconcileWith(rule));
    for (const [rule, items] of byRule) {
      expect(items.length).toBeGreaterThan(0);
      expect(items.some((i) => i.state === 'agreed')).toBe(true);
      for (const it of items) {
        const split = it.first.decision !== it.second!.decision;
        const gap = it.criteria.some((c) => Math.abs(c.distance) > 1);
        if (split) expect(it.reasons.some((r) => r.startsWith('The readers reached different decisions'))).toBe(true);
        if (gap) expect(it.reasons.some((r) => /levels apart/.test(r))).toBe(true);
        if (split || gap) {
          expect(it.state).toBe('to-adjudicate');
          continue;
        }
        if (it.state === 'to-adjudicate') {
          // Only "the lower" can make a decision neither reader made; it is queued, never decided silently.
          expect(rule).toBe('lower');
          expect(it.reasons[0]).toMatch(
            /^Both readers decided .*, but the lower of the two levels on each criterion makes/,
          );
          continue;
        }
        expect(it.state).toBe('agreed');
        expect(it.rule).toBe(rule);
        for (const c of it.criteria) {
          const f = level(it, 'first', c.criterionId);
          const sr = level(it, 'second', c.criterionId);
          const want = rule === 'first' ? f : rule === 'second' ? sr : sr.index < f.index ? sr : f;
          expect(it.final!.results.find((x) => x.criterionId === c.criterionId)!.levelId).toBe(want.levelId);
        }
        expect(it.final!.decision).toBe(rule === 'second' ? it.second!.decision : it.first.decision);
      }
    }
    // The same seed drew the same decisions for each coordinator.
    const ids = [...byRule.values()].map((items) => items.map((i) => i.submissionId).sort());
    expect(ids[1]).toEqual(ids[0]);
    expect(ids[2]).toEqual(ids[0]);
  });

  it('two adjudicators at once (the app and the CLI on one store): the first decision is final, the other is refused whole', async () => {
    const queued = (await reconcileWith('first', 'race')).filter((i) => i.state === 'to-adjudicate');
    expect(queued.length).toBeGreaterThan(0);
    const dir = path.join(panel.work, 'coordinator-race');
    const app = openServices(dir);
    const cli = openServices(dir);
    try {
      const item = queued[0]!;
      const input = (by: string) => ({
        submissionId: item.submissionId,
        adjudicator: by,
        decision: item.first.decision,
        results: item.first.results.map((l) => ({ criterionId: l.criterionId, levelId: l.levelId })),
        reasons: `${by} read the evidence again.`,
      });
      // The app has read the item as waiting; the CLI's adjudication commits before the app's transaction begins.
      const racing = beforeTransaction(app.db, () => {
        adjudicate(cli.db, input('CLI Adjudicator'));
      });
      expect(() => adjudicate(racing, input('App Adjudicator'))).toThrow(
        /already adjudicated, by another adjudicator a moment ago/,
      );
      const now = (await app.coordination()).reconciliation().find((i) => i.submissionId === item.submissionId)!;
      expect(now.state).toBe('adjudicated');
      expect(now.final?.by).toBe('CLI Adjudicator');
      const audited = app.db
        .prepare("SELECT details_json AS d FROM audit_log WHERE action = 'coordination.adjudicate' AND subject = ?")
        .all(item.submissionId) as { d: string }[];
      expect(audited.map((a) => (JSON.parse(a.d) as { adjudicator: string }).adjudicator)).toEqual(['CLI Adjudicator']);
      expect(app.verifyAudit()).toMatchObject({ ok: true });
    } finally {
      cli.close();
      app.close();
    }
  });

  it('two exports of one sample at once: the first is recorded, the other refused and its folders removed', async () => {
    const dir = path.join(panel.work, 'coordinator-export-race');
    const app = openServices(dir);
    const cli = openServices(dir);
    try {
      const c = await app.coordination();
      expect((await c.open(allPackages())).refused).toEqual([]);
      const sample = c.sample({ notYetOnLastAttempt: true, lastAttempt: 2, nearCut: true, passShare: 1, seed: 'race' });
      const readers = c.overview()!.assessors.map((a) => a.assessor.id);
      const [mine, theirs] = ['app', 'cli'].map((n) => {
        const f = path.join(panel.work, `export-race-${n}`);
        fs.mkdirSync(f);
        return f;
      });
      // Both read the sample as unsent before either writes (each reads it before its first await); the two
      // transactions then run one after the other, and whichever comes second finds the decisions sent.
      const outcomes = await Promise.allSettled([
        exportSecondReadings(cli.db, sample.id, readers, theirs!),
        exportSecondReadings(app.db, sample.id, readers, mine!),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const lost = outcomes.findIndex((o) => o.status === 'rejected');
      expect(String((outcomes[lost] as PromiseRejectedResult).reason)).toMatch(
        /already sent for second reading, by another export a moment ago; no second-reading package was written/,
      );
      // The refused export's folders are gone; the recorded one's stand, and each decision is sent once.
      expect(fs.readdirSync([theirs!, mine!][lost]!)).toEqual([]);
      expect(fs.readdirSync([theirs!, mine!][1 - lost]!).length).toBeGreaterThan(0);
      expect(
        app.db.prepare('SELECT count(*) FROM coord_reconciliation WHERE sample_id = ?').pluck().get(sample.id),
      ).toBe(sample.items.length);
    } finally {
      cli.close();
      app.close();
    }
  });

  it('two reconciliations at once settle and audit each item once', async () => {
    await reconcileWith('second', 'reconcile-race');
    const dir = path.join(panel.work, 'coordinator-reconcile-race');
    const app = openServices(dir);
    const cli = openServices(dir);
    try {
      // Every item back to awaiting (its readings are in), and the audit of the first settling set aside.
      const items = app.db.prepare('SELECT count(*) FROM coord_reconciliation').pluck().get() as number;
      expect(items).toBeGreaterThan(0);
      app.db
        .prepare(
          "UPDATE coord_reconciliation SET state = 'awaiting-second-reading', rule = NULL, reasons_json = '[]', final_json = NULL",
        )
        .run();
      const audited = () =>
        app.db
          .prepare("SELECT count(*) FROM audit_log WHERE action = 'coordination.reconcile'")
          .pluck()
          .get() as number;
      const before = audited();
      // The app's reconciliation begins its transaction after the CLI's has committed.
      const racing = beforeTransaction(app.db, () => {
        reconcile(cli.db, 'first');
      });
      reconcile(racing, 'lower');
      expect(audited() - before).toBe(items);
      // Settled by the CLI's rule, once.
      const rules = app.db
        .prepare('SELECT DISTINCT rule FROM coord_reconciliation WHERE rule IS NOT NULL')
        .pluck()
        .all();
      expect(rules).toEqual(['first']);
    } finally {
      cli.close();
      app.close();
    }
  });

  it('an opening whose packages another opening stored meanwhile is refused whole, with a message that says so', async () => {
    const dir = path.join(panel.work, 'coordinator-open-race');
    const app = openServices(dir);
    const cli = openServices(dir);
    try {
      // The other opening (here the CLI's connection) commits the round's review package just before this one's
      // transaction begins, after this one has checked that nothing was open.
      const racing = beforeTransaction(app.db, () => otherOpeningStoresTheRound(cli.db));
      await expect(
        openPackages(racing, allPackages(), {
          trust: storeTrust(app.db, dir),
        }),
      ).rejects.toThrow(/were opened by another opening a moment ago .* nothing of this one was opened/);
      expect(app.db.prepare('SELECT count(*) FROM coord_results').pluck().get()).toBe(0);
      expect(app.db.prepare('SELECT label FROM coord_review_packages').pluck().all()).toEqual(['other']);
    } finally {
      cli.close();
      app.close();
    }
  });

  it('the same race with the rows written on a worker thread (as the app and the CLI write them) is refused whole too', async () => {
    const dir = path.join(panel.work, 'coordinator-open-race-thread');
    const app = openServices(dir);
    const cli = openServices(dir);
    try {
      const before = app.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
      // The other opening commits the round's review package after this one checked that nothing was open and
      // before its worker's transaction takes the write lock (at the first rows handed over).
      const thread = new ThreadWriter(app.storeRef);
      let handed = 0;
      const racing: OpenWriter = {
        write(ops) {
          if (handed++ === 0) otherOpeningStoresTheRound(cli.db);
          thread.write(ops);
        },
        commit: () => thread.commit(),
        rollback: () => thread.rollback(),
      };
      await expect(
        openPackages(app.db, allPackages(), {
          trust: storeTrust(app.db, dir),
          writer: racing,
        }),
      ).rejects.toThrow(/were opened by another opening a moment ago .* nothing of this one was opened/);
      // Every package was handed over (the round, then each results package), none of it kept.
      expect(handed).toBe(1 + panel.assessors.length);
      expect(app.db.prepare('SELECT count(*) FROM coord_results').pluck().get()).toBe(0);
      expect(app.db.prepare('SELECT count(*) FROM coord_submissions').pluck().get()).toBe(0);
      expect(app.db.prepare('SELECT label FROM coord_review_packages').pluck().all()).toEqual(['other']);
      expect(app.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
    } finally {
      cli.close();
      app.close();
    }
  });

  it('an opening with many rows has them written on a worker thread, kept only when every package is accepted', async () => {
    const paths = allPackages();
    const tampered = path.join(panel.work, 'tampered-threaded');
    fs.cpSync(panel.assessors[2]!.results, tampered, { recursive: true });
    // A byte added to results.json after it was signed.
    fs.appendFileSync(path.join(tampered, 'results.json'), ' ');
    for (const [name, open, threadFrom, kept] of [
      // Few rows: kept and written on the main connection at the end.
      ['coordinator-writer-small', paths, undefined, true],
      // The review package's rows alone reach the threshold: the rest follows on the worker thread.
      ['coordinator-writer-threaded', paths, 1, true],
      // The round and two results packages were written on the thread before the third was refused.
      ['coordinator-writer-refused', [...paths.slice(0, -1), tampered], 1, false],
    ] as const) {
      const dir = path.join(panel.work, name);
      const app = openServices(dir);
      try {
        const before = app.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
        const writer = new AdaptiveWriter(app.db, () => new ThreadWriter(app.storeRef), threadFrom);
        const r = await openPackages(app.db, open, { trust: storeTrust(app.db, dir), writer });
        expect(writer.threaded, name).toBe(threadFrom !== undefined);
        expect(
          r.refused.map((x) => x.label),
          name,
        ).toEqual(kept ? [] : ['tampered-threaded']);
        const count = (table: string) => app.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
        expect(count('coord_results'), name).toBe(kept ? panel.assessors.length : 0);
        expect(count('coord_decisions'), name).toBe(kept ? r.opened.reduce((n, p) => n + p.decisions, 0) : 0);
        expect(count('coord_submissions'), name).toBe(kept ? r.reviewPackages[0]!.submissions : 0);
        expect(count('audit_log'), name).toBe(before + (kept ? 1 + panel.assessors.length : 0));
        expect(app.verifyAudit(), name).toMatchObject({ ok: true });
      } finally {
        app.close();
      }
    }
  });

  it('an opening that finds the store held by another writer past busy_timeout says so and keeps nothing', async () => {
    const dir = path.join(panel.work, 'coordinator-busy');
    const app = openServices(dir);
    const other = openServices(dir);
    try {
      const paths = allPackages();
      // Another writer holds the store's write lock from before the opening until after it.
      other.db.exec('BEGIN IMMEDIATE');
      // On the main connection (waiting no time, so the test does not), and on the writer's thread (its 5 s).
      app.db.pragma('busy_timeout = 0');
      await expect(openPackages(app.db, paths, { trust: storeTrust(app.db, dir) })).rejects.toThrow(
        /The store was busy: .* nothing of this one was opened/,
      );
      app.db.pragma('busy_timeout = 5000');
      const writer = new AdaptiveWriter(app.db, () => new ThreadWriter(app.storeRef), 1);
      await expect(openPackages(app.db, paths, { trust: storeTrust(app.db, dir), writer })).rejects.toThrow(
        /The store was busy: .* nothing of this one was opened/,
      );
      expect(writer.threaded).toBe(true);
      other.db.exec('ROLLBACK');
      expect(app.db.prepare('SELECT count(*) FROM coord_review_packages').pluck().get()).toBe(0);
      expect(app.db.prepare('SELECT count(*) FROM coord_results').pluck().get()).toBe(0);
      // Once the other writer has finished, the same opening goes through.
      expect((await openPackages(app.db, paths, { trust: storeTrust(app.db, dir) })).refused).toEqual([]);
    } finally {
      if (other.db.inTransaction) other.db.exec('ROLLBACK');
      other.close();
      app.close();
    }
  });

  it('a writer that cannot start fails the opening with a message naming it, and nothing is opened', async () => {
    const dir = path.join(panel.work, 'coordinator-no-writer');
    const app = openServices(dir);
    try {
      const missing = path.join(panel.work, 'no-such-writer.js');
      await expect(
        openPackages(app.db, allPackages(), {
          trust: storeTrust(app.db, dir),
          writer: new ThreadWriter(app.storeRef, missing),
        }),
      ).rejects.toThrow(new RegExp(`writer \\(${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)`));
      expect(app.db.prepare('SELECT count(*) FROM coord_review_packages').pluck().get()).toBe(0);
      expect(app.db.prepare('SELECT count(*) FROM coord_results').pluck().get()).toBe(0);
    } finally {
      app.close();
    }
  });
});
