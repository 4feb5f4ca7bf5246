// Opening a review to working with a 50-page PDF in Chromium over the real handlers, and the package it opens.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { launchApp, RENDERER_DIST } from '../e2e/harness.js';
import { achievement, manifest, sha256, submission, writePackage, type FileSpec } from '../support/package-builder.js';
import { fmtMs, heading, line, percentile } from './stats.js';

/** The phrase on pages 3, 17 and 42 of the long PDF, for find and anchors. */
export const LONG_PDF_PHRASE = 'photosynthesis';
export const LONG_PDF_PAGES = 50;

/** A real multi-page PDF (pdf-lib, Helvetica): a heading and a few paragraphs on every page. */
export async function longPdf(pages = LONG_PDF_PAGES): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle('Unit plan');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const body = [
    'Students work in teams of four and record each observation in their notebooks.',
    'The teacher circulates, asks probing questions and notes misconceptions to revisit.',
    'Each team presents a claim, the evidence for it and the reasoning that links them.',
    'Exit tickets are sorted into three groups to plan the next lesson.',
  ];
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([612, 792]);
    page.drawText(`Unit plan, week ${Math.ceil(p / 5)}: lesson ${p}`, {
      x: 64,
      y: 712,
      size: 20,
      font: bold,
      color: rgb(0.1, 0.12, 0.16),
    });
    let y = 670;
    for (let i = 0; i < 12; i++) {
      const text =
        i === 4 && [3, 17, 42].includes(p)
          ? `Today students explain ${LONG_PDF_PHRASE} using evidence from their own bean plants.`
          : body[i % body.length]!;
      page.drawText(text, { x: 64, y, size: 11, font, color: rgb(0.15, 0.17, 0.2) });
      y -= 20;
    }
    page.drawText(String(p), { x: 300, y: 40, size: 9, font });
  }
  return Buffer.from(await doc.save());
}

/** A mono 16-bit PCM WAV of a soft 440 Hz tone. */
export function wav(seconds: number, rate = 8000): Buffer {
  const samples = Math.round(seconds * rate);
  const out = Buffer.alloc(44 + samples * 2);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + samples * 2, 4);
  out.write('WAVEfmt ', 8, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++)
    out.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 6000), 44 + i * 2);
  return out;
}

export interface EvidencePackage {
  dir: string;
  submissionId: string;
  /** Artifact ids: the long PDF, the recording, a spreadsheet Assay cannot show, a link. */
  ids: { pdf: 'a1'; audio: 'a2'; sheet: 'a3'; link: 'a4' };
  files: Record<'pdf' | 'audio' | 'sheet', FileSpec>;
}

/** One submission whose evidence covers every viewer: a 50-page PDF, a WAV, an .xlsx and a video link. */
export async function writeEvidencePackage(dir: string): Promise<EvidencePackage> {
  const files = {
    pdf: { path: 'evidence/s1/unit-plan.pdf', content: await longPdf() },
    audio: { path: 'evidence/s1/read-aloud.wav', content: wav(6) },
    sheet: {
      path: 'evidence/s1/survey-results.xlsx',
      content: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2048, 7)]),
    },
  };
  const file = (id: string, name: string, f: FileSpec, mediaType: string) => ({
    id,
    sectionId: 'artifacts',
    name,
    file: f.path,
    mediaType,
    size: f.content.length,
    sha256: sha256(f.content),
  });
  const sub = submission(1, undefined, {
    responses: [
      {
        sectionId: 'overview',
        text: 'I teach 26 eighth graders in a rural school.\n\nThis unit follows a bean-plant investigation over ten weeks.',
      },
      { sectionId: 'reflection', text: 'Next time I will give teams more time to plan their own measurements.' },
    ],
    artifacts: [
      file('a1', 'Unit plan (50 pages)', files.pdf, 'application/pdf'),
      file('a2', 'Read-aloud recording', files.audio, 'audio/wav'),
      file(
        'a3',
        'Student survey results',
        files.sheet,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
      { id: 'a4', sectionId: 'artifacts', name: 'Classroom video: lab day', url: 'https://video.example.org/v/4242' },
    ],
  });
  writePackage(dir, manifest({ achievements: [achievement()], submissions: [sub] }), Object.values(files));
  return { dir, submissionId: String(sub.id), ids: { pdf: 'a1', audio: 'a2', sheet: 'a3', link: 'a4' }, files };
}

interface RunTimes {
  review: number;
  /** The click on the PDF card (right away, or after the assessor read for a moment). */
  card: number;
  painted: number;
  typed: number;
}

/**
 * Runs in the page (as source, so it needs no DOM types here): stamps the click that opens the review, clicks the
 * PDF card `delay` ms after the evidence pane appears, and stamps page 1 painted (the frame after it is drawn)
 * and the first keystroke a textarea takes.
 */
