// Blind review covers who wrote the evidence: every sample submission, each of its PDFs on every page.
// With blind review on, the DOM's text and every attribute, each page's text layer, find, and the clipboard
// after select-all-copy hold no name, name part, alias, e-mail, local part or organisation; and on the
// canvas, the pixels under each printed name (boxes computed here from pdf.js in Node and Helvetica's own
// metrics, which the page never sees) are covered. One test per submission keeps each well under a minute.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { SUBMISSIONS, type SubmissionDef } from '../../electron/sample/submissions.js';
import { winAnsiSafe } from '../../electron/sample/pdf.js';
import { writeSamplePackage } from '../../electron/sample/sample-package.js';
import { foldForSearch } from '../../shared/domain/text.js';
import { tempDir } from '../support/package-builder.js';
import { pageText, SCREENSHOTS } from './fixtures.js';
import { launchApp, type App } from './harness.js';

test.describe.configure({ mode: 'serial' });

let app: App;
const problems: string[] = [];
let fonts: PDFFont[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const { dir: pkg } = await writeSamplePackage(path.join(tempDir('assay-e2e-redact-'), 'Sample'));
  app = await launchApp({ dataDir: tempDir(), open: false });
  app.page.on('pageerror', (e) => problems.push(e.message));
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  await app.services.importPackage(pkg);
  await app.open();
  await app.page.getByRole('switch', { name: 'Blind review' }).click();
  await expect(app.page.getByRole('switch', { name: 'Blind review' })).toHaveAttribute('aria-checked', 'true');
  const doc = await PDFDocument.create();
  fonts = [await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold)];
});

