// The verify page's Data Integrity check in Chromium: the page's size (and how much of it the proof
// checker is), the time AssayProof.checkProof takes on a real did:web award and on the real status list
// (the first check on a fresh page, which also processes the JSON-LD contexts, then warm checks in
// interleaved rounds), and from a dropped file to the "Signature checked" verdict on a fresh page.
// Awards issued, revoked and published by the real CLI. Prints figures; never fails on time.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, expect, test, type Page } from '@playwright/test';
import type { PageMethod, ProofCheck } from '../../electron/awards/verify-page/proof-check.js';
import { proofCheckerScript, type VerifyPageConfig } from '../../electron/awards/verify-page/page.js';
import { openServices } from '../../electron/services.js';
import { CHROMIUM } from '../e2e/harness.js';
import { assayOk, issuingStore, published, RIVERSIDE_DID } from '../support/did-web-store.js';
import { tempDir } from '../support/package-builder.js';
import { fmtBytes, fmtMs, heading, line, percentile } from './stats.js';

const SITE = 'https://pd.riverside.example.edu';
const ROUNDS = 15;
const FRESH_PAGES = 5;

// The few DOM parts the in-page timing uses (the test's TypeScript has no DOM library).
interface DomLike {
  getElementById(id: string): {
    addEventListener(type: string, fn: () => void, capture: boolean): void;
    getAttribute(name: string): string | null;
  };
}
type ObserverCtor = new (fn: () => void) => { observe(target: unknown, options: { attributes: boolean }): void };

type Checker = { AssayProof: { checkProof(doc: unknown, methods: readonly PageMethod[]): Promise<ProofCheck> } };

/** Milliseconds `AssayProof.checkProof(doc)` takes in the page, and whether it verified. */
function timedCheck(page: Page, doc: object, methods: PageMethod[]): Promise<{ ms: number; verified: boolean }> {
  return page.evaluate(
    async ([d, m]) => {
      const t = performance.now();
      const r = await (globalThis as unknown as Checker).AssayProof.checkProof(d, m);
      return { ms: performance.now() - t, verified: r.verified };
    },
    [doc, methods] as const,
  );
}

const summary = (samples: number[]) =>
  `min ${fmtMs(Math.min(...samples))} · median ${fmtMs(percentile(samples, 50))} · max ${fmtMs(Math.max(...samples))}`;

test('verify page: size, and the time to check a credential and a status list in Chromium', async () => {
  const work = tempDir('assay-bench-verify-page-');
  try {
    const store = await issuingStore(work, 'bench', RIVERSIDE_DID, 2);
    const [credential, withdrawn] = store.credentials;
    if (!credential || !withdrawn) throw new Error('the store issued fewer than two awards');
    await assayOk(store.dataDir, ['awards', 'revoke', withdrawn.id, '--reason', 'Benchmark']);
    const { statusList, statusListFile } = await published(store.dataDir, path.join(work, 'site'));
    const credentialFile = path.join(work, 'credential.json');
    fs.writeFileSync(credentialFile, JSON.stringify(credential, null, 2));
    const pageFile = path.join(work, 'site', 'verify.html');
    let config: VerifyPageConfig;
    const s = openServices(store.dataDir);
    try {
      config = s.identity.exportVerifyPage(pageFile, `${SITE}/verify`).config;
    } finally {
      s.close();
    }

    heading('Verify page: size');
    const html = fs.readFileSync(pageFile);
    const checker = Buffer.from(proofCheckerScript());
    const gz = (b: Buffer) => zlib.gzipSync(b, { level: 9 }).length;
    line('the page (one issuer key)', fmtBytes(html.length), `${fmtBytes(gz(html))} gzip`);
    line('of which the proof checker', fmtBytes(checker.length), `${fmtBytes(gz(checker))} gzip`);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const context = await browser.newContext();
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.origin === SITE && url.pathname === '/verify')
          return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
        if (url.origin === SITE && url.pathname === '/status/1')
          return route.fulfill({ status: 200, contentType: 'application/json', body: fs.readFileSync(statusListFile) });
        return route.abort('internetdisconnected');
      });

      heading(
        `Verify page: AssayProof.checkProof in Chromium (${FRESH_PAGES} fresh pages, then ${ROUNDS} interleaved rounds)`,
      );
      const first: number[] = [];
      for (let i = 0; i < FRESH_PAGES; i++) {
        const page = await context.newPage();
        await page.goto(`${SITE}/verify`);
        const r = await timedCheck(page, credential, config.methods);
        expect(r.verified).toBe(true);
        first.push(r.ms);
        await page.close();
      }
      line('first credential on a fresh page', summary(first));
      const page = await context.newPage();
      await page.goto(`${SITE}/verify`);
      const warm = { credential: [] as number[], list: [] as number[] };
      for (let i = 0; i < ROUNDS; i++) {
        for (const [key, doc] of [
          ['credential', credential],
          ['list', statusList],
        ] as const) {
          const r = await timedCheck(page, doc, config.methods);
          expect(r.verified).toBe(true);
          warm[key].push(r.ms);
        }
      }
      line('credential, warm', summary(warm.credential));
      line('status list, warm', summary(warm.list));
      await page.close();

      heading(`Verify page: dropped credential file to "Signature checked" (${FRESH_PAGES} fresh pages)`);
      const dropped: number[] = [];
      for (let i = 0; i < FRESH_PAGES; i++) {
        const p = await context.newPage();
        await p.goto(`${SITE}/verify`);
        // Timed inside the page: from the file input's change event to the verdict turning "genuine".
        await p.evaluate(() => {
          const w = globalThis as unknown as { __t0: number; __t1: number };
          const doc = (globalThis as unknown as { document: DomLike }).document;
          doc.getElementById('file').addEventListener('change', () => (w.__t0 = performance.now()), true);
          const verdict = doc.getElementById('verdict');
          new (globalThis as unknown as { MutationObserver: ObserverCtor }).MutationObserver(() => {
            if (verdict.getAttribute('data-state') === 'genuine' && !w.__t1) w.__t1 = performance.now();
          }).observe(verdict, { attributes: true });
        });
        await p.locator('#file').setInputFiles(credentialFile);
        await expect(p.locator('#verdict')).toHaveAttribute('data-state', 'genuine');
        dropped.push(
          await p.evaluate(() => {
            const w = globalThis as unknown as { __t0: number; __t1: number };
            return w.__t1 - w.__t0;
          }),
        );
        await expect(p.locator('#status')).toHaveAttribute('data-state', 'in-force');
        await p.close();
      }
      line('file chosen to "Signature checked"', summary(dropped));
      await context.close();
    } finally {
      await browser.close();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
