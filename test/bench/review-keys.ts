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

export async function benchReviewKeys(): Promise<void> {
  heading(`Review workspace: number key to painted level (${PRESSES} presses, Chromium)`);
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
    await page.locator('.criterion[data-criterion-index="0"]').focus();

    for (let i = 0; i < PRESSES; i++) {
      // 1, 2, 3, 4, 1, …: every press changes the level. Every 20 presses a pause lets the draft save
      // (400 ms debounce), so some presses land while a save is in flight, as they do in real use.
      await page.keyboard.press(String((i % 4) + 1));
      await page.waitForFunction(
        (n) => (globalThis as unknown as { __reviewKeySamples: unknown[] }).__reviewKeySamples.length >= n,
        i + 1,
      );
      if (i % 20 === 19) await page.waitForTimeout(450);
    }
    const samples = await page.evaluate<Sample[]>('window.__reviewKeySamples');
    const report = (label: string, pick: (s: Sample) => number) => {
      const values = samples.map(pick);
      line(
        label,
        `${fmtMs(percentile(values, 50))} / ${fmtMs(percentile(values, 95))}`,
        `p50 / p95, max ${fmtMs(Math.max(...values))}`,
      );
    };
    report('keydown → DOM updated', (s) => s.commit);
    report('keydown → next frame', (s) => s.frame);
    report('keydown → painted (task after frame)', (s) => s.painted);
  } finally {
    await app.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
