// A writer killed (SIGKILL) part way through a file: the final name must hold the old good file or
// the new complete one, never a torn one, and what the dead writer left is cleaned up afterwards.
import { submitAt } from '../support/sample-store.js';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services.js';
import { removeStaleTemps } from '../../electron/store/atomic-write.js';
import { requireBuild, runHarness } from '../support/child.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/package-builder.js';

let work: string;
let dataDir: string;
const env = { ASSAY_PASSPHRASE: 'correct horse battery staple' };
const assay = (args: string[]) => runCli([...args, '--data-dir', dataDir], env);

/** Everything in `dir` that is not a finished file: the marks a dead writer leaves. */
const leftovers = (dir: string) =>
  fs.readdirSync(dir).filter((f) => /partial|\.tmp$|^\.assay-backup-|^\.restore-/.test(f));

beforeAll(async () => {
  requireBuild();
  work = tempDir('assay-atomic-');
  dataDir = path.join(work, 'data');
  expect((await runCli(['sample-package', path.join(work, 'sample')])).code).toBe(0);
  expect((await assay(['import', path.join(work, 'sample')])).code).toBe(0);
  const s = openServices(dataDir);
  const item = s.queue.list({ limit: 1 }).items[0]!;
  submitAt(s, [item.id], 'top', { feedback: 'Thank you.', activeMs: 1000 });
  s.close();
  expect((await assay(['identity', 'create', '--name', 'Riverside University School of Education'])).code).toBe(0);
  expect((await assay(['awards', 'issue', '--all'])).code).toBe(0);
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the atomic-write module under SIGKILL', () => {
  const old = Buffer.from('the old, good content\n');
  it.each(['sync', 'stream'] as const)('killed half way through a %s write: the old file stays whole', async (how) => {
    const file = path.join(work, `module-${how}.bin`);
    fs.writeFileSync(file, old);
    const r = await runHarness(['atomic', file, String(1 << 20), how]);
    expect(r.how).toBe('stopped');
    expect(fs.readFileSync(file)).toEqual(old);
    // The half-written temporary file is there, then removed because its writer is dead.
    const temps = fs.readdirSync(work).filter((f) => f.startsWith(`.module-${how}.bin.assay-`));
    expect(temps).toHaveLength(1);
    expect(fs.statSync(path.join(work, temps[0]!)).size).toBe(1 << 19);
    expect(removeStaleTemps(work)).toEqual(temps);
    expect(fs.readdirSync(work).filter((f) => f.includes(`module-${how}`))).toEqual([`module-${how}.bin`]);
  });

  it('killed just after the commit: the new file is there complete', async () => {
    const file = path.join(work, 'module-commit.bin');
    fs.writeFileSync(file, old);
    expect((await runHarness(['atomic', file, '4096', 'commit'])).how).toBe('stopped');
    expect(fs.readFileSync(file)).toEqual(Buffer.alloc(4096, 0x4e));
  });
});

describe('exports killed mid-write', () => {
  it.each([
    ['png', 'png', 100],
    ['pdf', 'pdf', 2000],
    ['json', 'json', 50],
  ] as const)('a re-export of the %s killed part way never damages the good file', async (format, ext, after) => {
    const out = path.join(work, `export-${format}`);
    expect((await assay(['awards', 'export', '--out', out, '--format', format])).code).toBe(0);
    const [name] = fs.readdirSync(out);
    expect(name).toMatch(new RegExp(`\\.${ext}$`));
    const good = fs.readFileSync(path.join(out, name!));
    const r = await runHarness(['cli', 'awards', 'export', '--out', out, '--format', format, '--data-dir', dataDir], {
      ...env,
      KILL_WRITE_MATCH: `\\.${ext}(\\.assay-\\d+-[0-9a-f]+\\.partial)?$`,
      KILL_WRITE_AFTER: String(after),
    });
    expect(r.how).toBe('stopped');
    expect(fs.readFileSync(path.join(out, name!))).toEqual(good);
    // The next export into the folder removes what the killed one left, and writes a whole file.
    expect((await assay(['awards', 'export', '--out', out, '--format', format])).code).toBe(0);
    expect(fs.readdirSync(out)).toEqual([name]);
    expect(fs.statSync(path.join(out, name!)).size).toBeGreaterThan(after);
  });

  it('a results package killed part way has no signature, and its files are whole or absent', async () => {
    const out = path.join(work, 'results');
    const r = await runHarness(['cli', 'results', 'export', '--out', out, '--data-dir', dataDir], {
      ...env,
      KILL_WRITE_MATCH: 'decisions\\.csv(\\.assay-\\d+-[0-9a-f]+\\.partial)?$',
      KILL_WRITE_AFTER: '20',
    });
    expect(r.how).toBe('stopped');
    expect(fs.existsSync(path.join(out, 'decisions.csv'))).toBe(false);
    expect(fs.readdirSync(out).filter((f) => /signature|manifest/.test(f))).toEqual([]);
  });
});

describe('backups killed mid-way', () => {
  it('leave no copy of the database beside the backup, and the next start removes their work folder', async () => {
    const outDir = path.join(work, 'backups-out');
    fs.mkdirSync(outDir);
    const r = await runHarness(['backup', dataDir, path.join(outDir, 'b.zip')]);
    expect(r.how).toBe('stopped');
    expect(leftovers(outDir)).toEqual([]);
    openServices(dataDir).close();
    expect(leftovers(dataDir)).toEqual([]);
  });

  it('killed while writing the .zip: the next backup into that folder removes the partial file', async () => {
    const outDir = path.join(work, 'backups-zip');
    fs.mkdirSync(outDir);
    // The store has an identity, so the backup signs its audit head and needs the passphrase.
    const r = await runHarness(['cli', 'backup', '--out', path.join(outDir, 'b.zip'), '--data-dir', dataDir], {
      ...env,
      KILL_WRITE_MATCH: 'b\\.zip(\\.assay-\\d+-[0-9a-f]+\\.partial)?$',
      KILL_WRITE_AFTER: '30000',
    });
    expect(r.how).toBe('stopped');
    expect(fs.existsSync(path.join(outDir, 'b.zip'))).toBe(false);
    expect(leftovers(outDir)).toHaveLength(1);
    expect((await assay(['backup', '--out', path.join(outDir, 'b.zip')])).code).toBe(0);
    expect(fs.readdirSync(outDir)).toEqual(['b.zip']);
    openServices(dataDir).close();
    expect(leftovers(dataDir)).toEqual([]);
  });
});
