// The Library screen on the real handlers: author a micro-credential, version it, import rubrics, add a
// submission by hand, then take it all the way: review, award, and a results package that verifies.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { verifyDetachedCms } from '../../electron/awards/cms-verify.js';
import { verifyResults } from '../../electron/results/verify.js';
import { storeTrust } from '../../electron/awards/trust.js';
import { appsPerTest, checkBothSchemes, screenshot } from './fixtures.js';

const NAME = 'Culturally Responsive Teaching';
const EARNER = 'Ana Lucía Torres';

const apps = appsPerTest();

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
const criterion = (page: Page, n: number) => page.locator('.lib-criterion').nth(n - 1);
const row = (page: Page, name: string) =>
  page.getByRole('table', { name: 'Micro-credentials' }).getByRole('row').filter({ hasText: name });

/** Drops files (known to the harness by name) on an element, as the window would from the desktop. */
async function dropFiles(target: Locator, names: string[]): Promise<void> {
  await target.evaluate((el, fileNames) => {
    type Ctor<T> = new (...args: unknown[]) => T;
    const g = globalThis as unknown as {
      DataTransfer: Ctor<{ items: { add(f: unknown): void } }>;
      File: Ctor<unknown>;
      DragEvent: Ctor<unknown>;
    };
    const dt = new g.DataTransfer();
    for (const n of fileNames) dt.items.add(new g.File(['x'], n));
    const fire = (type: string) =>
      (el as unknown as { dispatchEvent(e: unknown): boolean }).dispatchEvent(
        new g.DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    fire('dragenter');
    fire('dragover');
    fire('drop');
  }, names);
}

/** A Canvas rubric export as a spreadsheet writes it: header, ratings highest first, one criterion scored by range. */
const CANVAS_CSV = [
  'Rubric Name,Criteria Name,Criteria Description,Criteria Enable Range,Rating Name,Rating Description,Rating Points,Rating Name,Rating Description,Rating Points,Rating Name,Rating Description,Rating Points',
  'Family Partnerships,Plans two-way communication,"Families are heard, not only told",false,Strong,Regular two-way contact,2,Partial,Some contact,1,Not yet,No contact,0',
  'Family Partnerships,Uses what families share,,true,Strong,Adapts teaching from it,4,Partial,Mentions it,2,Not yet,,0',
  '',
].join('\r\n');

test('authors a micro-credential, versions it, imports rubrics, adds a submission and takes it to a verified results package', async () => {
  const work = apps.scratch('assay-e2e-library-');
  const app = await apps.launch();
  const { page } = app;

  await nav(page, 'Library');
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No micro-credentials yet' })).toBeVisible();
  await checkBothSchemes(page, 'library-empty');

  // A new micro-credential from the template, with a second criterion and a mistake the save points at.
  await page.getByRole('button', { name: 'New micro-credential' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New micro-credential' })).toBeVisible();
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toBeFocused();
  await name.fill(NAME);
  await page
    .getByRole('textbox', { name: 'Competency statement' })
    .fill('The educator teaches to every student’s cultural strengths and says how.');
  await page
    .getByRole('textbox', { name: 'Criteria narrative' })
    .fill('The evidence shows lessons built on students’ cultures, and what changed for them.');
  await page
    .getByRole('textbox', { name: /^Credit/ })
    .first()
    .fill('15');
  await page.getByRole('textbox', { name: /^Credit unit/ }).fill('professional development hours');
  await page.getByRole('textbox', { name: /^Tags/ }).fill('equity, pedagogy');
  await screenshot(page, 'library-editor-new');
  await criterion(page, 1).getByRole('textbox', { name: 'Criterion' }).fill('Designs culturally responsive lessons');
  await page.getByRole('button', { name: 'Add criterion' }).click();
  const second = criterion(page, 2);
  await expect(second.getByRole('textbox', { name: 'Criterion' })).toBeFocused();
  await page.keyboard.type('Reflects on students’ strengths');
  await second.getByRole('combobox', { name: 'Section it scores' }).selectOption({ label: 'Reflection' });
  await second.getByRole('textbox', { name: 'Points for Not yet' }).fill('-1');
  await second.getByRole('combobox', { name: 'Required level' }).selectOption({ label: 'Proficient (2 points)' });
  await page.getByRole('textbox', { name: /^Points to pass/ }).fill('4');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const bad = second.getByRole('textbox', { name: 'Points for Not yet' });
  await expect(bad).toHaveAttribute('aria-invalid', 'true');
  await expect(bad).toBeFocused();
  await expect(bad).toHaveAccessibleDescription('This must not be negative');
  await expect(page.getByRole('alert')).toContainText(
    'Criterion 2 (Reflects on students’ strengths) › level 1 (Not yet) › points: must not be negative',
  );
  await checkBothSchemes(page, 'library-editor-error');
  await bad.fill('0');
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${NAME}”` })).toBeVisible();
  await expect(row(page, NAME).getByTestId('versions')).toHaveText('1');
  await expect(row(page, NAME).getByRole('button', { name: `Edit ${NAME}` })).toBeFocused();
  await expect(row(page, NAME)).toContainText('This library');
  const id = app.services.library.listAchievements().find((a) => a.name === NAME)!.id;
  const v1 = app.services.library.getAchievement(id).achievement;
  expect(v1).toMatchObject({
    creditsAvailable: 15,
    creditUnit: 'professional development hours',
    tag: ['equity', 'pedagogy'],
    passingPoints: 4,
  });
  expect(v1.resultDescription.map((c) => c.name)).toEqual([
    'Designs culturally responsive lessons',
    'Reflects on students’ strengths',
  ]);
  expect(v1.resultDescription[1]).toMatchObject({
    sectionId: 'reflection',
    requiredLevel: v1.resultDescription[1]!.rubricCriterionLevel[2]!.id,
  });

  // Edit: reorder the criteria and reword the statement; a second version, the first kept.
  await row(page, NAME)
    .getByRole('button', { name: `Edit ${NAME}` })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: `Edit ${NAME}` })).toBeVisible();
  await expect(name).toBeFocused();
  await page
    .getByRole('textbox', { name: 'Competency statement' })
    .fill('The educator builds on every student’s culture and language.');
  await criterion(page, 2).getByRole('button', { name: 'Move Reflects on students’ strengths up' }).click();
  await expect(criterion(page, 1).getByRole('textbox', { name: 'Criterion' })).toHaveValue(
    'Reflects on students’ strengths',
  );
  await expect(
    criterion(page, 1).getByRole('button', { name: 'Move Reflects on students’ strengths down' }),
  ).toBeFocused();
  await criterion(page, 1).getByRole('button', { name: 'Move Exemplary down' }).isDisabled();
  await checkBothSchemes(page, 'library-editor');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(row(page, NAME).getByTestId('versions')).toHaveText('2');
  const v2 = app.services.library.getAchievement(id).achievement;
  expect(v2).toMatchObject({ name: NAME, description: 'The educator builds on every student’s culture and language.' });
  expect(v2.resultDescription[0]!.name).toBe('Reflects on students’ strengths');
  expect(app.services.library.listVersions(id)).toHaveLength(2);

  // Import a Canvas rubric CSV: the draft, its note, then saved.
  const csv = path.join(work, 'family-partnerships.csv');
  fs.writeFileSync(csv, CANVAS_CSV);
  app.setChosenPath('rubric', csv);
  await page.getByRole('button', { name: 'Import rubrics…' }).click();
  const imp = page.getByRole('dialog', { name: 'One rubric to import' });
  await expect(imp).toContainText('Family Partnerships');
  await expect(imp).toContainText('2 criteria, up to 3 levels');
  await expect(imp.getByRole('list', { name: 'Notes on Family Partnerships' })).toContainText(
    'Canvas scored "Uses what families share" by point ranges',
  );
  // Canvas has no pass rule to carry: the import names what is missing, and so does the list once saved.
  await expect(imp.getByRole('list', { name: 'Notes on Family Partnerships' })).toContainText(
    'Rubric "Family Partnerships" has no pass rule: set a required level on at least one criterion or passing points',
  );
  await checkBothSchemes(page, 'library-import');
  await imp.getByRole('button', { name: 'Save 1 rubric' }).click();
  await expect(imp).toHaveCount(0);
  await expect(row(page, 'Family Partnerships').getByTestId('versions')).toHaveText('1');
  await expect(row(page, 'Family Partnerships').getByTestId('no-pass-rule')).toContainText('No pass rule');
  await expect(row(page, NAME).getByTestId('no-pass-rule')).toHaveCount(0);
  await checkBothSchemes(page, 'library-list');

  // Export the rubric as CASE 1.1.
  const casePath = path.join(work, 'crt.case.json');
  app.setChosenPath('case-export', casePath);
  await row(page, NAME)
    .getByRole('button', { name: `Export as CASE 1.1… ${NAME}` })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'CASE 1.1 package written' })).toBeVisible();
  expect(JSON.parse(fs.readFileSync(casePath, 'utf8'))).toHaveProperty('CFRubrics');

  // Add a submission by hand: one file chosen, one dropped, a link.
  const plan = path.join(work, 'unit plan.pdf');
  const journal = path.join(work, 'reflection journal.pdf');
  fs.writeFileSync(plan, '%PDF-1.7 unit plan');
  fs.writeFileSync(journal, '%PDF-1.7 reflection journal');
  await row(page, NAME)
    .getByRole('button', { name: `Add a submission… to ${NAME}` })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a submission' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(EARNER);
  await page.getByRole('textbox', { name: /^Email/ }).fill('ana.torres@school.example');
  await page.getByRole('textbox', { name: /^School or organisation/ }).fill('Escuela Bilingüe Norte');
  await page.getByLabel(/^Review due/).fill('2026-12-15');
  const overview = page.getByRole('group', { name: 'Overview questions' });
  await overview.getByRole('textbox', { name: 'Written response' }).fill('Fourth grade, bilingual class of 24.');
  const examples = page.getByRole('group', { name: 'Work examples' });
  app.setChosenPath('evidence', plan);
  await examples.getByRole('button', { name: 'Choose a file…' }).click();
  await expect(examples.getByRole('textbox', { name: 'Name of unit plan.pdf, as the assessor sees it' })).toHaveValue(
    'unit plan',
  );
  await examples.getByRole('button', { name: 'Add a link' }).click();
  await examples.getByRole('textbox', { name: 'Link address' }).fill('https://video.example.org/lesson-7');
  await examples.getByRole('textbox', { name: 'Link name' }).fill('Lesson video');
  const reflection = page.getByRole('group', { name: 'Reflection' });
  await app.setDropPath('reflection journal.pdf', journal);
  await dropFiles(page.getByTestId('drop-reflection'), ['reflection journal.pdf']);
  await expect(
    reflection.getByRole('textbox', { name: 'Name of reflection journal.pdf, as the assessor sees it' }),
  ).toHaveValue('reflection journal');
  // The drop was evidence, not a package to import.
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await checkBothSchemes(page, 'library-add-submission');
  await page.getByRole('button', { name: 'Add submission' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Added the submission from ${EARNER}` })).toBeVisible();
  await checkBothSchemes(page, 'library-submission-added');
  await page.getByRole('button', { name: 'Go to the queue' }).click();
  const grid = page.getByRole('grid', { name: 'Submissions' });
  await expect(grid.getByRole('gridcell', { name: EARNER })).toBeVisible();
  const item = app.services.queue.list({ search: 'Torres' }).items[0]!;
  expect(item).toMatchObject({ achievementId: id, status: 'pending' });

  // Score it in the review workspace: the top level of each criterion, then submit.
  await grid.getByRole('row').filter({ hasText: EARNER }).click();
  await expect(page.getByRole('region', { name: 'Review workspace' })).toBeVisible();
  for (let i = 0; i < 2; i++)
    await page
      .locator(`.criterion[data-criterion-index="${i}"]`)
      .getByRole('radio', { name: /^Exemplary,/ })
      .click();
  await page.getByRole('button', { name: 'Submit decision…' }).click();
  await page
    .getByRole('dialog', { name: 'Submit this review?' })
    .getByRole('button', { name: 'Submit', exact: true })
    .click();
  await expect(page.locator('.state-banner')).toContainText(/Submitted on .+, Pass/);

  // Award it (the identity is made through the same channel Settings uses), then the results package.
  await page.evaluate(() =>
    (globalThis as unknown as { api: Record<string, (i: unknown) => Promise<unknown>> }).api['identity:create']!({
      name: 'Escuela Bilingüe Norte PD',
      url: 'https://pd.norte.example.org',
    }),
  );
  await nav(page, 'Awards');
  const band = page.getByRole('region', { name: 'Ready to issue' });
  await expect(band).toContainText(EARNER);
  await band.getByRole('button', { name: 'Issue the award' }).click();
  await expect(
    page.getByRole('table', { name: 'Issued awards' }).getByRole('row').filter({ hasText: EARNER }),
  ).toContainText('Active');

  await nav(page, 'Settings');
  const results = path.join(work, 'results');
  app.setChosenPath('results-folder', results);
  await page.getByRole('button', { name: 'Export results package…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Results package written' })).toContainText(
    '1 submission · 1 award',
  );
  const verdict = await verifyResults(results, verifyDetachedCms, {
    trust: storeTrust(app.services.db, app.services.dataDir),
  });
  expect(verdict, verdict.ok ? '' : verdict.reason).toMatchObject({ ok: true, submissions: 1 });
});

