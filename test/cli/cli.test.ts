// The `assay` command run as a user would, on the sample package and on broken ones: in-process
// through its entry function, and once as the built binary.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir, writePackage, writeValidPackage } from '../support/package-builder.js';

const CLI = path.resolve('dist/electron/cli/index.js');
let work: string;
let dataDir: string;
let sample: string;

function assay(args: string[], env: NodeJS.ProcessEnv = {}) {
  return runCli(args, { ASSAY_DATA_DIR: '', XDG_CONFIG_HOME: path.join(work, 'xdg'), ...env });
}

beforeAll(() => {
  work = tempDir('assay-cli-');
  dataDir = path.join(work, 'data');
  sample = path.join(work, 'sample');
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the built binary', () => {
  it('runs from dist with its exit codes: help, a usage error, and a command on a data folder', () => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`);
    const bin = (args: string[]) =>
      spawnSync(process.execPath, [CLI, ...args], {
        encoding: 'utf8',
        env: { ...process.env, ASSAY_DATA_DIR: '', XDG_CONFIG_HOME: path.join(work, 'xdg') },
      });
    expect(bin(['--help'])).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^Usage: assay <command>/),
      stderr: '',
    });
    expect(bin(['frobnicate'])).toMatchObject({
      status: 2,
      stdout: '',
      stderr: expect.stringMatching(/^assay: unknown command "frobnicate"/),
    });
    const audit = bin(['audit', 'verify', '--data-dir', path.join(work, 'bin-data')]);
    expect(audit).toMatchObject({ status: 0, stderr: '' });
    expect(audit.stdout).toMatch(/^Audit log intact: 0 entries/);
  });
});

describe('assay', () => {
  it('writes the sample package, imports it with a one-line summary, and again says nothing changed', async () => {
    const w = await assay(['sample-package', sample]);
    expect(w.code).toBe(0);
    expect(w.stdout).toMatch(/Wrote a sample review package to .*: 7 achievements, \d+ submissions/);
    const first = await assay(['import', sample, '--data-dir', dataDir]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout.trim().split('\n')).toHaveLength(1);
    expect(first.stdout).toMatch(/^Imported "sample": \d+ submissions, 7 new achievement versions, \d+ evidence files/);
    const again = await assay(['import', sample, '--data-dir', dataDir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/was already imported on .*; nothing changed/);
  });

  it('says which file of a damaged copy of an imported package differs, and changes nothing', async () => {
    const copy = path.join(work, 'damaged-copy');
    fs.cpSync(sample, copy, { recursive: true });
    const m = JSON.parse(fs.readFileSync(path.join(copy, 'manifest.json'), 'utf8')) as {
      submissions: { artifacts: { file?: string; size?: number }[] }[];
    };
    const victim = m.submissions.flatMap((s) => s.artifacts).find((a) => a.file !== undefined)!;
    fs.truncateSync(path.join(copy, ...victim.file!.split('/')), 10);
    const queue = (await assay(['queue', '--json', '--data-dir', dataDir])).stdout;
    const r = await assay(['import', copy, '--data-dir', dataDir]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(
      new RegExp(
        `^Package "damaged-copy" was already imported on .*; this copy differs from it: ${victim.file!.replaceAll('.', '\\.')} is 10 bytes but the manifest says ${victim.size}`,
      ),
    );
    expect((await assay(['queue', '--json', '--data-dir', dataDir])).stdout).toBe(queue);
  });

  it('lists the queue as JSON with the documented fields, and blind without any earner', async () => {
    const q = await assay(['queue', '--data-dir', dataDir, '--json']);
    expect(q.code).toBe(0);
    const rows = JSON.parse(q.stdout) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(10);
    expect(Object.keys(rows[0]!).sort()).toEqual([
      'achievementId',
      'achievementName',
      'attempt',
      'dueAt',
      'earnerName',
      'id',
      'status',
      'submittedAt',
    ]);
    expect(rows.map((r) => r.earnerName)).toEqual(
      expect.arrayContaining(['Zoë Núñez-Łukasiewicz', '김민준', 'Ng Thị Ánh']),
    );
    const blind = await assay(['queue', '--data-dir', dataDir, '--json', '--blind']);
    const blindRows = JSON.parse(blind.stdout) as Record<string, unknown>[];
    expect(blindRows.length).toBe(rows.length);
    expect(blindRows.every((r) => !('earnerName' in r))).toBe(true);
    expect(blind.stdout).not.toMatch(/Zoë|김민준|mailto:/);
  });

  it('filters by status and searches', async () => {
    const pending = JSON.parse(
      (await assay(['queue', '--data-dir', dataDir, '--json', '--status', 'pending'])).stdout,
    ) as unknown[];
    expect(pending.length).toBeGreaterThan(0);
    expect(JSON.parse((await assay(['queue', '--data-dir', dataDir, '--json', '--status', 'passed'])).stdout)).toEqual(
      [],
    );
    const found = JSON.parse((await assay(['queue', '--data-dir', dataDir, '--json', '--search', 'nunez'])).stdout) as {
      earnerName: string;
    }[];
    expect(found.map((r) => r.earnerName)).toEqual(['Zoë Núñez-Łukasiewicz']);
    const table = await assay(['queue', '--data-dir', dataDir]);
    expect(table.stdout).toMatch(/^Due\s+Status\s+Try\s+Earner\s+Achievement/);
    // A word under three letters matches whole words only, and the table says so under it.
    const short = await assay(['queue', '--data-dir', dataDir, '--search', 'nu']);
    expect(short.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      '0 submissions',
      '"nu": words under 3 letters match whole words only; type 3 letters or more to find words that begin with them',
    ]);
    expect((await assay(['queue', '--data-dir', dataDir, '--search', 'nun'])).stdout).toMatch(
      /Zoë[\s\S]*1 submission\n$/,
    );
    expect((await assay(['queue', '--data-dir', dataDir, '--status', 'done'])).code).toBe(2);
  });

  it('refuses a broken package with exit 1 and the reason on stderr, and verifies the audit log', async () => {
    const broken = path.join(work, 'broken');
    const { manifest, files } = writeValidPackage(broken, 1);
    (manifest.submissions as { artifacts: { sha256: string }[] }[])[0]!.artifacts[0]!.sha256 = 'b'.repeat(64);
    writePackage(broken, manifest, files);
    const r = await assay(['import', broken, '--data-dir', dataDir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Package "broken" was refused: evidence\/s0\/lesson-plan\.pdf: its SHA-256 is/);
    const audit = await assay(['audit', 'verify', '--data-dir', dataDir]);
    expect(audit).toMatchObject({ code: 0 });
    expect(audit.stdout).toMatch(/Audit log intact: 1 entry/);
  });

  it('uses ASSAY_DATA_DIR, else the per-user application data folder', async () => {
    const viaEnv = path.join(work, 'env-data');
    expect((await assay(['import', sample], { ASSAY_DATA_DIR: viaEnv })).code).toBe(0);
    expect(fs.existsSync(path.join(viaEnv, 'assay.db'))).toBe(true);
    expect((await assay(['audit', 'verify'])).code).toBe(0);
    expect(fs.existsSync(path.join(work, 'xdg', 'Assay', 'assay.db'))).toBe(true);
  });

  it('backs up and restores through the command line', async () => {
    const backup = path.join(work, 'cli-backup.zip');
    const b = await assay(['backup', '--out', backup, '--data-dir', dataDir]);
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/^Backed up \d+ evidence files/);
    const restored = path.join(work, 'restored');
    expect((await assay(['restore', backup, '--data-dir', restored])).code).toBe(0);
    const a = JSON.parse((await assay(['queue', '--json', '--data-dir', dataDir])).stdout) as unknown[];
    const r = JSON.parse((await assay(['queue', '--json', '--data-dir', restored])).stdout) as unknown[];
    expect(r).toEqual(a);
    const bad = await assay(['restore', path.join(work, 'nope.zip'), '--data-dir', restored]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Backup "nope\.zip" is not a readable backup/);
  });

  it('explains its usage', async () => {
    expect((await assay(['--help'])).stdout).toMatch(/Usage: assay <command>/);
    const r = await assay(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
  });
});
