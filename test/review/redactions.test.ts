// Blind review's hand-made redactions and leak reports: kept per evidence file (every submission carrying the
// file, every assessor of the store), audited in the hash chain, refused for what does not exist, exported.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCadesSignature } from '../../electron/awards/certificate/cms.js';
import { generateSelfSignedIdentity } from '../../electron/awards/identity/index.js';
import { exportResults } from '../../electron/results/results.js';
import { openServices, type Services } from '../../electron/services.js';
import { verifyAudit } from '../../electron/store/audit.js';
import { addRedactionSchema, leakReportInputSchema } from '../../shared/domain/evidence-redaction.js';
import { resultsSchema } from '../../shared/schemas/results-package.js';
import { manifest, submission, tempDir, writePackage } from '../support/package-builder.js';

let work: string;
let s: Services;
const ids: string[] = [];

beforeEach(async () => {
  work = tempDir('assay-redactions-');
  const shared = { path: 'evidence/shared/lesson-plan.pdf', content: Buffer.from('%PDF-1.7 the same plan twice\n') };
  const other = { path: 'evidence/other/notes.pdf', content: Buffer.from('%PDF-1.7 other notes\n') };
  // Two submissions carry the same file; a third another one.
  const m = manifest({ submissions: [submission(1, shared), submission(2, shared), submission(3, other)] });
  writePackage(path.join(work, 'pkg'), m, [shared, other]);
  s = openServices(path.join(work, 'data'));
  await s.importPackage(path.join(work, 'pkg'));
  ids.splice(0, ids.length, ...(s.db.prepare('SELECT id FROM submissions ORDER BY seq').pluck().all() as string[]));
});
afterEach(() => {
  s.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('redactions', () => {
  it('cover the evidence file wherever it appears, and are audited', () => {
    const added = s.reviews.addRedaction({
      submissionId: ids[0]!,
      artifactId: 'a1',
      page: 2,
      box: { x: 0.1, y: 0.05, w: 0.3, h: 0.04 },
    });
    expect(added).toMatchObject({ page: 2, box: { x: 0.1, y: 0.05, w: 0.3, h: 0.04 } });
    expect(s.reviews.redactions(ids[1]!, 'a1')).toEqual([added]);
    expect(s.reviews.redactions(ids[2]!, 'a1')).toEqual([]);
    const audit = s.db
      .prepare("SELECT subject, details_json FROM audit_log WHERE action = 'evidence.redact'")
      .all() as {
      subject: string;
      details_json: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.subject).toBe(ids[0]);
    expect(JSON.parse(audit[0]!.details_json)).toMatchObject({ artifactId: 'a1', page: 2 });
    expect(verifyAudit(s.db).ok).toBe(true);
  });

  it('refuses a box outside the page and an artifact that is not there, naming it', () => {
    const outside = addRedactionSchema.safeParse({
      submissionId: ids[0],
      artifactId: 'a1',
      page: 1,
      box: { x: 0.8, y: 0, w: 0.3, h: 0.1 },
    });
    expect(outside.success).toBe(false);
    expect(() =>
      s.reviews.addRedaction({ submissionId: ids[0]!, artifactId: 'a9', page: 1, box: { x: 0, y: 0, w: 0.1, h: 0.1 } }),
    ).toThrow(expect.objectContaining({ code: 'not-found', message: expect.stringContaining('"a9"') }) as Error);
  });
});

describe('"I can still see who this is"', () => {
  it('is kept with its note, audited, and exported in the results package', async () => {
    expect(leakReportInputSchema.safeParse({ submissionId: ids[0], artifactId: 'a1', note: '   ' }).success).toBe(
      false,
    );
    const report = s.reviews.reportLeak({
      submissionId: ids[0]!,
      artifactId: 'a1',
      page: 1,
      note: '  The school crest on the cover names her school.  ',
    });
    expect(report).toMatchObject({
      artifactId: 'a1',
      page: 1,
      note: 'The school crest on the cover names her school.',
    });
    const audit = s.db
      .prepare("SELECT details_json FROM audit_log WHERE action = 'evidence.identity-leak'")
      .pluck()
      .all();
    expect(audit.map((d) => JSON.parse(d as string) as unknown)).toEqual([
      expect.objectContaining({ artifactId: 'a1', page: 1, note: 'The school crest on the cover names her school.' }),
    ]);
    expect(verifyAudit(s.db).ok).toBe(true);

    const identity = await generateSelfSignedIdentity({ name: 'Test University' });
    const out = path.join(work, 'results');
    await exportResults(s, out, {
      name: 'Test University',
      signDetached: (data) => buildCadesSignature(identity, createHash('sha256').update(data).digest()),
    });
    const results = resultsSchema.parse(JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')));
    const bySubmission = new Map(results.submissions.map((x) => [x.submissionId, x]));
    expect(bySubmission.get(ids[0]!)?.identityLeaks).toEqual([report]);
    expect(bySubmission.get(ids[1]!)?.identityLeaks).toBeUndefined();
  });
});
