// The workspace's supporting work on the real handlers: comment bank, anchors, recusal, resubmissions, neighbours.
import { expect, test, type Page } from '@playwright/test';
import type { QueueItem } from '../../shared/domain/queue.js';
import { appsPerTest, screenshot } from './fixtures.js';
import { type App } from './harness.js';

const STEM = 'Core STEM Teaching Practices';

const apps = appsPerTest();

const queueItems = (a: App): QueueItem[] => a.services.queue.list({ limit: 1000 }).items;
const stem = (a: App, attempt: number) =>
  queueItems(a).filter((i) => i.achievementName === STEM && i.attempt === attempt);
const card = (page: Page, index: number) => page.locator(`.criterion[data-criterion-index="${index}"]`);
const comment = (page: Page, index: number) => card(page, index).getByRole('textbox');
const commentsOf = (a: App, id: string) =>
  JSON.parse(
    (a.services.db
      .prepare('SELECT r.comments_json FROM reviews r JOIN submissions s ON s.seq = r.submission_seq WHERE s.id = ?')
      .pluck()
      .get(id) as string | undefined) ?? '{}',
  ) as Record<string, { text: string; anchors: { artifactId: string; page?: number }[]; bankIds: number[] }>;

/** Opens a submission from the queue grid (click, then the row), waiting for the workspace. */
async function open(page: Page, a: App, id: string): Promise<void> {
  const name = queueItems(a).find((i) => i.id === id)!.earnerName!;
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Queue' }).click();
  await page.getByRole('grid', { name: 'Submissions' }).getByRole('row').filter({ hasText: name }).click();
  await expect(page.getByRole('region', { name: 'Review workspace' })).toBeVisible();
  await expect(page.locator('.review-earner')).toContainText(name);
}

test('the comment bank saves, inserts by keyboard, and offers to update drafts that used an entry', async () => {
  const app = await apps.withSample();
  const { page } = app;
  const [a, b] = stem(app, 1);
  expect(b).toBeDefined();

  await open(page, app, a!.id);
  await comment(page, 0).fill('The procedure and the variables are still chosen by the teacher.');
  await card(page, 0).getByRole('button', { name: 'Save as reusable comment' }).click();
  const save = page.getByRole('dialog', { name: 'Save as a reusable comment' });
  await expect(save.getByRole('radio', { name: /^This criterion/ })).toBeChecked();
  await save.getByRole('button', { name: 'Save comment' }).click();
  await expect(save).toHaveCount(0);
  const entry = app.services.commentBank.list(queueItems(app).find((i) => i.id === a!.id)!.achievementId)[0]!;
  expect(entry.text).toBe('The procedure and the variables are still chosen by the teacher.');
  await expect.poll(() => Object.values(commentsOf(app, a!.id))[0]?.bankIds).toEqual([entry.id]);

  // Next submission: insert it with Ctrl+Shift+Space, filtered as typed, Enter inserts.
  await open(page, app, b!.id);
  await comment(page, 0).focus();
  await page.keyboard.type('Day 1:');
  await page.keyboard.press('Control+Shift+Space');
  const finder = page.getByRole('combobox', { name: 'Find a saved comment' });
  await expect(finder).toBeFocused();
  await page.keyboard.type('variables teacher');
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await screenshot(page, 'review-bank-insert');
  await page.keyboard.press('Enter');
  await expect(comment(page, 0)).toHaveValue('Day 1: The procedure and the variables are still chosen by the teacher.');
  await expect(comment(page, 0)).toBeFocused();
  await expect.poll(() => Object.values(commentsOf(app, b!.id))[0]?.bankIds).toEqual([entry.id]);

  // Editing the entry: two drafts use it; the assessor is asked, and both change.
  await card(page, 0).getByRole('button', { name: 'Insert saved comment' }).click();
  await page.getByRole('button', { name: 'Manage saved comments…' }).click();
  const manage = page.getByRole('dialog', { name: 'Saved comments' });
  await manage.getByRole('button', { name: /^Edit/ }).click();
  await manage
    .getByRole('textbox')
    .fill('The procedure and the variables are still chosen by the teacher, not the students.');
  await manage.getByRole('button', { name: 'Save', exact: true }).click();
  const ask = page.getByRole('dialog', { name: 'Update draft reviews too?' });
  await expect(ask).toContainText('Also update 2 draft reviews that used it?');
  await expect(ask).toContainText('Submitted reviews never change.');
  await screenshot(page, 'review-bank-update');
  await ask.getByRole('button', { name: 'Also update 2 drafts' }).click();
  await expect(manage.getByRole('status')).toHaveText('Saved comment updated, and 2 draft reviews.');
  await manage.getByRole('button', { name: 'Done' }).click();
  await expect(comment(page, 0)).toHaveValue(
    'Day 1: The procedure and the variables are still chosen by the teacher, not the students.',
  );
  await expect
    .poll(() => Object.values(commentsOf(app, a!.id))[0]?.text)
    .toBe('The procedure and the variables are still chosen by the teacher, not the students.');
});

