// axe-core (WCAG 2.1 A and AA) finds nothing on any screen, in the light and the dark theme.
import { expect, test } from '@playwright/test';
import { appsPerTest, checkBothSchemes, refusedPackage, samplePackage } from './fixtures.js';

const apps = appsPerTest();

test('every screen passes axe in light and dark', async () => {
  const refused = await refusedPackage();
  const app = await apps.launch({ importPaths: [await samplePackage(), refused.dir] });
  const { page } = app;

  await expect(page.getByRole('heading', { name: 'Welcome to Assay' })).toBeVisible();
  await checkBothSchemes(page, 'queue-empty');

  await page.getByRole('button', { name: 'Import package…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toBeVisible();
  await expect(page.getByRole('grid').getByRole('gridcell').first()).toBeVisible();
  await checkBothSchemes(page, 'queue-imported');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await checkBothSchemes(page, 'queue-rows');

  await page.getByRole('grid').focus();
  await page.keyboard.press('ArrowDown');
  await checkBothSchemes(page, 'queue-focused');

  await page.getByRole('switch', { name: 'Blind review' }).click();
  await checkBothSchemes(page, 'queue-blind');
  await page.getByRole('switch', { name: 'Blind review' }).click();

  await page.getByRole('button', { name: 'Import package…' }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await checkBothSchemes(page, 'error-dialog');
  await page.getByRole('button', { name: 'OK' }).click();

  for (const screen of ['Review', 'Awards', 'Library', 'Settings']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen }).click();
    await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
    await checkBothSchemes(page, screen.toLowerCase());
  }

  await page.getByRole('button', { name: 'About Assay' }).click();
  await expect(page.getByRole('dialog', { name: 'About Assay' })).toBeVisible();
  await checkBothSchemes(page, 'about');
});
