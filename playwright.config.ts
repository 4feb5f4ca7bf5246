// Playwright runs the e2e suite against the built renderer; the harness starts vite preview itself.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: 'test-results/playwright',
  // Reference images (toMatchSnapshot, toHaveScreenshot) live in the repository: test/e2e/reference/<name>.
  snapshotPathTemplate: '{testDir}/reference/{arg}{ext}',
  forbidOnly: !!process.env.CI,
  // One retry on CI: the PDF text-selection test in evidence.spec.ts is flaky (~1 in 10, see the closing note).
  retries: process.env.CI ? 1 : 0,
});
