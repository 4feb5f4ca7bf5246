// The review workspace fits a laptop: at 1024×640, 1280×800 and 1920×1080, in light and dark, nothing
// overlaps (the override button and the points line), the decision footer stays compact, the evidence
// title is whole; the split between evidence and rubric is a keyboard separator, remembered. Each
// layout is photographed into test-results/screens/workspace-<w>x<h>-<scheme>.png.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { appsPerTest, checkBothSchemes } from './fixtures.js';
import { type App } from './harness.js';

const SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

const apps = appsPerTest();

const workspace = (page: Page) => page.getByRole('region', { name: 'Review workspace' });
const grid = (page: Page) => page.getByRole('grid', { name: 'Submissions' });

/** Opens the first submission in the queue whose evidence starts with a PDF, scored on every criterion. */
async function openScoredSubmission(a: App): Promise<void> {
  const { page } = a;
  const items = a.services.queue.list({ limit: 1000 }).items;
  const index = items.findIndex((i) => i.achievementName === 'Core STEM Teaching Practices' && i.attempt === 1);
  expect(index).toBeGreaterThanOrEqual(0);
  await grid(page).focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(workspace(page)).toBeVisible();
  // Score every criterion (the first level), so the footer shows a decision and its actions are live.
  const cards = page.locator('.criterion');
  const count = await cards.count();
  for (let i = 0; i < count; i++) await cards.nth(i).getByRole('radio').last().check();
  await expect(page.getByTestId('verdict')).toHaveText(/Pass|Not yet/);
}

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, `${locator.toString()} has a box`).not.toBeNull();
  return box!;
}

/** Whether the text of an element is cut (ellipsis or clipped): its content is wider or taller than its box. */
const isCut = (locator: Locator) =>
  locator.evaluate((node) => {
    const el = node as unknown as {
      scrollWidth: number;
      clientWidth: number;
      scrollHeight: number;
      clientHeight: number;
    };
    return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
  });

for (const size of SIZES) {
  test(`the workspace at ${size.width}×${size.height} in light and dark: nothing overlaps, nothing is cut`, async () => {
    const app = await apps.withSample({ viewport: size });
    const { page } = app;
    await expect(grid(page).locator('.grid-body [role="row"]').first()).toBeVisible();
    await openScoredSubmission(app);
    // The evidence with the longest name in this submission, open in its viewer.
    const pane = page.getByRole('region', { name: 'Evidence', exact: true });
    await pane.getByRole('button', { name: /group shadow graph/ }).click();
    await expect(pane.getByRole('img', { name: /group shadow graph/ })).toBeVisible();

    const footer = page.locator('footer.decision');
    const override = footer.getByRole('button', { name: /Override decision/ });
    const points = footer.locator('.points-text');
    const submit = footer.getByRole('button', { name: /Submit/ });
    await expect(override).toBeVisible();

    const [fBox, oBox, pBox, sBox] = await Promise.all([boxOf(footer), boxOf(override), boxOf(points), boxOf(submit)]);
    expect(overlap(oBox, pBox), `override ${JSON.stringify(oBox)} over points ${JSON.stringify(pBox)}`).toBe(false);
    expect(overlap(sBox, pBox), 'submit over points').toBe(false);
    expect(await isCut(points), 'the points line is cut').toBe(false);
    // The footer is compact: at most 15% of the window's height.
    expect(fBox.height / size.height, `footer height ${fBox.height}`).toBeLessThanOrEqual(0.15);
    // Its buttons are inside the window and inside the footer.
    for (const b of [oBox, sBox]) {
      expect(b.x + b.width).toBeLessThanOrEqual(size.width);
      expect(b.y >= fBox.y && b.y + b.height <= fBox.y + fBox.height + 0.5).toBe(true);
    }

    // The evidence title (the open file's name) is whole.
    const title = pane.locator('.ev-viewer-name');
    await expect(title).toBeVisible();
    expect(await isCut(title), `evidence title "${await title.textContent()}" is cut`).toBe(false);
    const tBox = await boxOf(title);
    const eBox = await boxOf(page.locator('.evidence-slot'));
    expect(tBox.x >= eBox.x && tBox.x + tBox.width <= eBox.x + eBox.width + 0.5).toBe(true);

    // The header's title is not cut either.
    expect(await isCut(page.locator('.review-title'))).toBe(false);

    await checkBothSchemes(page, `workspace-${size.width}x${size.height}`);
  });
}

