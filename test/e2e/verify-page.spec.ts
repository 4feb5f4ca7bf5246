// The issuer's verify page in real Chromium: awards issued, revoked and exported by the real services,
// the QR code read off the real certificate PDF (pdftoppm at 150 dpi + zbarimg), the page exported by
// `verify-page export` and served (with the exported status list, or a copy changed after signing) at
// the issuer's https addresses through Playwright's routing, which also records every request the page
// makes and every Content-Security-Policy violation it reports. Credential files dropped on the page have
// their Data Integrity proof checked in the page (proof-check.ts, inlined from dist/verify-page).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { passphraseBox } from '../../electron/awards/identity/index.js';
import { decodeBitstring, encodeBitstring, withBit } from '../../electron/awards/status-list/bitstring.js';
import { openServices, type Services } from '../../electron/services.js';
import { tempDir } from '../support/package-builder.js';
import { submitAt } from '../support/sample-store.js';
import { checkBothSchemes, samplePackage } from './fixtures.js';
import { CHROMIUM } from './harness.js';

// axe in two colour schemes on a machine shared with other jobs: room, not a wait
test.describe.configure({ timeout: 120_000 });

const SITE = 'https://pd.riverside.example.edu';
const PAGE_URL = `${SITE}/verify`;

let work: string;
let s: Services;
let browser: Browser;
let pageFile: string;
let statusFile: string;
let keptAward: { earnerName: string; achievementName: string; verificationCode: string };
const urls: { genuine: string; revoked: string } = { genuine: '', revoked: '' };
const files: { json: string; png: string; pdf: string; revokedJson: string } = {
  json: '',
  png: '',
  pdf: '',
  revokedJson: '',
};

function pass(s: Services, count: number): string[] {
  const pending = s.queue.list({ status: ['pending'], limit: 1000 }).items.filter((i) => i.attempt === 1);
  const ids = pending.slice(0, count).map((item) => item.id);
  submitAt(s, ids, 'top', { activeMs: 1000 });
  return ids;
}

/** The QR code of page 1 of a certificate PDF, as a phone would read a print: 150 dpi, zbarimg. */
function qrOf(pdf: string): string {
  const png = path.join(work, `${path.basename(pdf)}-150`);
  const r = spawnSync('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', '-png', '-singlefile', pdf, png]);
  expect(r.status).toBe(0);
  const z = spawnSync('zbarimg', ['--raw', '-q', `${png}.png`], { encoding: 'utf8' });
  expect(z.status, z.stderr).toBe(0);
  return z.stdout.trim();
}

test.beforeAll(async () => {
  // issuing and rendering two signed certificates on a shared machine takes a while; nothing here waits on time
  test.setTimeout(240_000);
  work = tempDir('assay-e2e-verify-page-');
  s = openServices(path.join(work, 'data'));
  const box = passphraseBox('correct horse battery', { logN: 10 });
  s.identity.useKeyBoxes({ unlock: () => box, seal: () => box });
  await s.identity.create({ name: 'Riverside University School of Education', url: SITE });
  await s.importPackage(await samplePackage());
  const ids = pass(s, 2);
  const { issued } = await s.awards.issueMany(ids, { stopOnError: true, onIssued: () => {} });
  expect(issued).toHaveLength(2);
  const [kept, withdrawn] = issued as [(typeof issued)[0], (typeof issued)[0]];
  for (const [award, key] of [
    [kept, 'genuine'],
    [withdrawn, 'revoked'],
  ] as const) {
    const pdf = path.join(work, `${key}.pdf`);
    fs.writeFileSync(pdf, await s.awards.certificate(award.credentialId, 'a4'));
    urls[key] = qrOf(pdf);
    if (key === 'genuine') files.pdf = pdf;
  }
  keptAward = kept;
  await s.awards.exportFiles([kept.credentialId], path.join(work, 'files'), ['json', 'png'], 'a4');
  const exported = fs.readdirSync(path.join(work, 'files'));
  files.json = path.join(
    work,
    'files',
    exported.find((f) => f.endsWith('.json'))!,
  );
  files.png = path.join(
    work,
    'files',
    exported.find((f) => f.endsWith('.png'))!,
  );
  files.revokedJson = path.join(work, 'revoked.json');
  fs.writeFileSync(files.revokedJson, s.awards.require(withdrawn.credentialId).credentialJson);
  await s.awards.revokeByIdOrCode(withdrawn.credentialId, 'Evidence found to be plagiarised.');
  statusFile = path.join(work, 'status-1.json');
  await s.awards.exportStatusList(statusFile);
  pageFile = path.join(work, 'site', 'verify.html');
  s.identity.exportVerifyPage(pageFile);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
});

