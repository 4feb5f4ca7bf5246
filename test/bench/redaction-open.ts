// Blind review's cost in the PDF viewer: from the click that opens a 50-page PDF to page 1 painted, with the
// earner's identity covered (blind review on) against without redaction (off), runs alternating in one app.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { launchApp, RENDERER_DIST } from '../e2e/harness.js';
import { achievement, manifest, sha256, submission, writePackage } from '../support/package-builder.js';
import { longPdf } from './review-open.js';
import { fmtMs, heading, line, percentile } from './stats.js';

const EARNER = {
  name: 'Ἀλέξανδρος Παπαδόπουλος',
  alias: 'Alexandros Papadopoulos',
  email: 'a.papadopoulos@northside.example.org',
};

/** The 50-page PDF of the review benchmark, signed as the sample PDFs are: "Prepared by" on page 1, a footer on each. */
async function namedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.load(await longPdf());
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const muted = rgb(0.4, 0.43, 0.48);
  doc.getPages().forEach((page, i) => {
    if (i === 0) page.drawText(`Prepared by ${EARNER.alias} (${EARNER.email})`, { x: 64, y: 740, size: 10, font });
    page.drawText(`${EARNER.alias} · Unit plan`, { x: 64, y: 40, size: 8, font, color: muted });
  });
  return Buffer.from(await doc.save());
}

/** Stamps the click on the PDF card and the frame after page 1 is drawn (canvas in place, covers and all). */
const PROBE = `(() => {
  const marks = {};
  window.__bench = marks;
  document.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('.ev-card-open')) marks.start ??= e.timeStamp;
  }, true);
  const watch = new MutationObserver(() => {
    if (marks.painted === undefined && document.querySelector('.pdf-page[data-page="1"][data-rendered]')) {
      requestAnimationFrame(() => { marks.painted ??= performance.now(); });
      watch.disconnect();
    }
  });
  watch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rendered'] });
})()`;

export async function benchRedactionOpen(runs = 7): Promise<void> {
  heading('Blind review: opening a 50-page PDF to page 1 painted, redacted vs not (Chromium, real handlers)');
  if (!fs.existsSync(path.join(RENDERER_DIST, 'index.html'))) {
    line('skipped', '', 'build the renderer first: npm run build:renderer');
    return;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-redact-'));
  const pdf = { path: 'evidence/s1/unit-plan.pdf', content: await namedPdf() };
  const base = submission(1, undefined);
  const sub = {
    ...base,
    earner: { id: `mailto:${EARNER.email}`, name: EARNER.name, email: EARNER.email, aliases: [EARNER.alias] },
    artifacts: [
      {
        id: 'a1',
        sectionId: 'artifacts',
        name: 'Unit plan (50 pages)',
        file: pdf.path,
        mediaType: 'application/pdf',
        size: pdf.content.length,
        sha256: sha256(pdf.content),
      },
    ],
  };
  writePackage(path.join(work, 'package'), manifest({ achievements: [achievement()], submissions: [sub] }), [pdf]);
  const app = await launchApp({ dataDir: path.join(work, 'data'), open: false });
  const times = { on: [] as number[], off: [] as number[] };
  try {
    await app.services.importPackage(path.join(work, 'package'));
    // One unmeasured open of each: the first load compiles pdf.js's chunk and worker, which both modes share.
    for (const blind of [true, false, ...Array.from({ length: runs * 2 }, (_, i) => i % 2 === 0)].entries()) {
      const [i, on] = blind;
      await app.open();
      const { page } = app;
      await page.evaluate(
        (v) =>
          (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
            'assay.blindReview',
            String(v),
          ),
        on,
      );
      await page.reload();
      await page.evaluate(PROBE);
      await page.getByRole('grid').getByRole('row').nth(1).click();
      await page.locator('.ev-pane .ev-card-open').first().click();
      await page.waitForFunction(
        () => (globalThis as unknown as { __bench: Record<string, number> }).__bench.painted !== undefined,
      );
      const m = await page.evaluate(() => (globalThis as unknown as { __bench: Record<string, number> }).__bench);
      // A redacted run must have covered something: the text layer says so once it is built.
      const withheld = page.locator('.pdf-page[data-page="1"] .textLayer', { hasText: '[withheld]' });
      await (on ? withheld.waitFor() : page.locator('.pdf-page[data-page="1"] .textLayer').waitFor());
      if (!on && (await withheld.count()) > 0) throw new Error('redaction ran with blind review off');
      if (i >= 2) times[on ? 'on' : 'off'].push((m.painted ?? NaN) - (m.start ?? NaN));
    }
  } finally {
    await app.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
  const p50 = (xs: number[]) => percentile(xs, 50);
  line(
    'without redaction (blind review off)',
    fmtMs(p50(times.off)),
    `median of ${runs}, click on the card to page 1 painted`,
  );
  line(
    'redacted (blind review on)',
    fmtMs(p50(times.on)),
    `median of ${runs}, covers painted before the canvas is shown`,
  );
  line('difference', fmtMs(p50(times.on) - p50(times.off)));
  line('  runs off', times.off.map((t) => t.toFixed(0)).join(' '), 'ms');
  line('  runs on', times.on.map((t) => t.toFixed(0)).join(' '), 'ms');
}
