// The coordinator's round on the real backend, as a coordinator walks it: a panel of three assessors (the sample
// package with seeds, scored by scripted assessors, one a level harsh; test/support/panel.ts) sends its signed
// results packages; a tampered copy is refused by name and reason; the harsh assessor is found by the flags; the
// charts have text alternatives, their numbers as tables, and export as PNG and CSV; a sample is drawn by rules
// with its seed shown; second-reading packages go out per reader and come back scored; a split is adjudicated
// beside both readings and the teacher's evidence (read from the round's package: the overview, and a PDF whose
// text is read in the viewer); the final package is exported and passes the real verification. Axe finds nothing
// on the screen in light and dark.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { FileArtifact, Manifest, Submission } from '../../shared/schemas/review-package.js';
import { buildPanel, secondRead, type Panel } from '../support/panel.js';
import { appsPerTest, checkBothSchemes, dropOnWindow, SCREENSHOTS } from './fixtures.js';

const apps = appsPerTest();

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Presses a control with the keyboard (focus, then Enter): the screen is worked without a mouse. */
async function press(control: Locator): Promise<void> {
  await control.focus();
  await expect(control).toBeFocused();
  await control.press('Enter');
}

/** "Open a package…" with the system dialog answering `dir`. */
async function openPackage(page: Page, setPath: (p: string) => void, dir: string): Promise<void> {
  setPath(dir);
  await press(page.getByRole('button', { name: 'Open a package…' }));
}

/** A copy of a results package with one byte of its decisions changed (its checksum no longer holds). */
function tampered(results: string, into: string): string {
  const dir = path.join(into, 'Tampered results');
  fs.cpSync(results, dir, { recursive: true });
  const csv = path.join(dir, 'decisions.csv');
  const bytes = fs.readFileSync(csv);
  const at = bytes.indexOf(0x2c); // the first comma: a field boundary moves
  bytes[at] = 0x3b;
  fs.writeFileSync(csv, bytes);
  return dir;
}

let panel: Panel | undefined;
test.afterAll(() => panel?.dispose());

/** A submission of the round's review package, as its manifest gives it. */
function roundSubmission(submissionId: string): Submission {
  const manifest = JSON.parse(fs.readFileSync(path.join(panel!.reviewPackage, 'manifest.json'), 'utf8')) as Manifest;
  return manifest.submissions.find((x) => x.id === submissionId)!;
}

/** Changes one bit of a submission's first evidence file in the round's package (size kept); returns how to undo it. */
function changeEvidenceFile(submissionId: string): { file: string; putBack: () => void } {
  const art = roundSubmission(submissionId).artifacts.find((a): a is FileArtifact => 'file' in a)!;
  const target = path.join(panel!.reviewPackage, ...art.file.split('/'));
  const original = fs.readFileSync(target);
  const changed = Buffer.from(original);
  const at = changed.length >> 1;
  changed[at] = changed[at]! ^ 0x01;
  fs.writeFileSync(target, changed);
  return { file: art.file, putBack: () => fs.writeFileSync(target, original) };
}

/**
 * The adjudicator reads what the teacher submitted beside the readings: the overview as written, then the first PDF
 * opened from its card by keyboard, its first page's text read in the viewer (served from the round's package).
 */
async function readEvidence(page: Page, submissionId: string, earner: string): Promise<void> {
  const submission = roundSubmission(submissionId);
  const evidence = page.getByTestId('adjudication-evidence');
  await expect(evidence.getByRole('heading', { name: `What ${earner} submitted` })).toBeVisible();
  await expect(evidence).toContainText(`Read from the round’s review package “${path.basename(panel!.reviewPackage)}”`);
  const pane = evidence.getByRole('region', { name: 'Evidence', exact: true });
  const overview = submission.responses!.find((r) => r.sectionId === 'overview')!.text;
  await expect(pane).toContainText(overview.slice(0, 120));
  await checkBothSchemes(page, 'coordination-adjudicate-evidence');
  const pdf = submission.artifacts.find((a): a is FileArtifact => 'file' in a && a.mediaType === 'application/pdf')!;
  await press(pane.getByRole('button', { name: pdf.name }));
  await expect(pane.getByRole('heading', { name: pdf.name })).toBeVisible();
  // The PDF's own words, drawn by pdf.js from the bytes the package holds (the sample's documents say who wrote them).
  await expect(pane.locator('.pdf-page[data-page="1"] .textLayer')).toContainText('Prepared by');
}

