import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupError, createBackup, restoreBackup } from '../../electron/backup/backup.js';
import { openServices, type Services } from '../../electron/services.js';
import { manifest, submission, tempDir, writePackage, writeValidPackage } from '../support/package-builder.js';
import { orphanReport, snapshot } from '../support/store-snapshot.js';
import type { ImportProgress } from '../../shared/domain/import.js';

let work: string;
let s: Services;
beforeEach(() => {
  work = tempDir();
  s = openServices(path.join(work, 'data'));
});
afterEach(() => {
  s.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips the store and the evidence into another data folder', async () => {
    writeValidPackage(path.join(work, 'pkg'), 3);
    await s.importPackage(path.join(work, 'pkg'));
    const before = snapshot(s);
    const phases = new Set<string>();
    const m = await createBackup(s, path.join(work, 'backup.zip'), (p) => phases.add(p.phase));
    expect(m).toMatchObject({ format: 'assay-backup', evidence: { files: 3 } });
    expect([...phases]).toEqual(['database', 'evidence', 'done']);

    const other = path.join(work, 'other');
    await restoreBackup(other, path.join(work, 'backup.zip'));
    const r = openServices(other);
    expect(snapshot(r)).toEqual(before);
    expect(r.verifyAudit().ok).toBe(true);
    r.close();
  });

  it('a backup taken while an import runs restores to a consistent store', async () => {
    const files = Array.from({ length: 24 }, (_, i) => ({
      path: `evidence/s${i}/video.bin`,
      content: randomBytes(2 * 1024 * 1024),
    }));
    writePackage(path.join(work, 'big'), manifest({ submissions: files.map((f, i) => submission(i, f)) }), files);
    // The backup starts at fixed points of the import's own progress (no sleeps): while the manifest is read,
    // after the first verified file, half way, and as the rows are about to be saved.
    type Point = { name: string; at: (p: ImportProgress) => boolean };
    const points: Point[] = [
      { name: 'reading', at: (p) => p.phase === 'reading' },
      { name: 'first-file', at: (p) => p.phase === 'verifying' && p.filesDone >= 1 },
      { name: 'half-way', at: (p) => p.phase === 'verifying' && p.filesDone >= files.length / 2 },
      { name: 'saving', at: (p) => p.phase === 'saving' },
    ];
    for (const point of points) {
      const target = path.join(work, `data-${point.name}`);
      const live = openServices(target);
      const backup = path.join(work, `during-${point.name}.zip`);
      let backingUp: Promise<unknown> | undefined;
      const importing = live.importPackage(path.join(work, 'big'), {
        onProgress: (p) => {
          if (!backingUp && point.at(p)) backingUp = createBackup(live, backup);
        },
      });
      await importing;
      expect(backingUp, `the import reached "${point.name}"`).toBeDefined();
      await backingUp;
      live.close();
      const restored = path.join(work, `restored-${point.name}`);
      await restoreBackup(restored, backup);
      const r = openServices(restored);
      expect(r.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(orphanReport(r)).toEqual({ missingFiles: [], orphanFiles: [], staging: [] });
      const subs = r.db.prepare('SELECT count(*) FROM submissions').pluck().get();
      expect([0, 24]).toContain(subs);
      r.close();
    }
  });

  it('refuses a damaged backup before replacing anything', async () => {
    writeValidPackage(path.join(work, 'pkg'), 2);
    await s.importPackage(path.join(work, 'pkg'));
    const backup = path.join(work, 'backup.zip');
    await createBackup(s, backup);
    const bytes = fs.readFileSync(backup);
    // Flip a byte inside the stored (uncompressed) evidence near the end of the archive.
    const at = bytes.indexOf(Buffer.from('lesson plan 1'));
    expect(at).toBeGreaterThan(0);
    bytes[at] = bytes[at]! ^ 0xff;
    fs.writeFileSync(backup, bytes);

    const target = path.join(work, 'target');
    const existing = openServices(target);
    writeValidPackage(path.join(work, 'other-pkg'), 1, { id: 'urn:uuid:aaaaaaaa-2222-4333-8444-555555555555' });
    await existing.importPackage(path.join(work, 'other-pkg'));
    const before = snapshot(existing);
    existing.close();
    await expect(restoreBackup(target, backup)).rejects.toThrow(BackupError);
    const after = openServices(target);
    expect(snapshot(after)).toEqual(before);
    after.close();
  });

  it('refuses a file that is not a backup', async () => {
    fs.writeFileSync(path.join(work, 'x.zip'), 'not a zip');
    await expect(restoreBackup(path.join(work, 'd'), path.join(work, 'x.zip'))).rejects.toThrow(
      /is not a readable backup/,
    );
  });
});
