// Restore against an adversary: backups made hostile by the test itself must be refused, naming what
// differs, with the store as it was; a crash at any step of the switch must leave the old store or
// the new one; a restore must never replace a store another process is writing to.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, createBackup, restoreBackup } from '../../electron/backup/backup.js';
import { openServices } from '../../electron/services.js';
import { readBackup, replaceDatabase, tamperDatabase, writeBackup } from '../support/backup-tamper.js';
import { HARNESS, requireBuild, runHarness } from '../support/child.js';
import { manifest, submission, tempDir, writePackage, writeValidPackage } from '../support/package-builder.js';
import { orphanReport, snapshot } from '../support/store-snapshot.js';

let work: string;
let genuine: string;
let n = 0;

/** A data folder holding another package than the backup, so a replaced store is plain to see. */
async function target(): Promise<{ dir: string; before: Record<string, unknown> }> {
  const dir = path.join(work, `target-${++n}`);
  const s = openServices(dir);
  const pkg = path.join(work, `other-${n}`);
  writeValidPackage(pkg, 1, { id: 'urn:uuid:aaaaaaaa-2222-4333-8444-555555555555' });
  await s.importPackage(pkg);
  const before = snapshot(s);
  s.close();
  return { dir, before };
}

function stateOf(dir: string): Record<string, unknown> {
  const s = openServices(dir);
  try {
    return snapshot(s);
  } finally {
    s.close();
  }
}

const leftovers = (dir: string) =>
  fs.readdirSync(dir).filter((f) => /^\.restore-|^\.assay-backup-|partial|restore-journal|restore\.lock/.test(f));

/** The backup is refused with `message`, and the target store is as it was, with nothing left over. */
async function expectRefused(backup: string, message: RegExp): Promise<void> {
  const t = await target();
  const err = await restoreBackup(t.dir, backup).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BackupError);
  expect((err as Error).message).toMatch(message);
  expect(stateOf(t.dir)).toEqual(t.before);
  expect(leftovers(t.dir)).toEqual([]);
}

