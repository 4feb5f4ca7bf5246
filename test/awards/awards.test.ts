import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Awards } from '../../electron/awards/awards.js';
import { verifyCredential } from '../../electron/awards/credential/index.js';
import { generateSelfSignedIdentity, type SigningIdentity } from '../../electron/awards/identity/index.js';
import { type Services } from '../../electron/services.js';
import { sampleStore, submitAt, type SampleStore } from '../support/sample-store.js';

let store: SampleStore;
let s: Services;
let identity: SigningIdentity;
let awards: Awards;

const score = (submissionId: string, pass: boolean) => submitAt(s, [submissionId], pass ? 'top' : 'lowest');

beforeAll(async () => {
  store = await sampleStore();
  ({ s } = store);
  identity = await generateSelfSignedIdentity({
    name: 'Riverside University School of Education',
    url: 'https://pd.riverside.example.edu',
    email: 'credentials@pd.riverside.example.edu',
  });
  awards = new Awards(s.db);
});
afterAll(() => store.dispose());

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
