// The review workspace end to end on the real handlers: keyboard-only scoring, drafts that survive, freezing, overrides.
import { expect, test, type Page } from '@playwright/test';
import type { QueueItem } from '../../shared/domain/queue.js';
import { tempDir } from '../support/package-builder.js';
import { appsPerTest, screenshot } from './fixtures.js';
import { type App } from './harness.js';

const STEM = 'Core STEM Teaching Practices';

const apps = appsPerTest();

/** The queue in the order the grid shows it by default (soonest due first). */
const queueItems = (a: App): QueueItem[] => a.services.queue.list({ limit: 1000 }).items;
const firstAttemptStem = (a: App) => queueItems(a).find((i) => i.achievementName === STEM && i.attempt === 1)!;
const reviewRow = (a: App, id: string) =>
  a.services.db
    .prepare('SELECT r.* FROM reviews r JOIN submissions s ON s.seq = r.submission_seq WHERE s.id = ?')
    .get(id) as
    | {
        state: string;
        scores_json: string;
        comments_json: string;
        feedback: string;
        decision: string | null;
        computed_decision: string | null;
        override_json: string | null;
        time_on_task_ms: number;
      }
    | undefined;

const commentsOf = (row: { comments_json: string }) =>
  JSON.parse(row.comments_json) as Record<string, { text: string; bankIds: number[] }>;

const heading = (page: Page) => page.getByRole('heading', { level: 1, name: new RegExp(`^Review ${STEM}`) });
const card = (page: Page, index: number) => page.locator(`.criterion[data-criterion-index="${index}"]`);
const level = (page: Page, index: number, name: string) =>
  card(page, index).getByRole('radio', { name: new RegExp(`^${name},`) });
const saveStatus = (page: Page) => page.locator('.save-status');

