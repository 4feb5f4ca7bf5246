// The queue grid over 100,000 submissions: rows load by offset, End reaches the last one, scrolling stays fluid.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { manifest, submission, tempDir, writePackage } from '../support/package-builder.js';
import { launchApp } from './harness.js';

const COUNT = Number(process.env.ASSAY_E2E_ROWS ?? 100_000);
const PER_PACKAGE = 10_000;

test('a queue of 100,000 submissions scrolls and pages by offset', async () => {
  test.setTimeout(300_000);
  const work = tempDir('assay-e2e-scale-');
  const app = await launchApp({ dataDir: path.join(work, 'data'), open: false });
  try {
    // Submissions without files (evidence by link), through the real importer, ten packages at a time.
    for (let p = 0; p * PER_PACKAGE < COUNT; p++) {
      const dir = path.join(work, `pkg-${p}`);
      const subs = [];
      for (let j = 0; j < PER_PACKAGE && p * PER_PACKAGE + j < COUNT; j++) {
        const i = p * PER_PACKAGE + j;
        subs.push(
          submission(i, undefined, {
            earner: { id: `mailto:t${i}@school.example`, name: `Teacher ${i}`, email: `t${i}@school.example` },
          }),
        );
      }
      writePackage(
        dir,
        manifest({ id: `urn:uuid:00000000-0000-4000-9000-${String(p).padStart(12, '0')}`, submissions: subs }),
        [],
      );
      await app.services.importPackage(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await app.open();
    const { page } = app;
    const grid = page.getByRole('grid', { name: 'Submissions' });
    await expect(grid).toHaveAttribute('aria-rowcount', String(COUNT + 1));
    await expect(grid.locator('.grid-row-loading')).toHaveCount(0);

    // Scroll 2,000 px a frame for 240 frames and report the frame gaps (a figure, never a failure).
    const gaps = await grid.evaluate(async (el) => {
      const g = el as unknown as { scrollTop: number };
      const raf = (globalThis as unknown as { requestAnimationFrame: (cb: (t: number) => void) => void })
        .requestAnimationFrame;
      const out: number[] = [];
      await new Promise<void>((resolve) => {
        let last = 0;
        let n = 0;
        const step = (time: number) => {
          if (last) out.push(time - last);
          last = time;
          g.scrollTop += 2000;
          if (++n < 240) raf(step);
          else resolve();
        };
        raf(step);
      });
      return out;
    });
    gaps.sort((a, b) => a - b);
    const at = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * q))]!.toFixed(1);
    console.log(`scrolling ${COUNT} rows: frame gap p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
    expect(await grid.locator('.grid-body [role="row"]').count()).toBeLessThan(80);

    await grid.focus();
    await page.keyboard.press('End');
    const last = app.services.queue.list({ offset: COUNT - 1, limit: 1 }).items[0]!;
    await expect(grid.locator(`[role="row"][aria-rowindex="${COUNT + 1}"]`)).toContainText(last.earnerName!);
    await page.keyboard.press('Home');
    const first = app.services.queue.list({ limit: 1 }).items[0]!;
    await expect(grid.locator('[role="row"][aria-rowindex="2"]')).toContainText(first.earnerName!);
  } finally {
    await app.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
