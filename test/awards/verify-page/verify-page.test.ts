// The verify page as a file (its CSP allows exactly its own inline script and style; the issuer's
// keys and name are embedded safely; the same input gives the same bytes), `assay verify-page export`,
// the verifyPageUrl setting, `assay verify` given a certificate's QR code, and the page's Data Integrity
// proof checker (proof-check.ts, run here on Node's WebCrypto; in Chromium by test/e2e/verify-page.spec.ts)
// on awards and status lists issued under a did:web by the real CLI. Needs `npm run build` (the page
// inlines dist/verify-page/proof-check.js).
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrKeyId } from '../../../electron/awards/certificate/qr.js';
import { verifyCredential } from '../../../electron/awards/credential/data-integrity.js';
import { multikeyFromPublicKey } from '../../../electron/awards/credential/keys.js';
import { decodeBitstring, encodeBitstring, withBit } from '../../../electron/awards/status-list/bitstring.js';
import {
  buildVerifyPage,
  proofCheckerScript,
  type VerifyPageConfig,
} from '../../../electron/awards/verify-page/page.js';
import { checkProof } from '../../../electron/awards/verify-page/proof-check.js';
import { verifyPageUrlSetting } from '../../../electron/awards/verify-page/config.js';
import { openServices } from '../../../electron/services.js';
import { assayOk, issuingStore, published, RIVERSIDE_DID, type IssuedCredential } from '../../support/did-web-store.js';
import { assay, issuerWithAward } from '../../support/issuer-store.js';
import { tempDir } from '../../support/package-builder.js';
import { fixedEd25519 } from '../certificate/helpers.js';

const key = crypto.createPublicKey(fixedEd25519('verify page'));
const retired = crypto.createPublicKey(fixedEd25519('verify page, retired'));
const input = {
  issuerName: 'Riverside </script><b>University</b> & "Friends"',
  issuerIds: ['did:web:pd.riverside.example.edu'],
  badgeKeys: [key, multikeyFromPublicKey(retired)],
  verifyPageUrl: 'https://pd.riverside.example.edu/verify',
  statusListUrls: ['https://pd.riverside.example.edu/status/1', 'https://status.example.org/lists/2'],
};
const sha = (t: string) => crypto.createHash('sha256').update(t, 'utf8').digest('base64');

describe('the verify page file', () => {
  const { html, csp, config } = buildVerifyPage(input);

  it('holds one script and one style, each allowed by its hash, and fetches only from the status lists', () => {
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(csp).toContain(`script-src 'sha256-${sha(scripts[0]!)}'`);
    expect(csp).toContain(`style-src 'sha256-${sha(styles[0]!)}'`);
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).toContain('connect-src https://pd.riverside.example.edu https://status.example.org;');
    expect(html).not.toMatch(/\s(src|href)=/); // no external script, style, image or link
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${csp.replace(/"/g, '&quot;')}">`);
  });

  it('embeds the keys by their QR key ids, and the issuer name escaped (it cannot end the script block)', () => {
    const block = /<script id="assay-config" type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(block).not.toContain('</');
    expect(JSON.parse(block)).toEqual(config);
    expect(config.keys.map((k) => k.kid)).toEqual([qrKeyId(key), qrKeyId(retired)]);
    expect(config.keys[0]!.x).toBe(Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url').toString('base64url'));
    expect(html).toContain(
      '<title>Verify an award from Riverside &lt;/script&gt;&lt;b&gt;University&lt;/b&gt; &amp; &quot;Friends&quot;</title>',
    );
  });

  it('runs the proof checker ahead of its own script, in the one script block, which nothing in it can end', () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(script.startsWith(`${proofCheckerScript()}\n`)).toBe(true);
    expect(script.startsWith('var AssayProof=')).toBe(true);
    expect(script).not.toMatch(/<\/script|<!--/i);
    // no eval: the CSP allows none, and the checker must not need it
    expect(csp).not.toContain('unsafe-eval');
    expect(script).not.toMatch(/\beval\(|new Function\(/);
  });

  it('carries the did:web keys as the did.json lists them (<did>#<Multikey>), for each key', () => {
    expect(config.methods).toEqual(
      config.keys.map((k) => ({
        id: `did:web:pd.riverside.example.edu#${k.multikey}`,
        controller: 'did:web:pd.riverside.example.edu',
        publicKeyMultibase: k.multikey,
      })),
    );
  });

  it('is the same bytes for the same input', () => {
    expect(buildVerifyPage(input).html).toBe(html);
  });
});