const isFocused = (locator: ReturnType<Page['locator']>) =>
  locator.evaluate(
    (el) => (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === el,
  );

/** Tabs from the top of the page to the queue grid and opens row `index` with Enter: no mouse at all. */
async function openFromQueueByKeyboard(page: Page, index: number): Promise<void> {
  const grid = page.getByRole('grid', { name: 'Submissions' });
  await expect(grid).toBeVisible();
  for (let i = 0; i < 25 && !(await isFocused(grid)); i++) await page.keyboard.press('Tab');
  await expect(grid).toBeFocused();
  await page.keyboard.press('Home');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

async function openById(page: Page, a: App, id: string): Promise<void> {
  const index = queueItems(a).findIndex((i) => i.id === id);
  expect(index).toBeGreaterThanOrEqual(0);
  await openFromQueueByKeyboard(page, index);
  await expect(page.getByRole('region', { name: 'Review workspace' })).toBeVisible();
}

/** The index of the criterion card that holds focus (the root tsconfig has no DOM types, hence the casts). */
const activeCriterion = (page: Page) =>
  page.evaluate(() => {
    type El = { closest(s: string): { getAttribute(n: string): string | null } | null };
    const doc = (globalThis as unknown as { document: { activeElement: El | null } }).document;
    return doc.activeElement?.closest('[data-criterion-index]')?.getAttribute('data-criterion-index') ?? null;
  });

test('scores a submission end to end by keyboard alone and the queue shows it passed', async () => {
  const app = await apps.withSample();
  const { page } = app;
  const item = firstAttemptStem(app);
  await openById(page, app, item.id);
  await expect(heading(page)).toBeVisible();
  await expect(page).toHaveTitle(`Review · ${STEM}`);
  // The first criterion takes focus: levels go straight to it.
  await expect.poll(() => activeCriterion(page)).toBe('0');

  const levels = [3, 3, 4, 3]; // Proficient, Proficient, Exemplary, Proficient: 2 + 2 + 3 + 2 = 9 of 12
  for (const [i, n] of levels.entries()) {
    await expect.poll(() => activeCriterion(page)).toBe(String(i));
    await page.keyboard.press(String(n));
    await expect(card(page, i).getByRole('radio', { checked: true })).toHaveAttribute('data-level', String(n));
    if (i === 0) {
      await page.keyboard.press('c');
      await expect(card(page, 0).getByRole('textbox')).toBeFocused();
      await page.keyboard.type('Students chose which variable to test; see the design decision record.');
      await page.keyboard.press('Escape');
      await expect.poll(() => activeCriterion(page)).toBe('0');
    }
    await page.keyboard.press(i === levels.length - 1 ? 'ArrowUp' : 'j');
    if (i === levels.length - 1) {
      await expect.poll(() => activeCriterion(page)).toBe(String(i - 1));
      await page.keyboard.press('ArrowDown');
    }
  }
  await expect(page.locator('.points-text')).toHaveText('9 of 12 points · 9 needed');
  await expect(page.locator('.decision .verdict')).toHaveText('Pass');

  await page.keyboard.press('f');
  await expect(page.getByRole('textbox', { name: 'Feedback to the earner' })).toBeFocused();
  await page.keyboard.type('A clear, student-led investigation with the data to show it.');
  await screenshot(page, 'review-keyboard-in-progress');

  // Ctrl+Enter works from inside a text box too.
  await page.keyboard.press('Control+Enter');
  const confirm = page.getByRole('dialog', { name: 'Submit this review?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('Pass');
  await expect(confirm).toContainText('9 of 12 points');
  await expect(confirm).toContainText('This cannot be changed after submitting.');
  await expect(confirm.getByRole('button', { name: 'Submit', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.locator('.state-banner')).toContainText(/Submitted on .+, Pass/);
  await expect(page.locator('.review-meta .badge')).toHaveText('Passed');
  const row = reviewRow(app, item.id)!;
  expect(row.state).toBe('submitted');
  expect(row.decision).toBe('pass');
  expect(Object.values(commentsOf(row)).map((c) => c.text)).toEqual([
    'Students chose which variable to test; see the design decision record.',
  ]);
  expect(row.feedback).toBe('A clear, student-led investigation with the data to show it.');

  // Back to the queue by keyboard: the row now says Passed, and the grid has focus again.
  await page.keyboard.press('u');
  const grid = page.getByRole('grid', { name: 'Submissions' });
  await expect(grid).toBeFocused();
  const earner = item.earnerName!;
  await expect(grid.getByRole('row').filter({ hasText: earner })).toContainText('Passed');
  await expect(page.getByRole('button', { name: /^Passed 1$/ })).toBeVisible();
});

test('a draft survives a reload and a restart of the handlers', async () => {
  const dataDir = tempDir();
  let app = await apps.withSample({ dataDir });
  let page = app.page;
  const item = firstAttemptStem(app);
  await openById(page, app, item.id);

  await level(page, 0, 'Developing').click();
  await level(page, 1, 'Exemplary').click();
  await card(page, 0).getByRole('textbox').fill('The procedure is still the teacher’s.');
  await page
    .getByRole('textbox', { name: 'Feedback to the earner' })
    .fill('Promising; let students choose the variables.');
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(page.locator('.review-meta .badge')).toHaveText('In progress');

  await page.reload();
  await openById(page, app, item.id);
  await expect(level(page, 0, 'Developing')).toHaveAttribute('aria-checked', 'true');
  await expect(level(page, 1, 'Exemplary')).toHaveAttribute('aria-checked', 'true');
  await expect(card(page, 0).getByRole('textbox')).toHaveValue('The procedure is still the teacher’s.');
  await expect(page.getByRole('textbox', { name: 'Feedback to the earner' })).toHaveValue(
    'Promising; let students choose the variables.',
  );

  // Typed and left at once: leaving waits for the save, nothing is lost.
  await card(page, 2).getByRole('textbox').fill('Peers respond to each other in the video.');
  await page.keyboard.press('Escape');
  await page.keyboard.press('u');
  await expect(page.getByRole('grid', { name: 'Submissions' })).toBeFocused();
  expect(Object.entries(commentsOf(reviewRow(app, item.id)!)).find(([k]) => k.endsWith('#discourse'))?.[1].text).toBe(
    'Peers respond to each other in the video.',
  );

  // The handlers and their database close; a new app opens the same data folder.
  await app.close();
  app = await apps.withSample({ dataDir });
  page = app.page;
  await openById(page, app, item.id);
  await expect(level(page, 0, 'Developing')).toHaveAttribute('aria-checked', 'true');
  await expect(level(page, 1, 'Exemplary')).toHaveAttribute('aria-checked', 'true');
  await expect(card(page, 2).getByRole('textbox')).toHaveValue('Peers respond to each other in the video.');
  await expect(page.getByRole('textbox', { name: 'Feedback to the earner' })).toHaveValue(
    'Promising; let students choose the variables.',
  );
  await expect(saveStatus(page)).toHaveText('Saved');
  expect(reviewRow(app, item.id)!.time_on_task_ms).toBeGreaterThan(0);
});

test('submitting freezes the review: inputs disabled, saves refused', async () => {
  const app = await apps.withSample();
  const { page } = app;
  const item = firstAttemptStem(app);
  await openById(page, app, item.id);
  for (let i = 0; i < 4; i++) {
    await card(page, i).focus();
    await page.keyboard.press('2');
  }
  await expect(page.locator('.decision .verdict')).toHaveText('Not yet');
  await expect(page.locator('.reasons')).toContainText(
    'Designs an inquiry-based investigation is below the required level Proficient',
  );
  await expect(page.locator('.reasons')).toContainText('4 points is below the 9 needed to pass');
  await page.getByRole('button', { name: 'Submit decision…' }).click();
  await page
    .getByRole('dialog', { name: 'Submit this review?' })
    .getByRole('button', { name: 'Submit', exact: true })
    .click();

  await expect(page.locator('.state-banner')).toContainText(/Submitted on .+, Not yet/);
  await screenshot(page, 'review-submitted');
  for (const radio of await page.getByRole('radio').all()) await expect(radio).toBeDisabled();
  for (const box of await page.locator('.review textarea').all()) await expect(box).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Submit decision…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Insert saved comment' })).toHaveCount(0);
  // Number keys do nothing now.
  await card(page, 0).focus();
  await page.keyboard.press('4');
  await expect(level(page, 0, 'Developing')).toHaveAttribute('aria-checked', 'true');

  const refused = await page.evaluate(
    (id) =>
      (globalThis as unknown as { api: { 'review:saveDraft'(i: unknown): Promise<unknown> } }).api['review:saveDraft']({
        submissionId: id,
        scores: {},
        comments: {},
        feedback: 'changed later',
        override: null,
        activeMs: 0,
      }),
    item.id,
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
  expect(reviewRow(app, item.id)!.feedback).toBe('');

  await page.getByRole('button', { name: 'Back to the queue' }).click();
  await expect(
    page.getByRole('grid', { name: 'Submissions' }).getByRole('row').filter({ hasText: item.earnerName! }),
  ).toContainText('Not yet');
});

test('an override is refused without a written justification, and recorded with it', async () => {
  const app = await apps.withSample();
  const { page } = app;
  const item = firstAttemptStem(app);
  await openById(page, app, item.id);
  for (const [i, n] of [3, 3, 2, 3].entries()) {
    await card(page, i).focus();
    await page.keyboard.press(String(n));
  }
  await expect(page.locator('.decision .verdict')).toHaveText('Not yet');
  await page.getByRole('button', { name: 'Override decision…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Override the computed decision' });
  await expect(dialog.getByRole('radio', { name: 'Pass' })).toBeChecked();
  await expect(dialog.getByRole('textbox', { name: /Justification/ })).toBeFocused();
  await dialog.getByRole('button', { name: 'Record override' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/never recorded without a justification/);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: /Justification/ }).fill('   ');
  await dialog.getByRole('button', { name: 'Record override' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await dialog
    .getByRole('textbox', { name: /Justification/ })
    .fill('The video shows peer critique the descriptor does not capture.');
  await dialog.getByRole('button', { name: 'Record override' }).click();
  await expect(dialog).toHaveCount(0);

  await expect(page.locator('.decision')).toContainText('Overridden: Pass (computed: Not yet)');
  await page.keyboard.press('Control+Enter');
  const confirm = page.getByRole('dialog', { name: 'Submit this review?' });
  await expect(confirm).toContainText('Overridden: Pass (computed: Not yet)');
  await expect(confirm).toContainText('The video shows peer critique');
  await confirm.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(page.locator('.state-banner')).toContainText('Overridden: Pass (computed: Not yet)');
  const row = reviewRow(app, item.id)!;
  expect([row.decision, row.computed_decision]).toEqual(['pass', 'not-yet']);
  expect(JSON.parse(row.override_json!)).toEqual({
    decision: 'pass',
    justification: 'The video shows peer critique the descriptor does not capture.',
  });
});

test('submitting is not offered while criteria are unscored, and says why', async () => {
  const app = await apps.withSample();
  const { page } = app;
  await openById(page, app, firstAttemptStem(app).id);
  await page.keyboard.press('3');
  const submit = page.getByRole('button', { name: 'Submit decision…' });
  await expect(submit).toBeDisabled();
  await expect(page.locator('.reasons')).toHaveText(/3 of the criteria still to score: Integrates mathematics/);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a save that fails says so, keeps retrying, holds the assessor on leaving, and recovers', async () => {
  const app = await apps.withSample();
  const { page } = app;
  const item = firstAttemptStem(app);
  await openById(page, app, item.id);
  // The store refuses every draft for a while (the shim looks __assayInvoke up on each call).
  await page.evaluate(() => {
    type Invoke = (channel: string, input: unknown) => Promise<unknown>;
    const g = globalThis as unknown as { __assayInvoke: Invoke; __realInvoke: Invoke };
    g.__realInvoke = g.__assayInvoke;
    g.__assayInvoke = (channel, input) =>
      channel === 'review:saveDraft'
        ? Promise.resolve({ ok: false, error: { code: 'store', message: 'The data folder could not be written.' } })
        : g.__realInvoke(channel, input);
  });
  await page.keyboard.press('3');
  await card(page, 0).getByRole('textbox').fill('Written while the disk was full.');
  await expect(saveStatus(page)).toHaveText(/^Not saved — retrying/);
  await expect(saveStatus(page).getByRole('alert')).toHaveText('The data folder could not be written.');

  // Leaving now would lose the text: the assessor is asked, and stays.
  await card(page, 0).focus();
  await page.keyboard.press('u');
  const ask = page.getByRole('alertdialog', { name: 'Your latest changes are not saved' });
  await expect(ask).toContainText('The data folder could not be written.');
  await ask.getByRole('button', { name: 'Stay on this review' }).click();
  await expect(page.getByRole('region', { name: 'Review workspace' })).toBeVisible();

  await page.evaluate(() => {
    const g = globalThis as unknown as { __assayInvoke: unknown; __realInvoke: unknown };
    g.__assayInvoke = g.__realInvoke;
  });
  await expect(saveStatus(page)).toHaveText('Saved', { timeout: 20_000 });
  expect(Object.values(commentsOf(reviewRow(app, item.id)!)).map((c) => c.text)).toEqual([
    'Written while the disk was full.',
  ]);
});
