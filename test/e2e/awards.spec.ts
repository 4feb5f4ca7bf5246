// The Awards screen on the real handlers: issue from passed reviews, preview, export, verify, revoke, re-issue.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { verifyAwardInStore } from '../../electron/awards/verify-award.js';
import type { Services } from '../../electron/services.js';
import { achievement, manifest, submission, writePackage } from '../support/package-builder.js';
import { submitAt } from '../support/sample-store.js';
import { appsPerTest, checkBothSchemes, samplePackage } from './fixtures.js';

const apps = appsPerTest();

/** Scores `count` pending submissions at their top levels and submits the reviews: passes, via the backend. */
function passReviews(s: Services, count: number): { id: string; earnerName: string }[] {
  const pending = s.queue.list({ status: ['pending'], limit: 1000 }).items;
  const seen = new Set<string>();
  const picked = pending
    .filter((i) => i.attempt === 1 && !seen.has(i.achievementId) && seen.add(i.achievementId))
    .slice(0, count);
  submitAt(
    s,
    picked.map((i) => i.id),
    'top',
    { feedback: 'Clear evidence throughout.', activeMs: 60_000 },
  );
  return picked.map((i) => ({ id: i.id, earnerName: i.earnerName! }));
}

/**
 * The issuer identity, made through the same channel the Settings dialog uses (the dialog itself is the
 * Settings spec's business).
 */
const createIdentity = (page: Page) =>
  page.evaluate(() =>
    (globalThis as unknown as { api: Record<string, (i: unknown) => Promise<unknown>> }).api['identity:create']!({
      name: 'Riverside University School of Education',
      url: 'https://pd.riverside.example.edu',
    }),
  );

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();

/** Share of the canvas's pixels that are not (near) white: a drawn certificate has plenty. */
const inkOf = (page: Page) =>
  page.locator('canvas.aw-certificate-canvas').evaluate((el) => {
    const c = el as unknown as {
      width: number;
      height: number;
      getContext(k: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } };
    };
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) ink++;
    return ink / (data.length / 4);
  });

