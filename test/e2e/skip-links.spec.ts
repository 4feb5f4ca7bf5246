// Fewer keystrokes to the work: skip links at the top of the page, Alt+Q to the queue's grid from any
// screen, and the shortcut sheet (?) that lists it on the queue and in the review workspace.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { appsPerTest, expectNoAxeViolations } from './fixtures.js';

const apps = appsPerTest();

const grid = (page: Page) => page.getByRole('grid', { name: 'Submissions' });
const isFocused = (locator: Locator) =>
  locator.evaluate(
    (el) => (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === el,
  );
const activeText = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { activeElement: { textContent: string | null } | null } }).document
        .activeElement?.textContent ?? '',
  );

test('from the top of the page the grid is one Tab and Enter away (the skip link), where it took 21 Tabs', async () => {
  const app = await apps.withSample();
  const { page } = app;
  await expect(grid(page).locator('.grid-body [role="row"]').first()).toBeVisible();

  // Count the Tab presses until the grid has focus, following a skip link when it is the one in focus.
  let tabs = 0;
  while (!(await isFocused(grid(page))) && tabs < 30) {
    await page.keyboard.press('Tab');
    tabs++;
    if ((await activeText(page)) === 'Skip to the queue') {
      // The link shows itself when focused (it is hidden above the page otherwise).
      const box = await page.getByRole('link', { name: 'Skip to the queue' }).boundingBox();
      expect(box && box.y >= 0 && box.height > 0, 'the focused skip link is on screen').toBe(true);
      await page.keyboard.press('Enter');
    }
  }
  await expect(grid(page)).toBeFocused();
  expect(tabs, 'Tab presses from the top of the page to the queue grid').toBeLessThanOrEqual(2);

  // The second stop skips to whatever screen is open.
  await page.getByRole('button', { name: 'Settings' }).click();
  // Back up from the first stop after the skip links (the first navigation button).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button').first().focus();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // "Skip to the queue" from another screen shows the queue and focuses its grid.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button').first().focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('link', { name: 'Skip to the queue' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(grid(page)).toBeFocused();
  await expectNoAxeViolations(page, 'queue with skip links');
});

test('Alt+Q focuses the queue grid from the queue, another screen and the review workspace', async () => {
  const app = await apps.withSample();
  const { page } = app;
  await expect(grid(page).locator('.grid-body [role="row"]').first()).toBeVisible();
  await expect(grid(page)).toHaveAttribute('aria-keyshortcuts', 'Alt+Q');

  await page.getByRole('searchbox').first().focus();
  await page.keyboard.press('Alt+KeyQ');
  await expect(grid(page)).toBeFocused();

  await page.getByRole('button', { name: 'Library' }).click();
  await expect(grid(page)).toBeHidden();
  await page.keyboard.press('Alt+KeyQ');
  await expect(grid(page)).toBeFocused();

  // Into the review workspace and back with Alt+Q: the grid again, on the row that was open.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Review workspace' })).toBeVisible();
  await expect(grid(page)).toBeHidden();
  await page.keyboard.press('Alt+KeyQ');
  await expect(grid(page)).toBeFocused();
  await expect(grid(page)).toHaveAttribute('aria-activedescendant', /-row-1$/);
});

test('? lists Alt+Q on the queue and in the review workspace, and types a ? in the search box', async () => {
  const app = await apps.withSample();
  const { page } = app;
  await expect(grid(page).locator('.grid-body [role="row"]').first()).toBeVisible();
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const altQRow = sheet.getByRole('row', { name: /Go to the queue/ });

  // Typing in the search box: ? is a character, not a shortcut.
  const search = page.getByRole('searchbox').first();
  await search.focus();
  await page.keyboard.type('?');
  await expect(search).toHaveValue('?');
  await expect(sheet).toHaveCount(0);
  await search.fill('');

  await grid(page).focus();
  await page.keyboard.press('?');
  await expect(sheet).toBeVisible();
  await expect(altQRow).toBeVisible();
  await expect(altQRow.locator('kbd')).toHaveText(['Alt', 'Q']);
  await expect(sheet.getByRole('table', { name: 'In the queue' })).toBeVisible();
  await expectNoAxeViolations(page, 'shortcut sheet on the queue');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  // The workspace's own sheet lists it too, beside the workspace's shortcuts.
  await grid(page).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Review workspace' })).toBeVisible();
  await page.locator('main#main').focus();
  await page.keyboard.press('?');
  await expect(sheet).toBeVisible();
  await expect(altQRow).toBeVisible();
  await expect(sheet.getByRole('table', { name: 'Rubric' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
});
