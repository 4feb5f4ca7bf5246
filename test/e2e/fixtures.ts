// Packages and checks the e2e specs share: the sample package, a refused package, axe and screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { writeSamplePackage } from '../../electron/sample/sample-package.js';
import { openServices } from '../../electron/services.js';
import { tempDir, writeValidPackage } from '../support/package-builder.js';
import { launchApp, REPO_ROOT, type App, type LaunchOptions } from './harness.js';

export const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screens');

let sample: Promise<string> | undefined;

export interface AppsPerTest {
  /** Launches the app on real services (a fresh data folder unless `dataDir` is given). */
  launch(options?: Partial<LaunchOptions>): Promise<App>;
  /**
   * An app whose store holds the sample package (imported by the real services, not the UI, unless the
   * data folder given already holds submissions: a restart).
   */
  withSample(options?: Partial<LaunchOptions>): Promise<App>;
  /** A temporary folder removed after the test. */
  scratch(prefix?: string): string;
}

/**
 * Registers, for the spec that calls it, the closing of every app a test launched and the removal of its
 * data folder and scratch folders after each test; call once at the top of a spec.
 */
export function appsPerTest(): AppsPerTest {
  const apps: App[] = [];
  const folders: string[] = [];
  test.afterEach(async () => {
    for (const app of apps.splice(0)) {
      await app.close();
      folders.push(app.services.dataDir);
    }
    for (const d of folders.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  const launch = async (options: Partial<LaunchOptions> = {}) => {
    const app = await launchApp({ dataDir: tempDir(), ...options });
    apps.push(app);
    return app;
  };
  return {
    launch,
    withSample: async (options = {}) => {
      const app = await launch({ ...options, open: false });
      if (app.services.queue.counts().total === 0) await app.services.importPackage(await samplePackage());
      if (options.open !== false) await app.open();
      return app;
    },
    scratch: (prefix) => {
      const d = tempDir(prefix);
      folders.push(d);
      return d;
    },
  };
}

/** The built-in sample package, written once per test run into a temporary folder. */
export function samplePackage(): Promise<string> {
  sample ??= writeSamplePackage(path.join(tempDir('assay-e2e-sample-'), 'Sample review package')).then((r) => r.dir);
  return sample;
}

/**
 * A package whose second evidence file no longer matches the sha256 in its manifest (same size,
 * one byte changed), and the refusal the real importer gives for it.
 */
export async function refusedPackage(): Promise<{ dir: string; message: string }> {
  const dir = path.join(tempDir('assay-e2e-refused-'), 'Tampered package');
  const { files } = writeValidPackage(dir, 3);
  const victim = files[1];
  if (!victim) throw new Error('package-builder wrote fewer files than asked');
  const target = path.join(dir, ...victim.path.split('/'));
  const bytes = fs.readFileSync(target);
  bytes[0] = bytes[0] === 0x25 ? 0x26 : 0x25;
  fs.writeFileSync(target, bytes);

  // Ask the real importer, in a throwaway store, what it says about this package.
  const scratch = openServices(tempDir('assay-e2e-scratch-'));
  try {
    await scratch.importPackage(dir);
  } catch (err) {
    return { dir, message: (err as Error).message };
  } finally {
    scratch.close();
  }
  throw new Error('the tampered package was accepted; the refusal test has nothing to show');
}

/** A valid package of `count` small submissions (for paging through a long queue). */
export function bulkPackage(count: number): string {
  const dir = path.join(tempDir('assay-e2e-bulk-'), `Bulk package ${count}`);
  writeValidPackage(dir, count);
  return dir;
}

export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('\n')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Every attribute value and the whole markup of the page, to prove a string appears nowhere. */
export async function pageText(page: Page): Promise<{ html: string; attributes: string[] }> {
  return page.evaluate(() => {
    interface El {
      attributes: ArrayLike<{ value: string }>;
    }
    const doc = (
      globalThis as unknown as {
        document: { documentElement: { outerHTML: string }; querySelectorAll(s: string): ArrayLike<El> };
      }
    ).document;
    const attributes: string[] = [];
    const all = doc.querySelectorAll('*');
    for (let i = 0; i < all.length; i++) {
      const el = all[i]!;
      for (let j = 0; j < el.attributes.length; j++) attributes.push(el.attributes[j]!.value);
    }
    return { html: doc.documentElement.outerHTML, attributes };
  });
}

/** Scans the page as it is in the light and the dark scheme with axe, and photographs each. */
export async function checkBothSchemes(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await expectNoAxeViolations(page, `${name} (${colorScheme})`);
    await screenshot(page, `${name}-${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Drags files of these names over the window (dragenter + dragover), or drops them there. */
export async function dropOnWindow(page: Page, what: 'dragover' | 'drop', names: string[]): Promise<void> {
  await page.evaluate(
    ({ what, names }) => {
      type Ctor<T> = new (...args: unknown[]) => T;
      const g = globalThis as unknown as {
        DataTransfer: Ctor<{ items: { add(f: unknown): void } }>;
        File: Ctor<unknown>;
        DragEvent: Ctor<unknown>;
        document: { body: { dispatchEvent(e: unknown): boolean } };
      };
      const dt = new g.DataTransfer();
      for (const name of names) dt.items.add(new g.File([''], name));
      const fire = (type: string) =>
        g.document.body.dispatchEvent(new g.DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      if (what === 'drop') fire('drop');
      else {
        fire('dragenter');
        fire('dragover');
      }
    },
    { what, names },
  );
}
