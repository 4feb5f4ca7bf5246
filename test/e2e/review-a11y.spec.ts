// The review workspace for everyone: axe (WCAG 2.1 A/AA) light and dark on every state and dialog, and blind review.
import { expect, test, type Page } from '@playwright/test';
import { appsPerTest, checkBothSchemes, pageText, screenshot } from './fixtures.js';
import { type App } from './harness.js';

const STEM = 'Core STEM Teaching Practices';

const apps = appsPerTest();

const card = (page: Page, index: number) => page.locator(`.criterion[data-criterion-index="${index}"]`);

async function openResubmission(a: App, page: Page): Promise<string> {
  const items = a.services.queue.list({ limit: 1000 }).items;
  const index = items.findIndex((i) => i.achievementName === STEM && i.attempt === 2);
  // By position, not by name: in blind review the grid shows none.
  await page
    .getByRole('grid', { name: 'Submissions' })
    .locator(`[role="row"][aria-rowindex="${index + 2}"]`)
    .click();
  const item = items[index]!;
  await expect(page.getByRole('region', { name: 'Review workspace' })).toBeVisible();
  return item.id;
}

test('the workspace and its dialogs pass axe in light and dark', async () => {
  // Seven states, each checked by axe and photographed in both schemes: a ceiling that holds on a loaded machine.
  test.setTimeout(480_000);
  const app = await apps.withSample();
  const { page } = app;
  await openResubmission(app, page);
  await checkBothSchemes(page, 'review-workspace-empty');

  // A review in progress: levels chosen, comments written, an anchor-free draft saving as it goes.
  for (const [i, n] of [3, 2, 3, 2].entries()) {
    await card(page, i).focus();
    await page.keyboard.press(String(n));
  }
  await card(page, 0)
    .getByRole('textbox')
    .fill('Teams now choose their own layers and their own test: see the design decision records on page 3.');
  await card(page, 1)
    .getByRole('textbox')
    .fill('The percent-change calculation is there, but no team used it to justify the redesign.');
  await page
    .getByRole('textbox', { name: 'Feedback to the earner' })
    .fill('Thank you for a much stronger investigation. The mathematics is the next step.');
  await expect(page.locator('.save-status')).toHaveText('Saved');
  await card(page, 1).focus();
  await page.locator('.rubric-scroll').evaluate((el) => {
    (el as unknown as { scrollTop: number }).scrollTop = 0;
  });
  await checkBothSchemes(page, 'review-in-progress');

  await card(page, 1).getByRole('button', { name: 'Insert saved comment' }).click();
  await expect(page.getByRole('combobox', { name: 'Find a saved comment' })).toBeFocused();
  await checkBothSchemes(page, 'review-bank-empty');
  await page.keyboard.press('Escape');

  await card(page, 1).focus();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await checkBothSchemes(page, 'review-shortcuts');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('button', { name: 'Override decision…' }).click();
  const override = page.getByRole('dialog', { name: 'Override the computed decision' });
  await override.getByRole('button', { name: 'Record override' }).click();
  await expect(override.getByRole('alert')).toBeVisible();
  await checkBothSchemes(page, 'review-override');
  await override.getByRole('textbox').fill('Peer critique in the video meets the intent of the criterion.');
  await override.getByRole('button', { name: 'Record override' }).click();

  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('dialog', { name: 'Submit this review?' })).toBeVisible();
  await checkBothSchemes(page, 'review-submit-confirm');
  await page.keyboard.press('Enter');
  await expect(page.locator('.state-banner')).toBeVisible();
  await checkBothSchemes(page, 'review-submitted-final');
});

test('recusal and bank dialogs pass axe', async () => {
  const app = await apps.withSample();
  const { page } = app;
  await openResubmission(app, page);
  await card(page, 0).getByRole('textbox').fill('Clear local phenomenon.');
  await card(page, 0).getByRole('button', { name: 'Save as reusable comment' }).click();
  await checkBothSchemes(page, 'review-bank-save');
  await page.getByRole('button', { name: 'Save comment' }).click();
  await card(page, 0).getByRole('button', { name: 'Insert saved comment' }).click();
  await checkBothSchemes(page, 'review-bank-list');
  await page.getByRole('button', { name: 'Manage saved comments…' }).click();
  await checkBothSchemes(page, 'review-bank-manage');
  await page.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'I know this earner…' }).click();
  await page.getByRole('button', { name: 'Recuse myself' }).click();
  await checkBothSchemes(page, 'review-recuse');
  await page.getByRole('textbox', { name: /Reason/ }).fill('A former colleague.');
  await page.getByRole('button', { name: 'Recuse myself' }).click();
  await expect(page.locator('.state-banner')).toContainText('You recused yourself');
  await checkBothSchemes(page, 'review-recused');
});

test('blind review leaves no trace of the earner in the page, its attributes or its title', async () => {
  const app = await apps.withSample();
  const { page } = app;
  await page.getByRole('switch', { name: 'Blind review' }).click();
  await expect(page.getByRole('switch', { name: 'Blind review' })).toHaveAttribute('aria-checked', 'true');
  const id = await openResubmission(app, page);
  const who = app.services.db
    .prepare(
      'SELECT earner_name AS name, earner_email AS email, earner_organization AS org FROM submissions WHERE id = ?',
    )
    .get(id) as { name: string; email: string; org: string };
  expect(who.name).toBe('Zoë Núñez-Łukasiewicz');

  await expect(page.locator('.meta-blind')).toHaveText('Blind review');
  await expect(page.locator('.review-earner')).toHaveCount(0);
  // Work on it too: comments, the previous attempt's feedback, a bank popover, dialogs.
  await card(page, 0).focus();
  await page.keyboard.press('3');
  await card(page, 0).getByRole('textbox').fill('Teams chose their own filter layers.');
  await expect(page.locator('.save-status')).toHaveText('Saved');
  await card(page, 0).getByRole('button', { name: 'Insert saved comment' }).click();

  const assertNoIdentity = async () => {
    const { html, attributes } = await pageText(page);
    const title = await page.title();
    const traces = [
      who.name,
      who.email,
      who.org,
      ...who.name.split(/[\s-]+/).filter((p) => p.length >= 3),
      who.email.split('@')[0]!,
    ];
    for (const trace of traces) {
      expect(html, `the page shows ${trace}`).not.toContain(trace);
      expect(
        attributes.filter((a) => a.includes(trace)),
        `an attribute holds ${trace}`,
      ).toEqual([]);
      expect(title).not.toContain(trace);
    }
  };
  await expect(page).toHaveTitle(`Review · ${STEM}`);
  await assertNoIdentity();
  await screenshot(page, 'review-blind');
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await assertNoIdentity();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Enter');
  await assertNoIdentity();
});
