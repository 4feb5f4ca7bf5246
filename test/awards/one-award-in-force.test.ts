// One award in force per review: racing issues from two connections (the app and the CLI on one
// store) or two overlapping IPC calls give one award and a clear "already issued" to the other;
// migration 3 enforces it in the schema and repairs a store that already holds two.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwardAlreadyIssuedError, Awards } from '../../electron/awards/awards.js';
import {
  generateSelfSignedIdentity,
  passphraseBox,
  saveIdentity,
  type SigningIdentity,
} from '../../electron/awards/identity/index.js';
import { dispatch } from '../../electron/ipc/dispatch.js';
import { createHandlers } from '../../electron/ipc/handlers.js';
import { saveDraft, submitReview } from '../../electron/review/reviews.js';
import { openServices, type Services } from '../../electron/services.js';
import { migrations } from '../../electron/store/migrations/index.js';
import { appendAudit } from '../../electron/store/audit.js';
import { ACH, manifest, submission, tempDir, writePackage } from '../support/package-builder.js';

const TOP = { [`${ACH}#inquiry`]: `${ACH}#inquiry-3`, [`${ACH}#evidence`]: `${ACH}#evidence-3` };
let work: string;
let pkg: string;
let identity: SigningIdentity;
const open: Services[] = [];

/** A store of its own with `n` passed reviews; returns the services and the submission ids. */
async function store(name: string, n = 3): Promise<{ dataDir: string; s: Services; ids: string[] }> {
  const dataDir = path.join(work, name);
  const s = openServices(dataDir);
  open.push(s);
  await s.importPackage(pkg);
  const ids = s.db.prepare('SELECT id FROM submissions ORDER BY seq LIMIT ?').pluck().all(n) as string[];
  for (const submissionId of ids) {
    saveDraft(s.db, {
      submissionId,
      scores: TOP,
      comments: {},
      feedback: 'Well done.',
      override: null,
      activeMs: 1000,
    });
    submitReview(s.db, submissionId);
  }
  return { dataDir, s, ids };
}

/** A second connection to the same file, as the CLI beside the running app would open. */
function second(dataDir: string): Services {
  const s = openServices(dataDir);
  open.push(s);
  return s;
}

const rowsFor = (s: Services, submissionId: string) =>
  s.db
    .prepare(
      'SELECT w.status FROM awards w JOIN submissions s ON s.seq = w.submission_seq WHERE s.id = ? ORDER BY w.rowid',
    )
    .pluck()
    .all(submissionId) as string[];

