// Importing end to end: refusals in an alert dialog, the first-run sample, drag and drop, menu commands,
// and a damaged copy of a package already imported.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { writePackage, writeValidPackage } from '../support/package-builder.js';
import {
  appsPerTest,
  dropOnWindow,
  expectNoAxeViolations,
  refusedPackage,
  samplePackage,
  screenshot,
} from './fixtures.js';

const apps = appsPerTest();

test('a refused package shows its reason verbatim and changes nothing', async () => {
  const refused = await refusedPackage();
  const app = await apps.launch({ open: false });
  await app.services.importPackage(await samplePackage());
  await app.open();
  const { page } = app;
  const before = app.services.queue.counts();
  await expect(page.locator('.result-count')).toHaveText(`${before.total} submissions`);

  app.setNextImportPath(refused.dir);
  await page.getByRole('button', { name: 'Import package…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'This package was not imported' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.error-message')).toHaveText(refused.message);
  expect(refused.message).toContain('Tampered package');
  expect(refused.message).toContain('lesson-plan.pdf');
  await screenshot(page, 'import-refused');

  // Focus starts inside and stays inside.
  await expect(dialog.getByRole('button', { name: 'OK' })).toBeFocused();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    expect(
      await dialog.evaluate((d) =>
        (d as unknown as { contains(n: unknown): boolean }).contains(
          (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
        ),
      ),
    ).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  expect(app.services.queue.counts()).toEqual(before);
  await expect(page.locator('.result-count')).toHaveText(`${before.total} submissions`);
  await expect(page.getByRole('button', { name: new RegExp(`^All ${before.total}$`) })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import package…' })).toBeFocused();
});

test('cancelling the open dialog does nothing', async () => {
  const app = await apps.launch();
  const { page } = app;
  app.setNextImportPath(null);
  await page.getByRole('button', { name: 'Import package…' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Assay' })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.locator('.banner')).toHaveCount(0);
});

test('first run offers the sample package, which fills the queue', async () => {
  const app = await apps.launch();
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Welcome to Assay' })).toBeVisible();
  await screenshot(page, 'first-run');
  await page.getByRole('button', { name: 'Try the sample package' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toBeVisible();
  const total = app.services.queue.counts().total;
  expect(total).toBeGreaterThan(0);
  await expect(page.locator('.result-count')).toHaveText(`${total} submissions`);
  await expect(page.getByRole('heading', { name: 'Welcome to Assay' })).toHaveCount(0);
});

test('a package dropped on the window is imported', async () => {
  const pkg = await samplePackage();
  const app = await apps.launch({ dropPaths: [pkg] });
  const { page } = app;
  const name = pkg.split(/[\\/]/).pop()!;
  await dropOnWindow(page, 'dragover', [name]);
  await expect(page.getByText('Drop a review package to import it')).toBeVisible();
  await screenshot(page, 'drop-overlay');
  await dropOnWindow(page, 'drop', [name]);
  await expect(page.getByText('Drop a review package to import it')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toBeVisible();
  await expect(page.locator('.result-count')).toHaveText(`${app.services.queue.counts().total} submissions`);
});

test('the menu opens the import dialog and the About dialog', async () => {
  const pkg = await samplePackage();
  const app = await apps.launch({ importPaths: [pkg] });
  const { page } = app;
  app.emit('menu:command', 'import');
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toBeVisible();

  app.emit('menu:command', 'about');
  const about = page.getByRole('dialog', { name: 'About Assay' });
  await expect(about).toBeVisible();
  await expect(about).toContainText('Version 0.1.0');
  await expect(about).toContainText(app.services.dataDir);
  await page.keyboard.press('Escape');
  await expect(about).toHaveCount(0);
});

test('progress events drive a determinate progress bar', async () => {
  const app = await apps.launch();
  const { page } = app;
  // Hold the real import at its start, so the bar can be checked before the answer arrives.
  const services = app.services;
  const original = services.importPackage.bind(services);
  let resume: () => void = () => {};
  const gate = new Promise<void>((resolve) => (resume = resolve));
  services.importPackage = async (input, options) => {
    await gate;
    return original(input, options);
  };
  app.setNextImportPath(await samplePackage());
  await page.getByRole('button', { name: 'Import package…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Starting the import…' })).toBeVisible();
  app.emit('import:progress', {
    phase: 'verifying',
    filesDone: 12,
    filesTotal: 47,
    bytesDone: 512 * 1024,
    bytesTotal: 2 * 1024 * 1024,
  });
  const bar = page.getByRole('progressbar', { name: 'Import progress' });
  await expect(bar).toHaveAttribute('value', String(512 * 1024));
  await expect(bar).toHaveAttribute('max', String(2 * 1024 * 1024));
  await expect(page.getByRole('status').filter({ hasText: 'Verifying evidence files…' })).toContainText(
    '12 of 47 files · 0.5 of 2.0 MB',
  );
  await screenshot(page, 'import-progress');
  resume();
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toBeVisible();
  await expect(bar).toHaveCount(0);
});

test('a damaged copy of a package already imported: a warning naming the file; an intact copy: nothing changed', async () => {
  const work = apps.scratch('assay-e2e-copy-');
  const { manifest, files } = writeValidPackage(path.join(work, 'Imported package'), 3);
  const app = await apps.launch({ open: false });
  await app.services.importPackage(path.join(work, 'Imported package'));
  const intact = path.join(work, 'Intact copy');
  const damaged = path.join(work, 'Damaged copy');
  writePackage(intact, manifest, files);
  writePackage(damaged, manifest, files);
  fs.rmSync(path.join(damaged, 'evidence', 's1', 'lesson-plan.pdf'));
  await app.open();
  const { page } = app;
  const before = app.services.queue.counts();

  app.setNextImportPath(damaged);
  await page.getByRole('button', { name: 'Import package…' }).click();
  const warning = page.getByRole('alert').filter({ hasText: 'Already imported, but this copy is damaged' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('"Damaged copy" was already imported on');
  await expect(warning).toContainText(
    'this copy differs from it: evidence/s1/lesson-plan.pdf is missing (the manifest lists it)',
  );
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toHaveCount(0);
  await screenshot(page, 'import-damaged-copy');
  await expectNoAxeViolations(page, 'the damaged-copy warning');
  expect(app.services.queue.counts()).toEqual(before);

  app.setNextImportPath(intact);
  await page.getByRole('button', { name: 'Import package…' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Import complete' });
  await expect(done).toContainText('"Intact copy" was already imported on');
  await expect(done).toContainText('; nothing changed.');
  await expect(warning).toHaveCount(0);
  expect(app.services.queue.counts()).toEqual(before);
  fs.rmSync(work, { recursive: true, force: true });
});