describe('assay verify-page export, the verifyPageUrl setting and assay verify with a QR code', () => {
  let work: string;
  let issuer: Awaited<ReturnType<typeof issuerWithAward>>;
  let qr: string;

  beforeAll(async () => {
    work = tempDir('assay-verify-page-');
    issuer = await issuerWithAward(work, 'issuer', undefined, 'pdf');
    qr = qrOf(issuer.file('.pdf'), path.join(work, 'page1'));
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('writes the page for the issuer at <issuer url>/verify, with its key and its status list origin', async () => {
    const out = path.join(work, 'site', 'verify.html');
    const r = await assay(issuer.dataDir, ['verify-page', 'export', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('opens at https://pd.riverside.example.edu/verify');
    const html = fs.readFileSync(out, 'utf8');
    console.log(`verify page: ${Buffer.byteLength(html)} bytes`);
    // the proof checker (jsonld, rdf-canonize and the JSON-LD contexts) is most of it
    expect(Buffer.byteLength(html)).toBeLessThan(256 * 1024);
    expect(html).toContain('connect-src https://pd.riverside.example.edu;');
    expect((fs.statSync(out).mode & 0o777).toString(8)).toBe('644');
    expect(qr.startsWith('https://pd.riverside.example.edu/verify#')).toBe(true);
    const kid = /"kid":"([^"]+)"/.exec(html)![1]!;
    expect(Buffer.from(qr.split('#')[1]!, 'base64url').toString('utf8')).toContain(`AS1\u001f${kid}\u001f`);
  });

  it('the verifyPageUrl setting moves the QR code and the page; a bad one is refused by name', async () => {
    const s = openServices(issuer.dataDir);
    const put = s.db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)');
    try {
      put.run('verifyPageUrl', JSON.stringify('https://verify.riverside.example.edu/awards'));
      expect(verifyPageUrlSetting(s.db)).toBe('https://verify.riverside.example.edu/awards');
      const r = s.identity.exportVerifyPage(path.join(work, 'other.html'));
      expect(r.url).toBe('https://verify.riverside.example.edu/awards');
      const out = path.join(work, 'moved');
      expect((await assay(issuer.dataDir, ['awards', 'export', '--out', out, '--format', 'pdf'])).code).toBe(0);
      const pdf = path.join(
        out,
        fs.readdirSync(out).find((f) => f.endsWith('.pdf'))!,
      );
      expect(qrOf(pdf, path.join(work, 'moved-page1'))).toMatch(
        /^https:\/\/verify\.riverside\.example\.edu\/awards#[\w-]+$/,
      );
      put.run('verifyPageUrl', JSON.stringify('https://verify.example.edu/#x'));
      expect(() => verifyPageUrlSetting(s.db)).toThrow(/The verifyPageUrl setting: .* holds a "#"/);
      put.run('verifyPageUrl', JSON.stringify('ftp://verify.example.edu/'));
      expect(() => verifyPageUrlSetting(s.db)).toThrow(/is not an http\(s\) address/);
    } finally {
      s.db.prepare("DELETE FROM settings WHERE key = 'verifyPageUrl'").run();
      s.close();
    }
  });
  it('assay verify checks the QR code: genuine, then changed, then revoked', async () => {
    const ok = await assay(issuer.dataDir, ['verify', qr]);
    expect(ok.stdout).toMatch(/ok {4}QR code signature: Ed25519 by this data folder's issuer key/);
    expect(ok.stdout).toMatch(/ok {4}revocation status \(status list\): not revoked in this data folder's status list/);
    expect(ok.stdout).toContain('VALID: the QR code is a genuine award');
    expect(ok.code).toBe(0);
    const i = qr.length - 30;
    const changed = `${qr.slice(0, i)}${qr[i] === 'A' ? 'B' : 'A'}${qr.slice(i + 1)}`;
    const bad = await assay(issuer.dataDir, ['verify', changed]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/NOT VALID: QR code signature: The signature does not match/);
    // another data folder knows no key of this issuer
    const elsewhere = await assay(path.join(work, 'elsewhere'), ['verify', qr]);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toMatch(/a key this issuer does not hold/);
    const id = idOf(qr);
    expect((await assay(issuer.dataDir, ['awards', 'revoke', id, '--reason', 'Plagiarised evidence'])).code).toBe(0);
    const revoked = await assay(issuer.dataDir, ['verify', qr]);
    expect(revoked.code).toBe(1);
    expect(revoked.stdout).toMatch(/FAIL {2}revocation \(local records\): REVOKED on .*Plagiarised evidence/);
    expect(revoked.stdout).toMatch(/FAIL {2}revocation status \(status list\): REVOKED/);
  });
});

describe("the page's proof checker on awards and a status list issued under a did:web", () => {
  let work: string;
  let credentials: IssuedCredential[];
  let statusList: Record<string, unknown> & { credentialSubject: { encodedList: string } };
  let config: VerifyPageConfig;
  const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

  beforeAll(async () => {
    work = tempDir('assay-verify-page-proofs-');
    const store = await issuingStore(work, 'web', RIVERSIDE_DID, 2);
    credentials = store.credentials;
    await assayOk(store.dataDir, ['awards', 'revoke', credentials[1]!.id, '--reason', 'Plagiarised evidence']);
    statusList = (await published(store.dataDir, path.join(work, 'site'))).statusList as typeof statusList;
    const s = openServices(store.dataDir);
    try {
      config = s.identity.exportVerifyPage(
        path.join(work, 'site', 'verify.html'),
        'https://pd.riverside.example.edu/verify',
      ).config;
    } finally {
      s.close();
    }
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('checks a real award and its status list as assay verify does: signed by the did:web key the page carries', async () => {
    const credential = credentials[0]!;
    expect(credential.issuer.id).toBe(RIVERSIDE_DID);
    expect(config.methods.map((m) => m.id)).toContain(credential.proof[0]!.verificationMethod);
    expect(await checkProof(credential, config.methods)).toEqual({
      verified: true,
      verificationMethod: credential.proof[0]!.verificationMethod,
      controller: RIVERSIDE_DID,
      publicKeyMultibase: config.keys[0]!.multikey,
    });
    expect(await checkProof(statusList, config.methods)).toMatchObject({ verified: true, controller: RIVERSIDE_DID });
  });

  it('one character of the name changed: the signature does not match, for the page and for assay verify', async () => {
    const changed = copy(credentials[0]!) as IssuedCredential & { credentialSubject: { name: string } };
    const name = changed.credentialSubject.name;
    changed.credentialSubject.name = `${name[0] === 'X' ? 'Y' : 'X'}${name.slice(1)}`;
    const page = await checkProof(changed, config.methods);
    expect(page).toMatchObject({ verified: false, code: 'bad-signature' });
    expect(page.verified ? '' : page.reason).toMatch(/changed after it was signed/);
    expect(await verifyCredential(changed, { knownKeys: config.methods })).toMatchObject({
      verified: false,
      code: 'bad-signature',
    });
  });

  it('the revoked award shown as in force by a changed status list: the list fails its signature', async () => {
    const index = Number(credentials[1]!.credentialStatus!.statusListIndex);
    const bits = decodeBitstring(statusList.credentialSubject.encodedList);
    expect(bits[index >> 3]! & (0x80 >> (index & 7))).not.toBe(0); // revoked, as issued
    const tampered = copy(statusList);
    tampered.credentialSubject.encodedList = encodeBitstring(withBit(bits, index, false));
    expect(await checkProof(tampered, config.methods)).toMatchObject({ verified: false, code: 'bad-signature' });
  });

  it('refuses what it cannot check by name: a context it does not carry (never fetched), a key it does not carry', async () => {
    const extra = copy(credentials[0]!);
    extra['@context'] = [...(extra['@context'] as string[]), 'https://contexts.example.org/extra.json'];
    expect(await checkProof(extra, config.methods)).toMatchObject({
      verified: false,
      code: 'unknown-context',
      unverifiable: true,
      reason: expect.stringContaining('https://contexts.example.org/extra.json') as string,
    });
    const otherKey = copy(credentials[0]!);
    otherKey.proof[0]!.verificationMethod = 'did:web:elsewhere.example.org#key-1';
    expect(await checkProof(otherKey, config.methods)).toMatchObject({
      verified: false,
      code: 'unknown-key',
      reason: expect.stringContaining('did:web:elsewhere.example.org#key-1') as string,
    });
    expect(await checkProof({ ...credentials[0]!, proof: undefined }, config.methods)).toMatchObject({
      verified: false,
      code: 'no-proof',
    });
  });
});

/** The QR code of a certificate's first page, read at 150 dpi. */
function qrOf(pdf: string, png: string): string {
  expect(spawnSync('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', '-png', '-singlefile', pdf, png]).status).toBe(0);
  return spawnSync('zbarimg', ['--raw', '-q', `${png}.png`], { encoding: 'utf8' }).stdout.trim();
}

/** The credential id a QR code names (its third field; a bare uuid is a urn:uuid). */
function idOf(qr: string): string {
  const bytes = Buffer.from(qr.split('#')[1]!, 'base64url');
  const id = bytes
    .subarray(0, bytes.length - 64)
    .toString('utf8')
    .split('\u001f')[2]!;
  return id.includes(':') ? id : `urn:uuid:${id}`;
}