/** The whole round: a split reaches the adjudication queue, every queued decision is adjudicated, the final package verifies. */
async function coordinatorRound(): Promise<void> {
  panel = await buildPanel();
  // Two of the three results packages arrive by drag and drop (the window's drop, as from the file manager).
  const app = await apps.launch({ dropPaths: panel.assessors.slice(1).map((a) => a.results) });
  const { page } = app;
  const choose = (p: string) => app.setChosenPath('coordination-package', p);
  // The coordinator signs the final package with the store's issuer identity (the Settings spec covers the dialog).
  await page.evaluate(() =>
    (globalThis as unknown as { api: Record<string, (i: unknown) => Promise<unknown>> }).api['identity:create']!({
      name: 'Northfield Teaching Council, quality lead',
      url: 'https://quality.northfield.example.org',
    }),
  );

  // Reachable from the navigation by keyboard; empty until something is opened.
  await press(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Coordination' }));
  const screen = page.getByRole('region', { name: 'Coordination' });
  await expect(screen.getByRole('heading', { name: 'Nothing opened yet' })).toBeVisible();
  await checkBothSchemes(page, 'coordination-empty');

  // The round's review package, then a tampered results package: refused by name and reason, nothing opened.
  await openPackage(page, choose, panel.reviewPackage);
  await expect(page.getByRole('status').filter({ hasText: 'Opened and verified' })).toBeVisible();
  const bad = tampered(panel.assessors[0]!.results, apps.scratch('assay-e2e-coord-'));
  await openPackage(page, choose, bad);
  const refusal = page.getByTestId('coordination-refused');
  await expect(refusal).toContainText('Tampered results was refused:');
  await expect(refusal).toContainText('decisions.csv');
  await expect(refusal).toContainText('Nothing was opened');

  // The panel's three signed results packages: the first chosen, the other two dropped on the window together.
  const [first, ...dropped] = panel.assessors;
  await openPackage(page, choose, first!.results);
  await expect(page.getByRole('status').filter({ hasText: path.basename(first!.results) })).toBeVisible();
  // An opening runs on a worker thread and can be stopped: held once the first of the two dropped packages is
  // checked (a gate in shared memory, no timing), Stop is pressed while it provably runs; nothing of it is kept.
  const gate = app.services.jobs.holdNext('coordination-open', 1);
  await dropOnWindow(
    page,
    'drop',
    dropped.map((a) => path.basename(a.results)),
  );
  await expect(page.getByRole('status').filter({ hasText: 'Checked 1 of 2 packages' })).toBeVisible();
  await press(page.getByRole('button', { name: 'Stop opening the packages (nothing of them is kept)' }));
  await expect(page.getByRole('alert').filter({ hasText: 'The opening of packages was cancelled' })).toBeVisible();
  gate.release();
  await expect(page.getByRole('button', { name: /Stop opening/ })).toHaveCount(0);
  expect(app.services.db.prepare('SELECT count(*) FROM coord_results').pluck().get()).toBe(1);
  // Dropped again, they open.
  await dropOnWindow(
    page,
    'dragover',
    dropped.map((a) => path.basename(a.results)),
  );
  await expect(page.getByText('Drop packages to open them in the coordination')).toBeVisible();
  await dropOnWindow(
    page,
    'drop',
    dropped.map((a) => path.basename(a.results)),
  );
  await expect(page.getByText('Drop packages to open them in the coordination')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Opened and verified' })).toHaveText(
    `Opened and verified: ${dropped.map((a) => path.basename(a.results)).join(', ')}.`,
  );
  const packages = page.getByTestId('coordination-packages');
  for (const a of panel.assessors) await expect(packages.getByRole('row', { name: new RegExp(a.name) })).toBeVisible();

  // The harsh one, by the flags: flagged in words, the fair ones not.
  const harsh = panel.assessors.find((a) => a.severity < 0)!;
  const flags = page.getByTestId('coordination-flags').getByRole('listitem');
  await expect(flags.filter({ hasText: harsh.name }).filter({ hasText: 'Severe or lenient' })).toBeVisible();
  for (const a of panel.assessors.filter((x) => x.severity === 0))
    await expect(flags.filter({ hasText: a.name })).toHaveCount(0);
  const assessors = page.getByTestId('coordination-assessors');
  const harshRow = assessors.getByRole('row').filter({ has: page.getByRole('rowheader', { name: harsh.name }) });
  await expect(harshRow).toContainText('Severe or lenient');
  await expect(harshRow).toContainText('(severe)');

  // Each chart: a picture named by its title and described in words, its numbers as a table, PNG and CSV.
  for (const [id, title] of [
    ['chart-agreement', 'Exact agreement per criterion'],
    ['chart-drift', 'Drift per assessor'],
    ['chart-throughput', 'Reviews per day per assessor'],
  ] as const) {
    const figure = page.getByTestId(id);
    const picture = figure.getByRole('img', { name: title });
    await expect(picture).toBeVisible();
    expect((await picture.getAttribute('aria-describedby')) ?? '').not.toBe('');
    // The numbers as a table, behind a disclosure button that says which chart's they are.
    const numbers = figure.getByRole('button', { name: `Numbers of “${title}” as a table` });
    await expect(numbers).toHaveAttribute('aria-expanded', 'false');
    await expect(figure.getByRole('table')).toHaveCount(0);
    await press(numbers);
    await expect(numbers).toHaveAttribute('aria-expanded', 'true');
    await expect(figure.getByRole('table', { name: `${title}: the numbers` })).toBeVisible();
    expect(await figure.getByRole('table').getByRole('row').count()).toBeGreaterThan(1);
    await press(numbers);
    await expect(figure.getByRole('table')).toHaveCount(0);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await figure.screenshot({ path: path.join(SCREENSHOTS, `coordination-${id}.png`) });
  }
  await expect(page.getByTestId('chart-drift').locator('figcaption')).toContainText(
    `Furthest from the reference at the end: ${harsh.name}`,
  );
  const exportsDir = apps.scratch('assay-e2e-charts-');
  const png = path.join(exportsDir, 'drift.png');
  app.setChosenPath('chart-png', png);
  await press(page.getByRole('button', { name: 'Export “Drift per assessor” as PNG' }));
  await expect(page.getByTestId('chart-drift').getByRole('status')).toHaveText('PNG saved as drift.png.');
  expect([...fs.readFileSync(png).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  const csv = path.join(exportsDir, 'agreement.csv');
  app.setChosenPath('chart-csv', csv);
  await press(page.getByRole('button', { name: 'Export “Exact agreement per criterion” as CSV' }));
  await expect(page.getByTestId('chart-agreement').getByRole('status')).toHaveText('CSV saved as agreement.csv.');
  const csvLines = fs.readFileSync(csv, 'utf8').split('\r\n');
  expect(csvLines[0]).toBe('Criterion,Exact agreement,Adjacent agreement,QWK,n');
  expect(csvLines.length).toBeGreaterThan(2);
  await press(page.getByTestId('chart-agreement').getByRole('button', { name: 'Numbers' }));
  await expect(page.getByTestId('chart-agreement').getByRole('table')).toBeVisible();

  // One assessor's drift per criterion (coordination:drift): a line per criterion, the criteria in the table.
  const drift = page.getByTestId('chart-drift');
  await drift.getByLabel('Lines').selectOption({ label: `${harsh.name}, per criterion` });
  await expect(drift.locator('figcaption')).toContainText(
    new RegExp(
      `^${harsh.name}: mean deviation per criterion over a rolling window of 20 items, \\d+ (of \\d+ )?criteri`,
    ),
  );
  await press(drift.getByRole('button', { name: 'Numbers' }));
  const driftTable = drift.getByRole('table');
  await expect(driftTable.getByRole('columnheader').first()).toHaveText('Criterion');
  // Every value in the harsh assessor's lines is a level below the reference.
  const values = await driftTable.locator('tbody tr td:nth-child(3)').allTextContents();
  expect(values.length).toBeGreaterThan(0);
  expect(new Set(values)).toEqual(new Set(['−1.00']));

  await checkBothSchemes(page, 'coordination-overview');
  await drift.getByLabel('Lines').selectOption({ label: 'Each assessor, all criteria' });
  await expect(drift.locator('figcaption')).toContainText(`Furthest from the reference at the end: ${harsh.name}`);

  // The sample: every not-yet on attempt 2 (the last here), every decision near the cut, half the passes, with a
  // seed of ours that is shown with it (the seed the service's own test draws a split with, from the same panel).
  const rules = page.getByRole('form', { name: 'Sampling rules' });
  await rules.getByLabel('The last attempt allowed').fill('2');
  await rules.getByLabel('Random share of the passes (%)').fill('50');
  await rules.getByLabel(/Random seed/).fill('autumn-2026');
  await press(rules.getByRole('button', { name: 'Draw the sample' }));
  const sample = page.getByTestId('coordination-sample');
  await expect(sample.getByTestId('sample-seed')).toHaveText('Seed autumn-2026');
  await expect(sample.getByRole('table', { name: 'Decisions chosen for second reading' })).toBeVisible();

  // One second-reading package per reader, into a folder; each reader scores theirs and sends results back.
  const outbox = apps.scratch('assay-e2e-second-');
  app.setChosenPath('second-readings-folder', outbox);
  await press(sample.getByRole('button', { name: 'Export second-reading packages…' }));
  await expect(page.getByTestId('second-reading-exports').getByRole('row')).not.toHaveCount(0);
  const returned = await secondRead(panel, outbox);
  expect(returned.length).toBeGreaterThan(0);
  const summary = page.getByTestId('reconciliation-summary');
  for (const r of returned) {
    // Each package brings readings back: the counts change once it is opened (then the next may be chosen).
    const before = await summary.innerText();
    choose(r);
    await press(page.getByRole('button', { name: 'Open returned readings…' }));
    await expect(summary).not.toHaveText(before);
  }
  await expect(summary).toContainText(/[1-9]\d* to adjudicate/);

  // The adjudication queue: a split, settled beside both readings, with reasons and the adjudicator's name.
  const queue = page.getByTestId('adjudication-queue');
  await expect(queue.getByRole('row').filter({ hasText: 'The readers reached different decisions' })).not.toHaveCount(
    0,
  );
  for (let round = 0; round < 50 && (await queue.count()) > 0; round++) {
    // The header row and one per decision waiting.
    const waiting = (await queue.getByRole('row').count()) - 1;
    // The first row is the queue's first decision (the service's order).
    const queued = (await app.services.coordination()).adjudicationQueue()[0]!;
    // The first time, a file of the round's package changed since it was opened: refused by package and file name,
    // nothing of the evidence shown; put back, it is read again.
    const changed = round === 0 ? changeEvidenceFile(queued.submissionId) : null;
    await press(queue.getByRole('button', { name: /^Adjudicate: / }).first());
    const workspace = page.getByTestId('adjudication-workspace');
    const form = page.getByTestId('adjudication-form');
    await expect(workspace.getByRole('heading', { name: /^Adjudicate / })).toBeFocused();
    if (changed) {
      const evidence = page.getByTestId('adjudication-evidence');
      const refusal = evidence.getByRole('alert');
      await expect(refusal).toContainText(`The round's review package “${path.basename(panel.reviewPackage)}”`);
      await expect(refusal).toContainText(`${changed.file} no longer matches its SHA-256 in the manifest`);
      await expect(evidence.getByRole('region', { name: 'Evidence', exact: true })).toHaveCount(0);
      changed.putBack();
      await press(evidence.getByRole('button', { name: 'Read the evidence again' }));
      await expect(evidence.getByRole('heading', { name: `What ${queued.earnerName} submitted` })).toBeFocused();
      await readEvidence(page, queued.submissionId, queued.earnerName);
    }
    // The second reader's levels and decision, taken as the final ones.
    const rows = form.getByRole('table').getByRole('row');
    const n = await rows.count();
    for (let i = 1; i < n; i++) {
      const row = rows.nth(i);
      const second = (await row.getByRole('cell').nth(1).locator('strong').innerText()).trim();
      await row.getByRole('radio', { name: second, exact: true }).check();
    }
    const secondCard = form.locator('.qa-fact').nth(1);
    const decision = (await secondCard.locator('.badge').innerText()).trim();
    await form.getByRole('group', { name: 'Final decision' }).getByRole('radio', { name: decision }).check();
    await form.getByLabel('Reasons').fill('The evidence on page 2 meets the second reader’s levels.');
    await form.getByLabel('Adjudicator').fill('Jordan Quality');
    if (round === 0) await checkBothSchemes(page, 'coordination-adjudicate');
    await press(form.getByRole('button', { name: 'Record the final decision' }));
    await expect(form).toHaveCount(0);
    // The queue asked again: one fewer waiting (or none, and the queue gone).
    if (waiting === 1) await expect(queue).toHaveCount(0);
    else await expect(queue.getByRole('row')).toHaveCount(waiting);
  }
  await expect(summary).toContainText(' 0 to adjudicate');

  // The final package: written, then verified by the real verifier.
  const finalDir = path.join(apps.scratch('assay-e2e-final-'), 'final');
  fs.mkdirSync(finalDir);
  app.setChosenPath('results-folder', finalDir);
  await press(page.getByRole('button', { name: 'Export the final package…' }));
  await expect(page.getByTestId('final-result')).toContainText('Written:');
  const verdict = await app.services.results.verify(finalDir, []);
  expect(verdict.ok, verdict.ok ? '' : verdict.reason).toBe(true);
  // Awards only for final passes: one certificate for each, none for any other decision; the screen says how many.
  const final = JSON.parse(fs.readFileSync(path.join(finalDir, 'results.json'), 'utf8')) as {
    submissions: { outcome: string; awards?: { certificate?: string }[] }[];
  };
  const passed = final.submissions.filter((x) => x.outcome === 'passed');
  expect(passed.length).toBeGreaterThan(0);
  expect(final.submissions.filter((x) => x.awards && x.outcome !== 'passed')).toEqual([]);
  expect(passed.every((x) => x.awards?.length === 1 && x.awards[0]!.certificate)).toBe(true);
  expect(fs.readdirSync(path.join(finalDir, 'awards')).filter((f) => f.endsWith('.pdf'))).toHaveLength(passed.length);
  await expect(page.getByTestId('final-result')).toContainText(
    `Awards for ${passed.length} final pass${passed.length === 1 ? '' : 'es'}: ${passed.length} issued now`,
  );
}

test('a coordinator finds the harsh assessor, samples, second-reads, adjudicates a split and exports the final package', () =>
  coordinatorRound());