test('anchors come from the evidence pane and jump back to it', async () => {
  const app = await apps.withSample();
  const { page } = app;
  const item = stem(app, 2)[0]!;
  await open(page, app, item.id);
  const pdf = app.services.db
    .prepare(
      "SELECT a.artifact_id FROM artifacts a JOIN submissions s ON s.seq = a.submission_seq WHERE s.id = ? AND a.media_type = 'application/pdf' ORDER BY a.position",
    )
    .pluck()
    .get(item.id) as string;

  const pane = page.getByRole('region', { name: 'Evidence', exact: true });
  const realViewer = (await page.locator('.ev-pane').count()) > 0;
  if (realViewer) {
    // The evidence viewers have landed: open the lesson plan, go to page 2, anchor the comment there.
    await pane.getByRole('button', { name: /Lesson plan \(revised\)/ }).click();
    await expect(pane.locator('.pdf-page[data-page="1"]')).toHaveAttribute('data-rendered', /.+/);
    const pageNumber = pane.getByRole('textbox', { name: 'Page number' });
    await pane.getByRole('button', { name: 'Next page' }).click();
    await expect(pageNumber).toHaveValue('2');
    await card(page, 0).getByRole('button', { name: 'Anchor to evidence' }).click();
    const chip = card(page, 0).getByRole('button', { name: /^Go to Lesson plan \(revised\), page 2/ });
    await expect(chip).toHaveText('p. 2');
    await expect
      .poll(() => commentsOf(app, item.id)[`${item.achievementId}#inquiry`]?.anchors)
      .toEqual([{ artifactId: pdf, page: 2 }]);
    await screenshot(page, 'review-anchor');

    // Elsewhere in the document, then the chip: back on page 2.
    await pane.getByRole('button', { name: 'Previous page' }).click();
    await expect(pageNumber).toHaveValue('1');
    await chip.click();
    await expect(pageNumber).toHaveValue('2');
    await expect(page.locator('.evidence-slot')).toHaveAttribute(
      'data-last-jump',
      JSON.stringify({ artifactId: pdf, page: 2 }),
    );
    // From the reading view (the PDF closed), the chip opens it at the page.
    await pane.getByRole('button', { name: 'All evidence' }).click();
    await expect(pageNumber).toHaveCount(0);
    await chip.click();
    await expect(pageNumber).toHaveValue('2');
  } else {
    // The placeholder pane has nothing open to anchor to: the button says so instead of adding a chip.
    await card(page, 0).getByRole('button', { name: 'Anchor to evidence' }).click();
    await expect(card(page, 0).getByRole('status')).toHaveText(/Open a document page or a recording/);
    await expect(card(page, 0).getByRole('list', { name: 'Places in the evidence' })).toHaveCount(0);
    // A draft that holds anchors (as the real pane makes them) shows them as chips that call jumpTo.
    await page.evaluate(
      ([id, artifactId, criterionId]) =>
        (globalThis as unknown as { api: { 'review:saveDraft'(i: unknown): Promise<unknown> } }).api[
          'review:saveDraft'
        ]({
          submissionId: id,
          scores: {},
          comments: {
            [criterionId]: {
              text: 'See the driving question.',
              anchors: [
                { artifactId, page: 4, quote: 'driving question is: how can we make water safe' },
                { artifactId, timeSeconds: 192 },
              ],
              bankIds: [],
            },
          },
          feedback: '',
          override: null,
          activeMs: 0,
        }),
      [item.id, pdf, `${item.achievementId}#inquiry`] as const,
    );
    await page.reload();
    await open(page, app, item.id);
    const chips = card(page, 0).getByRole('list', { name: 'Places in the evidence' });
    await expect(chips.getByRole('listitem')).toHaveCount(2);
    await expect(chips).toContainText('p. 4 · “driving question is: how can we…”');
    await expect(chips).toContainText('03:12');
    await chips.getByRole('button', { name: /^Go to .*page 4: driving question/ }).click();
    await expect(page.locator('.evidence-slot')).toHaveAttribute(
      'data-last-jump',
      JSON.stringify({ artifactId: pdf, page: 4, quote: 'driving question is: how can we make water safe' }),
    );
    await chips.getByRole('button', { name: /^Remove anchor 03:12/ }).click();
    await expect(chips.getByRole('listitem')).toHaveCount(1);
    await expect.poll(() => commentsOf(app, item.id)[`${item.achievementId}#inquiry`]?.anchors.length).toBe(1);
  }
});

