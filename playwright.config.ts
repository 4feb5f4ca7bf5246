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
  forbidOnly: !!process.env.CI,
  retries: 0,
});
