// Canonical JSON is RFC 8785 (JCS) now. Hashes stored before it keep verifying: the audit chain and
// its anchors hash objects whose keys are fixed words with plain values, where both forms are the
// same text (pinned here); content hashes of achievements and submissions, whose open objects may
// hold integer-like keys, are recognised in the earlier form as well, so re-imports stay idempotent.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services.js';
import { appendAudit, GENESIS_HASH, verifyAudit } from '../../../electron/store/audit.js';
import { canonicalJson, legacyCanonicalJson } from '../../../shared/domain/canonical-json.js';
import { achievement, ACH, manifest, submission, tempDir, writePackage } from '../../support/package-builder.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const open: { s: Services; dir: string }[] = [];
afterEach(() => {
  for (const { s, dir } of open.splice(0)) {
    s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
function store(): { s: Services; dir: string } {
  const dir = tempDir();
  const o = { s: openServices(path.join(dir, 'data')), dir };
  open.push(o);
  return o;
}

describe('canonical JSON', () => {
  it('is RFC 8785: the example of its section 3.2.3, and integer-like keys in code-unit order', () => {
    const input =
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}';
    expect(canonicalJson(JSON.parse(input))).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
    const keys = { a: 1, 10: 2, 9: 3, $: 4 };
    expect(canonicalJson(keys)).toBe('{"$":4,"10":2,"9":3,"a":1}');
    expect(legacyCanonicalJson(keys)).toBe('{"9":3,"10":2,"$":4,"a":1}'); // what Assay hashed before
  });

  it('keeps the earlier form for what RFC 8785 refuses (an unpaired surrogate from a \\u escape)', () => {
    const value = JSON.parse('{"b":"\\ud800","a":1}') as unknown;
    expect(canonicalJson(value)).toBe('{"a":1,"b":"\\ud800"}');
  });

  it('gives the same text in both forms for every object the audit chain and its anchors hash', () => {
    const texts = ['', 'review.submit', 'urn:uuid:1', 'محمد', 'Zoë "quoted" \\ back\nline', '😀', '9', '10'];
    for (const t of texts) {
      for (const n of [0, 1, 9, 10, 123456789, 2 ** 53 - 1]) {
        const shapes = [
          { prev: t, seq: n, at: t, action: t, subject: t, details: `{"${t}":${n}}` }, // store/audit.ts entryHash
          { purpose: 'assay-audit-checkpoint', seq: n, hash: t, at: t }, // store/audit-anchor.ts
          { purpose: 'assay-backup-audit-head', entries: n, hash: t, createdAt: t, databaseSha256: t },
        ];
        for (const shape of shapes) expect(canonicalJson(shape)).toBe(legacyCanonicalJson(shape));
      }
    }
  });

  it('verifies a chain holding an entry written in the earlier form with integer-like keys in its details', () => {
    const { s } = store();
    appendAudit(s.db, 'review.submit', 'urn:uuid:a', { scores: { 10: 'x', 9: 'y' } }, '2026-01-01T00:00:00.000Z');
    const head = s.db.prepare('SELECT hash FROM audit_log WHERE seq = 1').pluck().get() as string;
    // As Assay before RFC 8785 wrote it: the details text and the entry hash in the earlier form.
    const details = legacyCanonicalJson({ scores: { 10: 'x', 9: 'y' } });
    const e = {
      prev: head,
      seq: 2,
      at: '2026-01-02T00:00:00.000Z',
      action: 'review.submit',
      subject: 'urn:uuid:b',
      details,
    };
    s.db
      .prepare(
        'INSERT INTO audit_log (seq, at, action, subject, details_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(2, e.at, e.action, e.subject, details, head, sha(legacyCanonicalJson(e)));
    appendAudit(s.db, 'review.submit', 'urn:uuid:c', { scores: { 10: 'x', 9: 'y' } }, '2026-01-03T00:00:00.000Z');
    const rows = s.db.prepare('SELECT details_json AS d FROM audit_log ORDER BY seq').pluck().all();
    expect(rows).toEqual([
      '{"scores":{"10":"x","9":"y"}}',
      '{"scores":{"9":"y","10":"x"}}',
      '{"scores":{"10":"x","9":"y"}}',
    ]);
    expect(verifyAudit(s.db)).toMatchObject({ ok: true, entries: 3 });
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });
});

describe('content hashes stored before RFC 8785', () => {
  it('re-importing a package whose achievement and submissions were stored under the earlier hash adds nothing and refuses nothing', async () => {
    const { s, dir } = store();
    const ext = { 'x-levels': { 9: 'nine', 10: 'ten' } }; // open objects allow integer-like keys
    const files = [0, 1].map((i) => ({
      path: `evidence/s${i}/plan.pdf`,
      content: Buffer.from(`%PDF-1.7 plan ${i}\n`),
    }));
    const subs = files.map((f, i) => submission(i, f, ext));
    const first = manifest({ achievements: [achievement(ACH, ext)], submissions: subs });
    writePackage(path.join(dir, 'p1'), first, files);
    expect(await s.importPackage(path.join(dir, 'p1'))).toMatchObject({
      status: 'imported',
      achievementsAdded: 1,
      submissionsAdded: 2,
    });
    // Rewind the stored hashes to what Assay stored before RFC 8785.
    const legacy = (json: string) => sha(legacyCanonicalJson(JSON.parse(json)));
    for (const table of ['achievement_versions', 'submissions']) {
      const rows = s.db.prepare(`SELECT rowid AS id, json FROM ${table}`).all() as { id: number; json: string }[];
      for (const r of rows) {
        expect(legacy(r.json)).not.toBe(sha(canonicalJson(JSON.parse(r.json))));
        s.db.prepare(`UPDATE ${table} SET content_sha256 = ? WHERE rowid = ?`).run(legacy(r.json), r.id);
      }
    }
    const second = { ...first, id: 'urn:uuid:0b1e7c3a-5d2f-4e8a-9c61-2f4d8e0a7b35' };
    writePackage(path.join(dir, 'p2'), second, files);
    expect(await s.importPackage(path.join(dir, 'p2'))).toMatchObject({
      status: 'imported',
      achievementsAdded: 0,
      submissionsAdded: 0,
      submissionsUnchanged: 2,
    });
    expect(s.db.prepare('SELECT COUNT(*) FROM achievement_versions').pluck().get()).toBe(1);
  });
});
