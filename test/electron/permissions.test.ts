// Personal data is private by default on POSIX: the data folder and every folder Assay makes are 0700,
// every file it writes 0600 (the database and its -wal/-shm, evidence, backups, exports, identity).
import { submitAt } from '../support/sample-store.js';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAwardFiles } from '../../electron/awards/award-files.js';
import { Awards } from '../../electron/awards/awards.js';
import {
  generateSelfSignedIdentity,
  passphraseBox,
  saveIdentity,
  type SigningIdentity,
} from '../../electron/awards/identity/index.js';
import { writeWindowState } from '../../electron/app/window-state.js';
import { autoBackup, createBackup, restoreBackup } from '../../electron/backup/backup.js';
import { exportResults } from '../../electron/results/results.js';
import { openServices, type Services } from '../../electron/services.js';
import { writeFileAtomic } from '../../electron/store/atomic-write.js';
import { tempDir, writeValidPackage } from '../support/package-builder.js';
import { writeSamplePackage } from '../../electron/sample/sample-package.js';

const mode = (p: string) => fs.statSync(p).mode & 0o777;
const posix = process.platform !== 'win32';

let work: string;
let dataDir: string;
let s: Services;
let identity: SigningIdentity;

beforeAll(async () => {
  work = tempDir('assay-perm-');
  dataDir = path.join(work, 'data');
  // Package files as people have them: readable by everyone.
  const { dir } = await writeSamplePackage(path.join(work, 'sample'));
  for (const f of fs.readdirSync(dir, { recursive: true }) as string[])
    fs.chmodSync(path.join(dir, f), fs.statSync(path.join(dir, f)).isDirectory() ? 0o755 : 0o644);
  s = openServices(dataDir);
  await s.importPackage(dir);
  const item = s.queue.list({ limit: 1 }).items[0]!;
  submitAt(s, [item.id], 'top', { feedback: 'Thank you.', activeMs: 1000 });
  identity = await generateSelfSignedIdentity({ name: 'Riverside University School of Education' });
  await new Awards(s.db).issue(item.id, identity);
});
afterAll(() => {
  s.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe.runIf(posix)('private by default (POSIX modes)', () => {
  it('the data folder, the database with its -wal and -shm, the evidence folders and files', () => {
    expect(mode(dataDir)).toBe(0o700);
    for (const f of ['assay.db', 'assay.db-wal', 'assay.db-shm'])
      expect([f, mode(path.join(dataDir, f))]).toEqual([f, 0o600]);
    for (const d of ['evidence', 'staging', 'locks']) expect([d, mode(path.join(dataDir, d))]).toEqual([d, 0o700]);
    const shas = s.evidence.listAll();
    expect(shas.length).toBeGreaterThan(3);
    for (const sha of shas) {
      expect(mode(path.dirname(s.evidence.pathOf(sha)))).toBe(0o700);
      expect([sha, mode(s.evidence.pathOf(sha))]).toEqual([sha, 0o600]);
    }
  });

  it('a store made before this rule is made private when it is opened', async () => {
    const old = path.join(work, 'old-store');
    const o = openServices(old);
    writeValidPackage(path.join(work, 'pkg-old'), 2);
    await o.importPackage(path.join(work, 'pkg-old'));
    o.close();
    // As the earlier version left it: everything readable by everyone.
    for (const f of fs.readdirSync(old, { recursive: true }) as string[]) {
      const p = path.join(old, f);
      fs.chmodSync(p, fs.statSync(p).isDirectory() ? 0o755 : 0o644);
    }
    fs.chmodSync(old, 0o755);
    const r = openServices(old);
    expect(mode(old)).toBe(0o700);
    expect(mode(path.join(old, 'assay.db'))).toBe(0o600);
    expect(mode(path.join(old, 'evidence'))).toBe(0o700);
    for (const sha of r.evidence.listAll()) expect(mode(r.evidence.pathOf(sha))).toBe(0o600);
    r.close();
  });

  it('backups, automatic backups and a restored store', async () => {
    const file = path.join(work, 'b.zip');
    await createBackup(s, file);
    expect(mode(file)).toBe(0o600);
    const auto = await autoBackup(s, path.join(dataDir, 'backups'), 3);
    expect(mode(path.dirname(auto))).toBe(0o700);
    expect(mode(auto)).toBe(0o600);
    const restored = path.join(work, 'restored');
    await restoreBackup(restored, file);
    expect(mode(restored)).toBe(0o700);
    expect(mode(path.join(restored, 'assay.db'))).toBe(0o600);
    expect(mode(path.join(restored, 'evidence'))).toBe(0o700);
    const r = openServices(restored);
    for (const sha of r.evidence.listAll()) expect(mode(r.evidence.pathOf(sha))).toBe(0o600);
    r.close();
  });

  it('exports that name people: certificates, credentials, badges, results packages, CASE files', async () => {
    const awards = new Awards(s.db).list({});
    const out = path.join(work, 'exports');
    const files = await exportAwardFiles(s, identity, awards, out, ['pdf', 'json', 'png'], 'a4');
    expect(files).toHaveLength(3);
    expect(mode(out)).toBe(0o700);
    for (const f of files) expect([path.extname(f), mode(f)]).toEqual([path.extname(f), 0o600]);
    const results = path.join(work, 'results');
    await exportResults(s, results, { name: 'Assessor', signDetached: async () => Buffer.from('sig') });
    for (const f of fs.readdirSync(results, { recursive: true }) as string[]) {
      const p = path.join(results, f);
      expect([f, mode(p)]).toEqual([f, fs.statSync(p).isDirectory() ? 0o700 : 0o600]);
    }
    const caseFile = path.join(work, 'case.json');
    writeFileAtomic(caseFile, '{}');
    expect(mode(caseFile)).toBe(0o600);
  });

  it('the identity and the window state', () => {
    const dir = path.join(work, 'identity-home');
    saveIdentity(dir, identity, passphraseBox('correct horse battery staple'));
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'identity.json'))).toBe(0o600);
    const state = path.join(work, 'ui', 'window-state.json');
    writeWindowState(state, { bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: false });
    expect(mode(state)).toBe(0o600);
  });
});
