// What the built `assay queue` loads: the store and the queue, nothing else. Its start (a fresh process to the
// first page at 100,000 submissions, test/bench/startup-bench.ts) has a budget of 200 ms; zod alone would cost
// about 80 ms of it, the award, PDF and credential code several hundred. A module hook in the child process
// records every module it loads, so a change that pulls one of them back onto the path fails here, by name.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, requireBuild } from '../support/child.js';
import { tempDir, writeValidPackage } from '../support/package-builder.js';
import { runCli } from '../support/cli.js';

let work: string;
let dataDir: string;
let hooks: string;

beforeAll(async () => {
  requireBuild();
  work = tempDir('assay-cli-start-');
  dataDir = path.join(work, 'data');
  const pkg = path.join(work, 'package');
  writeValidPackage(pkg);
  expect((await runCli(['import', pkg, '--data-dir', dataDir])).code).toBe(0);
  // Node's module hooks run on their own thread; each resolved URL is appended to the file LOADED_LOG names.
  fs.writeFileSync(
    path.join(work, 'hooks.mjs'),
    `import fs from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  fs.appendFileSync(process.env.LOADED_LOG, r.url + '\\n');
  return r;
}
`,
  );
  hooks = path.join(work, 'register.mjs');
  fs.writeFileSync(
    hooks,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(work, 'hooks.mjs')).href)});\n`,
  );
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function loadedBy(args: string[]): { status: number | null; stdout: string; loaded: string[] } {
  const log = path.join(work, `loaded-${args.join('-').replace(/\W+/g, '_')}.txt`);
  fs.rmSync(log, { force: true });
  const run = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(hooks).href, CLI, ...args, '--data-dir', dataDir],
    {
      encoding: 'utf8',
      env: { ...process.env, LOADED_LOG: log, ASSAY_DATA_DIR: '' },
    },
  );
  if (run.status !== 0) throw new Error(`assay ${args.join(' ')} failed: ${run.stderr}`);
  const loaded = fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .filter((u) => u.startsWith('file:'))
    .map((u) => path.relative(process.cwd(), new URL(u).pathname));
  return { status: run.status, stdout: run.stdout, loaded: [...new Set(loaded)] };
}

const PACKAGES = (loaded: string[]) =>
  [
    ...new Set(
      loaded.filter((f) => f.includes('node_modules/')).map((f) => f.split('node_modules/')[1]!.split('/')[0]!),
    ),
  ].sort();

/** The store's own: SQLite, and the canonical JSON its audit log (written by a migration) hashes. */
const STORE_PACKAGES = ['better-sqlite3', 'canonicalize'];

describe('what assay queue loads', () => {
  it('lists the queue with no package but the store’s, and none of the calibration, award or import code', () => {
    const run = loadedBy(['queue', '--limit', '5']);
    expect(run.stdout).toMatch(/submission/);
    expect(PACKAGES(run.loaded)).toEqual(STORE_PACKAGES);
    for (const dir of [
      'dist/electron/awards/',
      'dist/electron/import/',
      'dist/electron/coordination/',
      'dist/shared/schemas/',
    ])
      expect(run.loaded.filter((f) => f.startsWith(dir))).toEqual([]);
    expect(run.loaded).not.toContain('dist/electron/quality/calibration.js');
    expect(run.loaded).toContain('dist/electron/queue/queue.js');
  });

  it('is the same with --all --json and a search', () => {
    const run = loadedBy(['queue', '--all', '--json', '--search', 'students']);
    expect(JSON.parse(run.stdout)).toBeInstanceOf(Array);
    expect(PACKAGES(run.loaded)).toEqual(STORE_PACKAGES);
  });

  it('while the help lists every command, loads no package at all', () => {
    const run = loadedBy(['--help']);
    expect(run.stdout).toMatch(/^Usage: assay <command>/);
    expect(PACKAGES(run.loaded)).toEqual([]);
  });
});