test.afterAll(async () => {
  const dataDir = app.services.dataDir;
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test.afterEach(() => {
  expect(problems.splice(0), 'errors in the page').toEqual([]);
});

/** Everything that says who the earner is, as the test knows it from the sample generator. */
function tracesOf(def: SubmissionDef): string[] {
  const e = def.earner;
  const names = [e.name, ...(e.pdfName ? [e.pdfName] : [])];
  // Parts: each word of three letters or more; a hyphenated word whole, and its pieces of four letters or more
  // ("Min-jun" is a given name, but "min" alone is a word every lesson plan prints).
  const parts = names.flatMap((n) =>
    n.split(/\s+/u).flatMap((word) => {
      const pieces = word.split('-');
      return [word, ...(pieces.length > 1 ? pieces.filter((p) => p.length >= 4) : [])].filter(
        (p) => Array.from(p).length >= 3 || /\p{Script=Hangul}|\p{Script=Han}/u.test(p),
      );
    }),
  );
  return [...names, ...parts, e.email, e.email.split('@')[0]!, e.organization];
}

/** A trace as a whole word in folded text (accents and case folded, so "NUNEZ" counts as "Núñez"). */
function leaks(text: string, traces: string[]): string[] {
  const folded = foldForSearch(text);
  return traces.filter((t) => {
    const f = foldForSearch(winAnsiSafe(t)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const g = foldForSearch(t).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return [f, g].some((x) => new RegExp(`(?<![\\p{L}\\p{N}])${x}(?![\\p{L}\\p{N}])`, 'u').test(folded));
  });
}

interface NameBox {
  page: number;
  label: string;
  /** In PDF points, y up. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Where the PDF prints the earner's name and school: from pdf.js's items, with Helvetica's widths for the part. */
async function nameBoxes(bytes: Uint8Array, printed: string[]): Promise<NameBox[]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const out: NameBox[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [size = 0, , , , e = 0, f = 0] = (item.transform as number[]).map(Number);
        for (const label of printed) {
          const at = item.str.indexOf(label);
          if (at < 0) continue;
          // Regular or bold: the box spans both, so it holds the glyphs whichever the item is set in.
          const spans = fonts.map((font) => {
            const whole = font.widthOfTextAtSize(item.str, size);
            const k = item.width / whole;
            const a = font.widthOfTextAtSize(item.str.slice(0, at), size) * k;
            return [a, a + font.widthOfTextAtSize(label, size) * k] as const;
          });
          out.push({
            page: n,
            label,
            x0: e + Math.min(...spans.map((s) => s[0])),
            x1: e + Math.max(...spans.map((s) => s[1])),
            y0: f - size * 0.21,
            y1: f + size * 0.72,
          });
        }
      }
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

/** Pixels inside a box of the page's canvas that are not the cover's colour (1 px inset: edges are antialiased). */
async function uncovered(pdfPage: Locator, box: NameBox): Promise<number> {
  return pdfPage.evaluate((el, b) => {
    const canvas = el.querySelector('canvas')!;
    const kx = canvas.width / 612;
    const ky = canvas.height / 792;
    const x = Math.ceil(b.x0 * kx) + 1;
    const y = Math.ceil((792 - b.y1) * ky) + 1;
    const w = Math.floor(b.x1 * kx) - 1 - x;
    const h = Math.floor((792 - b.y0) * ky) - 1 - y;
    const data = canvas.getContext('2d')!.getImageData(x, y, w, h).data;
    let off = 0;
    for (let i = 0; i < data.length; i += 4)
      if (Math.abs(data[i]! - 17) > 2 || Math.abs(data[i + 1]! - 17) > 2 || Math.abs(data[i + 2]! - 17) > 2) off++;
    return w > 0 && h > 0 ? off : -1;
  }, box);
}

async function waitDrawn(pdfPage: Locator): Promise<void> {
  await expect
    .poll(() =>
      pdfPage.evaluate(
        (el) =>
          el.querySelector('canvas') !== null &&
          el.getAttribute('data-text') !== null &&
          el.getAttribute('data-text') === el.closest('.pdf-scroll')?.getAttribute('data-scale'),
      ),
    )
    .toBe(true);
}

interface Clip {
  navigator: { clipboard: { writeText(s: string): Promise<void>; readText(): Promise<string> } };
}

async function copyAll(page: Page, pane: Locator): Promise<string> {
  await page.evaluate(() => (globalThis as unknown as Clip).navigator.clipboard.writeText(''));
  await pane.locator('.pdf-scroll').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');
  return page.evaluate(() => (globalThis as unknown as Clip).navigator.clipboard.readText());
}

for (const def of SUBMISSIONS) {
  test(`blind review: ${def.key}'s PDFs show no trace of the earner`, async () => {
    const { page, services } = app;
    const traces = tracesOf(def);
    const printed = [winAnsiSafe(def.earner.pdfName ?? def.earner.name), winAnsiSafe(def.earner.organization)];
    // The submission, by its earner's e-mail and its PDFs' names (the queue shows no names); its row by position.
    const mine = (
      services.db.prepare('SELECT id, seq FROM submissions WHERE earner_email = ?').all(def.earner.email) as {
        id: string;
        seq: number;
      }[]
    ).filter(({ seq }) => {
      const names = services.db
        .prepare(
          "SELECT name FROM artifacts WHERE submission_seq = ? AND media_type = 'application/pdf' ORDER BY position",
        )
        .all(seq) as { name: string }[];
      return names.map((r) => r.name).join('\n') === def.docs.map((d) => d.name).join('\n');
    });
    expect(mine, `${def.key} is in the store once`).toHaveLength(1);
    const { id, seq } = mine[0]!;
    const all = services.queue.list({ limit: 1000, blind: true }).items;
    const index = all.findIndex((i) => i.id === id);
    expect(index).toBeGreaterThanOrEqual(0);
    const pdfs = services.db
      .prepare(
        "SELECT sha256 FROM artifacts WHERE submission_seq = ? AND media_type = 'application/pdf' ORDER BY position",
      )
      .all(seq) as { sha256: string }[];

    await page.goto(app.url);
    await page
      .getByRole('grid', { name: 'Submissions' })
      .locator(`[role="row"][aria-rowindex="${index + 2}"]`)
      .click();
    const pane = page.getByRole('region', { name: 'Evidence', exact: true });
    await expect(pane).toBeVisible();
    const cards = pane.locator('.ev-card:has(.ev-tile-pdf)');
    await expect(cards).toHaveCount(pdfs.length);

    for (const [k, pdf] of pdfs.entries()) {
      const bytes = new Uint8Array(fs.readFileSync(services.evidenceFile(pdf.sha256)!));
      const boxes = await nameBoxes(bytes, printed);
      expect(boxes.length, 'the PDF prints the name (the canvas check has something to check)').toBeGreaterThan(0);
      await cards.nth(k).click();
      const first = pane.locator('.pdf-page[data-page="1"]');
      await waitDrawn(first);
      const numPages = await pane.locator('.pdf-page').count();
      const layerText: string[] = [];
      for (let n = 1; n <= numPages; n++) {
        const pdfPage = pane.locator(`.pdf-page[data-page="${n}"]`);
        await pdfPage.scrollIntoViewIfNeeded();
        await waitDrawn(pdfPage);
        if (k === 0 && n === 1) {
          fs.mkdirSync(SCREENSHOTS, { recursive: true });
          await pdfPage.screenshot({ path: path.join(SCREENSHOTS, `redaction-${def.key}.png`) });
        }
        const text = await pdfPage.locator('.textLayer').innerText();
        layerText.push(text);
        expect(leaks(text, traces), `page ${n}'s text layer`).toEqual([]);
        for (const box of boxes.filter((b) => b.page === n))
          expect(await uncovered(pdfPage, box), `"${box.label}" on page ${n} is covered`).toBe(0);
        const { html, attributes } = await pageText(page);
        expect(leaks(html, traces), `the DOM with page ${n} drawn`).toEqual([]);
        expect(leaks(attributes.join('\n'), traces), `attributes with page ${n} drawn`).toEqual([]);
        const copied = await copyAll(page, pane);
        if (n === 1) expect(copied, 'the copy holds the page text').toContain('Prepared by');
        expect(leaks(copied, traces), `the clipboard after select-all-copy on page ${n}`).toEqual([]);
      }
      expect(layerText.join('\n')).toContain('[withheld]');

      await pane.locator('.pdf-scroll').focus();
      await page.keyboard.press('Control+f');
      const find = pane.getByRole('textbox', { name: 'Find in document' });
      const count = pane.locator('.pdf-find-count');
      // Find works (a control), then finds none of the traces.
      await find.fill('Prepared by');
      await expect(count).toHaveText(/ of /);
      for (const trace of [...traces, ...printed]) {
        await find.fill(trace);
        await expect(count, `find "${trace}"`).toHaveText('No matches');
      }
      await find.press('Escape');
      // Back to the sections, for the next PDF.
      await page.keyboard.press('Escape');
      await expect(cards.nth(k)).toBeVisible();
    }
  });
}

test('blind review: the assessor covers an area for every assessor, and reports what still shows who this is', async () => {
  const { page, services } = app;
  const all = services.queue.list({ limit: 1000, blind: true }).items;
  const target = all[0]!;
  const seq = (services.db.prepare('SELECT seq FROM submissions WHERE id = ?').get(target.id) as { seq: number }).seq;
  const open = async () => {
    await page.goto(app.url);
    await page.getByRole('grid', { name: 'Submissions' }).locator('[role="row"][aria-rowindex="2"]').click();
    const pane = page.getByRole('region', { name: 'Evidence', exact: true });
    await pane.locator('.ev-card:has(.ev-tile-pdf)').first().click();
    const first = pane.locator('.pdf-page[data-page="1"]');
    await waitDrawn(first);
    return { pane, first };
  };
  const { pane, first } = await open();
  // The document's title: the first line of page 1's text layer, before it is covered.
  const title = (await first.locator('.textLayer span').first().innerText()).trim();
  expect(title.length).toBeGreaterThan(3);
  await pane.getByRole('button', { name: 'Cover an area' }).click();
  await expect(pane.getByRole('button', { name: 'Cover an area' })).toHaveAttribute('aria-pressed', 'true');
  await expect(pane.getByRole('status').filter({ hasText: 'Drag over the page' })).toBeVisible();
  const titleBox = (await first.locator('.textLayer span').first().boundingBox())!;
  const pageBox = (await first.boundingBox())!;
  // Drag from a little above-left of the title to a little below-right of it.
  await page.mouse.move(titleBox.x - 4, titleBox.y - 3);
  await page.mouse.down();
  await page.mouse.move(titleBox.x + titleBox.width / 2, titleBox.y + titleBox.height / 2, { steps: 4 });
  await page.mouse.move(titleBox.x + titleBox.width + 4, titleBox.y + titleBox.height + 3, { steps: 4 });
  await page.mouse.up();
  await expect(pane.getByRole('status').filter({ hasText: 'Covered for every assessor' })).toBeVisible();

  const sha = (
    services.db
      .prepare(
        "SELECT sha256 FROM artifacts WHERE submission_seq = ? AND media_type = 'application/pdf' ORDER BY position",
      )
      .get(seq) as { sha256: string }
  ).sha256;
  const stored = services.db.prepare('SELECT page, x, y, w, h FROM evidence_redactions WHERE sha256 = ?').all(sha) as {
    page: number;
    x: number;
    y: number;
    w: number;
    h: number;
  }[];
  expect(stored).toHaveLength(1);
  expect(stored[0]!.page).toBe(1);
  expect(stored[0]!.x).toBeCloseTo((titleBox.x - 4 - pageBox.x) / pageBox.width, 2);

  // Opened again (as any assessor of this store would): the title is covered on the canvas and gone from the text.
  const again = await open();
  // (The footer repeats the title: only the text under the box is withheld.)
  await expect(again.first.locator('.textLayer span').first()).toHaveText('[withheld]');
  expect((await again.first.locator('.textLayer').innerText()).split(title).length - 1).toBe(1);
  const box = stored[0]!;
  const off = await again.first.evaluate((el, b) => {
    const canvas = el.querySelector('canvas')!;
    const x = Math.ceil(b.x * canvas.width) + 2;
    const y = Math.ceil(b.y * canvas.height) + 2;
    const w = Math.floor(b.w * canvas.width) - 4;
    const h = Math.floor(b.h * canvas.height) - 4;
    const data = canvas.getContext('2d')!.getImageData(x, y, w, h).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] !== 17 || data[i + 1] !== 17 || data[i + 2] !== 17) n++;
    return n;
  }, box);
  expect(off, 'pixels under the drawn box that are not covered').toBe(0);

  // "I can still see who this is": a note is required, then kept and audited.
  await again.pane.getByRole('button', { name: 'I can still see who this is…' }).click();
  const dialog = page.getByRole('dialog', { name: 'I can still see who this is' });
  await dialog.getByRole('button', { name: 'Report' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Say where you can see who this is.');
  await dialog.getByRole('textbox').fill('The class photo on page 1 shows her badge.');
  await dialog.getByRole('button', { name: 'Report' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(again.pane.getByRole('status').filter({ hasText: 'Reported' })).toBeVisible();
  const leaks = services.db.prepare('SELECT page, note FROM identity_leaks WHERE submission_seq = ?').all(seq);
  expect(leaks).toEqual([{ page: 1, note: 'The class photo on page 1 shows her badge.' }]);
  const audited = services.db
    .prepare("SELECT subject FROM audit_log WHERE action IN ('evidence.redact', 'evidence.identity-leak') ORDER BY seq")
    .pluck()
    .all();
  expect(audited).toEqual([target.id, target.id]);
});
