// Runs the browser benchmarks (*.bench.ts) with Playwright's runner; they print figures and never fail on time.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  workers: 1,
  timeout: 900_000,
  reporter: 'list',
  outputDir: '../../test-results/bench',
});