test('a drop outside a section’s evidence area is neither evidence nor a package import', async () => {
  const work = apps.scratch('assay-e2e-library-drop-');
  const app = await apps.launch();
  const { page } = app;
  const id = await page.evaluate(async () => {
    const api = (
      globalThis as unknown as { api: Record<string, (i?: unknown) => Promise<{ ok: boolean; value: unknown }>> }
    ).api;
    const t = (await api['library:template']!({ name: 'Inquiry in Science' })).value as { id: string };
    await api['library:save']!({ achievement: t });
    return t.id;
  });
  expect(app.services.library.getAchievement(id).achievement.name).toBe('Inquiry in Science');
  await nav(page, 'Library');
  await row(page, 'Inquiry in Science')
    .getByRole('button', { name: 'Add a submission… to Inquiry in Science' })
    .click();
  const file = path.join(work, 'notes.pdf');
  fs.writeFileSync(file, '%PDF-1.7');
  await app.setDropPath('notes.pdf', file);
  await dropFiles(page.getByRole('textbox', { name: 'Name', exact: true }), ['notes.pdf']);
  await expect(page.getByRole('textbox', { name: /^Name of notes\.pdf/ })).toHaveCount(0);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  // The form in progress survives a visit to another screen.
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Sam Okafor');
  await nav(page, 'Queue');
  await nav(page, 'Library');
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Sam Okafor');
  // Nothing to review yet: the backend says what is missing, next to the form.
  await page.getByRole('button', { name: 'Add submission' }).click();
  await expect(page.getByRole('alert')).toContainText('has no response, file or link');
});

