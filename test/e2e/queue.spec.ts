// The queue screen end to end: import through the UI, filters, search, sort, keyboard and blind review.
import { expect, test, type Page } from '@playwright/test';
import type { QueueItem } from '../../shared/domain/queue.js';
import { appsPerTest, bulkPackage, pageText, samplePackage, screenshot } from './fixtures.js';
import { type App } from './harness.js';

const ZOE = 'Zoë Núñez-Łukasiewicz';

const apps = appsPerTest();

const grid = (page: Page) => page.getByRole('grid', { name: 'Submissions' });
const dataRows = (page: Page) => grid(page).locator('.grid-body [role="row"]');
const resultCount = (page: Page) => page.locator('.result-count');
const earnerNames = (a: App) =>
  a.services.db.prepare('SELECT earner_name FROM submissions ORDER BY earner_name').pluck().all() as string[];

test('imports a package chosen in the dialog and lists its submissions', async () => {
  const pkg = await samplePackage();
  const app = await apps.launch({ importPaths: [pkg] });
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Welcome to Assay' })).toBeVisible();

  await page.getByRole('button', { name: 'Import package…' }).click();
  const banner = page.getByRole('status').filter({ hasText: 'Import complete' });
  await expect(banner).toContainText('Imported');
  await expect(banner).toContainText('submissions');

  const total = app.services.queue.counts().total;
  expect(total).toBeGreaterThan(10);
  await expect(resultCount(page)).toHaveText(`${total} submissions`);
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(total + 1));
  await expect(grid(page).getByRole('gridcell', { name: ZOE })).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`^All ${total}$`) })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await screenshot(page, 'queue-after-import');

  // The same package again changes nothing, and says so.
  app.setNextImportPath(pkg);
  await page.keyboard.press('Control+O');
  await expect(page.getByRole('status').filter({ hasText: 'nothing changed' })).toBeVisible();
  await expect(resultCount(page)).toHaveText(`${total} submissions`);
});

