// `assay queue` on a store larger than its 1,000-row cap: --all lists every row (streamed, in order),
// the table says when rows were left out, and a reader that stops early ends it quietly.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services.js';
import type { QueueItem } from '../../shared/domain/queue.js';
import { runCli } from '../support/cli.js';
import { manifest, submission, tempDir, writePackage } from '../support/package-builder.js';

const ROWS = 2345;
const CLI = path.resolve('dist/electron/cli/index.js');
let work: string;
let dataDir: string;
/** The whole queue in due order, read in-process a page of at most 1,000 at a time by offset. */
let expected: string[];

function assay(args: string[]) {
  return runCli(['queue', ...args, '--data-dir', dataDir]);
}

/** Runs the CLI with stdout read by someone who stops after the first line, like `| head -n 1`. */
function firstLineThenClose(
  args: string[],
): Promise<{ code: number | null; signal: string | null; first: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    // Closing our end while the child still has far more than a pipe's buffer to write.
    if (out.includes('\n')) child.stdout.destroy();
  });
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, first: out.split('\n')[0]!, stderr: err })),
  );
}

beforeAll(async () => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`);
  work = tempDir('assay-cli-queue-');
  dataDir = path.join(work, 'data');
  const pkg = path.join(work, 'package');
  // Seven submissions share each due date, so ties straddle every page boundary.
  const due = (i: number) => new Date(Date.UTC(2026, 11, 1) + Math.floor(i / 7) * 86_400_000).toISOString();
  writePackage(
    pkg,
    manifest({ submissions: Array.from({ length: ROWS }, (_, i) => submission(i, undefined, { dueAt: due(i) })) }),
    [],
  );
  const s = openServices(dataDir);
  await s.importPackage(pkg);
  expected = [];
  for (let offset = 0; offset < ROWS; offset += 1000)
    expected.push(...s.queue.list({ limit: 1000, offset }).items.map((i) => i.id));
  s.close();
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe(`assay queue on ${ROWS} submissions`, () => {
  it('the table says how many rows it left out', async () => {
    const r = await assay([]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 100 + 1);
    expect(lines.at(-1)).toBe('showing 100 of 2,345 submissions — use --all to list every one');
    expect((await assay(['--limit', '1000'])).stdout.trimEnd().split('\n').at(-1)).toBe(
      'showing 1,000 of 2,345 submissions — use --all to list every one',
    );
    expect((await assay(['--status', 'pending', '--search', 'Teacher 2344'])).stdout.trimEnd().split('\n').at(-1)).toBe(
      '1 submission',
    );
  });

  it('--all --json prints every row once, in order, as one valid JSON array', async () => {
    const r = await assay(['--all', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as QueueItem[];
    expect(rows.map((x) => x.id)).toEqual(expected);
    // The same bytes as the paged JSON for the rows both print.
    const paged = (await assay(['--json', '--limit', '5'])).stdout;
    expect(JSON.stringify(rows.slice(0, 5), null, 2) + '\n').toBe(paged);
    expect((await assay(['--all', '--json', '--search', 'no such words anywhere'])).stdout).toBe('[]\n');
  });

  it('--all prints every row as a table, ending with the count', async () => {
    const r = await assay(['--all']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Due\s+Status\s+Try\s+Earner\s+Achievement\s+Submission$/);
    expect(lines.slice(1, -1).map((l) => l.split(/\s+/).at(-1))).toEqual(expected);
    expect(lines.at(-1)).toBe('2,345 submissions');
    expect(await assay(['--all', '--limit', '5'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--all lists every row; leave out --limit/),
    });
  });

  it('--all with --sort earner walks the same order as the paged listing', async () => {
    const s = openServices(dataDir);
    const byName: string[] = [];
    for (let offset = 0; offset < ROWS; offset += 1000)
      byName.push(...s.queue.list({ sort: 'earner', limit: 1000, offset }).items.map((i) => i.id));
    s.close();
    expect(
      (JSON.parse((await assay(['--all', '--json', '--sort', 'earner'])).stdout) as QueueItem[]).map((x) => x.id),
    ).toEqual(byName);
  });
});

describe('a reader that closes early (assay queue | head -n 1)', () => {
  for (const args of [
    ['queue', '--json', '--limit', '1000'],
    ['queue', '--all', '--json'],
    ['queue', '--all'],
  ]) {
    it(`"assay ${args.join(' ')}" ends quietly with status 0`, async () => {
      const r = await firstLineThenClose(args);
      expect(r.stderr).toBe('');
      expect(r).toMatchObject({ code: 0, signal: null });
      expect(r.first).toMatch(/^(\[|Due)/);
    });
  }
});
