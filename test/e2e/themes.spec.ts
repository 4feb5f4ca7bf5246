// The theme setting and the system's theme give the same colours: every colour is one light-dark() token, so a
// forced theme reaches parts that once had their own dark block (the evidence tiles, a PDF page's edge).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { appsPerTest, expectNoAxeViolations, samplePackage } from './fixtures.js';

const apps = appsPerTest();

/** The colours and shadow an element is drawn with (the root tsconfig has no DOM types, hence the cast). */
const look = (el: Locator) =>
  el.evaluate((node) => {
    const g = globalThis as unknown as {
      getComputedStyle(e: unknown): { color: string; backgroundColor: string; boxShadow: string };
    };
    const s = g.getComputedStyle(node);
    return `${s.color} on ${s.backgroundColor}, ${s.boxShadow}`;
  });

async function chooseTheme(page: Page, theme: 'Light' | 'Dark' | 'System'): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: theme }).check();
  const html = page.locator('html');
  if (theme === 'System') await expect(html).not.toHaveAttribute('data-theme', /./);
  else await expect(html).toHaveAttribute('data-theme', theme.toLowerCase());
  await nav.getByRole('button', { name: 'Review' }).click();
}

test('a forced theme colours evidence tiles and PDF pages as the system theme does, and passes axe', async () => {
  const app = await apps.launch({ open: false });
  await app.services.importPackage(await samplePackage());
  await app.open();
  const { page } = app;
  await page.getByRole('grid').getByRole('row').nth(1).click();
  const pane = page.getByRole('region', { name: 'Evidence', exact: true });
  const tile = pane.locator('.ev-tile-pdf').first();
  await expect(tile).toBeVisible();

  const system = { light: '', dark: '' };
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    system[colorScheme] = await look(tile);
  }
  expect(system.light).not.toBe(system.dark);

  // Forced dark on a light system, then forced light on a dark one: the system's own colours each time.
  await page.emulateMedia({ colorScheme: 'light' });
  await chooseTheme(page, 'Dark');
  await expect(tile).toBeVisible();
  expect(await look(tile)).toBe(system.dark);
  await expectNoAxeViolations(page, 'evidence, forced dark');
  await page.emulateMedia({ colorScheme: 'dark' });
  await chooseTheme(page, 'Light');
  expect(await look(tile)).toBe(system.light);
  await expectNoAxeViolations(page, 'evidence, forced light');

  // A PDF page's edge on the viewer's backdrop follows the same way.
  await pane
    .locator('.ev-card-open', { has: page.locator('.ev-tile-pdf') })
    .first()
    .click();
  const pdfPage = pane.locator('.pdf-page[data-page="1"]');
  await expect(pdfPage).toBeVisible();
  const forcedLight = await look(pdfPage);
  await chooseTheme(page, 'System');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await look(pdfPage)).toBe(forcedLight);
  await page.emulateMedia({ colorScheme: 'dark' });
  const systemDark = await look(pdfPage);
  expect(systemDark).not.toBe(forcedLight);
  await page.emulateMedia({ colorScheme: 'light' });
  await chooseTheme(page, 'Dark');
  expect(await look(pdfPage)).toBe(systemDark);
});