test('recusal needs a reason, then the submission leaves the open work', async () => {
  const app = await apps.withSample();
  const { page } = app;
  const item = stem(app, 1)[0]!;
  await open(page, app, item.id);
  await card(page, 0)
    .getByRole('radio', { name: /^Proficient,/ })
    .click();
  await page.getByRole('button', { name: 'I know this earner…' }).click();
  const dialog = page.getByRole('dialog', { name: 'I know this earner' });
  await expect(dialog.getByRole('textbox', { name: /Reason/ })).toBeFocused();
  await dialog.getByRole('button', { name: 'Recuse myself' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/needs the reason/);
  await dialog.getByRole('textbox', { name: /Reason/ }).fill('We taught at the same school until 2024.');
  await dialog.getByRole('button', { name: 'Recuse myself' }).click();

  await expect(page.locator('.state-banner')).toContainText('You recused yourself on');
  await expect(page.locator('.state-banner')).toContainText('“We taught at the same school until 2024.”');
  await expect(page.locator('.review-meta .badge')).toHaveText('Recused');
  await expect(page.getByRole('button', { name: 'I know this earner…' })).toHaveCount(0);
  for (const radio of await page.getByRole('radio').all()) await expect(radio).toBeDisabled();
  const open_ = app.services.queue.list({ status: ['pending', 'in-progress'], limit: 1000 }).items.map((i) => i.id);
  expect(open_).not.toContain(item.id);
  await page.getByRole('button', { name: 'Back to the queue' }).click();
  await expect(
    page.getByRole('grid', { name: 'Submissions' }).getByRole('row').filter({ hasText: item.earnerName! }),
  ).toContainText('Recused');
});

test('a resubmission shows the earlier attempt beside each criterion and what changed', async () => {
  const app = await apps.withSample();
  const { page } = app;
  const item = stem(app, 2)[0]!;
  await open(page, app, item.id);
  await expect(page.locator('.review-meta')).toContainText('Resubmission · attempt 2');
  const first = card(page, 0);
  await expect(first.getByRole('list', { name: 'Earlier attempts' })).toContainText(
    'Attempt 1: Developing — “Students asked good questions on Day 1',
  );
  await expect(first.getByRole('radio', { name: /^Developing,/ })).toHaveAccessibleDescription(/Attempt 1/);
  const previous = page.locator('details.previous-item');
  await expect(previous.locator('summary')).toContainText(/Feedback on attempt 1 · Not yet/);
  await expect(previous).toHaveAttribute('open', '');
  await expect(previous).toContainText('does not yet let students investigate');

  await first.focus();
  await page.keyboard.press('3');
  await expect(first.locator('.change')).toHaveText('Up from Developing (attempt 1)');
  await page.keyboard.press('2');
  await expect(first.locator('.change')).toHaveText('Same level as attempt 1');
  await page.keyboard.press('1');
  await expect(first.locator('.change')).toHaveText('Down from Developing (attempt 1)');
  await page.keyboard.press('3');
  await screenshot(page, 'review-resubmission');
  await previous.locator('summary').click();
  await expect(previous).not.toHaveAttribute('open', '');
});

test('previous and next follow the queue order, and the split between panes resizes by keyboard', async () => {
  const app = await apps.withSample();
  const { page } = app;
  const items = queueItems(app);
  await open(page, app, items[1]!.id);
  await expect(page.locator('.step-position')).toHaveText(`2 of ${items.length}`);
  await card(page, 0).focus();
  await page.keyboard.press(']');
  await expect(page.locator('.step-position')).toHaveText(`3 of ${items.length}`);
  await expect(page.locator('.review-earner')).toContainText(items[2]!.earnerName!);
  await card(page, 0).focus();
  await page.keyboard.press('[');
  await expect(page.locator('.review-earner')).toContainText(items[1]!.earnerName!);
  await expect(page.locator('.step-position')).toHaveText(`2 of ${items.length}`);
  await page.keyboard.press('[');
  await expect(page.locator('.review-earner')).toContainText(items[0]!.earnerName!);
  await expect(page.getByRole('button', { name: 'Previous submission' })).toBeDisabled();

  const divider = page.getByRole('separator', { name: 'Resize the evidence and rubric panes' });
  const before = Number(await divider.getAttribute('aria-valuenow'));
  await divider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(divider).toHaveAttribute('aria-valuenow', String(before + 4));
  await page.reload();
  await open(page, app, items[0]!.id);
  await expect(divider).toHaveAttribute('aria-valuenow', String(before + 4));
});

test('regions by keyboard (Alt+1, Alt+2, F6), and single-key shortcuts can be turned off', async () => {
  const app = await apps.withSample();
  const { page } = app;
  await open(page, app, stem(app, 1)[0]!.id);
  const inside = (selector: string) =>
    page.evaluate((sel) => {
      const doc = (
        globalThis as unknown as {
          document: { activeElement: unknown; querySelector(s: string): { contains(n: unknown): boolean } | null };
        }
      ).document;
      return doc.querySelector(sel)?.contains(doc.activeElement) ?? false;
    }, selector);
  await card(page, 1).focus();
  await page.keyboard.press('Alt+1');
  await expect.poll(() => inside('.evidence-slot')).toBe(true);
  await page.keyboard.press('Alt+2');
  await expect(card(page, 1)).toBeFocused();
  await page.keyboard.press('F6');
  await expect.poll(() => inside('.review-head')).toBe(true);
  await page.keyboard.press('F6');
  await expect.poll(() => inside('.evidence-slot')).toBe(true);
  await page.keyboard.press('F6');
  await expect(card(page, 1)).toBeFocused();
  await page.keyboard.press('Shift+F6');
  await expect.poll(() => inside('.evidence-slot')).toBe(true);

  // Turned off in the sheet: letters and digits are left alone, the modified keys still work.
  await page.keyboard.press('Alt+2');
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await sheet.getByRole('switch', { name: 'Single-key shortcuts' }).click();
  await expect(sheet.getByRole('switch', { name: 'Single-key shortcuts' })).toHaveAttribute('aria-checked', 'false');
  await page.keyboard.press('Escape');
  await expect(card(page, 1)).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('3');
  await expect(card(page, 1)).toBeFocused();
  await expect(card(page, 1).getByRole('radio', { checked: true })).toHaveCount(0);
  await page.keyboard.press('Alt+1');
  await expect.poll(() => inside('.evidence-slot')).toBe(true);
});