const PROBE = (delay: number) => `(() => {
  const marks = {};
  window.__bench = marks;
  document.addEventListener('click', (e) => { marks.start ??= e.timeStamp; }, true);
  document.addEventListener('input', () => { marks.typed ??= performance.now(); }, true);
  const watch = new MutationObserver(() => {
    const card = document.querySelector('.ev-pane .ev-card-open');
    if (marks.review === undefined && card) {
      marks.review = performance.now();
      setTimeout(() => { marks.card = performance.now(); card.click(); }, ${delay});
    }
    if (marks.painted === undefined && document.querySelector('.pdf-page[data-page="1"][data-rendered]')) {
      requestAnimationFrame(() => { marks.painted ??= performance.now(); });
      watch.disconnect();
    }
  });
  watch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rendered'] });
})()`;

/** When the assessor clicks: the queue's row (after the queue shows) and the PDF card (after the evidence pane shows). */
interface Pace {
  queue: number;
  card: number;
}

const PACES: Pace[] = [
  { queue: 0, card: 0 },
  { queue: 1000, card: 0 },
  { queue: 0, card: 1000 },
];

/**
 * From the click that opens a review to: the evidence pane shown, page 1 of the 50-page PDF painted, and a keystroke
 * in a textarea handled. Three paces: the row clicked the moment the queue shows and the PDF card the moment it
 * appears (worst case: pdf.js's worker, started by the queue in idle time, is still starting); the queue read for a
 * second first (as a person does: the worker has started); the card clicked after a second of reading (the viewer's
 * chunk is loaded too). Times are taken in the page; each run is a fresh page load.
 */
export async function benchReviewOpen(runs = Number(process.env.BENCH_REVIEW_OPEN_RUNS ?? 10)): Promise<void> {
  heading('Review open → interactive with a 50-page PDF (Chromium, real handlers)');
  if (!fs.existsSync(path.join(RENDERER_DIST, 'index.html'))) {
    line('skipped', '', 'build the renderer first: npm run build:renderer');
    return;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-review-'));
  const pkg = await writeEvidencePackage(path.join(work, 'package'));
  const app = await launchApp({ dataDir: path.join(work, 'data'), open: false });
  const results = new Map<Pace, RunTimes[]>(PACES.map((pace) => [pace, []]));
  try {
    await app.services.importPackage(pkg.dir);
    // Round-robin over the paces, so that each meets the same machine.
    for (let i = 0; i < runs; i++) {
      for (const [pace, times] of results) {
        await app.open();
        const { page } = app;
        await page.evaluate(PROBE(pace.card));
        const row = page.getByRole('grid').getByRole('row').nth(1);
        if (pace.queue > 0) {
          await row.waitFor();
          await page.waitForTimeout(pace.queue);
        }
        await row.click();
        const box = page.locator('textarea').first();
        await box.waitFor();
        await box.focus();
        await page.keyboard.type('x');
        await page.waitForFunction(() => {
          const m = (globalThis as unknown as { __bench: Record<string, number> }).__bench;
          return m.painted !== undefined && m.typed !== undefined;
        });
        const m = await page.evaluate(() => (globalThis as unknown as { __bench: Record<string, number> }).__bench);
        const start = m.start ?? NaN;
        times.push({
          review: (m.review ?? NaN) - start,
          card: (m.card ?? NaN) - start,
          painted: (m.painted ?? NaN) - start,
          typed: (m.typed ?? NaN) - start,
        });
        // Let the draft save the keystroke before the next page load.
        await page.waitForTimeout(800);
      }
    }
  } finally {
    await app.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
  const p50 = (times: RunTimes[], f: (t: RunTimes) => number) => fmtMs(percentile(times.map(f), 50));
  const spread = (values: number[]) => `${fmtMs(percentile(values, 50))} / ${fmtMs(percentile(values, 95))}`;
  const range = (values: number[]) =>
    `p50 / p95 of ${runs} fresh loads (min ${fmtMs(Math.min(...values))}, max ${fmtMs(Math.max(...values))})`;
  const [atOnce, queueRead, later] = PACES.map((pace) => results.get(pace)!) as [RunTimes[], RunTimes[], RunTimes[]];
  line(
    'review shown (evidence pane in the page)',
    p50(atOnce, (t) => t.review),
    `median of ${runs} fresh loads`,
  );
  line(
    'textarea took a keystroke',
    p50(atOnce, (t) => t.typed),
  );
  const interactive = (times: RunTimes[]) => times.map((t) => Math.max(t.painted, t.typed));
  line(
    'row and PDF card clicked at once: interactive',
    spread(interactive(atOnce)),
    `${range(interactive(atOnce))}, from opening the review; goal p95 < 500 ms`,
  );
  line('queue read 1 s, PDF card at once: interactive', spread(interactive(queueRead)), range(interactive(queueRead)));
  line(
    'PDF card clicked after 1 s: page 1 painted',
    p50(later, (t) => t.painted - t.card),
    'from the click on the card',
  );
}