test('issues awards from passed reviews, previews, exports files that verify, revokes and re-issues', async () => {
  const out = apps.scratch('assay-e2e-awards-');
  const app = await apps.launch({ open: false });
  await app.services.importPackage(await samplePackage());
  const passed = passReviews(app.services, 2);
  expect(passed).toHaveLength(2);
  await app.open();
  const { page } = app;

  // No identity yet: the band says what to do and takes the assessor there.
  await nav(page, 'Awards');
  await expect(page.getByRole('heading', { level: 1, name: 'Awards' })).toBeVisible();
  const band = page.getByRole('region', { name: 'Ready to issue' });
  await expect(band).toContainText('2 passed reviews have no award yet.');
  await expect(band).toContainText('Set up the issuer identity first.');
  await expect(band.getByRole('button', { name: /^Issue/ })).toHaveCount(0);
  await checkBothSchemes(page, 'awards-no-identity');
  await band.getByRole('button', { name: 'Go to Settings › Issuer identity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create a self-signed identity…' })).toBeVisible();
  // The identity itself is the Settings spec's business: made here through the same channel the dialog uses.
  await createIdentity(page);

  await nav(page, 'Awards');
  await expect(band.getByRole('row')).toHaveCount(3);
  await checkBothSchemes(page, 'awards-ready');
  await band.getByRole('button', { name: 'Issue all 2 awards' }).click();
  await expect(band.getByRole('status').filter({ hasText: 'Issued 2 awards.' })).toBeVisible();
  await expect(band.getByRole('status').filter({ hasText: 'Issued 2 awards.' })).toBeFocused();
  await expect(band.getByRole('row')).toHaveCount(0);

  const table = page.getByRole('table', { name: 'Issued awards' });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  const awards = app.services.awards.list();
  expect(awards.map((a) => a.status)).toEqual(['active', 'active']);
  for (const a of awards)
    await expect(table.getByRole('row').filter({ hasText: a.verificationCode })).toContainText('Active');
  await expect(page.locator('.aw-screen .result-count')).toHaveText('2 awards');

  // The preview: page 1 of the signed certificate, drawn by pdf.js, and what the award records.
  const first = awards[0]!;
  const preview = page.getByRole('complementary', { name: first.earnerName });
  await expect(preview.getByRole('img', { name: /^Certificate, page 1/ })).toBeVisible();
  expect(await inkOf(page)).toBeGreaterThan(0.02);
  await expect(preview).toContainText(first.verificationCode);
  await expect(preview).toContainText(first.credentialId);
  for (const l of first.levels)
    await expect(
      preview.getByRole('row', { name: new RegExp(l.criterion.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }),
    ).toContainText(l.level);
  await page.getByRole('status').filter({ hasText: 'Issued 2 awards.' }).waitFor();
  await checkBothSchemes(page, 'awards-list');

  await preview.getByRole('button', { name: 'Print…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sent to the printer' })).toBeVisible();

  // Export one award in all three formats, then check them as `assay verify` would.
  await preview.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByRole('dialog', { name: `Export the award of ${first.earnerName}` });
  await exportDialog.getByRole('checkbox', { name: /Badge image \(PNG\)/ }).check();
  await expect(exportDialog.getByRole('checkbox', { name: /Certificate \(PDF\)/ })).toBeChecked();
  await expect(exportDialog.getByRole('checkbox', { name: /Credential \(JSON\)/ })).toBeChecked();
  await checkBothSchemes(page, 'awards-export');
  const one = path.join(out, 'one');
  app.setChosenPath('export-folder', one);
  await exportDialog.getByRole('button', { name: 'Choose folder and export…' }).click();
  await expect(exportDialog.getByRole('status')).toHaveText(`Wrote 3 files to ${path.basename(one)}`);
  await expect(exportDialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await exportDialog.getByRole('button', { name: 'Close' }).click();
  const files = fs.readdirSync(one).sort();
  expect(files.map((f) => path.extname(f))).toEqual(['.json', '.pdf', '.png']);
  const pdf = path.join(
    one,
    files.find((f) => f.endsWith('.pdf'))!,
  );
  for (const f of files) {
    const verdict = await verifyAwardInStore(app.services, path.join(one, f));
    expect(verdict, `${f}: ${verdict.reason}`).toMatchObject({ valid: true, credentialId: first.credentialId });
  }

  // A batch: every award selected, exported together with progress from main.
  await table.getByRole('checkbox', { name: 'Select every award shown' }).check();
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Export selected…' }).click();
  const batch = page.getByRole('dialog', { name: 'Export 2 awards' });
  const both = path.join(out, 'both');
  app.setChosenPath('export-folder', both);
  await batch.getByRole('button', { name: 'Choose folder and export…' }).click();
  await expect(batch.getByRole('status')).toHaveText(`Wrote 4 files to ${path.basename(both)}`);
  await batch.getByRole('button', { name: 'Close' }).click();
  expect(fs.readdirSync(both)).toHaveLength(4);
  await page.getByRole('button', { name: 'Clear selection' }).click();

  // Revoke: a reason is required, shown afterwards, and the verifier reports it.
  await preview.getByRole('button', { name: 'Revoke…' }).click();
  const revoke = page.getByRole('dialog', { name: 'Revoke this award?' });
  await expect(revoke.getByRole('textbox', { name: 'Reason (required)' })).toBeFocused();
  await revoke.getByRole('button', { name: 'Revoke award' }).click();
  await expect(revoke).toContainText('Give the reason for revoking');
  await expect(revoke.getByRole('textbox', { name: 'Reason (required)' })).toHaveAttribute('aria-invalid', 'true');
  await revoke.getByRole('textbox', { name: 'Reason (required)' }).fill('Issued to the wrong cohort');
  await checkBothSchemes(page, 'awards-revoke');
  await revoke.getByRole('button', { name: 'Revoke award' }).click();
  await expect(revoke).toHaveCount(0);
  await expect(preview.getByTestId('revoked-note')).toHaveText(/^Revoked on .+ — Issued to the wrong cohort$/);
  // The Revoke… button is gone; focus is on the award, not lost.
  await expect(preview.getByRole('heading', { name: first.earnerName })).toBeFocused();
  await expect(table.getByRole('row').filter({ hasText: first.verificationCode })).toContainText('Revoked');
  await expect(preview.getByRole('button', { name: 'Revoke…' })).toHaveCount(0);
  const revoked = await verifyAwardInStore(app.services, pdf);
  expect(revoked.valid).toBe(false);
  expect(revoked.reason).toContain('Issued to the wrong cohort');
  await checkBothSchemes(page, 'awards-revoked');

  // Re-issue the other after a correction of the earner's name: the old one is kept as superseded.
  const second = awards[1]!;
  await table.getByRole('button', { name: new RegExp(`^${second.verificationCode}`) }).click();
  const preview2 = page.getByRole('complementary', { name: second.earnerName });
  await preview2.getByRole('button', { name: 'Re-issue after a correction…' }).click();
  const reissue = page.getByRole('dialog', { name: 'Re-issue after a correction' });
  const name = reissue.getByRole('textbox', { name: 'Earner’s name on the new award' });
  await expect(name).toHaveValue(second.earnerName);
  await checkBothSchemes(page, 'awards-reissue');
  await name.fill(`${second.earnerName} (corrected)`);
  await reissue.getByRole('button', { name: 'Re-issue award' }).click();
  await expect(reissue).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: `${second.earnerName} (corrected)` })).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(3);
  expect(app.services.awards.get(second.credentialId)!.status).toBe('superseded');

  // Search and the status filter.
  await page.getByRole('combobox', { name: 'Status' }).selectOption('superseded');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr')).toContainText('Superseded');
  await page.getByRole('combobox', { name: 'Status' }).selectOption('');
  await page.getByRole('searchbox', { name: 'Search earner, achievement or code' }).fill(first.verificationCode);
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search earner, achievement or code' }).fill('');
  await expect(table.locator('tbody tr')).toHaveCount(3);

  // Keyboard: arrows move between awards and the preview follows.
  await table.getByRole('button', { name: new RegExp(`^${first.verificationCode}`) }).focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('.aw-preview-title')).not.toHaveText(first.earnerName);
});

