// The audit log against someone who edits the database directly (triggers dropped): deleting the newest
// entries, rewriting an entry and recomputing the whole chain. The chain alone verifies after either;
// the checkpoints, the cross-check with the records and the anchors in packages and backups must not.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/domain/canonical-json.js';
import { assay, issuerWithAward } from '../support/issuer-store.js';
import { tempDir } from '../support/package-builder.js';

let work: string;
let base: string;
let results: string;
let backup: string;
let head: { entries: number; hash: string };

/** What an attacker with sqlite3 does: drop the triggers that make the log append-only. */
function tamper(dataDir: string, fn: (db: Database.Database) => void): void {
  const db = new Database(path.join(dataDir, 'assay.db'));
  db.exec(
    'DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; DROP TRIGGER IF EXISTS audit_checkpoints_no_update; DROP TRIGGER IF EXISTS audit_checkpoints_no_delete;',
  );
  fn(db);
  db.close();
}

/** Recomputes every hash from entry 1, as anyone who reads audit.ts can. */
function rechain(db: Database.Database): void {
  let prev = '0'.repeat(64);
  const rows = db.prepare('SELECT seq, at, action, subject, details_json AS d FROM audit_log ORDER BY seq').all() as {
    seq: number;
    at: string;
    action: string;
    subject: string;
    d: string;
  }[];
  for (const r of rows) {
    const hash = createHash('sha256')
      .update(canonicalJson({ prev, seq: r.seq, at: r.at, action: r.action, subject: r.subject, details: r.d }))
      .digest('hex');
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
    prev = hash;
  }
}

function copyOf(label: string): string {
  const dir = path.join(work, label);
  fs.cpSync(base, dir, { recursive: true });
  return dir;
}

function zipEntry(file: string, name: string): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (err: Error | null, zip: yauzl.ZipFile | undefined) => {
      if (err || !zip) {
        reject(err ?? new Error(`${file}: yauzl opened no zip`));
        return;
      }
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== name) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(e, (err2: Error | null, stream: Readable | undefined) => {
          if (err2 || !stream) {
            reject(err2 ?? new Error(`${name}: yauzl gave no stream`));
            return;
          }
          const chunks: Buffer[] = [];
          stream
            .on('data', (c: Buffer) => chunks.push(c))
            .on('end', () => {
              zip.close();
              resolve(Buffer.concat(chunks));
            });
        });
      });
      zip.on('end', () => reject(new Error(`${name} not in ${file}`)));
      zip.readEntry();
    }),
  );
}

