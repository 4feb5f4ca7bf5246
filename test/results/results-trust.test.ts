// `assay results verify` against an adversary: a results package re-signed with a look-alike certificate,
// and a .zip with a file slipped in, made here from a genuine package.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCadesSignature } from '../../electron/awards/certificate/cms.js';
import { generateSelfSignedIdentity } from '../../electron/awards/identity/index.js';
import { assay, ISSUER, issuerWithAward } from '../support/issuer-store.js';
import { tempDir } from '../support/package-builder.js';

let work: string;
let issuer: Awaited<ReturnType<typeof issuerWithAward>>;
let genuine: string;

function zipFolder(dir: string, out: string, extra: Record<string, string> = {}): Promise<void> {
  const zip = new yazl.ZipFile();
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else zip.addFile(path.join(dir, r), r);
    }
  };
  walk('');
  for (const [name, text] of Object.entries(extra)) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  return new Promise((resolve, reject) =>
    zip.outputStream.pipe(fs.createWriteStream(out)).on('close', resolve).on('error', reject),
  );
}

beforeAll(async () => {
  work = tempDir('assay-results-trust-');
  issuer = await issuerWithAward(work, 'issuer', ISSUER, 'json');
  genuine = path.join(work, 'results');
  const r = await assay(issuer.dataDir, ['results', 'export', '--out', genuine]);
  if (r.code !== 0) throw new Error(r.stderr);
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('results verify: the signer must be the exporting identity or one trusted explicitly', () => {
  it('the genuine package is valid in its data folder, as a folder and as a .zip', async () => {
    const zip = path.join(work, 'genuine.zip');
    await zipFolder(genuine, zip);
    for (const target of [genuine, zip]) {
      const v = await assay(issuer.dataDir, ['results', 'verify', target]);
      expect(v.code, v.stderr).toBe(0);
      expect(v.stdout).toMatch(/^VALID: signed by .*Riverside.*this store's issuer identity/);
    }
  });

  it('re-signed with an attacker’s self-signed certificate of the same CN: signer unknown (exit 3), unless that certificate is trusted explicitly', async () => {
    const forged = path.join(work, 'forged');
    fs.cpSync(genuine, forged, { recursive: true });
    const results = JSON.parse(fs.readFileSync(path.join(forged, 'results.json'), 'utf8'));
    results.submissions[0].feedback = 'Changed by someone else.';
    fs.writeFileSync(path.join(forged, 'results.json'), JSON.stringify(results, null, 2));
    const manifest = JSON.parse(fs.readFileSync(path.join(forged, 'manifest.json'), 'utf8'));
    const bytes = fs.readFileSync(path.join(forged, 'results.json'));
    const entry = manifest.files.find((f: { path: string }) => f.path === 'results.json');
    Object.assign(entry, { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
    fs.writeFileSync(path.join(forged, 'manifest.json'), manifestBytes);
    const mallory = await generateSelfSignedIdentity({ name: ISSUER });
    expect(mallory.commonName).toBe(ISSUER);
    fs.writeFileSync(
      path.join(forged, 'manifest.json.p7s'),
      buildCadesSignature(mallory, createHash('sha256').update(manifestBytes).digest()),
    );

    const v = await assay(issuer.dataDir, ['results', 'verify', forged]);
    expect(v.code, v.stdout + v.stderr).toBe(3);
    expect(v.stdout).toBe('');
    expect(v.stderr).toMatch(
      /^SIGNATURE VALID, SIGNER UNKNOWN: signed by .*CN=Riverside University School of Education.*not valid/,
    );
    const zip = path.join(work, 'forged.zip');
    await zipFolder(forged, zip);
    expect((await assay(issuer.dataDir, ['results', 'verify', zip])).code).toBe(3);

    const pem = path.join(work, 'mallory.pem');
    fs.writeFileSync(pem, mallory.certificatePem);
    const trusted = await assay(path.join(work, 'empty-data'), ['results', 'verify', forged, '--trust-cert', pem]);
    expect(trusted.code, trusted.stderr).toBe(0);
    expect(trusted.stdout).toMatch(/the certificate you trusted \(mallory\.pem\)/);
  });

  it('a .zip gets the same unlisted-file check as a folder', async () => {
    const zip = path.join(work, 'smuggled.zip');
    await zipFolder(genuine, zip, { 'awards/extra.json': '{"smuggled":true}' });
    const v = await assay(issuer.dataDir, ['results', 'verify', zip]);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/^NOT VALID: .*awards\/extra\.json is not listed in the signed manifest/);
  });

  it('after "identity create --force" the package the retired identity signed still verifies', async () => {
    const data = path.join(work, 'replaced-data');
    fs.cpSync(issuer.dataDir, data, { recursive: true });
    expect((await assay(data, ['identity', 'create', '--force', '--name', ISSUER])).code).toBe(0);
    const v = await assay(data, ['results', 'verify', genuine]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/a former issuer identity of this store/);
  });
});