beforeAll(async () => {
  requireBuild();
  work = tempDir('assay-restore-hostile-');
  const s = openServices(path.join(work, 'source'));
  writeValidPackage(path.join(work, 'pkg'), 3);
  await s.importPackage(path.join(work, 'pkg'));
  genuine = path.join(work, 'genuine.zip');
  await createBackup(s, genuine);
  s.close();
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('evidence in a backup', () => {
  it('an evidence entry the database does not list is refused (it would shadow a genuine file later)', async () => {
    const forged = Buffer.from('forged evidence');
    const genuineBytes = Buffer.from('the genuine file a later package brings');
    const sha = createHash('sha256').update(genuineBytes).digest('hex');
    const entries = await readBackup(genuine);
    entries.push({ name: `evidence/${sha.slice(0, 2)}/${sha}`, data: forged });
    await writeBackup(path.join(work, 'planted.zip'), entries);
    await expectRefused(
      path.join(work, 'planted.zip'),
      new RegExp(`contains evidence file ${sha}, which its database does not list`),
    );
  });

  it('a zip bomb (a small entry that unpacks to far more) is refused before it is unpacked', async () => {
    const entries = await readBackup(genuine);
    const zeros = Buffer.alloc(256 * 1024 * 1024);
    const sha = createHash('sha256').update(zeros).digest('hex');
    entries.push({ name: `evidence/${sha.slice(0, 2)}/${sha}`, data: zeros, compress: true });
    const bomb = path.join(work, 'bomb.zip');
    await writeBackup(bomb, entries);
    expect(fs.statSync(bomb).size).toBeLessThan(1024 * 1024);
    await expectRefused(bomb, /which its database does not list/);
  });

  it('an evidence file the database lists but compressed beyond its size is refused', async () => {
    const entries = await readBackup(genuine);
    const ev = entries.find((e) => e.name.startsWith('evidence/'))!;
    ev.compress = true;
    await writeBackup(path.join(work, 'deflated.zip'), entries);
    await expectRefused(path.join(work, 'deflated.zip'), /is compressed; Assay backups store evidence as is/);
  });

  it('an entry given twice is refused', async () => {
    const entries = await readBackup(genuine);
    entries.push({ ...entries.find((e) => e.name === 'assay.db')! });
    await writeBackup(path.join(work, 'twice.zip'), entries);
    await expectRefused(path.join(work, 'twice.zip'), /contains "assay\.db" twice/);
  });

  it('an import never keeps a planted file under a genuine hash: it is replaced by the verified copy', async () => {
    const dir = path.join(work, 'planted-store');
    const files = [{ path: 'evidence/s0/plan.txt', content: Buffer.from('the genuine lesson plan') }];
    writePackage(path.join(work, 'pkg-planted'), manifest({ submissions: [submission(0, files[0])] }), files);
    const sha = createHash('sha256').update(files[0]!.content).digest('hex');
    const s = openServices(dir);
    fs.mkdirSync(path.dirname(s.evidence.pathOf(sha)), { recursive: true });
    fs.writeFileSync(s.evidence.pathOf(sha), 'forged content under a genuine hash');
    await s.importPackage(path.join(work, 'pkg-planted'));
    expect(fs.readFileSync(s.evidence.pathOf(sha))).toEqual(files[0]!.content);
    s.close();
  });
});

describe('the database in a backup', () => {
  const cases: [string, (db: import('better-sqlite3').Database) => void, RegExp][] = [
    [
      'an extra trigger (renames every earner after two draft saves)',
      (db) =>
        db.exec(
          `CREATE TRIGGER hack AFTER UPDATE ON reviews BEGIN UPDATE submissions SET earner_name = 'HACKED'; END;`,
        ),
      /an extra trigger "hack" on "reviews"/,
    ],
    [
      'the audit triggers dropped',
      (db) => db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;'),
      /no trigger "audit_log_no_update"; no trigger "audit_log_no_delete"/,
    ],
    ['an extra table', (db) => db.exec('CREATE TABLE exfil (x TEXT)'), /an extra table "exfil"/],
    ['an extra view', (db) => db.exec('CREATE VIEW v AS SELECT earner_name FROM submissions'), /an extra view "v"/],
    [
      'a changed table',
      (db) => db.exec('ALTER TABLE submissions ADD COLUMN note TEXT'),
      /table "submissions" defined differently/,
    ],
    ['user_version 99', (db) => db.pragma('user_version = 99'), /newer version of Assay \(database schema 99/],
    ['user_version 0', (db) => db.pragma('user_version = 0'), /no Assay schema version \(user_version 0\)/],
    [
      'a broken audit chain (an entry changed, the triggers put back as they were)',
      (db) => {
        const sql = db
          .prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_update'")
          .pluck()
          .get() as string;
        db.exec('DROP TRIGGER audit_log_no_update');
        db.prepare("UPDATE audit_log SET subject = 'someone else' WHERE seq = 1").run();
        db.exec(sql);
      },
      /audit log is broken at entry 1: entry 1 \(package\.import\) was changed/,
    ],
    [
      'a row referring to evidence that does not exist',
      (db) => {
        db.pragma('foreign_keys = OFF');
        db.prepare(
          'UPDATE artifacts SET sha256 = ? WHERE rowid = (SELECT min(rowid) FROM artifacts WHERE sha256 IS NOT NULL)',
        ).run('f'.repeat(64));
      },
      /rows? referring to rows that do not exist \(first: artifacts/,
    ],
    [
      'a blob row that is not a SHA-256 (a path out of the store)',
      (db) => db.prepare("INSERT INTO blobs (sha256, size) VALUES ('../../../../etc/passwd', 1)").run(),
      /lists an evidence file "\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" that is not a SHA-256/,
    ],
  ];
  it.each(cases)('%s: refused', async (name, change, message) => {
    const out = path.join(work, `db-${cases.findIndex((c) => c[0] === name)}.zip`);
    await tamperDatabase(genuine, out, change, work);
    await expectRefused(out, message);
  });

  it("a database that is not Assay's at all: refused", async () => {
    const entries = await readBackup(genuine);
    const other = path.join(work, 'foreign.db');
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(other);
    db.exec('CREATE TABLE notes (body TEXT); PRAGMA user_version = 2;');
    db.close();
    await replaceDatabase(entries, fs.readFileSync(other), path.join(work, 'foreign.zip'));
    await expectRefused(
      path.join(work, 'foreign.zip'),
      /not as Assay \(schema 2\) makes it: it has an extra table "notes"/,
    );
    await replaceDatabase(
      entries,
      Buffer.from('not a database at all, just bytes'.repeat(200)),
      path.join(work, 'garbage.zip'),
    );
    await expectRefused(path.join(work, 'garbage.zip'), /its database (cannot be opened|is not an SQLite database)/);
  });

  it('a genuine backup still restores', async () => {
    const t = await target();
    await restoreBackup(t.dir, genuine);
    const s = openServices(t.dir);
    expect(s.db.prepare('SELECT count(*) FROM submissions').pluck().get()).toBe(3);
    expect(orphanReport(s)).toEqual({ missingFiles: [], orphanFiles: [], staging: [] });
    s.close();
    expect(leftovers(t.dir)).toEqual([]);
  });
});

describe('a restore killed (SIGKILL) at each step', () => {
  const steps = [
    'verified',
    'journal',
    'aside:assay.db',
    'aside:evidence',
    'placed:assay.db',
    'placed:evidence',
    'committed',
  ];
  let restored: Record<string, unknown>;
  beforeAll(async () => {
    const t = await target();
    await restoreBackup(t.dir, genuine);
    restored = stateOf(t.dir);
  });
  it.each(steps)(
    'after "%s": the next start has the old store or the new one, whole, and nothing left over',
    async (step) => {
      const t = await target();
      const r = await runHarness(['restore', t.dir, genuine, step]);
      expect(r.how).toBe('killed-itself');
      const state = stateOf(t.dir);
      expect(state).toEqual(step === 'verified' ? t.before : restored);
      expect(leftovers(t.dir)).toEqual([]);
      const s = openServices(t.dir);
      expect(s.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(s.verifyAudit().ok).toBe(true);
      expect(orphanReport(s)).toEqual({ missingFiles: [], orphanFiles: [], staging: [] });
      s.close();
    },
  );
});

describe('a restore and other writers', () => {
  it('is refused while another process is importing, and the import is kept', async () => {
    const t = await target();
    const files = [{ path: 'evidence/s0/late.txt', content: Buffer.from('imported while a restore was attempted') }];
    const pkg = path.join(work, 'late-pkg');
    writePackage(
      pkg,
      manifest({ id: 'urn:uuid:bbbbbbbb-2222-4333-8444-555555555555', submissions: [submission(7, files[0])] }),
      files,
    );
    const child = spawn(process.execPath, [HARNESS, 'import', t.dir, pkg], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const paused = new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (/paused/.test(out)) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await paused;
    const err = await restoreBackup(t.dir, genuine).then(
      () => null,
      (e: unknown) => e,
    );
    expect((err as Error).message).toMatch(
      new RegExp(`not restored: Assay has this data folder open elsewhere \\(process ${child.pid}\\)`),
    );
    child.stdin.write('go\n');
    expect(await exited).toBe(0);
    expect(out).toMatch(/imported imported/);
    const s = openServices(t.dir);
    expect(s.db.prepare('SELECT id FROM packages ORDER BY id').pluck().all()).toEqual([
      'urn:uuid:aaaaaaaa-2222-4333-8444-555555555555',
      'urn:uuid:bbbbbbbb-2222-4333-8444-555555555555',
    ]);
    s.close();
  });

  it('nothing opens the store while a restore is replacing it', async () => {
    const t = await target();
    let during: unknown = null;
    await restoreBackup(t.dir, genuine, () => {}, {
      onStep: (step) => {
        if (step !== 'journal') return;
        try {
          openServices(t.dir).close();
        } catch (e) {
          during = e;
        }
      },
    });
    expect((during as Error | null)?.message).toMatch(
      /A backup is being restored into .* \(process \d+\); open Assay again when it has finished/,
    );
  });

  it('a lock left by a restore that died is taken over', async () => {
    const t = await target();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    fs.writeFileSync(path.join(t.dir, 'restore.lock'), `${dead}\n`);
    expect(stateOf(t.dir)).toEqual(t.before);
    fs.writeFileSync(path.join(t.dir, 'restore.lock'), `${dead}\n`);
    await restoreBackup(t.dir, genuine);
    expect(leftovers(t.dir)).toEqual([]);
  });
});

describe('leftovers of dead writers', () => {
  it('are removed at start: restore and backup work folders, partial backups and files', async () => {
    const t = await target();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const made = [`.restore-${dead}-0a1b2c`, '.restore-Ab12Cd', `.assay-backup-${dead}-0a1b2c`, '.assay-backup-xY12zZ'];
    for (const d of made) {
      fs.mkdirSync(path.join(t.dir, d, 'evidence'), { recursive: true });
      fs.writeFileSync(path.join(t.dir, d, 'assay.db'), 'personal data');
    }
    fs.mkdirSync(path.join(t.dir, 'backups'));
    fs.writeFileSync(path.join(t.dir, 'backups', 'assay-auto-1.zip.partial-0a1b2c3d'), 'half a backup');
    fs.writeFileSync(
      path.join(t.dir, 'backups', `.assay-auto-2.zip.assay-${dead}-0a1b2c3d4e5f.partial`),
      'half a backup',
    );
    fs.writeFileSync(path.join(t.dir, `.identity.json.assay-${dead}-0a1b2c3d4e5f.partial`), 'half an identity');
    openServices(t.dir).close();
    expect(leftovers(t.dir)).toEqual([]);
    expect(fs.readdirSync(path.join(t.dir, 'backups'))).toEqual([]);
  });
});