beforeAll(async () => {
  work = tempDir('assay-audit-anchor-');
  const issuer = await issuerWithAward(work, 'issuer', undefined, 'json');
  base = issuer.dataDir;
  const code = JSON.parse((await assay(base, ['awards', 'list', '--json'])).stdout)[0].verificationCode as string;
  expect((await assay(base, ['awards', 'revoke', code, '--reason', 'Issued to the wrong cohort'])).code).toBe(0);
  results = path.join(work, 'results');
  expect((await assay(base, ['results', 'export', '--out', results])).code).toBe(0);
  backup = path.join(work, 'backup.zip');
  expect((await assay(base, ['backup', '--out', backup])).code).toBe(0);
  const db = new Database(path.join(base, 'assay.db'), { readonly: true });
  head = db.prepare('SELECT seq AS entries, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
    entries: number;
    hash: string;
  };
  db.close();
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('an audit log that cannot be rewritten quietly', () => {
  it('an untouched store verifies, with its last signed anchor; packages and backups carry the head', async () => {
    const v = await assay(base, ['audit', 'verify', '--anchor', results, '--anchor', backup]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(
      new RegExp(
        `^Audit log intact: ${head.entries} entries, .*agrees with the reviews, awards and revocations; last anchor: entry ${head.entries}`,
      ),
    );
    const manifest = JSON.parse(fs.readFileSync(path.join(results, 'manifest.json'), 'utf8'));
    expect(manifest.auditHead).toEqual(head);
    const backupManifest = JSON.parse((await zipEntry(backup, 'manifest.json')).toString('utf8'));
    expect(backupManifest.auditHead).toMatchObject({
      ...head,
      signature: { badgeKey: expect.stringMatching(/^z6Mk/), value: expect.any(String) },
    });
  });

  it('deleting the newest entry (the revocation) is found by the cross-check with the awards', async () => {
    const dir = copyOf('deleted-newest');
    tamper(dir, (db) =>
      db
        .prepare("DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log WHERE action = 'award.revoke')")
        .run(),
    );
    const v = await assay(dir, ['audit', 'verify']);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/award urn:uuid:\S+ is revoked, but the audit log has no award\.revoke entry for it/);
  });

  it('rewriting a decision and recomputing the chain is found: the review disagrees, and the signed checkpoint no longer matches', async () => {
    const dir = copyOf('rewritten-decision');
    tamper(dir, (db) => {
      const e = db
        .prepare(
          'SELECT seq, details_json AS d FROM audit_log WHERE action = \'review.submit\' AND details_json LIKE \'%"decision":"not-yet"%\'',
        )
        .get() as { seq: number; d: string };
      db.prepare('UPDATE audit_log SET details_json = ? WHERE seq = ?').run(
        e.d.replace('"decision":"not-yet"', '"decision":"pass"'),
        e.seq,
      );
      rechain(db);
    });
    const v = await assay(dir, ['audit', 'verify']);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/records the decision "pass" for urn:uuid:\S+, but the review says "not-yet"/);
    expect(v.stderr).toMatch(/the log was rewritten at or before entry \d+: .*the checkpoint signed by Riverside/);
  });

  it('rewriting an entry no record mirrors (the import) and recomputing the chain is found by the checkpoint', async () => {
    const dir = copyOf('rewritten-import');
    tamper(dir, (db) => {
      db.prepare("UPDATE audit_log SET subject = 'urn:uuid:00000000-0000-0000-0000-000000000000' WHERE seq = 1").run();
      rechain(db);
    });
    const v = await assay(dir, ['audit', 'verify']);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/the log was rewritten at or before entry \d+/);
  });

  it('deleting the newest entries with their records and checkpoints is found against a results package or backup kept outside', async () => {
    const dir = copyOf('covered-tracks');
    tamper(dir, (db) => {
      // Un-revoke the award and remove every trace of the revocation in the store.
      const seq = db.prepare("SELECT MAX(seq) FROM audit_log WHERE action = 'award.revoke'").pluck().get() as number;
      db.prepare(
        "UPDATE awards SET status = 'active', revoked_at = NULL, revocation_reason = NULL WHERE status = 'revoked'",
      ).run();
      db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(seq);
      db.prepare('DELETE FROM audit_checkpoints WHERE seq >= ?').run(seq);
    });
    // Inside the store alone nothing is left to contradict the log: the limit the README states.
    expect((await assay(dir, ['audit', 'verify'])).code).toBe(0);
    for (const anchor of [results, backup]) {
      const v = await assay(dir, ['audit', 'verify', '--anchor', anchor]);
      expect(v.code, v.stdout).toBe(1);
      expect(v.stderr).toMatch(
        new RegExp(
          `1 entry is missing at the end: the log ends at entry ${head.entries - 1}, but (results package results|backup backup\\.zip).* records ${head.entries} entries`,
        ),
      );
    }
  });

  it('removing the checkpoint an award was sealed with is found', async () => {
    const dir = copyOf('deleted-checkpoint');
    tamper(dir, (db) =>
      db
        .prepare("DELETE FROM audit_checkpoints WHERE seq = (SELECT seq FROM audit_log WHERE action = 'award.issue')")
        .run(),
    );
    const v = await assay(dir, ['audit', 'verify']);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/entry \d+ \(award urn:uuid:\S+\) has no valid signed checkpoint/);
  });
});
