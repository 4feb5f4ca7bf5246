// Scoring you can trust, walked as an assessor would, by keyboard, on the real backend: calibration before live
// work (fail, read the rationale, practise again, pass, reach the queue), the queue closed while calibration is
// unmet, a seed scored with no sign that it is one, and a blind second reading shown beside the first only after.
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ACH, manifest, qaSample, submission, writePackage, type Json } from '../support/package-builder.js';
import { appsPerTest, checkBothSchemes, pageText, screenshot } from './fixtures.js';
import type { App } from './harness.js';

const apps = appsPerTest();

const INQUIRY = 'Designs an inquiry-based lesson';
const EVIDENCE = 'Uses evidence of learning';
const live = (count: number) => Array.from({ length: count }, (_, i) => submission(i, undefined));
const calibration = (samples: Json[]) => ({
  calibration: { required: true, minExactAgreement: 0.8, maxNonAdjacent: 0, samples },
});

/** An app whose store holds one package (imported by the real services), opened afterwards. */
async function launchWith(overrides: Json, liveCount = 3): Promise<App> {
  const dir = path.join(apps.scratch('assay-e2e-qa-'), 'Quality package');
  writePackage(dir, manifest({ submissions: live(liveCount), ...overrides }), []);
  const app = await apps.launch({ open: false });
  await app.services.importPackage(dir);
  await app.open();
  return app;
}

const isFocused = (locator: Locator) =>
  locator.evaluate(
    (el) => (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === el,
  );

/** Presses Tab until `target` has focus (no mouse). */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < max && !(await isFocused(target)); i++) await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

const activeCriterion = (page: Page) =>
  page.evaluate(() => {
    type El = { closest(s: string): { getAttribute(n: string): string | null } | null };
    const doc = (globalThis as unknown as { document: { activeElement: El | null } }).document;
    return doc.activeElement?.closest('[data-criterion-index]')?.getAttribute('data-criterion-index') ?? null;
  });
const card = (page: Page, index: number) => page.locator(`.criterion[data-criterion-index="${index}"]`);