test.afterAll(async () => {
  await browser.close();
  s.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/**
 * A page in a fresh context whose only web site is the issuer's: the verify page and its status list
 * (or `statusBody` in its place). `violations` collects what Chromium reports against the page's CSP.
 */
async function issuerSite(
  options: { statusList?: boolean; statusBody?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<{
  context: BrowserContext;
  page: Page;
  requests: string[];
  violations: string[];
}> {
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light' });
  const requests: string[] = [];
  const violations: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'file:') return route.continue();
    if (url.origin === SITE && url.pathname === '/verify')
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fs.readFileSync(pageFile) });
    if (url.origin === SITE && url.pathname === '/status/1' && options.statusList !== false)
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: options.statusBody ?? fs.readFileSync(statusFile),
      });
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  return { context, page, requests, violations };
}

const verdict = (page: Page) => page.locator('#verdict');
const statusList = `${SITE}/status/1`;
const only = (requests: string[], allowed: string[]) =>
  expect(requests.filter((r) => !allowed.includes(r.replace(/#.*$/, '')))).toEqual([]);

test('the QR code of the certificate is the verify page with the proof in the fragment', () => {
  expect(urls.genuine.startsWith(`${PAGE_URL}#`)).toBe(true);
  expect(urls.revoked.startsWith(`${PAGE_URL}#`)).toBe(true);
  expect(fs.readFileSync(statusFile, 'utf8')).toContain('BitstringStatusListCredential');
});

test('a genuine QR URL shows the award, in force, and the page fetches nothing but the status list', async () => {
  const { context, page, requests } = await issuerSite();
  await page.goto(urls.genuine);
  await expect(verdict(page)).toHaveAttribute('data-state', 'genuine');
  await expect(verdict(page).getByRole('heading')).toHaveText(/This certificate is genuine/);
  const award = keptAward;
  const details = page.getByRole('definition');
  await expect(details.first()).toHaveText(award.earnerName);
  await expect(page.locator('#details')).toContainText(award.achievementName);
  await expect(page.locator('#details')).toContainText(award.verificationCode);
  await expect(page.locator('#status')).toHaveAttribute('data-state', 'in-force');
  await expect(page.locator('#status')).toContainText('In force.');
  only(requests, [PAGE_URL, statusList]);
  expect(requests.filter((r) => r === statusList)).toHaveLength(1);
  await checkBothSchemes(page, 'verify-page-genuine');
  await context.close();
});

test('one changed character in the fragment shows a failure', async () => {
  const { context, page, requests } = await issuerSite();
  const hash = urls.genuine.indexOf('#');
  const i = hash + 40; // inside the earner's name
  const changed = `${urls.genuine.slice(0, i)}${urls.genuine[i] === 'A' ? 'B' : 'A'}${urls.genuine.slice(i + 1)}`;
  await page.goto(changed);
  await expect(verdict(page)).toHaveAttribute('data-state', 'failed');
  await expect(verdict(page)).toContainText('This code is not genuine');
  await expect(page.locator('#details')).toBeHidden();
  await checkBothSchemes(page, 'verify-page-failed');
  only(requests, [PAGE_URL]);
  await context.close();
});

test('a revoked award shows revoked', async () => {
  const { context, page } = await issuerSite();
  await page.goto(urls.revoked);
  await expect(verdict(page)).toHaveAttribute('data-state', 'revoked');
  await expect(verdict(page)).toContainText('This award has been revoked');
  await expect(page.locator('#status')).toHaveAttribute('data-state', 'revoked');
  await checkBothSchemes(page, 'verify-page-revoked');
  await context.close();
});

test('offline, or with the list unreachable, it says "status not checked" (never "in force")', async () => {
  // offline: a saved copy opened from a file, then the device goes offline and the code is opened
  const offline = await issuerSite();
  const hash = urls.genuine.slice(urls.genuine.indexOf('#'));
  await offline.page.goto(`file://${pageFile}`);
  await expect(verdict(offline.page)).toHaveAttribute('data-state', 'info');
  await offline.context.setOffline(true);
  await offline.page.evaluate(
    (h) => ((globalThis as unknown as { location: { hash: string } }).location.hash = h),
    hash,
  );
  await expect(verdict(offline.page)).toHaveAttribute('data-state', 'genuine');
  await expect(offline.page.locator('#status')).toHaveAttribute('data-state', 'unchecked');
  await expect(offline.page.locator('#status')).toContainText('Status not checked.');
  await expect(offline.page.locator('#status')).toContainText('offline');
  only(offline.requests, [`file://${pageFile}`]);
  await offline.context.close();
  // online, but the issuer's site does not answer for the list
  const down = await issuerSite({ statusList: false });
  await down.page.goto(urls.revoked);
  await expect(down.page.locator('#status')).toHaveAttribute('data-state', 'unchecked');
  await expect(verdict(down.page)).toHaveAttribute('data-state', 'genuine');
  await down.context.close();
});

test('a dropped credential JSON, baked PNG or certificate PDF has its signature checked in the page, and its status', async () => {
  const { context, page, requests, violations } = await issuerSite({ colorScheme: 'dark' });
  await page.goto(PAGE_URL);
  await expect(verdict(page)).toHaveAttribute('data-state', 'info');
  const award = keptAward;
  for (const file of [files.json, files.png, files.pdf]) {
    await page.locator('#file').setInputFiles(file);
    await expect(page.locator('#file-name')).toHaveText(path.basename(file));
    await expect(verdict(page)).toHaveAttribute('data-state', 'genuine');
    await expect(verdict(page).getByRole('heading')).toHaveText(/Signature checked/);
    await expect(verdict(page)).toContainText('nothing in it has changed since');
    await expect(page.locator('#details')).toContainText(award.earnerName);
    await expect(page.locator('#status')).toHaveAttribute('data-state', 'in-force');
  }
  await checkBothSchemes(page, 'verify-page-file-signed');
  // the revoked award's credential, dropped on the page as a person would drag it there
  const text = JSON.stringify(fs.readFileSync(files.revokedJson, 'utf8'));
  const dropped = await page.evaluateHandle(
    `(() => { const d = new DataTransfer(); d.items.add(new File([${text}], 'revoked.json', { type: 'application/json' })); return d; })()`,
  );
  await page.locator('#drop').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.locator('#file-name')).toHaveText('revoked.json');
  await expect(verdict(page)).toHaveAttribute('data-state', 'revoked');
  // a credential of another issuer is refused
  const forged = JSON.parse(fs.readFileSync(files.json, 'utf8')) as { issuer: { id: string } };
  forged.issuer.id = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
  await page.locator('#file').setInputFiles({
    name: 'forged.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(forged)),
  });
  await expect(verdict(page)).toHaveAttribute('data-state', 'failed');
  only(requests, [PAGE_URL, statusList]);
  // jsonld and rdf-canonize ran under the page's CSP (no eval, nothing fetched): nothing was refused
  expect(violations).toEqual([]);
  await context.close();
});

test('the credential file with one character of the name changed: "This file was changed after it was signed"', async () => {
  const { context, page, requests, violations } = await issuerSite();
  await page.goto(PAGE_URL);
  const changed = JSON.parse(fs.readFileSync(files.json, 'utf8')) as { credentialSubject: { name: string } };
  const name = changed.credentialSubject.name;
  expect(name).toBe(keptAward.earnerName);
  changed.credentialSubject.name = `${name[0] === 'X' ? 'Y' : 'X'}${name.slice(1)}`;
  await page.locator('#file').setInputFiles({
    name: 'changed.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(changed, null, 2)),
  });
  await expect(verdict(page)).toHaveAttribute('data-state', 'failed');
  await expect(verdict(page).getByRole('heading')).toHaveText(/This file was changed after it was signed/);
  await expect(verdict(page)).toContainText('Data Integrity proof (eddsa-rdfc-2022)');
  await expect(page.locator('#details')).toBeHidden();
  await expect(page.locator('#status')).toBeHidden();
  await checkBothSchemes(page, 'verify-page-file-changed');
  // judged on this device: not even the status list is asked for
  only(requests, [PAGE_URL]);
  expect(violations).toEqual([]);
  await context.close();
});

test('a revoked award with the status list changed to say "in force": the list fails its signature, never "in force"', async () => {
  const list = JSON.parse(fs.readFileSync(statusFile, 'utf8')) as { credentialSubject: { encodedList: string } };
  const revoked = JSON.parse(fs.readFileSync(files.revokedJson, 'utf8')) as {
    credentialStatus: { statusListIndex: string };
  };
  const index = Number(revoked.credentialStatus.statusListIndex);
  list.credentialSubject.encodedList = encodeBitstring(
    withBit(decodeBitstring(list.credentialSubject.encodedList), index, false),
  );
  const { context, page, violations } = await issuerSite({ statusBody: JSON.stringify(list) });
  await page.goto(PAGE_URL);
  await page.locator('#file').setInputFiles(files.revokedJson);
  await expect(page.locator('#status')).toHaveAttribute('data-state', 'unchecked');
  await expect(page.locator('#status')).toContainText(
    'revocation list at https://pd.riverside.example.edu/status/1 fails',
  );
  await expect(page.locator('#status')).toContainText('changed after it was signed');
  // the credential itself is genuine: its own signature holds
  await expect(verdict(page)).toHaveAttribute('data-state', 'genuine');
  // the QR code of the same award, with the same changed list
  await page.goto(urls.revoked);
  await expect(verdict(page)).toHaveAttribute('data-state', 'genuine');
  await expect(page.locator('#status')).toHaveAttribute('data-state', 'unchecked');
  await expect(page.locator('#status')).toContainText('fails');
  expect(violations).toEqual([]);
  await context.close();
});
