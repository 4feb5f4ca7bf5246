// Starts the real Electron app (only where an Electron binary is available) and checks its window and first screen.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { channels } from '../../shared/ipc/contract.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

test('the desktop app opens its window on the review queue', async () => {
  // Playwright finds Electron through the electron package, which honours ELECTRON_OVERRIDE_DIST_PATH.
  test.skip(
    !process.env.ELECTRON_OVERRIDE_DIST_PATH,
    'Electron binary not available here: set ELECTRON_OVERRIDE_DIST_PATH to run the real app',
  );
  for (const built of [
    'dist/electron/main.js',
    'dist/preload/preload.cjs',
    'dist/renderer/index.html',
    'dist/native/electron/better_sqlite3.node',
  ]) {
    expect(
      fs.existsSync(path.join(repo, built)),
      `${built} is missing: run \`npm run build && npm run native:electron\` first`,
    ).toBe(true);
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-electron-smoke-'));
  const app = await electron.launch({ args: [repo], cwd: repo, env: { ...process.env, ASSAY_DATA_DIR: dataDir } });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toBe('Assay');
    expect(page.url()).toBe('app://assay/');

    // The page sees the contract through the preload, and no Node.
    const keys = await page.evaluate(() => Object.keys((globalThis as unknown as { api: object }).api).sort());
    expect(keys).toEqual([...channels, 'on', 'dropFiles'].sort());
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    const info = await page.evaluate(() =>
      (globalThis as unknown as { api: { 'app:info'(): Promise<unknown> } }).api['app:info'](),
    );
    expect(info).toMatchObject({ ok: true, value: { name: 'Assay', dataDir } });
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
