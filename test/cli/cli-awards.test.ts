// The award commands as a user runs them: identity, issue, export, verify (PDF, JSON, PNG), revoke,
// and the results package, checked with outside verifiers (pdfsig, openssl cms).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { scoreSome } from '../support/issuer-store.js';
import { tempDir } from '../support/package-builder.js';
import { itWithStandards, standard } from '../support/standards.js';

let work: string;
let dataDir: string;
const env = { ASSAY_PASSPHRASE: 'correct horse battery staple' };

function assay(args: string[], extra: NodeJS.ProcessEnv = {}) {
  return runCli([...args, '--data-dir', dataDir], { ...env, ...extra });
}

beforeAll(async () => {
  work = tempDir('assay-cli-awards-');
  dataDir = path.join(work, 'data');
  expect((await runCli(['sample-package', path.join(work, 'sample')])).code).toBe(0);
  expect((await assay(['import', path.join(work, 'sample')])).code).toBe(0);
  // Score two submissions: one passes, one does not.
  scoreSome(dataDir, 2, 1);
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('awards on the command line', () => {
  it('creates an identity, refuses a wrong passphrase, issues and exports signed files', async () => {
    const created = await assay([
      'identity',
      'create',
      '--name',
      'Riverside University School of Education',
      '--url',
      'https://pd.riverside.example.edu',
    ]);
    expect(created).toMatchObject({ code: 0 });
    const json = JSON.parse(fs.readFileSync(path.join(dataDir, 'identity.json'), 'utf8'));
    expect(JSON.stringify(json)).not.toMatch(/PRIVATE KEY/);
    const wrong = await assay(['awards', 'issue', '--all'], { ASSAY_PASSPHRASE: 'not the passphrase' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/passphrase .* is not right/);
    const issued = await assay(['awards', 'issue', '--all']);
    expect(issued.code).toBe(0);
    expect(issued.stdout.trim().split('\n')).toHaveLength(1);
    const out = path.join(work, 'exported');
    const exp = await assay(['awards', 'export', '--out', out, '--paper', 'letter']);
    expect(exp.code).toBe(0);
    expect(
      fs
        .readdirSync(out)
        .map((f) => path.extname(f))
        .sort(),
    ).toEqual(['.json', '.pdf', '.png']);
  });

  it('verifies the PDF, JSON and PNG; pdfsig agrees; a changed byte and a revocation are caught', async () => {
    const out = path.join(work, 'exported');
    const file = (ext: string) =>
      path.join(
        out,
        fs.readdirSync(out).find((f) => f.endsWith(ext))!,
      );
    for (const ext of ['.pdf', '.json', '.png']) {
      const v = await assay(['verify', file(ext)]);
      expect(v.code, v.stdout + v.stderr).toBe(0);
      expect(v.stdout).toMatch(/^VALID:/m);
    }
    const sig = spawnSync('pdfsig', [file('.pdf')], { encoding: 'utf8' });
    expect(sig.stdout).toContain('Signature Validation: Signature is Valid.');
    expect(sig.stdout).toContain('ETSI.CAdES.detached');

    const bytes = fs.readFileSync(file('.pdf'));
    // A byte of the binary comment on the file's second line: inside the signed range, and the file still
    // parses (the info dictionary now sits in a compressed object stream, so no plain string is left to change).
    const at = bytes.indexOf('\n%') + 2;
    expect(at).toBe(10);
    const tampered = path.join(work, 'tampered.pdf');
    const copy = Buffer.from(bytes);
    copy[at] = copy[at]! ^ 0x01;
    fs.writeFileSync(tampered, copy);
    const bad = await assay(['verify', tampered]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/NOT VALID: PDF signature: .*changed after it was signed/);

    const cred = JSON.parse(fs.readFileSync(file('.json'), 'utf8'));
    cred.credentialSubject.result[0].achievedLevel =
      cred.credentialSubject.achievement.resultDescription[0].rubricCriterionLevel[0].id;
    fs.writeFileSync(path.join(work, 'forged.json'), JSON.stringify(cred));
    const forged = await assay(['verify', path.join(work, 'forged.json')]);
    expect(forged.code).toBe(1);
    expect(forged.stderr).toMatch(/NOT VALID: credential proof/);

    const code = /([0-9A-Z]{4}-[0-9A-Z]{4})\.pdf$/.exec(file('.pdf'))![1]!;
    expect((await assay(['awards', 'revoke', code, '--reason', 'Issued to the wrong cohort'])).code).toBe(0);
    const revoked = await assay(['verify', file('.pdf')]);
    expect(revoked.code).toBe(1);
    expect(revoked.stderr).toMatch(/REVOKED on .*: Issued to the wrong cohort/);
  });

  itWithStandards('reports a credential whose key is not known offline as unverifiable, never valid', async () => {
    const v = await assay(['verify', standard('open-badges-3', 'validator-fixtures', 'simple.json')]);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/^UNVERIFIABLE:/);
  });

  it('exports a signed results package that openssl and assay verify, and finds one changed byte', async () => {
    const out = path.join(work, 'results');
    const r = await assay(['results', 'export', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const ok = await assay(['results', 'verify', out]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^VALID: signed by .*Riverside/);
    const cms = spawnSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        path.join(out, 'manifest.json.p7s'),
        '-content',
        path.join(out, 'manifest.json'),
        '-noverify',
        '-out',
        '/dev/null',
      ],
      { encoding: 'utf8' },
    );
    expect(cms.stderr).toMatch(/Verification successful/);
    const csv = fs.readFileSync(path.join(out, 'decisions.csv'), 'utf8');
    // A UTF-8 BOM first, so spreadsheets read the names as UTF-8.
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe(
      'submission_id,achievement_id,achievement_name,earner_name,attempt,outcome,decision,computed_decision,overridden,points,reviewed_at,credential_id,verification_code',
    );
    const results = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8'));
    expect(
      results.submissions
        .filter((x: { outcome: string }) => x.outcome !== 'not-reviewed')
        .map((x: { outcome: string }) => x.outcome)
        .sort(),
    ).toEqual(['not-yet', 'passed']);

    for (const rel of ['results.json', 'decisions.csv', 'manifest.json']) {
      const f = path.join(out, rel);
      const original = fs.readFileSync(f);
      const changed = Buffer.from(original);
      changed[Math.floor(changed.length / 2)] = changed[Math.floor(changed.length / 2)]! ^ 1;
      fs.writeFileSync(f, changed);
      const v = await assay(['results', 'verify', out]);
      expect(v.code).toBe(1);
      expect(v.stderr).toMatch(
        rel === 'manifest.json'
          ? /signature over manifest\.json is not valid/
          : new RegExp(`${rel.replace('.', '\\.')} does not match its SHA-256`),
      );
      fs.writeFileSync(f, original);
    }
    fs.writeFileSync(path.join(out, 'extra.txt'), 'smuggled');
    expect((await assay(['results', 'verify', out])).stderr).toMatch(/extra\.txt is not listed in the signed manifest/);
  });
});