test('a rubric without a pass rule: the library says so, and the review workspace refuses to decide', async () => {
  const work = apps.scratch('assay-e2e-library-rule-');
  const app = await apps.launch({ open: false });
  // A library rubric whose one criterion has no required level, and no points to pass; a submission of it.
  const library = app.services.library;
  const rubric = library.newAchievementTemplate('Reading Workshop');
  delete rubric.resultDescription[0]!.requiredLevel;
  expect(library.saveAchievement(rubric).warnings).toEqual([
    'Rubric "Reading Workshop" has no pass rule: set a required level on at least one criterion or passing points',
  ]);
  const plan = path.join(work, 'plan.pdf');
  fs.writeFileSync(plan, '%PDF-1.7 plan');
  const added = await library.addSubmission({
    achievementId: rubric.id,
    earner: { name: 'Sam Okafor' },
    responses: [],
    files: [{ path: plan, sectionId: 'work-examples', name: 'Plan' }],
  });
  await app.open();
  const { page } = app;

  await nav(page, 'Library');
  const missing = row(page, 'Reading Workshop').getByTestId('no-pass-rule');
  await expect(missing).toContainText('No pass rule');
  await expect(missing).toContainText('set a required level on at least one criterion, or points to pass');
  // The editor says so while it applies, and stops once a required level is chosen.
  await row(page, 'Reading Workshop').getByRole('button', { name: 'Edit Reading Workshop' }).click();
  const note = page.getByTestId('editor-no-pass-rule');
  await expect(note).toContainText('This rubric has no pass rule.');
  await criterion(page, 1)
    .getByRole('combobox', { name: 'Required level' })
    .selectOption({ label: 'Proficient (2 points)' });
  await expect(note).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(row(page, 'Reading Workshop').getByTestId('no-pass-rule')).toBeVisible();

  // The workspace: scored at the lowest level, it gives the reason and neither submits nor overrides.
  await nav(page, 'Queue');
  await page.getByRole('grid', { name: 'Submissions' }).getByRole('row').filter({ hasText: 'Sam Okafor' }).click();
  await expect(page.getByRole('region', { name: 'Review workspace' })).toBeVisible();
  await page
    .locator('.criterion[data-criterion-index="0"]')
    .getByRole('radio', { name: /^Not yet,/ })
    .click();
  const footer = page.locator('footer.decision');
  await expect(footer.getByTestId('verdict')).toHaveText('No pass rule');
  await expect(footer).toContainText(
    'Rubric "Reading Workshop" has no pass rule: set a required level on at least one criterion or passing points',
  );
  await expect(footer.getByRole('button', { name: 'Submit decision…' })).toBeDisabled();
  await expect(footer.getByRole('button', { name: 'Override decision…' })).toBeDisabled();
  await expect(page.locator('.save-status')).toHaveText('Saved');
  // The main process refuses too: the channel itself will not record a decision.
  const refused = await page.evaluate(
    (submissionId) =>
      (globalThis as unknown as { api: Record<string, (i: unknown) => Promise<unknown>> }).api['review:submit']!({
        submissionId,
        confirmed: true,
      }),
    added.id,
  );
  expect(refused).toMatchObject({
    ok: false,
    error: { code: 'scoring', message: expect.stringContaining('Rubric "Reading Workshop" has no pass rule') },
  });
  expect(app.services.queue.list({ search: 'Okafor' }).items[0]).toMatchObject({ status: 'in-progress' });
  await checkBothSchemes(page, 'review-no-pass-rule');
});
