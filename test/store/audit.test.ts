import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../electron/store/audit.js';
import { openServices } from '../../electron/services.js';
import { tempDir, writeValidPackage } from '../support/package-builder.js';

function storeWithEntries() {
  const work = tempDir();
  const s = openServices(path.join(work, 'data'));
  for (let i = 1; i <= 5; i++)
    appendAudit(s.db, 'review.submit', `urn:uuid:${i}`, { decision: i % 2 ? 'pass' : 'not-yet' });
  return { s, work };
}

describe('the audit log', () => {
  it('records an import and verifies as intact', async () => {
    const work = tempDir();
    const s = openServices(path.join(work, 'data'));
    writeValidPackage(path.join(work, 'pkg'), 1);
    await s.importPackage(path.join(work, 'pkg'));
    const row = s.db.prepare('SELECT action, subject FROM audit_log').get();
    expect(row).toEqual({ action: 'package.import', subject: 'urn:uuid:7d0f3c1e-2b9a-4a63-9d4e-0c1b5f2e8a10' });
    expect(verifyAudit(s.db)).toMatchObject({ ok: true, entries: 1 });
    s.close();
    fs.rmSync(work, { recursive: true });
  });

  it('refuses updates and deletes through SQL', () => {
    const { s } = storeWithEntries();
    expect(() => s.db.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM audit_log WHERE seq = 5').run()).toThrow(/append-only/);
    s.close();
  });

  it.each([
    [
      'a changed detail',
      'UPDATE audit_log SET details_json = \'{"decision":"pass"}\' WHERE seq = 2',
      2,
      /was changed after it was written/,
    ],
    ['a removed entry', 'DELETE FROM audit_log WHERE seq = 3', 3, /entry 3 is missing/],
    ['a rewritten hash', "UPDATE audit_log SET hash = '" + 'f'.repeat(64) + "' WHERE seq = 4", 4, /was changed/],
    [
      'an entry re-chained after a change',
      "UPDATE audit_log SET prev_hash = '" + '0'.repeat(64) + "' WHERE seq = 3",
      3,
      /does not follow from entry 2/,
    ],
  ])('detects %s even when the triggers were dropped', (_name, sql, at, reason) => {
    const { s } = storeWithEntries();
    s.db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    s.db.exec(sql);
    const v = verifyAudit(s.db);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.brokenAt).toBe(at);
      expect(v.reason).toMatch(reason);
    }
    s.close();
  });
});
