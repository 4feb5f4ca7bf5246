// The Settings screen on the real handlers: issuer identity (created, imported, refused), preferences, data.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readIdentityPublic } from '../../electron/awards/identity/index.js';
import { REPO_ROOT } from './harness.js';
import { appsPerTest, checkBothSchemes, expectNoAxeViolations, screenshot } from './fixtures.js';

const LOGO = path.join(REPO_ROOT, 'test', 'awards', 'certificate', 'fixtures', 'logo.png');

const apps = appsPerTest();

/** The page's background colour as computed (the root tsconfig has no DOM types, hence the casts). */
const bodyColor = (page: Page) =>
  page.evaluate(() => {
    const g = globalThis as unknown as {
      getComputedStyle(e: unknown): { backgroundColor: string };
      document: { body: unknown };
    };
    return g.getComputedStyle(g.document.body).backgroundColor;
  });

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /A4/ })).toBeChecked();
}

/** A CA and an issuer certificate it signed, exported as a .p12 the way an issuing body would. */
function makePkcs12(dir: string, passphrase: string): string {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  run(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '30',
    '-subj',
    '/CN=Northwind Trust CA/O=Northwind Trust',
  );
  run(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'issuer.key',
    '-out',
    'issuer.csr',
    '-subj',
    '/CN=Northwind College/O=Northwind College',
  );
  fs.writeFileSync(path.join(dir, 'ext.cnf'), 'keyUsage=critical,digitalSignature,nonRepudiation\n');
  run(
    'x509',
    '-req',
    '-in',
    'issuer.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'issuer.pem',
    '-days',
    '30',
    '-extfile',
    'ext.cnf',
  );
  run(
    'pkcs12',
    '-export',
    '-inkey',
    'issuer.key',
    '-in',
    'issuer.pem',
    '-certfile',
    'ca.pem',
    '-passout',
    `pass:${passphrase}`,
    '-out',
    'northwind.p12',
  );
  return path.join(dir, 'northwind.p12');
}