test('Stop ends a batch issue and an export while they run: what was signed stays, the folder is as it was', async () => {
  const out = apps.scratch('assay-e2e-stop-');
  const app = await apps.launch({ open: false });
  await app.services.importPackage(await samplePackage());
  expect(passReviews(app.services, 3)).toHaveLength(3);
  await app.open();
  const { page } = app;
  await createIdentity(page);
  await nav(page, 'Awards');
  const band = page.getByRole('region', { name: 'Ready to issue' });
  await expect(band.getByRole('row')).toHaveCount(4);

  // The worker holds right after its first award (a gate in shared memory, no timing): Stop is pressed
  // while the batch provably runs. The signed award stays issued; the other two are still ready.
  const issueGate = app.services.jobs.holdNext('awards-issue', 1);
  await band.getByRole('button', { name: 'Issue all 3 awards' }).click();
  await expect(band.getByRole('status').filter({ hasText: 'Signed 1 of 3 awards' })).toBeVisible();
  await band.getByRole('button', { name: 'Stop issuing' }).click();
  await expect(band.getByRole('status').filter({ hasText: 'Issuing stopped.' })).toBeVisible();
  issueGate.release();
  expect(app.services.awards.list()).toHaveLength(1);
  await expect(band.getByRole('row')).toHaveCount(3);
  await expect(band.getByRole('button', { name: 'Issue all 2 awards' })).toBeVisible();
  await band.getByRole('button', { name: 'Issue all 2 awards' }).click();
  await expect(band.getByRole('status').filter({ hasText: 'Issued 2 awards.' })).toBeVisible();
  expect(app.services.awards.list()).toHaveLength(3);

  // An export held after its first award's files: Stop replaces Cancel while it runs, and afterwards
  // the folder holds nothing the export added.
  const table = page.getByRole('table', { name: 'Issued awards' });
  await table.getByRole('checkbox', { name: 'Select every award shown' }).check();
  await page.getByRole('button', { name: 'Export selected…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export 3 awards' });
  const folder = path.join(out, 'stopped');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'notes.txt'), 'mine');
  app.setChosenPath('export-folder', folder);
  const exportGate = app.services.jobs.holdNext('awards-export', 1);
  await dialog.getByRole('button', { name: 'Choose folder and export…' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Exported 1 of 3 awards' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Stop the export' }).click();
  await expect(dialog.getByRole('status')).toHaveText(`Export stopped. Nothing was added to ${path.basename(folder)}.`);
  exportGate.release();
  expect(fs.readdirSync(folder)).toEqual(['notes.txt']);
  // Nothing is stuck: the same export runs to the end when asked again.
  await dialog.getByRole('button', { name: 'Choose folder and export…' }).click();
  await expect(dialog.getByRole('status')).toHaveText(`Wrote 6 files to ${path.basename(folder)}`);
  expect(fs.readdirSync(folder)).toHaveLength(7);
});

