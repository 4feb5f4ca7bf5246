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
  // No retries: a test that passes only on its second try is a defect to mend, not to hide.
  retries: 0,
});
