// Every list built for export is complete: 1,000 awards (twice the old silent ceiling of 500) are all
// listed, exported and carried by the results package, and an award asked for by name is found or refused.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCadesSignature } from '../../electron/awards/certificate/cms.js';
import { verifyDetachedCms } from '../../electron/awards/cms-verify.js';
import { generateSelfSignedIdentity, type SigningIdentity } from '../../electron/awards/identity/index.js';
import { exportResults } from '../../electron/results/results.js';
import { verifyResults } from '../../electron/results/verify.js';
import { storeTrust } from '../../electron/awards/trust.js';
import { saveDraft, submitReview } from '../../electron/review/reviews.js';
import { openServices, type Services } from '../../electron/services.js';
import { runCli } from '../support/cli.js';
import { ACH, manifest, submission, tempDir, writePackage } from '../support/package-builder.js';

const AWARDS = 1000;
let work: string;
let dataDir: string;
let s: Services;
let identity: SigningIdentity;

function assay(args: string[]) {
  return runCli([...args, '--data-dir', dataDir]);
}

beforeAll(async () => {
  work = tempDir('assay-awards-complete-');
  dataDir = path.join(work, 'data');
  const pkg = path.join(work, 'package');
  // Evidence by URL only: the store gets 1,000 submissions without 1,000 files to hash.
  writePackage(pkg, manifest({ submissions: Array.from({ length: AWARDS }, (_, i) => submission(i, undefined)) }), []);
  s = openServices(dataDir);
  await s.importPackage(pkg);
  const ids = s.db.prepare('SELECT id FROM submissions ORDER BY seq').pluck().all() as string[];
  const top = { [`${ACH}#inquiry`]: `${ACH}#inquiry-3`, [`${ACH}#evidence`]: `${ACH}#evidence-3` };
  s.db.transaction(() => {
    for (const submissionId of ids) {
      saveDraft(s.db, {
        submissionId,
        scores: top,
        comments: {},
        feedback: 'Well done.',
        override: null,
        activeMs: 1000,
      });
      submitReview(s.db, submissionId);
    }
  })();
  identity = await generateSelfSignedIdentity({ name: 'Test University' });
  // Three awards share each issue time, so ties straddle the 500-row page boundary.
  for (const [i, id] of ids.entries())
    await s.awards.issue(id, identity, { now: new Date(Date.UTC(2026, 11, 1) + Math.floor(i / 3) * 60_000) });
});
afterAll(() => {
  s.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe(`${AWARDS} awards, twice the old ceiling`, () => {
  it('lists every award once, newest first, across pages with tied issue times', () => {
    const all = s.awards.list();
    expect(all).toHaveLength(AWARDS);
    expect(new Set(all.map((a) => a.credentialId)).size).toBe(AWARDS);
    const keys = all.map((a) => `${a.issuedAt}|${a.credentialId}`);
    const newestFirst = [...keys].sort((x, y) =>
      x.split('|')[0]! === y.split('|')[0]! ? x.localeCompare(y) : y.localeCompare(x),
    );
    expect(keys).toEqual(newestFirst);
    expect(s.awards.list({ status: 'active' })).toHaveLength(AWARDS);
  });

  it('finds the oldest award by id or code (the filter runs in SQL, not after a limit)', () => {
    const oldest = s.db
      .prepare(
        'SELECT credential_id AS id, verification_code AS code FROM awards ORDER BY issued_at, credential_id LIMIT 1',
      )
      .get() as { id: string; code: string };
    expect(s.awards.list({ ids: [oldest.id] }).map((a) => a.credentialId)).toEqual([oldest.id]);
    expect(s.awards.list({ ids: [oldest.code.toLowerCase()] }).map((a) => a.credentialId)).toEqual([oldest.id]);
  });

  it('"assay awards list --json" prints all of them as one valid JSON array', async () => {
    const r = await assay(['awards', 'list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { credentialId: string }[];
    expect(rows).toHaveLength(AWARDS);
    expect(new Set(rows.map((x) => x.credentialId)).size).toBe(AWARDS);
    expect((await assay(['awards', 'list'])).stdout.trim().split('\n')).toHaveLength(AWARDS);
  });

  it('"assay awards export" writes every award, and one named by code even when it is the oldest', async () => {
    const out = path.join(work, 'export-all');
    const r = await assay(['awards', 'export', '--out', out, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Exported ${AWARDS} awards \\(${AWARDS} files\\)`));
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.json'))).toHaveLength(AWARDS);

    const oldest = s.db
      .prepare('SELECT verification_code FROM awards ORDER BY issued_at, credential_id LIMIT 1')
      .pluck()
      .get() as string;
    const one = path.join(work, 'export-one');
    const named = await assay(['awards', 'export', '--out', one, '--format', 'json', oldest]);
    expect(named.code, named.stderr).toBe(0);
    expect(fs.readdirSync(one)).toEqual([expect.stringContaining(oldest)]);
  });

  it('"assay awards export ID" fails loudly, naming an id that is not an award in force', async () => {
    const r = await assay([
      'awards',
      'export',
      '--out',
      path.join(work, 'export-none'),
      '--format',
      'json',
      'urn:uuid:00000000-0000-4000-8000-00000000dead',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"urn:uuid:00000000-0000-4000-8000-00000000dead" is not an award in force/);
  });

  it('the results package carries every award, and its count is what it wrote', async () => {
    const out = path.join(work, 'results');
    // Credentials only: certificate PDFs for 1,000 awards would take minutes and prove nothing more here.
    const r = await exportResults(s, out, {
      name: 'Test University',
      signDetached: (data) => buildCadesSignature(identity, createHash('sha256').update(data).digest()),
    });
    expect(r.awards).toBe(AWARDS);
    const results = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) as {
      submissions: { awards?: unknown[] }[];
    };
    expect(results.submissions.flatMap((x) => x.awards ?? [])).toHaveLength(AWARDS);
    const csv = fs.readFileSync(path.join(out, 'decisions.csv'), 'utf8').trim().split('\r\n').slice(1);
    expect(csv.filter((line) => /urn:uuid:/.test(line.split(',').at(-2) ?? ''))).toHaveLength(AWARDS);
    expect(fs.readdirSync(path.join(out, 'awards'))).toHaveLength(AWARDS);
    // Signed by the identity that issued the awards, which the store therefore knows and trusts.
    expect(await verifyResults(out, verifyDetachedCms, { trust: storeTrust(s.db, s.dataDir) })).toMatchObject({
      ok: true,
      submissions: AWARDS,
    });
  });
});
