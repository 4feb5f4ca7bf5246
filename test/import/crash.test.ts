// A child process importing a large package is killed with SIGKILL at several points; the store
// must then be intact, the package wholly there or wholly absent, and no evidence file orphaned.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services.js';
import { manifest, submission, tempDir, writePackage, zipFolder } from '../support/package-builder.js';
import { orphanReport } from '../support/store-snapshot.js';

const CLI = path.resolve('dist/electron/cli/index.js');
const FILES = 48;
const FILE_BYTES = 3 * 1024 * 1024;

let work: string;
let folder: string;
let zip: string;

beforeAll(async () => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`);
  work = tempDir('assay-crash-');
  folder = path.join(work, 'large');
  const files = Array.from({ length: FILES }, (_, i) => ({
    path: `evidence/s${i}/video-notes.bin`,
    content: randomBytes(FILE_BYTES),
  }));
  writePackage(folder, manifest({ submissions: files.map((f, i) => submission(i, f)) }), files);
  zip = path.join(work, 'large.zip');
  await zipFolder(folder, zip);
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Starts an import in a child and kills it once `ready()` says so (or when it ends by itself). */
async function importAndKill(dataDir: string, input: string, ready: () => boolean): Promise<'killed' | 'finished'> {
  const child = spawn(process.execPath, [CLI, 'import', input, '--data-dir', dataDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (;;) {
    const done = await Promise.race([
      exited.then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), 2)),
    ]);
    if (done) {
      expect({ code: await exited, stderr }).toEqual({ code: 0, stderr: '' });
      return 'finished';
    }
    if (ready()) {
      child.kill('SIGKILL');
      await exited;
      return 'killed';
    }
  }
}

function stagedFiles(dataDir: string): number {
  const staging = path.join(dataDir, 'staging');
  if (!fs.existsSync(staging)) return 0;
  return fs.readdirSync(staging).reduce((n, d) => n + fs.readdirSync(path.join(staging, d)).length, 0);
}

function checkConsistent(dataDir: string): 'absent' | 'present' {
  const s = openServices(dataDir);
  try {
    expect(s.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(s.db.pragma('foreign_key_check')).toEqual([]);
    expect(orphanReport(s)).toEqual({ missingFiles: [], orphanFiles: [], staging: [] });
    const packages = s.db.prepare('SELECT count(*) FROM packages').pluck().get() as number;
    const subs = s.db.prepare('SELECT count(*) FROM submissions').pluck().get() as number;
    const blobs = s.db.prepare('SELECT count(*) FROM blobs').pluck().get() as number;
    if (packages === 0) {
      expect({ subs, blobs }).toEqual({ subs: 0, blobs: 0 });
      return 'absent';
    }
    expect({ packages, subs, blobs }).toEqual({ packages: 1, subs: FILES, blobs: FILES });
    expect(s.verifyAudit()).toMatchObject({ ok: true, entries: 1 });
    return 'present';
  } finally {
    s.close();
  }
}

describe('an import killed with SIGKILL', () => {
  const points: [string, 'folder' | 'zip', (dataDir: string) => () => boolean][] = [
    ['at once', 'folder', () => () => true],
    ['after a few files', 'folder', (d) => () => stagedFiles(d) >= 3],
    ['half way', 'folder', (d) => () => stagedFiles(d) >= FILES / 2],
    ['with every file staged', 'folder', (d) => () => stagedFiles(d) >= FILES],
    ['half way through a zip', 'zip', (d) => () => stagedFiles(d) >= FILES / 2],
    ['late in a zip', 'zip', (d) => () => stagedFiles(d) >= FILES - 2],
  ];

  it.each(points)('%s leaves the store consistent, and a later import completes', async (_name, kind, readyFor) => {
    const dataDir = path.join(work, `data-${randomBytes(4).toString('hex')}`);
    openServices(dataDir).close();
    const outcome = await importAndKill(dataDir, kind === 'zip' ? zip : folder, readyFor(dataDir));
    const state = checkConsistent(dataDir);
    if (outcome === 'finished') expect(state).toBe('present');
    // Afterwards the same package imports (or is already there) and the store is whole.
    const s = openServices(dataDir);
    const r = await s.importPackage(folder);
    expect(r.status).toBe(state === 'present' ? 'unchanged' : 'imported');
    s.close();
    expect(checkConsistent(dataDir)).toBe('present');
  });
});
