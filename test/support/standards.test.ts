// Every test that reads ../shared goes through test/support/standards.ts, so that a checkout without
// it skips those tests, saying why, and CI (ASSAY_REQUIRE_STANDARDS=1) fails instead of skipping.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STANDARDS, standardsPresent, standardsRequired } from './standards.js';

const TEST_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.(ts|tsx|mjs|js)$/.test(e.name) ? [full] : [];
  });
}

describe('reading ../shared from the tests', () => {
  it('happens only through test/support/standards.ts: no other test names a path into ../shared', () => {
    // A string literal that starts a path into ../shared, or joins '..' and 'shared'.
    const direct = /['"`]\.\.\/shared\/|['"`]\.\.['"`]\s*,\s*['"`]shared['"`]/;
    const offenders = sources(TEST_ROOT)
      .filter((f) => path.basename(f) !== 'standards.ts')
      .filter((f) => direct.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(TEST_ROOT, f));
    expect(offenders).toEqual([]);
  });

  it('looks beside the checkout, whatever the working directory', () => {
    const root = path.resolve(TEST_ROOT, '..');
    expect(STANDARDS).toBe(path.join(path.dirname(root), 'shared', 'standards'));
    expect(standardsPresent).toBe(fs.existsSync(STANDARDS));
    // Loading the helper throws when it is required and absent, so here it is present or optional.
    expect(standardsPresent || !standardsRequired).toBe(true);
  });
});