test('creates a self-signed identity in the UI and shows its fingerprint', async () => {
  const app = await apps.launch();
  const { page } = app;
  await openSettings(page);
  const identity = page.getByRole('region', { name: 'Issuer identity' });
  await expect(identity).toContainText('Every award Assay issues is signed');
  await expect(identity).toContainText(
    'The signing keys are sealed by this computer’s key store and never leave Assay.',
  );
  await checkBothSchemes(page, 'settings-no-identity');

  await identity.getByRole('button', { name: 'Create a self-signed identity…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a self-signed identity' });
  await expect(dialog.getByRole('textbox', { name: 'Issuer name' })).toBeFocused();
  // Nothing is sent without a name; the field says why.
  await dialog.getByRole('button', { name: 'Create identity' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Issuer name' })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('Give the issuer’s name');
  await dialog.getByRole('textbox', { name: 'Issuer name' }).fill('Riverside University School of Education');
  await dialog.getByRole('textbox', { name: /Website/ }).fill('pd.riverside.example.edu');
  await dialog.getByRole('textbox', { name: /Email/ }).fill('credentials@pd.riverside.example.edu');
  app.setChosenPath('logo', LOGO);
  await dialog.getByRole('button', { name: 'Choose PNG…' }).click();
  await expect(dialog).toContainText('New logo: logo.png');
  await dialog.getByRole('button', { name: 'Create identity' }).click();
  await expect(dialog.getByRole('textbox', { name: /Website/ })).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('textbox', { name: /Website/ }).fill('https://pd.riverside.example.edu');
  await checkBothSchemes(page, 'settings-create-identity');
  await dialog.getByRole('button', { name: 'Create identity' }).click();
  await expect(dialog).toHaveCount(0);

  const pub = readIdentityPublic(app.services.dataDir)!;
  expect(pub).toMatchObject({
    selfSigned: true,
    profile: { name: 'Riverside University School of Education', hasLogo: true },
  });
  await expect(page.getByTestId('fingerprint')).toHaveText(pub.certificateFingerprint256);
  await expect(identity).toContainText('Self-signed by this issuer');
  await expect(identity).toContainText(pub.certificateSubject);
  await expect(identity).toContainText('Shown on certificates');
  await expect(page.getByRole('status').filter({ hasText: 'Issuer identity created' })).toBeVisible();
  expect(await identity.innerText()).not.toMatch(/private key/i);
  await checkBothSchemes(page, 'settings-identity');

  // Editing the profile: the logo can go, the rest stays.
  await identity.getByRole('button', { name: 'Edit profile…' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit the issuer profile' });
  await expect(edit.getByRole('textbox', { name: 'Issuer name' })).toHaveValue(
    'Riverside University School of Education',
  );
  await checkBothSchemes(page, 'settings-edit-profile');
  await edit.getByRole('textbox', { name: 'Issuer name' }).fill('Riverside University');
  await edit.getByRole('button', { name: 'Remove logo' }).click();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  await expect(identity).toContainText('Riverside University');
  expect(readIdentityPublic(app.services.dataDir)!.profile).toMatchObject({
    name: 'Riverside University',
    hasLogo: false,
  });
  // The certificate is the same one: a profile change does not replace the keys.
  await expect(page.getByTestId('fingerprint')).toHaveText(pub.certificateFingerprint256);

  await identity.getByRole('button', { name: 'Replace identity…' }).click();
  await expect(page.getByRole('dialog', { name: 'Replace the issuer identity?' })).toBeVisible();
  await checkBothSchemes(page, 'settings-replace-identity');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a wrong .p12 passphrase shows the message; the right one imports the issuing body’s certificate', async () => {
  const work = apps.scratch('assay-e2e-p12-');
  const p12 = makePkcs12(work, 'northwind pass');
  const app = await apps.launch();
  const { page } = app;
  await openSettings(page);
  await page.getByRole('button', { name: 'Import a .p12/.pfx…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import the issuing body’s certificate' });
  await expect(dialog.getByRole('button', { name: 'Choose file…' })).toBeFocused();

  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toContainText('Choose the .p12 or .pfx file first.');
  app.setChosenPath('pkcs12', p12);
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  await expect(dialog).toContainText('northwind.p12');
  const passphrase = dialog.getByLabel('Passphrase');
  await expect(passphrase).toHaveAttribute('type', 'password');
  await passphrase.fill('not the passphrase');
  await dialog.getByRole('button', { name: 'Import' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The passphrase for northwind.p12 is not right.');
  expect(readIdentityPublic(app.services.dataDir)).toBeNull();
  await checkBothSchemes(page, 'settings-import-wrong-passphrase');

  // A file that is not a PKCS#12 at all: the backend's own words.
  const junk = path.join(work, 'notes.p12');
  fs.writeFileSync(junk, 'these are not the keys you are looking for');
  app.setChosenPath('pkcs12', junk);
  await dialog.getByRole('button', { name: 'Choose another…' }).click();
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(alert).toContainText('notes.p12');

  app.setChosenPath('pkcs12', p12);
  await dialog.getByRole('button', { name: 'Choose another…' }).click();
  await passphrase.fill('northwind pass');
  await passphrase.press('Enter');
  await expect(dialog).toHaveCount(0);
  const pub = readIdentityPublic(app.services.dataDir)!;
  expect(pub.selfSigned).toBe(false);
  const identity = page.getByRole('region', { name: 'Issuer identity' });
  await expect(identity).toContainText('Issued by a certification authority');
  await expect(identity).toContainText('Northwind College');
  await expect(page.getByTestId('fingerprint')).toHaveText(pub.certificateFingerprint256);
  await screenshot(page, 'settings-imported-identity');
});

test('paper and theme persist across a reload; backups and the data folder', async () => {
  const work = apps.scratch('assay-e2e-settings-');
  const app = await apps.launch();
  const { page } = app;
  await openSettings(page);

  await page.getByRole('radio', { name: /US Letter/ }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Paper size saved' })).toBeVisible();
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => app.services.settings.get()).toMatchObject({ paper: 'letter', theme: 'dark' });
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  await expect(page.getByRole('combobox', { name: 'Language' }).locator('option')).toHaveText(['English']);

  await app.open();
  // Dark before Settings is even opened: the queue is the first screen.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await bodyColor(page)).toBe('rgb(17, 20, 24)');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('radio', { name: /US Letter/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  // The forced theme holds whatever the system prefers, and passes axe that way.
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  expect(await bodyColor(page)).toBe('rgb(17, 20, 24)');
  await expectNoAxeViolations(page, 'settings forced dark');
  await screenshot(page, 'settings-forced-dark');
  await page.getByRole('radio', { name: 'Light' }).check();
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  expect(await bodyColor(page)).toBe('rgb(255, 255, 255)');
  await expectNoAxeViolations(page, 'settings forced light');
  await page.getByRole('radio', { name: 'System' }).check();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  expect(await bodyColor(page)).toBe('rgb(17, 20, 24)');
  await page.emulateMedia({ colorScheme: 'light' });

  // Data: the folder, a backup, automatic backups kept.
  const data = page.getByRole('region', { name: 'Data' });
  await expect(data.getByTestId('data-dir')).toHaveText(app.services.dataDir);
  await expect(data).toContainText('ASSAY_DATA_DIR');
  const backup = path.join(work, 'assay-backup.zip');
  app.setChosenPath('backup-save', backup);
  await data.getByRole('button', { name: 'Back up now…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup written' })).toContainText('assay-backup.zip');
  expect(fs.statSync(backup).size).toBeGreaterThan(0);

  await data.getByRole('switch', { name: 'Back up automatically when Assay quits' }).click();
  await expect(data.getByRole('switch', { name: 'Back up automatically when Assay quits' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await data.getByRole('spinbutton', { name: 'Keep the last' }).fill('0');
  await data.getByRole('spinbutton', { name: 'Keep the last' }).press('Enter');
  await expect(data).toContainText('Keep between 1 and 50 backups.');
  await data.getByRole('spinbutton', { name: 'Keep the last' }).fill('3');
  await data.getByRole('spinbutton', { name: 'Keep the last' }).press('Enter');
  await expect.poll(() => app.services.settings.get()).toMatchObject({ autoBackup: true, keepBackups: 3 });

  // Results need the issuer identity: the message says so where the button is.
  app.setChosenPath('results-folder', path.join(work, 'results'));
  await data.getByRole('button', { name: 'Export results package…' }).click();
  await expect(data.getByRole('alert')).toContainText('Set up the issuer identity in Settings first');

  // Restore: the backup is named and the consequences said before anything happens.
  app.setChosenPath('backup-open', backup);
  await data.getByRole('button', { name: 'Restore from a backup…' }).click();
  const restore = page.getByRole('dialog', { name: 'Restore from this backup?' });
  await expect(restore).toContainText('assay-backup.zip');
  await expect(restore).toContainText('Work done since the backup was taken is lost.');
  await checkBothSchemes(page, 'settings-restore');
  await restore.getByRole('button', { name: 'Cancel' }).click();
  await expect(restore).toHaveCount(0);
  await data.scrollIntoViewIfNeeded();
  await checkBothSchemes(page, 'settings-data');
});

test('verification web addresses: a non-https one is refused beside its field, an https one saved and kept', async () => {
  const app = await apps.launch();
  const { page } = app;
  await openSettings(page);
  await page.evaluate(() =>
    (globalThis as unknown as { api: Record<string, (i: unknown) => Promise<unknown>> }).api['identity:create']!({
      name: 'Riverside University School of Education',
      url: 'https://pd.riverside.example.edu',
    }),
  );
  await app.open();
  await openSettings(page);
  const section = page.getByRole('region', { name: 'Verification' });
  const statusList = section.getByRole('textbox', { name: /Status list web address/ });
  const verifyPage = section.getByRole('textbox', { name: /Verify page web address/ });
  // The default verify page is named from the issuer's web address.
  await expect(verifyPage).toHaveAccessibleDescription(
    /Leave empty to use https:\/\/pd\.riverside\.example\.edu\/verify/,
  );

  await statusList.fill('http://pd.riverside.example.edu/status/1');
  await section.getByRole('button', { name: 'Save web addresses' }).click();
  await expect(statusList).toHaveAttribute('aria-invalid', 'true');
  await expect(statusList).toBeFocused();
  await expect(statusList).toHaveAccessibleDescription(
    /The status list URL \(statusListUrl\) must start with https:\/\//,
  );
  await checkBothSchemes(page, 'settings-verification-refused');
  expect(app.services.settings.get().statusListUrl).toBe('');

  await statusList.fill('https://pd.riverside.example.edu/credentials/status/1');
  await verifyPage.fill('https://pd.riverside.example.edu/check');
  await section.getByRole('button', { name: 'Save web addresses' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Web addresses saved' })).toBeVisible();
  await expect(statusList).not.toHaveAttribute('aria-invalid', 'true');
  await expect
    .poll(() => app.services.settings.get())
    .toMatchObject({
      statusListUrl: 'https://pd.riverside.example.edu/credentials/status/1',
      verifyPageUrl: 'https://pd.riverside.example.edu/check',
    });
  await app.open();
  await openSettings(page);
  await expect(section.getByRole('textbox', { name: /Status list web address/ })).toHaveValue(
    'https://pd.riverside.example.edu/credentials/status/1',
  );
  await expect(section.getByRole('textbox', { name: /Verify page web address/ })).toHaveValue(
    'https://pd.riverside.example.edu/check',
  );
});
