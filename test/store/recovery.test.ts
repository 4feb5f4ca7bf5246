// The window between the commit and moving staged files into place: recovery rolls forward.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openServices } from '../../electron/services.js';
import { sha256, tempDir } from '../support/package-builder.js';
import { orphanReport } from '../support/store-snapshot.js';

describe('evidence recovery at start-up', () => {
  function deadStaging(dataDir: string): string {
    // pid 2^22+1 is above Linux's pid_max default range, so no live process owns it.
    const dir = path.join(dataDir, 'staging', `${2 ** 22 + 1}-deadbeef`);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }

  it('moves a staged file whose blob row committed into place, and deletes the rest', () => {
    const dataDir = path.join(tempDir(), 'data');
    const s = openServices(dataDir);
    const committed = Buffer.from('committed evidence');
    const uncommitted = Buffer.from('never committed');
    s.db.prepare('INSERT INTO blobs (sha256, size) VALUES (?, ?)').run(sha256(committed), committed.length);
    s.close();
    const dir = deadStaging(dataDir);
    fs.writeFileSync(path.join(dir, sha256(committed)), committed);
    fs.writeFileSync(path.join(dir, sha256(uncommitted)), uncommitted);
    fs.writeFileSync(path.join(dir, 'tmp-0123'), 'half written');

    const again = openServices(dataDir);
    expect(fs.readFileSync(again.evidence.pathOf(sha256(committed)))).toEqual(committed);
    expect(again.evidence.has(sha256(uncommitted))).toBe(false);
    expect(orphanReport(again)).toEqual({ missingFiles: [], orphanFiles: [], staging: [] });
    again.close();
  });

  it('leaves the staging folder of a live process alone', () => {
    const dataDir = path.join(tempDir(), 'data');
    openServices(dataDir).close();
    const live = path.join(dataDir, 'staging', `${process.ppid}-cafebabe`);
    fs.mkdirSync(live);
    fs.writeFileSync(path.join(live, 'tmp-1'), 'in flight');
    openServices(dataDir).close();
    expect(fs.existsSync(path.join(live, 'tmp-1'))).toBe(true);
  });
});