/** Scores every criterion with the digit keys (level numbers, 1-based), then submits with Ctrl+Enter, Enter. */
async function scoreAndSubmit(page: Page, levels: number[]): Promise<void> {
  await expect.poll(() => activeCriterion(page)).toBe('0');
  for (const [i, n] of levels.entries()) {
    await expect.poll(() => activeCriterion(page)).toBe(String(i));
    await page.keyboard.press(String(n));
    await expect(card(page, i).getByRole('radio', { checked: true })).toHaveAttribute('data-level', String(n));
    if (i < levels.length - 1) await page.keyboard.press('j');
  }
  await page.keyboard.press('Control+Enter');
  const confirm = page.getByRole('dialog', { name: 'Submit this review?' });
  await expect(confirm.getByRole('button', { name: 'Submit', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.state-banner')).toContainText(/Submitted on/);
}

/** The comparison table's row for a criterion: its cells' text. */
async function comparisonRow(comparison: Locator, criterion: string): Promise<string[]> {
  const row = comparison
    .getByRole('table', { name: /^Each criterion/ })
    .getByRole('row')
    .filter({ has: comparison.page().getByRole('rowheader', { name: criterion }) });
  return (await row.getByRole('cell').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
}

async function measure(comparison: Locator, name: string): Promise<string[]> {
  const row = comparison
    .getByRole('table', { name: 'Agreement with the reference' })
    .getByRole('row')
    .filter({ has: comparison.page().getByRole('rowheader', { name }) });
  return row.getByRole('cell').allInnerTexts();
}

const calibrationHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Calibration' });
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('calibration: scored one level low it fails with the rationale shown, practised again it passes and the queue opens', async () => {
  const app = await launchWith(
    calibration([qaSample(100, undefined, [3, 3], 'pass'), qaSample(101, undefined, [3, 2], 'not-yet')]),
  );
  const { page } = app;
  // The app opens on calibration, not on the queue.
  await expect(calibrationHeading(page)).toBeVisible();
  await expect(mainNav(page).getByRole('button', { name: 'Calibration' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('calibration-missing')).toContainText(
    'Score and submit 2 more calibration samples (0 of 2 submitted in round 1); 80 % exact agreement is needed.',
  );
  await expect(page.getByText('At least 80 % exact agreement with the definitive levels')).toBeVisible();
  await checkBothSchemes(page, 'quality-calibration-start');

  // Sample 1, one level low on each criterion.
  await tabTo(page, page.getByRole('button', { name: 'Start: practice sample 1 of 2' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.review-eyebrow')).toHaveText('Practice sample 1 of 2');
  await expect(page.getByText(/^Calibration practice: this sample is never awarded/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back to calibration' })).toBeVisible();
  await scoreAndSubmit(page, [2, 2]);

  const comparison = page.getByTestId('comparison');
  await expect(comparison).toBeFocused();
  await expect(comparison.getByRole('heading', { name: 'Your levels beside the definitive score' })).toBeVisible();
  expect(await comparisonRow(comparison, INQUIRY)).toEqual([
    'Developing 1 pt',
    'Proficient 2 pts Why this level: Level 3 for inquiry: the lesson plan on p. 2 shows it.',
    '1 level lower (more severe)',
  ]);
  expect(await comparisonRow(comparison, EVIDENCE)).toEqual([
    'Developing 1 pt',
    'Proficient 2 pts Why this level: Level 3 for evidence: the lesson plan on p. 2 shows it.',
    '1 level lower (more severe)',
  ]);
  expect(await measure(comparison, 'Same level (exact)')).toEqual(['0 % (0 of 2)', '0 % (0 of 2)']);
  expect(await measure(comparison, 'Average lean')).toEqual([
    'one level severe on average',
    'one level severe on average',
  ]);
  expect(await measure(comparison, 'Same decision')).toEqual(['0 % of 1 review', '0 % of 1 review']);
  await checkBothSchemes(page, 'quality-comparison-calibration');

  // On to sample 2 from the comparison, one level low again.
  await tabTo(page, comparison.getByRole('button', { name: 'Next practice sample' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.review-eyebrow')).toHaveText('Practice sample 2 of 2');
  await scoreAndSubmit(page, [2, 1]);
  await expect(comparison).toBeFocused();
  expect(await comparisonRow(comparison, EVIDENCE)).toEqual([
    'Not yet 0 pts',
    'Developing 1 pt Why this level: Level 2 for evidence: the lesson plan on p. 2 shows it.',
    '1 level lower (more severe)',
  ]);
  expect(await measure(comparison, 'Same level (exact)')).toEqual(['0 % (0 of 2)', '0 % (0 of 4)']);
  expect(await measure(comparison, 'Same decision')).toEqual(['100 % of 1 review', '50 % of 2 reviews']);
  expect(await comparison.getByRole('button', { name: 'Next practice sample' }).count()).toBe(0);
  await tabTo(page, comparison.getByRole('button', { name: 'Back to calibration' }));
  await page.keyboard.press('Enter');

  // Failed: what is missing, in words, and the way on.
  await expect(calibrationHeading(page)).toBeVisible();
  const missing = page.getByTestId('calibration-missing');
  await expect(missing).toContainText('Exact agreement is 0 % over 4 criteria; 80 % is needed.');
  await expect(missing).toContainText(`Re-read the rationales for ‘${INQUIRY}’ and ‘${EVIDENCE}’ and practise again.`);
  await expect(page.getByRole('table', { name: 'Practice samples, round 1' })).toContainText('Submitted');
  await expect(page.getByRole('button', { name: 'Go to the queue' })).toHaveCount(0);
  await checkBothSchemes(page, 'quality-calibration-failed');

  await tabTo(page, page.getByRole('button', { name: 'Practice again…' }));
  await page.keyboard.press('Enter');
  const ask = page.getByRole('dialog', { name: 'Practice the samples again?' });
  await expect(ask).toContainText('Round 1 is kept in your record as it is.');
  await expect(ask.getByRole('button', { name: 'Start a new round' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ask).toHaveCount(0);
  const round2 = page.getByRole('table', { name: 'Practice samples, round 2' });
  await expect(round2.getByRole('row')).toHaveCount(3);
  await expect(round2).not.toContainText('Submitted');

  // Round 2, the definitive levels this time.
  await tabTo(page, page.getByRole('button', { name: 'Start: practice sample 1 of 2' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.review-eyebrow')).toHaveText('Practice sample 1 of 2');
  // A new round: the sample opens unscored.
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
  await scoreAndSubmit(page, [3, 3]);
  await expect(comparison).toBeFocused();
  expect(await comparisonRow(comparison, INQUIRY)).toEqual([
    'Proficient 2 pts',
    'Proficient 2 pts Why this level: Level 3 for inquiry: the lesson plan on p. 2 shows it.',
    'Same level',
  ]);
  await tabTo(page, comparison.getByRole('button', { name: 'Next practice sample' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.review-eyebrow')).toHaveText('Practice sample 2 of 2');
  await scoreAndSubmit(page, [3, 2]);
  await expect(comparison).toBeFocused();
  expect(await measure(comparison, 'Same level (exact)')).toEqual(['100 % (2 of 2)', '100 % (4 of 4)']);
  expect(await measure(comparison, 'Average lean')).toEqual([
    'no lean: on the reference on average',
    'no lean: on the reference on average',
  ]);
  // U goes back where the sample came from: the Calibration screen.
  await page.keyboard.press('u');
  await expect(calibrationHeading(page)).toBeVisible();
  await expect(page.getByText(/^Calibration met on .+\. The live queue is open\.$/)).toBeVisible();
  await expect(page.getByTestId('calibration-missing')).toHaveCount(0);
  await screenshot(page, 'quality-calibration-met');

  await tabTo(page, page.getByRole('button', { name: 'Go to the queue' }));
  await page.keyboard.press('Enter');
  const grid = page.getByRole('grid', { name: 'Submissions' });
  await expect(grid.getByRole('row')).toHaveCount(4);
  await expect(grid).toContainText('Teacher 0');
  // Practice samples are never in the queue.
  await expect(grid).not.toContainText('Teacher 100');
  await expect(grid).not.toContainText('Teacher 101');
  // Calibration stays in reach from the navigation.
  await expect(mainNav(page).getByRole('button', { name: 'Calibration' })).toBeVisible();
});

test('the queue is closed while a required calibration is unmet: it says why and offers calibration', async () => {
  const app = await launchWith(calibration([qaSample(100, undefined, [3, 3])]));
  const { page } = app;
  await expect(calibrationHeading(page)).toBeVisible();
  const missing = app.services.quality.gate().calibrations[0]!.missing!;
  expect(missing).toMatch(/^Score and submit 1 more calibration sample/);

  await tabTo(page, mainNav(page).getByRole('button', { name: 'Queue' }));
  await page.keyboard.press('Enter');
  const closed = page.getByTestId('queue-closed');
  await expect(closed.getByRole('heading', { name: 'The queue opens after calibration' })).toBeVisible();
  await expect(closed).toContainText(missing);
  await expect(page.getByRole('grid', { name: 'Submissions' })).toHaveCount(0);
  // Never a raw error: no code, no failure banner.
  const { html } = await pageText(page);
  expect(html).not.toContain('calibration-required');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The backend refuses live work on the same grounds, through the same bridge the screen uses.
  const refused = await page.evaluate(() =>
    (
      globalThis as unknown as { api: { 'queue:list'(q: unknown): Promise<{ ok: boolean; error?: { code: string } }> } }
    ).api['queue:list']({}),
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'calibration-required' } });
  await checkBothSchemes(page, 'quality-queue-closed');

  await tabTo(page, closed.getByRole('button', { name: 'Go to calibration' }));
  await page.keyboard.press('Enter');
  await expect(calibrationHeading(page)).toBeVisible();
});

test('calibration that is advice only leaves the queue open: the app opens on the queue, calibration in the navigation', async () => {
  const app = await launchWith({
    calibration: {
      required: false,
      minExactAgreement: 0.8,
      maxNonAdjacent: 0,
      samples: [qaSample(100, undefined, [3, 3])],
    },
  });
  const { page } = app;
  await expect(page.getByRole('grid', { name: 'Submissions' }).getByRole('row')).toHaveCount(4);
  await mainNav(page).getByRole('button', { name: 'Calibration' }).click();
  await expect(calibrationHeading(page)).toBeVisible();
  await expect(page.getByText('Advice only: the queue is open either way')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Go to the queue' })).toBeVisible();
});

/** Tag, role and attributes of every element under `root`, text left out; ids and content-bearing values masked. */
function domShape(root: Locator): Promise<string> {
  return root.evaluate((el: unknown) => {
    interface N {
      nodeType: number;
      tagName: string;
      attributes: ArrayLike<{ name: string; value: string }>;
      childNodes: ArrayLike<N>;
    }
    // Values that are content (names, dates, positions) or ids; their presence still counts.
    const masked = new Set([
      'id',
      'aria-labelledby',
      'aria-describedby',
      'aria-controls',
      'aria-activedescendant',
      'aria-rowindex',
      'for',
      'style',
      'aria-label',
      'title',
      'value',
      'datetime',
    ]);
    const walk = (n: N, depth: number): string[] => {
      if (n.nodeType !== 1) return [];
      const attrs = Array.from(n.attributes)
        .map((a) => (masked.has(a.name) ? `${a.name}=*` : `${a.name}=${JSON.stringify(a.value)}`))
        .sort()
        .join(' ');
      return [
        `${'  '.repeat(depth)}<${n.tagName.toLowerCase()} ${attrs}>`,
        ...Array.from(n.childNodes).flatMap((c) => walk(c, depth + 1)),
      ];
    };
    return walk(el as N, 0).join('\n');
  });
}

test('a seed is scored like live work with no sign that it is one, and only after submitting is it compared', async () => {
  // The seed sits between live submissions 5 and 6 in the queue's order (soonest due first).
  const at = new Date(Date.UTC(2026, 9, 1) + 5 * 3600_000 + 1800_000).toISOString();
  const due = new Date(Date.UTC(2026, 11, 1) + 5 * 3600_000 + 1800_000).toISOString();
  const app = await launchWith(
    { seeds: { every: 10, samples: [qaSample(200, undefined, [3, 2], 'not-yet', { submittedAt: at, dueAt: due })] } },
    12,
  );
  const { page } = app;
  const seedId = (qaSample(200, undefined, [3, 2]) as { id: string }).id;
  const items = app.services.queue.list({ limit: 100 }).items;
  const seedIndex = items.findIndex((i) => i.id === seedId);
  expect(seedIndex).toBe(6);
  expect(items[5]!.earnerName).toBe('Teacher 5');

  const grid = page.getByRole('grid', { name: 'Submissions' });
  const row = (name: string) => grid.getByRole('row').filter({ hasText: name });
  await expect(row('Teacher 200')).toBeVisible();
  // The queue rows of the seed and of a live submission differ only in content.
  expect(await domShape(row('Teacher 200'))).toBe(await domShape(row('Teacher 5')));
  expect((await pageText(page)).html).not.toMatch(/seed/i);

  // Open the live one by keyboard, then the seed after it: the workspaces differ only in content too.
  await tabTo(page, grid);
  await page.keyboard.press('Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const workspace = page.getByRole('region', { name: 'Review workspace' });
  await expect(page.locator('.review-earner')).toContainText('Teacher 5');
  await expect(page.locator('.step-position')).toHaveText('6 of 13');
  await expect.poll(() => activeCriterion(page)).toBe('0');
  const liveShape = await domShape(workspace);
  await page.keyboard.press(']');
  await expect(page.locator('.review-earner')).toContainText('Teacher 200');
  await expect(page.locator('.step-position')).toHaveText('7 of 13');
  await expect.poll(() => activeCriterion(page)).toBe('0');
  expect(await domShape(workspace)).toBe(liveShape);
  const before = await pageText(page);
  expect(before.html).not.toMatch(/seed|definitive|practice sample|rationale|calibration/i);
  expect(before.attributes.join('\n')).not.toMatch(/seed/i);
  await expect(page.getByTestId('comparison')).toHaveCount(0);

  // Scored like any other; after submitting, the comparison says plainly what it was.
  await scoreAndSubmit(page, [3, 3]);
  const comparison = page.getByTestId('comparison');
  await expect(comparison).toBeFocused();
  await expect(comparison.getByRole('heading', { name: 'This was a seeded sample' })).toBeVisible();
  await expect(comparison).toContainText('It is not awarded and does not count as live work.');
  expect(await comparisonRow(comparison, EVIDENCE)).toEqual([
    'Proficient 2 pts',
    'Developing 1 pt Why this level: Level 2 for evidence: the lesson plan on p. 2 shows it.',
    '1 level higher (more lenient)',
  ]);
  expect(await measure(comparison, 'Same level (exact)')).toEqual(['50 % (1 of 2)', '50 % (1 of 2)']);
  expect(await measure(comparison, 'Average lean')).toEqual([
    '0.5 of a level lenient on average',
    '0.5 of a level lenient on average',
  ]);
  // Seeds have no way to calibration: nothing to go back to.
  await expect(comparison.getByRole('button')).toHaveCount(0);
  await checkBothSchemes(page, 'quality-comparison-seed');

  // A live submission, submitted the same way, shows no comparison: the same call answers null for it.
  await page.keyboard.press('[');
  await expect(page.locator('.review-earner')).toContainText('Teacher 5');
  await scoreAndSubmit(page, [3, 3]);
  const liveAnswer = await page.evaluate(
    (id) =>
      (
        globalThis as unknown as {
          api: { 'quality:comparison'(q: unknown): Promise<{ ok: boolean; value?: unknown }> };
        }
      ).api['quality:comparison']({ submissionId: id }),
    items[5]!.id,
  );
  expect(liveAnswer).toEqual({ ok: true, value: null });
  await expect(page.getByTestId('comparison')).toHaveCount(0);
});

test('a second reading is blind until submitted, then shows the first reader beside it', async () => {
  const s0 = submission(0, undefined) as { id: string };
  const first = {
    submissionId: s0.id,
    assessor: { name: 'Dana Firstreader' },
    decision: 'pass',
    reviewedAt: '2026-11-01T10:00:00Z',
    feedback: 'Strong inquiry design, well evidenced throughout.',
    results: [
      {
        resultDescription: `${ACH}#inquiry`,
        achievedLevel: `${ACH}#inquiry-3`,
        comment: 'The driving question came from the students themselves.',
      },
      {
        resultDescription: `${ACH}#evidence`,
        achievedLevel: `${ACH}#evidence-3`,
        comment: 'Exit tickets sorted by level.',
      },
    ],
  };
  const app = await launchWith({
    secondReading: { of: 'urn:uuid:results-of-first-reader', submissions: [s0.id], firstReadings: [first] },
  });
  const { page } = app;
  const secrets = [
    'Dana',
    'Firstreader',
    first.feedback,
    'driving question came',
    'Exit tickets sorted',
    '2026-11-01T10',
    'results-of-first-reader',
  ];
  const expectBlind = async () => {
    const { html, attributes } = await pageText(page);
    for (const secret of secrets) {
      expect(html, `"${secret}" in the page`).not.toContain(secret);
      expect(attributes.join('\n')).not.toContain(secret);
    }
  };

  const grid = page.getByRole('grid', { name: 'Submissions' });
  await expect(grid.getByRole('row')).toHaveCount(4);
  await expectBlind();

  await tabTo(page, grid);
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(page.locator('.review-earner')).toContainText('Teacher 0');
  await expect.poll(() => activeCriterion(page)).toBe('0');
  // Nothing of the first review: no level chosen, no earlier feedback, no name, comment, decision or time.
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(page.locator('.previous-feedback')).toHaveCount(0);
  await expectBlind();

  await scoreAndSubmit(page, [2, 3]);
  const comparison = page.getByTestId('comparison');
  await expect(comparison).toBeFocused();
  await expect(comparison.getByRole('heading', { name: 'Your levels beside the first reading' })).toBeVisible();
  await expect(comparison).toContainText(
    'This was a second reading. Dana Firstreader read it first; their review was hidden until you submitted yours.',
  );
  await expect(comparison).toContainText(/Dana Firstreader decided Pass on .+2026/);
  await expect(comparison.locator('blockquote')).toHaveText(first.feedback);
  await expect(comparison.getByRole('columnheader', { name: 'Dana Firstreader’s level' })).toBeVisible();
  expect(await comparisonRow(comparison, INQUIRY)).toEqual([
    'Developing 1 pt',
    'Proficient 2 pts Their comment: The driving question came from the students themselves.',
    '1 level lower (more severe)',
  ]);
  expect(await comparisonRow(comparison, EVIDENCE)).toEqual([
    'Proficient 2 pts',
    'Proficient 2 pts Their comment: Exit tickets sorted by level.',
    'Same level',
  ]);
  const decisions = comparison.getByRole('group', { name: 'Decisions' });
  await expect(decisions).toContainText('Your decisionNot yet');
  await expect(decisions).toContainText('First reader’s decisionPass');
  expect(await measure(comparison, 'Same level (exact)')).toEqual(['50 % (1 of 2)', '50 % (1 of 2)']);
  expect(await measure(comparison, 'Same decision')).toEqual(['0 % of 1 review', '0 % of 1 review']);
  await checkBothSchemes(page, 'quality-comparison-second-reading');
});
