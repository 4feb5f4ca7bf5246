// Renderer benchmarks in Chromium: first queue paint at 100,000 submissions and the JavaScript size.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { test } from '@playwright/test';
import { launchApp, RENDERER_DIST } from '../e2e/harness.js';
import { tempDir } from '../support/package-builder.js';
import { fmtBytes, fmtMs, heading, line, nowMs, percentile } from './stats.js';
import { buildBigStore } from './store-bench.js';

test('renderer: JavaScript size', () => {
  heading('Renderer JavaScript (dist/renderer)');
  const html = fs.readFileSync(path.join(RENDERER_DIST, 'index.html'), 'utf8');
  const assets = path.join(RENDERER_DIST, 'assets');
  let initial = 0;
  let lazy = 0;
  for (const f of fs.readdirSync(assets).filter((n) => n.endsWith('.js') || n.endsWith('.mjs'))) {
    const bytes = fs.readFileSync(path.join(assets, f));
    const gz = zlib.gzipSync(bytes, { level: 9 }).length;
    const isInitial = html.includes(f);
    if (isInitial) initial += gz;
    else lazy += gz;
    line(`${isInitial ? 'initial' : 'lazy   '} ${f}`, fmtBytes(gz), `gzip (${fmtBytes(bytes.length)} raw)`);
  }
  line('initial JavaScript, gzip', fmtBytes(initial));
  line('loaded on demand (e.g. the PDF viewer), gzip', fmtBytes(lazy));
});

test('renderer: first queue paint at 100,000 submissions', async () => {
  const rows = Number(process.env.BENCH_STORE_SUBMISSIONS ?? 100_000);
  heading(`Renderer: first queue paint, ${rows.toLocaleString('en')} submissions, Chromium`);
  const work = tempDir('assay-bench-ui-');
  const dataDir = path.join(work, 'data');
  try {
    await buildBigStore(dataDir);
    const app = await launchApp({ dataDir, open: false, evidence: false });
    try {
      const samples: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t = nowMs();
        await app.open();
        await app.page.locator('[role="grid"] .grid-body [role="row"]').first().waitFor({ state: 'visible' });
        // One more frame, so the row has been painted and not only inserted.
        await app.page.evaluate(
          () =>
            new Promise((r) =>
              (globalThis as unknown as { requestAnimationFrame(cb: () => void): void }).requestAnimationFrame(() =>
                r(null),
              ),
            ),
        );
        samples.push(nowMs() - t);
      }
      line(
        'navigation to first painted queue row',
        `p50 ${fmtMs(percentile(samples, 50))}`,
        `max ${fmtMs(Math.max(...samples))} (7 loads)`,
      );
    } finally {
      await app.close();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
