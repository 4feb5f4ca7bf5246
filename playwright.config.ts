// Playwright runs the e2e suite against the built renderer; the harness starts vite preview itself.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  // Ceilings on waiting for real work (a worker signing awards, pdf.js drawing), never a claim about speed:
  // generous, so that a machine loaded by other work (CI's neighbours, four builds at once) fails nothing.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: 'list',
  outputDir: 'test-results/playwright',
  // Reference images (toMatchSnapshot, toHaveScreenshot) live in the repository: test/e2e/reference/<name>.
  snapshotPathTemplate: '{testDir}/reference/{arg}{ext}',
  forbidOnly: !!process.env.CI,
  // No retries: a test that passes only on its second try is a defect to mend, not to hide.
  retries: 0,
});
