// Key-press-to-paint latency of choosing a rubric level with a number key, in Chromium over the real handlers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSamplePackage } from '../../electron/sample/sample-package.js';
import { launchApp } from '../e2e/harness.js';
import { fmtMs, heading, line, percentile } from './stats.js';

const PRESSES = Number(process.env.BENCH_REVIEW_PRESSES ?? 200);

interface Sample {
  /** keydown to the DOM change (React's commit). */
  commit: number;
  /** keydown to the next animation frame's callbacks (style, layout and paint follow at once). */
  frame: number;
  /** keydown to the first task after that frame: the frame has been painted by then. */
  painted: number;
}

/**
 * Runs in the page (as source, so it needs no DOM types here): stamps each digit keydown with the
 * event's own timestamp (when the browser received the input), watches the rubric for the radio that
 * becomes checked, then waits for the next frame and for the task after it.
 */
const PROBE = `(() => {
  const samples = [];
  let start = 0;
  window.addEventListener('keydown', (e) => { if (/^[1-9]$/.test(e.key)) start = e.timeStamp; }, { capture: true });
  const observer = new MutationObserver((records) => {
    if (!start || !records.some((r) => r.target.getAttribute('aria-checked') === 'true')) return;
    const s = start;
    start = 0;
    const commit = performance.now() - s;
    requestAnimationFrame(() => {
      const frame = performance.now() - s;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => samples.push({ commit, frame, painted: performance.now() - s });
      channel.port2.postMessage(0);
    });
  });
  observer.observe(document.querySelector('.rubric'), { attributes: true, attributeFilter: ['aria-checked'], subtree: true });
  window.__reviewKeySamples = samples;
})()`;

/**
 * The control: a blank page in the same browser whose only script sets aria-checked on the digit keys,
 * with no framework, no store and no IPC. What it measures is the floor of this harness (input
 * dispatch, one frame, the task after it); the app's figure reads as that floor plus what the app adds.
 */
const CONTROL_PAGE = `<!doctype html><html lang="en"><head><title>Control</title></head><body>
<div class="rubric" role="radiogroup" aria-label="Control" tabindex="0">
  <div role="radio" aria-checked="false">1</div><div role="radio" aria-checked="false">2</div>
  <div role="radio" aria-checked="false">3</div><div role="radio" aria-checked="false">4</div>
</div>
<script>
  const radios = [...document.querySelectorAll('[role=radio]')];
  document.querySelector('.rubric').addEventListener('keydown', (e) => {
    if (/^[1-4]$/.test(e.key)) radios.forEach((r, i) => r.setAttribute('aria-checked', String(i === Number(e.key) - 1)));
  });
</script></body></html>`;

const BLOCK = 20;

export async function benchReviewKeys(): Promise<void> {
  const blocks = Math.max(1, Math.round(PRESSES / BLOCK));
  heading(
    `Review workspace: number key to painted level (${blocks * BLOCK} presses on the app and on a blank control page, ` +
      `interleaved in blocks of ${BLOCK}, Chromium)`,
  );
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-review-'));
  const { dir } = await writeSamplePackage(path.join(work, 'Sample review package'));
  const app = await launchApp({ dataDir: path.join(work, 'data'), open: false });
  try {
    await app.services.importPackage(dir);
    await app.open();
    const { page } = app;
    // The Core STEM resubmission: four criteria of four levels, history beside each.
    const items = app.services.queue.list({ limit: 1000 }).items;
    const index = items.findIndex((i) => i.attempt === 2 && i.achievementName === 'Core STEM Teaching Practices');
    await page.locator(`[role="grid"] [role="row"][aria-rowindex="${index + 2}"]`).click();
    await page.locator('.criterion[data-criterion-index="0"]').waitFor();
    await page.evaluate(PROBE);
    const control = await app.context.newPage();
    await control.setContent(CONTROL_PAGE);
    await control.evaluate(PROBE);

    const sides = [
      { name: 'app', page, target: page.locator('.criterion[data-criterion-index="0"]'), done: 0 },
      { name: 'control', page: control, target: control.locator('.rubric'), done: 0 },
    ];
    for (let b = 0; b < blocks; b++) {
      // Alternate which side goes first, so neither always follows the other's pause.
      for (const side of b % 2 === 0 ? sides : [...sides].reverse()) {
        await side.page.bringToFront();
        await side.target.focus();
        for (let i = 0; i < BLOCK; i++) {
          // 1, 2, 3, 4, 1, …: every press changes the level.
          await side.page.keyboard.press(String((side.done % 4) + 1));
          side.done++;
          await side.page.waitForFunction(
            (n) => (globalThis as unknown as { __reviewKeySamples: unknown[] }).__reviewKeySamples.length >= n,
            side.done,
          );
        }
        // A pause after each block lets the app's draft save (400 ms debounce), so some presses land while
        // a save is in flight, as they do in real use; the control pauses alike.
        await side.page.waitForTimeout(450);
      }
    }
    const appSamples = await page.evaluate<Sample[]>('window.__reviewKeySamples');
    const floorSamples = await control.evaluate<Sample[]>('window.__reviewKeySamples');
    await control.close();
    const report = (label: string, pick: (s: Sample) => number) => {
      const a = appSamples.map(pick);
      const c = floorSamples.map(pick);
      line(
        `${label}: app`,
        `${fmtMs(percentile(a, 50))} / ${fmtMs(percentile(a, 95))}`,
        `p50 / p95, max ${fmtMs(Math.max(...a))}`,
      );
      line(
        `${label}: blank control page`,
        `${fmtMs(percentile(c, 50))} / ${fmtMs(percentile(c, 95))}`,
        `p50 / p95, max ${fmtMs(Math.max(...c))}`,
      );
      return { a, c };
    };
    report('keydown → DOM updated', (s) => s.commit);
    report('keydown → next frame', (s) => s.frame);
    const { a, c } = report('keydown → painted', (s) => s.painted);
    line(
      'key press to paint, p95: app minus control',
      fmtMs(percentile(a, 95) - percentile(c, 95)),
      `goal p95 < 16 ms; app ${fmtMs(percentile(a, 95))}, the harness's floor ${fmtMs(percentile(c, 95))}` +
        ` (p50: app adds ${fmtMs(percentile(a, 50) - percentile(c, 50))})`,
    );
  } finally {
    await app.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
