// The official standards (Open Badges 3.0, CASE 1.1: schemas, fixtures, test vectors) that some tests
// check Assay against. They are read where they were handed over, ../shared/standards beside this
// checkout, and never copied into the project. A fresh clone without that folder still passes its
// tests: the tests that need it are skipped, each saying why. CI always has the folder, and .ci/run
// sets ASSAY_REQUIRE_STANDARDS=1, which turns its absence into an error: nothing skips silently there.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, type TestFunction } from 'vitest';

/** The checkout's root: the nearest folder above this file whose package.json is Assay's (also from dist/). */
function repoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'assay')
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json of Assay above ${from}`);
  }
}

/** ../shared/standards, resolved from the checkout (not from the working directory). */
export const STANDARDS = path.resolve(
  repoRoot(path.dirname(fileURLToPath(import.meta.url))),
  '..',
  'shared',
  'standards',
);
export const standardsPresent = fs.existsSync(STANDARDS);
export const standardsRequired = process.env.ASSAY_REQUIRE_STANDARDS === '1';

const ABSENT = `../shared/standards is absent beside this checkout (looked for ${STANDARDS}; CI always has it)`;

if (!standardsPresent && standardsRequired) {
  throw new Error(`${ABSENT}. ASSAY_REQUIRE_STANDARDS=1 (set by .ci/run) makes that an error rather than a skip.`);
}

/** A path inside ../shared/standards, e.g. standard('open-badges-3', 'validator-fixtures'). */
export function standard(...segments: string[]): string {
  return path.join(STANDARDS, ...segments);
}

function announce(what: string): void {
  console.warn(`skipped: ${what}: ${ABSENT}`);
}

/**
 * A describe block that needs the standards: run when they are there, else skipped with the reason
 * printed. Read standard files in its hooks or tests, not in the module or the describe body, which
 * run even when skipped.
 */
export function describeWithStandards(name: string, body: () => void): void {
  if (standardsPresent) {
    describe(name, body);
    return;
  }
  announce(`"${name}"`);
  describe.skip(name, body);
}

/** One test that needs the standards, in a describe block that otherwise does not. */
export function itWithStandards(name: string, body: TestFunction, timeout?: number): void {
  if (standardsPresent) {
    it(name, body, timeout);
    return;
  }
  announce(`"${name}"`);
  // Skipped from inside, so the reporter shows the reason beside the test's name too.
  it(name, (ctx) => ctx.skip(ABSENT));
}
