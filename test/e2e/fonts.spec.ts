// Every script in the UI: Korean, Chinese and Arabic names in the queue are drawn with the app's own fonts
// (fonts/ui-fonts.css, slices fetched on demand), on a machine that has no font for Hangul or Han, and no
// request leaves the app's origin.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { manifest, submission, tempDir, writePackage } from '../support/package-builder.js';
import { appsPerTest, screenshot } from './fixtures.js';

const NAMES = {
  korean: { name: '김민준', family: 'Assay Korean', file: /Noto Sans KR/ },
  han: { name: '王秀英', family: 'Assay Han', file: /Noto Serif SC/ },
  arabic: { name: 'محمد الأحمد', family: 'Assay Arabic', file: /Noto Naskh Arabic/ },
} as const;

const apps = appsPerTest();

function namesPackage(): string {
  const dir = path.join(tempDir('assay-e2e-fonts-'), 'Names package');
  const people = Object.values(NAMES);
  const files = people.map((_, i) => ({
    path: `evidence/s${i}/lesson-plan.pdf`,
    content: Buffer.from(`%PDF-1.7 lesson plan ${i}\n`),
  }));
  const submissions = people.map((p, i) => {
    const base = submission(i, files[i]) as { earner: Record<string, string> };
    return { ...base, earner: { ...base.earner, name: p.name } };
  });
  writePackage(dir, manifest({ submissions }), files);
  return dir;
}

/** The fonts Chromium actually drew a node's text with (DevTools: CSS.getPlatformFontsForNode). */
async function platformFonts(page: Page, selector: string) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    expect(nodeId, `no node for ${selector}`).toBeGreaterThan(0);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts;
  } finally {
    await cdp.detach();
  }
}

/**
 * How many different pictures the characters of `text` make in `font` on a canvas: missing-glyph boxes
 * all look alike, real glyphs do not.
 */
function distinctGlyphImages(page: Page, text: string, font: string): Promise<number> {
  return page.evaluate(
    ({ text, font }) => {
      interface Canvas {
        width: number;
        height: number;
        getContext(kind: '2d'): {
          font: string;
          textBaseline: string;
          fillText(text: string, x: number, y: number): void;
        } | null;
        toDataURL(): string;
      }
      const doc = (globalThis as unknown as { document: { createElement(t: 'canvas'): Canvas } }).document;
      const seen = new Set<string>();
      for (const ch of text.replace(/\s/g, '')) {
        const canvas = doc.createElement('canvas');
        canvas.width = 64;
        canvas.height = 64;
        const ctx = canvas.getContext('2d')!;
        ctx.font = font;
        ctx.textBaseline = 'middle';
        ctx.fillText(ch, 8, 32);
        seen.add(canvas.toDataURL());
      }
      return seen.size;
    },
    { text, font },
  );
}

test('Korean, Chinese and Arabic names in the queue are drawn with the served fonts; nothing is fetched from elsewhere', async () => {
  const requests: string[] = [];
  const app = await apps.launch({ open: false });
  await app.services.importPackage(namesPackage());
  app.page.on('request', (r) => requests.push(r.url()));
  await app.open();
  const { page } = app;
  const origin = new URL(app.url).origin;

  for (const { name } of Object.values(NAMES)) await expect(page.getByText(name, { exact: true })).toBeVisible();
  await page.evaluate(
    () => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready,
  );

  for (const [key, { name, family, file }] of Object.entries(NAMES)) {
    // The browser has every face the name needs, loaded.
    const loaded = await page.evaluate(
      ({ name, family }) => {
        interface Faces extends Iterable<{ family: string; status: string }> {
          check(font: string, text: string): boolean;
        }
        const fonts = (globalThis as unknown as { document: { fonts: Faces } }).document.fonts;
        return {
          check: fonts.check(`14px "${family}"`, name),
          faces: [...fonts].filter((f) => f.family.replace(/"/g, '') === family && f.status === 'loaded').length,
        };
      },
      { name, family },
    );
    expect(loaded.check, `${key}: document.fonts.check`).toBe(true);
    expect(loaded.faces, `${key}: loaded faces of ${family}`).toBeGreaterThan(0);

    // The queue cell's text is drawn by the served font file, every glyph of the name.
    const cell = page.getByText(name, { exact: true });
    await cell.evaluate((el, id) => el.setAttribute('data-font-probe', id), key);
    const used = await platformFonts(page, `[data-font-probe="${key}"]`);
    const served = used.find((f) => f.isCustomFont && file.test(f.familyName));
    expect(served, `${key}: fonts used ${JSON.stringify(used)}`).toBeDefined();
    expect(served!.glyphCount).toBeGreaterThanOrEqual(name.replace(/\s/g, '').length);
    // No letter of it comes from a system font (the Arabic name's space may).
    const system = used.filter((f) => !f.isCustomFont).reduce((n, f) => n + f.glyphCount, 0);
    expect(system, `${key}: glyphs from system fonts ${JSON.stringify(used)}`).toBeLessThanOrEqual(
      name.split(' ').length - 1,
    );

    // Real glyphs: each character of the name is a different picture (missing-glyph boxes are one picture).
    const chars = new Set(name.replace(/\s/g, '')).size;
    expect(await distinctGlyphImages(page, name, `28px "${family}"`), `${key}: distinct glyphs`).toBe(chars);
  }

  // The control: without the served fonts this machine draws boxes, which is what the fonts are for.
  const tofu = await distinctGlyphImages(page, NAMES.korean.name, '28px sans-serif');
  if (tofu > 1)
    console.log('This machine has a Hangul font of its own; the control (boxes without ours) is not shown.');
  else expect(tofu).toBe(1);

  await screenshot(page, 'fonts-queue-names');

  // Only slices for characters on screen were fetched, from the app itself.
  const fontFiles = requests.filter((u) => u.includes('/fonts/') && u.endsWith('.ttf')).map((u) => path.basename(u));
  expect(fontFiles.some((f) => f.startsWith('korean-'))).toBe(true);
  expect(fontFiles.some((f) => f.startsWith('han-'))).toBe(true);
  expect(fontFiles.some((f) => f.startsWith('arabic-'))).toBe(true);
  expect(fontFiles.filter((f) => f.startsWith('korean-')).length).toBeLessThanOrEqual(3);
  expect(fontFiles.filter((f) => f.startsWith('han-')).length).toBeLessThanOrEqual(3);
  expect(
    fontFiles.some((f) => f.startsWith('hebrew-')),
    'no Hebrew on screen, no Hebrew font fetched',
  ).toBe(false);
  const elsewhere = requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u));
  expect(elsewhere).toEqual([]);
});