test('filters by status, overdue, achievement and attempt', async () => {
  const app = await apps.withSample();
  const { page } = app;
  const counts = app.services.queue.counts();
  await expect(resultCount(page)).toHaveText(`${counts.total} submissions`);

  const chips = page.getByRole('group', { name: 'Filter by status' });
  await chips.getByRole('button', { name: /^Passed/ }).click();
  await expect(chips.getByRole('button', { name: /^Passed/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(resultCount(page)).toHaveText(`${counts.passed} submissions`);
  await expect(page.getByText('No submissions match')).toBeVisible();

  await chips.getByRole('button', { name: /^Pending/ }).click();
  await expect(resultCount(page)).toHaveText(`${counts.pending} submissions`);

  await chips.getByRole('button', { name: /^Overdue/ }).click();
  await expect(resultCount(page)).toHaveText(`${counts.overdue} submission${counts.overdue === 1 ? '' : 's'}`);
  await expect(dataRows(page)).toHaveCount(counts.overdue);
  for (const row of await dataRows(page).all()) await expect(row).toContainText('Overdue');
  await chips.getByRole('button', { name: /^All/ }).click();
  await chips.getByRole('button', { name: /^Overdue/ }).click();
  await expect(resultCount(page)).toHaveText(`${counts.total} submissions`);

  const stem = app.services.queue
    .list({ limit: 1000 })
    .items.filter((i) => i.achievementName === 'Core STEM Teaching Practices');
  expect(stem.length).toBeGreaterThan(0);
  await page.getByRole('combobox', { name: 'Achievement' }).selectOption({ label: 'Core STEM Teaching Practices' });
  await expect(resultCount(page)).toHaveText(`${stem.length} submission${stem.length === 1 ? '' : 's'}`);
  for (const row of await dataRows(page).all()) await expect(row).toContainText('Core STEM Teaching Practices');

  await page.getByRole('combobox', { name: 'Achievement' }).selectOption({ label: 'All achievements' });
  const resubmissions = app.services.queue.list({ attempt: 2, limit: 1000 }).total;
  await page.getByRole('combobox', { name: 'Attempt' }).selectOption('2');
  await expect(resultCount(page)).toHaveText(`${resubmissions} submission${resubmissions === 1 ? '' : 's'}`);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(resultCount(page)).toHaveText(`${counts.total} submissions`);
});

test('search finds names without their accents, and responses', async () => {
  const app = await apps.withSample();
  const { page } = app;
  const search = page.getByRole('searchbox', { name: 'Search names and responses' });
  await search.fill('nunez');
  await expect(resultCount(page)).toHaveText('1 submission');
  await expect(grid(page).getByRole('gridcell', { name: ZOE })).toBeVisible();
  await screenshot(page, 'queue-search');

  // A word from the teachers' written responses, not from any name.
  const expected = app.services.queue.list({ search: 'shadows', limit: 1000 }).total;
  expect(expected).toBeGreaterThan(0);
  await search.fill('shadows');
  await expect(resultCount(page)).toHaveText(`${expected} submission${expected === 1 ? '' : 's'}`);

  // One or two letters match whole words only, and the search box says so while they are typed.
  await search.fill('nu');
  const hint = page.getByRole('status').filter({ hasText: 'whole words only' });
  await expect(hint).toHaveText(
    '“nu”: a word under 3 letters matches whole words only. Type 3 letters or more to find words that begin with it.',
  );
  await expect(search).toHaveAccessibleDescription(/“nu”: a word under 3 letters/);
  await expect(page.getByText('No submissions match')).toBeVisible();
  await search.fill('nun');
  await expect(hint).toHaveCount(0);
  await expect(grid(page).getByRole('gridcell', { name: ZOE })).toBeVisible();

  await search.fill('zzzz-nobody');
  await expect(page.getByText('No submissions match')).toBeVisible();
  await search.fill('');
  await expect(resultCount(page)).toHaveText(`${app.services.queue.counts().total} submissions`);
});

test('sorts by the column headers and reports the order with aria-sort', async () => {
  const app = await apps.withSample();
  const { page } = app;
  const dueHeader = page.getByRole('columnheader', { name: 'Due' });
  await expect(dueHeader).toHaveAttribute('aria-sort', 'ascending');

  await page.getByRole('button', { name: 'Earner' }).click();
  await expect(page.getByRole('columnheader', { name: 'Earner' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(dueHeader).not.toHaveAttribute('aria-sort', /./);
  const expected = app.services.queue.list({ sort: 'earner', limit: 3 }).items.map((i) => i.earnerName ?? '');
  await expect(dataRows(page).first()).toContainText(expected[0]!);

  await page.getByRole('button', { name: 'Earner' }).click();
  await expect(page.getByRole('columnheader', { name: 'Earner' })).toHaveAttribute('aria-sort', 'descending');
  const last = app.services.queue.list({ sort: 'earner', direction: 'desc', limit: 1 }).items[0]!;
  await expect(dataRows(page).first()).toContainText(last.earnerName!);
});

test('moves through the grid with the keyboard and opens a submission with Enter', async () => {
  const app = await apps.withSample();
  const { page } = app;
  const items: QueueItem[] = app.services.queue.list({ limit: 1000 }).items;
  const g = grid(page);
  await page.getByRole('searchbox').focus();
  // Tab order: search, achievement, attempt, then the grid.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(g).toBeFocused();

  const activeRowIndex = async () => {
    const id = await g.getAttribute('aria-activedescendant');
    return page.locator(`[id="${id}"]`).getAttribute('aria-rowindex');
  };
  expect(await activeRowIndex()).toBe('2');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await activeRowIndex()).toBe('4');
  await page.keyboard.press('End');
  await expect.poll(activeRowIndex).toBe(String(items.length + 1));
  await page.keyboard.press('PageUp');
  await expect.poll(async () => Number(await activeRowIndex())).toBeLessThan(items.length + 1);
  await page.keyboard.press('Home');
  await expect.poll(activeRowIndex).toBe('2');
  await page.keyboard.press('ArrowDown');
  await screenshot(page, 'queue-keyboard');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible();
  await expect(page.getByTestId('review-selection')).toHaveText(`Selected submission: ${items[1]!.id}`);
  await expect(page.getByRole('button', { name: 'Review' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('button', { name: 'Back to the queue' }).click();
  await expect(g).toBeVisible();
});

test('blind review hides every earner identity and survives a restart', async () => {
  const app = await apps.withSample();
  const { page } = app;
  const names = earnerNames(app);
  expect(names).toContain(ZOE);
  await expect(grid(page).getByRole('gridcell', { name: ZOE })).toBeVisible();

  await page.getByRole('switch', { name: 'Blind review' }).click();
  await expect(page.getByRole('switch', { name: 'Blind review' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('columnheader', { name: 'Earner' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Earner' })).toHaveCount(0);
  await expect(page.getByRole('searchbox', { name: 'Search responses' })).toBeVisible();
  await expect(resultCount(page)).toHaveText(`${names.length} submissions`);

  const assertNoNames = async () => {
    const { html, attributes } = await pageText(page);
    for (const name of names) {
      expect(html, `the page shows ${name}`).not.toContain(name);
      expect(attributes.filter((a) => a.includes(name))).toEqual([]);
    }
  };
  await assertNoNames();
  await screenshot(page, 'queue-blind');

  // A name typed into the search finds nothing while blind.
  await page.getByRole('searchbox', { name: 'Search responses' }).fill('nunez');
  await expect(page.getByText('No submissions match')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search responses' }).fill('');

  await page.reload();
  await expect(page.getByRole('switch', { name: 'Blind review' })).toHaveAttribute('aria-checked', 'true');
  await expect(resultCount(page)).toHaveText(`${names.length} submissions`);
  await assertNoNames();

  await page.getByRole('switch', { name: 'Blind review' }).click();
  await expect(grid(page).getByRole('gridcell', { name: ZOE })).toBeVisible();
});

test('pages through a long queue, keeping only the visible rows in the page', async () => {
  const count = 1500;
  const app = await apps.launch({ open: false });
  await app.services.importPackage(bulkPackage(count));
  await app.open();
  const { page } = app;
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(count + 1));
  expect(await dataRows(page).count()).toBeLessThan(80);

  await grid(page).focus();
  await page.keyboard.press('End');
  const lastRow = grid(page).locator(`[role="row"][aria-rowindex="${count + 1}"]`);
  await expect(lastRow).toContainText(`Teacher ${count - 1}`);
  expect(await dataRows(page).count()).toBeLessThan(80);

  // Jump to the middle with the scrollbar: the rows there load by offset.
  await grid(page).evaluate((el) => {
    const body = el as unknown as { scrollTop: number; scrollHeight: number };
    body.scrollTop = body.scrollHeight / 2;
  });
  await expect(grid(page).locator('.grid-row-loading')).toHaveCount(0);
  const middle = app.services.queue.list({ offset: Math.floor(count / 2), limit: 1 }).items[0]!;
  await expect(grid(page).getByRole('gridcell', { name: middle.earnerName! })).toBeVisible();
});
