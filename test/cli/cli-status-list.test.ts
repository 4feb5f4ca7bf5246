// `assay status-list export` and `assay verify --status-list`: revocation a third party can check.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assay, issuerWithAward } from '../support/issuer-store.js';
import { tempDir } from '../support/package-builder.js';

let work: string;
let issuer: Awaited<ReturnType<typeof issuerWithAward>>;
let other: Awaited<ReturnType<typeof issuerWithAward>>;

beforeAll(async () => {
  work = tempDir('assay-cli-status-');
  issuer = await issuerWithAward(work, 'issuer', undefined, 'json');
  other = await issuerWithAward(work, 'other', undefined, 'json');
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('status lists on the command line', () => {
  it("exports the signed list; verify says not revoked with it, REVOKED after a revoke, and refuses another issuer's list", async () => {
    const before = path.join(work, 'before.json');
    const exported = await assay(issuer.dataDir, ['status-list', 'export', '--out', before]);
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toMatch(
      /Wrote the status list https:\/\/pd\.riverside\.example\.edu\/status\/1 \(1 credentials, 0 revoked/,
    );
    const credential = issuer.file('.json');
    const ok = await assay(issuer.dataDir, ['verify', credential, '--status-list', before]);
    expect(ok.stdout).toMatch(/ok {4}revocation status \(status list\): not revoked according to before\.json/);
    expect(ok.code).toBe(0);

    const id = JSON.parse(fs.readFileSync(credential, 'utf8')).id as string;
    expect((await assay(issuer.dataDir, ['awards', 'revoke', id, '--reason', 'Plagiarised evidence'])).code).toBe(0);
    const after = path.join(work, 'after.json');
    expect((await assay(issuer.dataDir, ['status-list', 'export', '--out', after])).code).toBe(0);
    // A verifier elsewhere (an empty data folder) with the hosted list: revoked.
    const elsewhere = path.join(work, 'elsewhere');
    const revoked = await assay(elsewhere, ['verify', credential, '--status-list', after]);
    expect(revoked.stdout).toMatch(/FAIL {2}revocation status \(status list\): REVOKED according to after\.json/);
    expect(revoked.code).not.toBe(0);

    // Another issuer's list (same name, another key): not accepted as this credential's status.
    const theirs = path.join(work, 'theirs.json');
    expect((await assay(other.dataDir, ['status-list', 'export', '--out', theirs])).code).toBe(0);
    const forged = await assay(elsewhere, ['verify', credential, '--status-list', theirs]);
    expect(forged.stdout).toMatch(
      /FAIL {2}revocation status \(status list\): theirs\.json: the status list is signed by did:key:\S+, not by the credential's issuer/,
    );
  });

  it('with neither a list nor the issuer\'s data folder, says "status unknown", never "not revoked"', async () => {
    const r = await assay(path.join(work, 'nobody'), ['verify', other.file('.json')]);
    expect(r.stdout).toMatch(/\? +revocation status \(status list\): status unknown/);
    expect(r.stdout).not.toMatch(/not revoked/);
  });
});