beforeAll(async () => {
  work = tempDir('assay-one-award-');
  pkg = path.join(work, 'package');
  writePackage(pkg, manifest({ submissions: Array.from({ length: 3 }, (_, i) => submission(i, undefined)) }), []);
  identity = await generateSelfSignedIdentity({ name: 'Test University' });
});
afterAll(() => {
  for (const s of open) s.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('two issues for one review', () => {
  it('from two connections to one file: one award, and the other is told it was already issued', async () => {
    const { dataDir, s: app, ids } = await store('race');
    const cli = second(dataDir);
    // Both calls run their check before either awaits the signing, so both pass it before either
    // writes: the interleaving of a real race, fixed by the language's run-to-await order.
    const results = await Promise.allSettled([
      new Awards(app.db).issue(ids[0]!, identity),
      new Awards(cli.db).issue(ids[0]!, identity),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<Awards['issue']>>>).value;
    expect(lost[0]!.reason).toBeInstanceOf(AwardAlreadyIssuedError);
    expect((lost[0]!.reason as Error).message).toBe(
      `Submission ${ids[0]} already has an award in force: ${winner.verificationCode} (${winner.credentialId}) was already issued. Revoke it or re-issue it instead of issuing again.`,
    );
    expect(rowsFor(app, ids[0]!)).toEqual(['active']);
    expect(app.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'award.issue'").pluck().get()).toBe(1);
    expect(app.verifyAudit()).toMatchObject({ ok: true });
  });

  it('two re-issues of one award: one replaces it, the other is refused', async () => {
    const { dataDir, s: app, ids } = await store('reissue-race');
    const cli = second(dataDir);
    const first = await new Awards(app.db).issue(ids[0]!, identity);
    const results = await Promise.allSettled([
      new Awards(app.db).reissue(first.credentialId, identity),
      new Awards(cli.db).reissue(first.credentialId, identity),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(
      AwardAlreadyIssuedError,
    );
    expect(rowsFor(app, ids[0]!)).toEqual(['superseded', 'active']);
  });

  it('two overlapping IPC calls: one issued, the other refused as a second run; asked again, failed with the reason', async () => {
    const { dataDir, s, ids } = await store('ipc');
    const box = passphraseBox('test passphrase', { logN: 10 });
    saveIdentity(dataDir, identity, box);
    const handlers = createHandlers(
      s,
      {
        appVersion: 'test',
        chooseImportPath: async () => null,
        confirmDrop: async () => false,
        openExternal: async () => false,
        openPath: async () => false,
        admin: { choosePath: async () => null, secretBox: () => box, printPdf: async () => true },
      },
      () => {},
    );
    const [a, b] = await Promise.all([
      dispatch(handlers, 'awards:issue', { submissionIds: [ids[1]] }, () => {}),
      dispatch(handlers, 'awards:issue', { submissionIds: [ids[1]] }, () => {}),
    ]);
    // One issuing run at a time: the overlapping call is refused by name, before it signs anything.
    const won = [a, b].filter((r) => r.ok);
    expect(won).toHaveLength(1);
    expect((won[0]!.value as { issued: unknown[] }).issued).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({
      ok: false,
      error: { code: 'job-busy', message: expect.stringMatching(/issuing of awards started at .* is still running/) },
    });
    // Asked again once the first is done: reported as failed with the reason, nothing issued twice.
    const again = await dispatch(handlers, 'awards:issue', { submissionIds: [ids[1]] }, () => {});
    expect(again.ok && (again.value as { failed: { message: string }[] }).failed.map((f) => f.message)).toEqual([
      expect.stringMatching(/already has an award in force: .* was already issued/),
    ]);
    expect(rowsFor(s, ids[1]!)).toEqual(['active']);

    // Two overlapping re-issues: the loser's answer carries its own code, and the message as is.
    const [current] = s.awards.list({ status: 'active' });
    const both = await Promise.all(
      [0, 1].map(() => dispatch(handlers, 'awards:reissue', { credentialId: current!.credentialId }, () => {})),
    );
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({
      ok: false,
      error: {
        code: 'award-already-issued',
        message: expect.stringMatching(
          new RegExp(`^Submission ${ids[1]} already has an award in force: .* was already issued`),
        ),
      },
    });
    expect(rowsFor(s, ids[1]!)).toEqual(['superseded', 'active']);
  });

  it('revoke, then issue again for the same review, still works', async () => {
    const { s, ids } = await store('revoke');
    const first = await s.awards.issue(ids[2]!, identity);
    s.awards.revoke(first.credentialId, 'Issued in error.');
    const next = await s.awards.issue(ids[2]!, identity);
    expect(next.status).toBe('active');
    expect(rowsFor(s, ids[2]!)).toEqual(['revoked', 'active']);
  });

  it('the schema itself refuses a second award in force for one submission', async () => {
    const { s, ids } = await store('schema');
    const a = await s.awards.issue(ids[0]!, identity);
    expect(() =>
      s.db
        .prepare(
          `INSERT INTO awards (credential_id, submission_seq, achievement_version_id, verification_code, issued_at, earner_name, assessor_name, levels_json, credential_json)
        SELECT 'urn:uuid:dup', submission_seq, achievement_version_id, 'DUPE-0001', issued_at, earner_name, assessor_name, levels_json, credential_json FROM awards WHERE credential_id = ?`,
        )
        .run(a.credentialId),
    ).toThrow(/UNIQUE constraint failed: awards\.submission_seq/);
  });
});

describe('migration 3 on a store that already holds two awards in force for one review', () => {
  it('keeps the first in force, revokes the later one with a reason naming the first, and audits it', async () => {
    const { dataDir, s, ids } = await store('old-store');
    const kept = await s.awards.issue(ids[0]!, identity, { now: new Date('2026-12-01T10:00:00Z') });
    s.close();
    open.splice(open.indexOf(s), 1);
    // Make it the store an older Assay left behind: schema 2, and a duplicate from a race.
    const raw = new Database(path.join(dataDir, 'assay.db'));
    raw.exec('DROP INDEX awards_one_in_force');
    raw
      .prepare(
        `INSERT INTO awards (credential_id, submission_seq, achievement_version_id, verification_code, issued_at, earner_name, assessor_name, levels_json, credential_json)
      SELECT 'urn:uuid:11111111-1111-4111-8111-111111111111', submission_seq, achievement_version_id, 'DUPE-0001', '2026-12-01T10:00:01.000Z', earner_name, assessor_name, levels_json, credential_json
      FROM awards WHERE credential_id = ?`,
      )
      .run(kept.credentialId);
    // The losing call of the race wrote its audit entry too, as issue() does.
    const versionId = raw
      .prepare('SELECT achievement_version_id FROM awards WHERE credential_id = ?')
      .pluck()
      .get(kept.credentialId) as number;
    appendAudit(
      raw,
      'award.issue',
      'urn:uuid:11111111-1111-4111-8111-111111111111',
      { submissionId: ids[0], achievementVersionId: versionId },
      '2026-12-01T10:00:01.000Z',
    );
    raw.pragma('user_version = 2');
    raw.close();

    const after = second(dataDir);
    expect(after.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(after.awards.get(kept.credentialId)!.status).toBe('active');
    const dup = after.awards.get('urn:uuid:11111111-1111-4111-8111-111111111111')!;
    expect(dup.status).toBe('revoked');
    expect(dup.revocationReason).toBe(
      `Issued twice for the same review by mistake; award ${kept.verificationCode} (${kept.credentialId}) for submission ${ids[0]} remains in force.`,
    );
    const audit = after.db.prepare("SELECT subject, details_json FROM audit_log WHERE action = 'award.revoke'").all();
    expect(audit).toEqual([{ subject: dup.credentialId, details_json: expect.stringContaining('"by":"migration 3"') }]);
    // The duplicate was written here by hand, not by issue(), so no signed checkpoint seals it: the audit log
    // rightly says so. That is the only thing it finds; the migration's revocation itself checks out.
    const report = after.verifyAudit();
    expect(report.ok ? [] : report.problems).toEqual([
      expect.stringMatching(
        /^entry \d+ \(award urn:uuid:11111111-1111-4111-8111-111111111111\) has no valid signed checkpoint/,
      ),
    ]);
  });
});
