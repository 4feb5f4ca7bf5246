// Vitest setup: each test file's temporary folders (test/support/package-builder.ts tempDir) are removed when the
// file's tests are done. A worker is stopped without an exit event, so the exit hook alone would leave them behind.
import { afterAll } from 'vitest';
import { removeTempDirs } from './package-builder.js';

afterAll(removeTempDirs);