test('blind review leaves awards named, and says so', async () => {
  const app = await apps.launch({ open: false });
  await app.services.importPackage(await samplePackage());
  passReviews(app.services, 1);
  await app.open();
  const { page } = app;
  await nav(page, 'Awards');
  await expect(page.getByText('blind review applies to reviewing')).toHaveCount(0);
  await nav(page, 'Queue');
  await page.getByRole('switch', { name: 'Blind review' }).click();
  await nav(page, 'Awards');
  await expect(page.getByText('Awards show earners’ names; blind review applies to reviewing.')).toBeVisible();
  await checkBothSchemes(page, 'awards-blind');
});

test('says per award whether anyone can verify it or only Assay, and why', async () => {
  const work = apps.scratch('assay-e2e-reach-');
  const app = await apps.launch({ open: false });
  // Two packages from the issuing body: one names its web identity (issuer.did), the other does not.
  const issuer = {
    id: 'https://pd.riverside.example.edu/issuer',
    name: 'Riverside University School of Education',
    url: 'https://pd.riverside.example.edu',
  };
  const pkg = (dir: string, n: number, extra: Record<string, unknown>) => {
    const achievementId = `urn:uuid:a${n}${n}${n}${n}${n}${n}${n}${n}-1111-4111-8111-111111111111`;
    writePackage(
      dir,
      manifest({
        id: `urn:uuid:${n}d0f3c1e-2b9a-4a63-9d4e-0c1b5f2e8a10`,
        issuer: { ...issuer, ...extra },
        achievements: [achievement(achievementId)],
        submissions: [submission(n, undefined, { achievementId })],
      }),
      [],
    );
    return dir;
  };
  const withDid = pkg(path.join(work, 'with-did'), 1, { did: 'did:web:pd.riverside.example.edu' });
  const withoutDid = pkg(path.join(work, 'without-did'), 2, {});
  await app.services.importPackage(withDid);
  await app.services.importPackage(withoutDid);
  expect(passReviews(app.services, 2)).toHaveLength(2);
  await app.open();
  const { page } = app;
  await createIdentity(page);
  await nav(page, 'Awards');
  const band = page.getByRole('region', { name: 'Ready to issue' });
  await band.getByRole('button', { name: 'Issue all 2 awards' }).click();
  await expect(band.getByRole('status').filter({ hasText: 'Issued 2 awards.' })).toBeVisible();

  const awards = app.services.awards.list();
  const web = awards.find((a) => a.issuerId === 'did:web:pd.riverside.example.edu')!;
  const local = awards.find((a) => a.issuerId?.startsWith('did:key:'))!;
  expect(web.issuer.thirdPartyVerifiable).toBe(true);
  expect(local.issuer.thirdPartyVerifiable).toBe(false);
  const listUrl = web.issuer.statusListUrl!;
  expect(listUrl).toMatch(/^https:\/\/pd\.riverside\.example\.edu\/status\/\d+$/);

  const table = page.getByRole('table', { name: 'Issued awards' });
  await expect(table.getByRole('columnheader', { name: 'Verifiable by' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: web.verificationCode })).toContainText('Anyone');
  await expect(table.getByRole('row').filter({ hasText: local.verificationCode })).toContainText('Only in Assay');

  await table.getByRole('button', { name: `${web.verificationCode}, ${web.earnerName}: show this award` }).click();
  const webNote = page
    .getByRole('complementary', { name: web.earnerName })
    .getByRole('region', { name: 'Anyone can verify this award' });
  await expect(webNote).toContainText(
    `It is signed in the name of pd.riverside.example.edu, whose web site publishes the signing key, and whether it was revoked is published at ${listUrl}.`,
  );
  await checkBothSchemes(page, 'awards-verifiable-by-anyone');

  await table.getByRole('button', { name: `${local.verificationCode}, ${local.earnerName}: show this award` }).click();
  const localNote = page
    .getByRole('complementary', { name: local.earnerName })
    .getByRole('region', { name: 'Only Assay can fully verify this award' });
  await expect(localNote).toContainText(
    'It is signed with a key made on this computer that no web site of the issuing body publishes, so others cannot tell that it comes from the institution.',
  );
  await checkBothSchemes(page, 'awards-verifiable-only-here');
});