test('the split is a keyboard separator, and it and the folded sidebar are remembered after a reload', async () => {
  const app = await apps.withSample({ viewport: { width: 1024, height: 640 } });
  const { page } = app;
  await expect(grid(page).locator('.grid-body [role="row"]').first()).toBeVisible();
  const sidebar = page.getByRole('navigation', { name: 'Main' });

  // A laptop's width starts with the sidebar folded to a rail; its buttons keep their names.
  expect((await boxOf(sidebar)).width).toBeLessThanOrEqual(64);
  await expect(sidebar.getByRole('button', { name: 'Queue' })).toBeVisible();
  const fold = sidebar.getByRole('button', { name: 'Unfold the sidebar' });
  await expect(fold).toHaveAttribute('aria-expanded', 'false');

  await openScoredSubmission(app);
  const separator = page.getByRole('separator', { name: 'Resize the evidence and rubric panes' });
  const evidence = page.locator('.split-left');
  await expect(separator).toHaveAttribute('aria-valuenow', '44');
  const before = (await boxOf(evidence)).width;
  await separator.focus();
  await page.keyboard.press('ArrowRight');
  await expect(separator).toHaveAttribute('aria-valuenow', '46');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(separator).toHaveAttribute('aria-valuenow', '56');
  expect((await boxOf(evidence)).width).toBeGreaterThan(before + 50);
  await page.keyboard.press('ArrowLeft');
  await expect(separator).toHaveAttribute('aria-valuenow', '54');
  await page.keyboard.press('End');
  await expect(separator).toHaveAttribute('aria-valuenow', '75');
  await page.keyboard.press('Home');
  await expect(separator).toHaveAttribute('aria-valuenow', '25');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect(separator).toHaveAttribute('aria-valuenow', '45');
  // Enter folds the evidence away (out of the tab order) and back to where it was.
  await page.keyboard.press('Enter');
  await expect(separator).toHaveAttribute('aria-valuenow', '0');
  await expect(separator).toHaveAttribute('aria-valuetext', 'Evidence folded away');
  expect((await boxOf(evidence)).width).toBeLessThan(1);
  await expect(evidence).toHaveAttribute('inert', '');
  await page.keyboard.press('Enter');
  await expect(separator).toHaveAttribute('aria-valuenow', '45');
  // Alt+1 (focus the evidence) unfolds it first.
  await page.keyboard.press('Enter');
  await expect(separator).toHaveAttribute('aria-valuenow', '0');
  await page.keyboard.press('Alt+1');
  await expect(separator).toHaveAttribute('aria-valuenow', '45');
  await expect
    .poll(() =>
      evidence.evaluate((el) =>
        el.contains((el as unknown as { ownerDocument: { activeElement: never } }).ownerDocument.activeElement),
      ),
    )
    .toBe(true);
  await separator.focus();
  // A narrow rubric pane still keeps the buttons off the points line.
  const footer = page.locator('footer.decision');
  expect(
    overlap(
      await boxOf(footer.getByRole('button', { name: /Override decision/ })),
      await boxOf(footer.locator('.points-text')),
    ),
  ).toBe(false);

  await fold.click();
  await expect(sidebar.getByRole('button', { name: 'Fold the sidebar' })).toHaveAttribute('aria-expanded', 'true');
  expect((await boxOf(sidebar)).width).toBeGreaterThan(200);

  // After a reload (the next session of the same assessor): both as they were left.
  await page.reload();
  await expect(grid(page).locator('.grid-body [role="row"]').first()).toBeVisible();
  expect((await boxOf(sidebar)).width).toBeGreaterThan(200);
  await openScoredSubmission(app);
  await expect(page.getByRole('separator', { name: 'Resize the evidence and rubric panes' })).toHaveAttribute(
    'aria-valuenow',
    '45',
  );
});
