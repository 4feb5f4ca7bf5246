// The Coordination screen over a generated panel larger than a screenful (300 assessors, 3,000 decisions, a tenth
// seeded and a tenth read twice): long lists show their first 200 rows and say how many there are; the sample's
// and the assessor × criterion table's further rows come from the main process when asked for
// (coordination:sampleItems, coordination:measures), in order, until all are shown; the drift chart gets the six
// lines it draws; a chart's numbers are a table made when its button opens it.
import { expect, test, type Locator } from '@playwright/test';
import { generatedCoordinationStore } from '../bench/coordination-bench.js';
import { appsPerTest } from './fixtures.js';

const apps = appsPerTest();

async function press(control: Locator): Promise<void> {
  await control.focus();
  await control.press('Enter');
}

test('long lists page by 200, the sample fetched from the store as it is shown', async () => {
  test.setTimeout(300_000);
  const dataDir = await generatedCoordinationStore(apps.scratch('assay-e2e-coord-scale-'), 3_000);
  const app = await apps.launch({ dataDir, open: false, evidence: false });
  await app.open();
  const { page } = app;
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Coordination', exact: true })
    .click();

  const sample = page.getByTestId('coordination-sample');
  const rows = sample.getByRole('table', { name: 'Decisions chosen for second reading' }).locator('tbody tr');
  await expect(rows).toHaveCount(200);
  const said = await sample.getByText(/^Showing the first 200 of [\d,]+\.$/).textContent();
  const total = Number(/of ([\d,]+)\./.exec(said!)![1]!.replace(/,/g, ''));
  expect(total).toBeGreaterThan(200);
  const firstPage = await rows.locator('th').allTextContents();

  await press(sample.getByRole('button', { name: `Show ${Math.min(200, total - 200).toLocaleString('en')} more` }));
  await expect(rows).toHaveCount(Math.min(400, total));
  if (total > 400) {
    await expect(sample.getByText(`Showing the first 400 of ${total.toLocaleString('en')}.`)).toBeVisible();
    await press(sample.getByRole('button', { name: `Show all ${total.toLocaleString('en')}` }));
    await expect(rows).toHaveCount(total);
  }
  await expect(sample.getByText(/^Showing the first/)).toHaveCount(0);
  const ids = await rows.locator('th').allTextContents();
  expect(ids.slice(0, 200)).toEqual(firstPage);
  expect(new Set(ids).size).toBe(total);

  // The assessor × criterion table opens on the flagged assessors; every assessor's rows come a page at a time.
  // The counts it should say come from the store (the rows of the last choice stay shown while the next loads, so
  // each step waits for the words of its own choice, never for time).
  const computed = (await app.services.coordination()).overview()!;
  const flaggedIds = new Set(computed.flags.map((f) => f.assessorId));
  const flaggedRows = computed.measures.filter((m) => flaggedIds.has(m.assessorId)).length;
  const rowsInAll = computed.measures.length;
  expect(rowsInAll).toBeGreaterThan(400);
  const criteria = page.getByTestId('coordination-criteria');
  const wrap = criteria.locator('xpath=..');
  const measures = criteria.locator('tbody tr');
  await expect(measures).toHaveCount(Math.min(200, flaggedRows));
  await page.getByLabel('Show criteria of').selectOption({ label: 'Every assessor' });
  await expect(wrap.getByText(`Showing the first 200 of ${rowsInAll.toLocaleString('en')}.`)).toBeVisible();
  await expect(measures).toHaveCount(200);
  const firstAssessor = await measures.first().locator('th').textContent();
  await press(wrap.getByRole('button', { name: 'Show 200 more' }));
  await expect(wrap.getByText(`Showing the first 400 of ${rowsInAll.toLocaleString('en')}.`)).toBeVisible();
  await expect(measures).toHaveCount(400);
  // Choosing one assessor starts again from their own rows.
  const one = (await measures.nth(300).locator('th').textContent())!;
  expect(one).not.toBe(firstAssessor);
  const oneId = computed.assessors.find((a) => a.assessor.name === one)!.assessor.id;
  const theirs = computed.measures.filter((m) => m.assessorId === oneId).length;
  expect(theirs).toBeGreaterThan(0);
  await page.getByLabel('Show criteria of').selectOption({ label: one });
  await expect(measures).toHaveCount(theirs);
  await expect(measures.locator('th').filter({ hasNotText: one })).toHaveCount(0);
  await expect(wrap.getByText(/^Showing the first/)).toHaveCount(0);

  // The drift chart draws six of the panel's lines (the screen is sent only those, and the count of all); its
  // numbers, every point of those lines, are a table made when opened and gone when closed.
  const drift = page.getByTestId('chart-drift');
  await expect(drift.getByText(/^Showing 6 of \d+ assessors, flagged first/)).toBeVisible();
  const all = Number(/of (\d+) assessors/.exec((await drift.getByText(/^Showing 6 of/).textContent())!)![1]);
  expect(all).toBeGreaterThan(200);
  await expect(drift.getByRole('table')).toHaveCount(0);
  await press(drift.getByRole('button', { name: 'Numbers of “Drift per assessor” as a table' }));
  const names = await drift.getByRole('table').locator('tbody th').allTextContents();
  expect(names.length).toBeGreaterThan(6);
  expect(new Set(names).size).toBe(6);
  await press(drift.getByRole('button', { name: 'Numbers of “Drift per assessor” as a table' }));
  await expect(drift.getByRole('table')).toHaveCount(0);
});
