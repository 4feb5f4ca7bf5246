import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Awards } from '../../electron/awards/awards.js';
import { verifyCredential } from '../../electron/awards/credential/index.js';
import { generateSelfSignedIdentity, type SigningIdentity } from '../../electron/awards/identity/index.js';
import { saveDraft, submitReview } from '../../electron/review/reviews.js';
import { loadWorkspace } from '../../electron/review/workspace.js';
import { writeSamplePackage } from '../../electron/sample/sample-package.js';
import { openServices, type Services } from '../../electron/services.js';
import { tempDir } from '../support/package-builder.js';

let work: string;
let s: Services;
let identity: SigningIdentity;
let awards: Awards;

function score(submissionId: string, pass: boolean): void {
  const w = loadWorkspace(s.db, submissionId, false);
  const scores = Object.fromEntries(
    w.achievement.resultDescription.map((c) => [
      c.id,
      (pass ? c.rubricCriterionLevel.at(-1) : c.rubricCriterionLevel[0])!.id,
    ]),
  );
  saveDraft(s.db, { submissionId, scores, comments: {}, feedback: 'Thank you.', override: null, activeMs: 1000 });
  submitReview(s.db, submissionId);
}

beforeAll(async () => {
  work = tempDir();
  const { dir } = await writeSamplePackage(path.join(work, 'sample'), { now: new Date('2026-11-20T09:00:00Z') });
  s = openServices(path.join(work, 'data'));
  await s.importPackage(dir);
  identity = await generateSelfSignedIdentity({
    name: 'Riverside University School of Education',
    url: 'https://pd.riverside.example.edu',
    email: 'credentials@pd.riverside.example.edu',
  });
  awards = new Awards(s.db);
});
afterAll(() => {
  s.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('awards', () => {
  it('a passed review is ready, and issuing signs a credential carrying every criterion level', async () => {
    const [zoe] = s.queue.list({ search: 'Łukasiewicz' }).items;
    score(zoe!.id, true);
    expect(awards.ready().map((r) => r.submissionId)).toEqual([zoe!.id]);
    const award = await awards.issue(zoe!.id, identity);
    expect(award).toMatchObject({
      status: 'active',
      earnerName: 'Zoë Núñez-Łukasiewicz',
      verificationCode: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/),
    });
    expect(awards.ready()).toEqual([]);
    const cred = JSON.parse(award.credentialJson);
    expect(cred.credentialSubject.result.map((r: { resultDescription: string }) => r.resultDescription)).toEqual(
      award.levels.map((l) => l.criterionId),
    );
    expect(await verifyCredential(cred)).toMatchObject({ verified: true });
    await expect(awards.issue(zoe!.id, identity)).rejects.toThrow(/already has an award in force/);
    expect(s.verifyAudit()).toMatchObject({ ok: true });
  });

  it('refuses to issue for a review that did not pass', async () => {
    const other = s.queue.list({ status: ['pending'] }).items[0]!;
    score(other.id, false);
    await expect(awards.issue(other.id, identity)).rejects.toThrow(/Only a submitted review that passed/);
  });

  it('revokes with a reason and re-issues after a correction', async () => {
    const [ng] = s.queue.list({ search: 'Ánh', status: ['pending'] }).items;
    score(ng!.id, true);
    const first = await awards.issue(ng!.id, identity);
    const fixed = await awards.reissue(first.credentialId, identity, { earnerName: 'Ng Thị Ánh (corrected)' });
    expect(awards.get(first.credentialId)!.status).toBe('superseded');
    expect(fixed).toMatchObject({
      status: 'active',
      replaces: first.credentialId,
      earnerName: 'Ng Thị Ánh (corrected)',
    });
    expect(() => awards.revoke(fixed.credentialId, ' ')).toThrow(/reason/);
    const revoked = awards.revoke(fixed.credentialId, 'Issued in error: wrong cohort.');
    expect(revoked).toMatchObject({ status: 'revoked', revocationReason: 'Issued in error: wrong cohort.' });
    expect(awards.byCode(fixed.verificationCode.toLowerCase())!.credentialId).toBe(fixed.credentialId);
    const actions = s.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'award.%' ORDER BY seq").pluck().all();
    expect(actions).toEqual(['award.issue', 'award.issue', 'award.reissue', 'award.revoke']);
  });
});
