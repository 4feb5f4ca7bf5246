// The adjudicator's evidence on a real panel (test/support/panel.ts): a decision in the adjudication queue shows
// what the teacher submitted (overview, reflection, work examples) read from the round's review package, every
// file checked against its SHA-256 in the manifest and then served as evidence/<sha256> by the app protocol's own
// handler; a changed or missing file, and a package that is gone, are refused by name and nothing is served.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, evidenceLookup, handleAppRequest } from '../../electron/app/protocol-core.js';
import type { Coordination } from '../../electron/coordination/coordination.js';
import { openServices, type Services } from '../../electron/services.js';
import type { ReconciliationItem } from '../../shared/coordination/types.js';
import type { FileArtifact, Manifest, Submission } from '../../shared/schemas/review-package.js';
import { runCli } from '../support/cli.js';
import { openPersonIpc } from '../support/ipc-person.js';
import { zipFolder } from '../support/package-builder.js';
import { buildPanel, secondRead, type Panel } from '../support/panel.js';

let panel: Panel;
let s: Services;
let c: Coordination;
let item: ReconciliationItem;
let submission: Submission;
let files: FileArtifact[];
let sections: string[];

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A coordination of the panel's round from `reviewPackage` (the folder or a zip of it), through to the adjudication queue. */
async function roundUpToAdjudication(co: Coordination, reviewPackage: string, name: string): Promise<void> {
  expect((await co.open([reviewPackage, ...panel.assessors.map((a) => a.results)])).refused).toEqual([]);
  const o = co.overview()!;
  const sample = co.sample({
    notYetOnLastAttempt: true,
    lastAttempt: 2,
    nearCut: true,
    passShare: 0.5,
    seed: 'autumn-2026',
  });
  const out = path.join(panel.work, name);
  fs.mkdirSync(out);
  await co.exportSecondReadings(
    sample.id,
    o.assessors.map((a) => a.assessor.id),
    out,
  );
  const returned = await secondRead(panel, out, { freshStores: true });
  expect((await co.importSecondReadings(returned, 'lower')).refused).toEqual([]);
}

beforeAll(async () => {
  panel = await buildPanel();
  s = openServices(path.join(panel.work, 'coordinator'));
  c = await s.coordination();
  await roundUpToAdjudication(c, panel.reviewPackage, 'second-readings');
  const manifest = JSON.parse(fs.readFileSync(path.join(panel.reviewPackage, 'manifest.json'), 'utf8')) as Manifest;
  const subs = new Map(manifest.submissions.map((x) => [x.id, x]));
  // The queued decision with the most evidence files (the sample's submissions have PDFs, images and links).
  const fileCount = (q: ReconciliationItem) => subs.get(q.submissionId)!.artifacts.filter((a) => 'file' in a).length;
  item = c.adjudicationQueue().reduce((best, q) => (fileCount(q) > fileCount(best) ? q : best));
  expect(fileCount(item), 'a queued decision with several evidence files').toBeGreaterThan(1);
  submission = subs.get(item.submissionId)!;
  sections = manifest.achievements.find((a) => a.id === submission.achievementId)!.sections.map((x) => x.id);
  files = submission.artifacts.filter((a): a is FileArtifact => 'file' in a);
}, 300_000);

afterAll(() => {
  s.close();
  panel.dispose();
});

const fileOf = (a: FileArtifact) => path.join(panel.reviewPackage, ...a.file.split('/'));

async function get(sha: string) {
  const deps = { rendererRoot: path.join(panel.work, 'no-renderer'), lookupEvidence: evidenceLookup(s) };
  return handleAppRequest({ url: `${APP_URL}evidence/${sha}`, method: 'GET', headers: new Headers() }, deps);
}

describe('the evidence of a decision in the adjudication queue', () => {
  it('is nothing the app protocol serves until it has been read and verified', async () => {
    for (const a of files) {
      expect(evidenceLookup(s)(a.sha256)).toBeNull();
      expect((await get(a.sha256)).status).toBe(404);
      expect(s.evidenceFile(a.sha256)).toBeNull();
    }
  });

  it('is read from the round package: the responses by section, and every file served by its SHA-256 with its type', async () => {
    const ev = await c.adjudicationEvidence(item.submissionId);
    expect(ev.submissionId).toBe(item.submissionId);
    expect(ev.packageLabel).toBe(path.basename(panel.reviewPackage));
    // The rubric's sections in its order (overview, work examples, reflection in the sample), as the review shows them.
    expect(ev.sections.map((x) => x.id)).toEqual(sections);
    expect(sections).toEqual(expect.arrayContaining(['overview', 'reflection', 'work-examples']));
    expect(ev.sections.map((x) => x.responses)).toEqual(
      ev.sections.map((x) => submission.responses!.filter((r) => r.sectionId === x.id).map((r) => r.text)),
    );
    const artifacts = ev.sections.flatMap((x) => x.artifacts);
    expect(artifacts.map((a) => a.id)).toEqual(submission.artifacts.map((a) => a.id));
    for (const a of artifacts) {
      const original = submission.artifacts.find((x) => x.id === a.id)!;
      if ('url' in original) {
        expect(a).toMatchObject({ kind: 'url', href: original.url, sha256: null });
        continue;
      }
      expect(a).toMatchObject({
        kind: 'file',
        name: original.name,
        mediaType: original.mediaType,
        size: original.size,
        sha256: original.sha256,
        href: `evidence/${original.sha256}`,
        fileName: path.posix.basename(original.file),
      });
      // The app protocol's handler (as the desktop app and the e2e harness serve it): the package's bytes, typed.
      const res = await get(original.sha256);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(original.mediaType);
      const body = Buffer.from(await res.arrayBuffer());
      expect(sha256(body)).toBe(original.sha256);
      expect(body.equals(fs.readFileSync(fileOf(original)))).toBe(true);
      expect(s.evidenceFile(original.sha256)).toBe(evidenceLookup(s)(original.sha256)!.path);
    }
    // Nothing of it entered the review store.
    expect(s.db.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(0);
  });

  it('read again, checks the package once more but keeps the copies it holds (no file written twice)', async () => {
    const kept = files.map((a) => evidenceLookup(s)(a.sha256)!.path);
    const before = kept.map((p) => fs.statSync(p).ino);
    const again = await c.adjudicationEvidence(item.submissionId);
    expect(again.submissionId).toBe(item.submissionId);
    expect(kept.map((p) => fs.statSync(p).ino)).toEqual(before);
  });

  it('refuses a changed file by package and file name, and serves no copy of it', async () => {
    const victim = files.at(-1)!;
    const target = fileOf(victim);
    const original = fs.readFileSync(target);
    const changed = Buffer.from(original);
    const at = Math.floor(changed.length / 2);
    changed[at] = changed[at]! ^ 0x01; // one bit, the size kept: only the hash can tell
    fs.writeFileSync(target, changed);
    // A fresh process (another start of the app) has verified nothing yet.
    const other = openServices(s.dataDir);
    try {
      const oc = await other.coordination();
      const refused = oc.adjudicationEvidence(item.submissionId);
      await expect(refused).rejects.toMatchObject({ code: 'evidence' });
      await expect(refused).rejects.toThrow(
        `The round's review package “${path.basename(panel.reviewPackage)}” (${panel.reviewPackage}) no longer holds ${item.earnerName}'s evidence as it was opened: ${victim.file} no longer matches its SHA-256 in the manifest.`,
      );
      // Nothing of it is served by that process: not the changed file, nor the files before it that held.
      for (const a of files) expect(evidenceLookup(other)(a.sha256)).toBeNull();
    } finally {
      other.close();
      fs.writeFileSync(target, original);
    }
    // Put back as it was: read and served again.
    await expect(c.adjudicationEvidence(item.submissionId)).resolves.toMatchObject({ submissionId: item.submissionId });
  });

  it('refuses a missing file, and a package that is gone, by name', async () => {
    const victim = files[0]!;
    const target = fileOf(victim);
    fs.renameSync(target, `${target}.moved`);
    try {
      await expect(c.adjudicationEvidence(item.submissionId)).rejects.toThrow(
        `${victim.file} cannot be read (the manifest names this file but the package does not contain it)`,
      );
    } finally {
      fs.renameSync(`${target}.moved`, target);
    }
    const moved = `${panel.reviewPackage}-moved`;
    fs.renameSync(panel.reviewPackage, moved);
    try {
      const refused = c.adjudicationEvidence(item.submissionId);
      await expect(refused).rejects.toMatchObject({ code: 'not-found' });
      await expect(refused).rejects.toThrow(
        `The round's review package “${path.basename(panel.reviewPackage)}” is no longer at ${panel.reviewPackage} (`,
      );
    } finally {
      fs.renameSync(moved, panel.reviewPackage);
    }
  });

  it('is refused for a submission that was not sent for second reading', async () => {
    await expect(c.adjudicationEvidence('urn:uuid:not-sampled')).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('"urn:uuid:not-sampled" was not sent for second reading'),
    });
  });

  it('answers over IPC as the contract says', async () => {
    const ipc = openPersonIpc(s.dataDir);
    try {
      const r = await ipc.call('coordination:adjudicationEvidence', { submissionId: item.submissionId });
      expect(r).toMatchObject({ ok: true, value: { submissionId: item.submissionId } });
      expect(await ipc.call('coordination:adjudicationEvidence', { submissionId: '' })).toMatchObject({
        ok: false,
        error: { code: 'bad-input' },
      });
    } finally {
      ipc.close();
    }
  });
});

describe('the evidence of a round opened from a .zip', () => {
  it('is read from the zip, checked the same way, and refused by name when an entry changed', async () => {
    const zip = path.join(panel.work, 'round.zip');
    await zipFolder(panel.reviewPackage, zip);
    const zs = openServices(path.join(panel.work, 'coordinator-zip'));
    try {
      const zc = await zs.coordination();
      await roundUpToAdjudication(zc, zip, 'second-readings-zip');
      const queued = zc.adjudicationQueue().find((q) => q.submissionId === item.submissionId);
      expect(queued, 'the same decision queued (same panel, same seed)').toBeDefined();
      const ev = await zc.adjudicationEvidence(item.submissionId);
      expect(ev.packageLabel).toBe('round.zip');
      for (const a of files) {
        const served = evidenceLookup(zs)(a.sha256)!;
        expect(served.mediaType).toBe(a.mediaType);
        expect(sha256(fs.readFileSync(served.path))).toBe(a.sha256);
      }
      // The zip written again with one entry changed (its size kept).
      const copy = path.join(panel.work, 'round-changed');
      fs.cpSync(panel.reviewPackage, copy, { recursive: true });
      const victim = files[0]!;
      const target = path.join(copy, ...victim.file.split('/'));
      const bytes = fs.readFileSync(target);
      const at = bytes.length >> 1;
      bytes[at] = bytes[at]! ^ 0x01;
      fs.writeFileSync(target, bytes);
      await zipFolder(copy, zip);
      await expect(zc.adjudicationEvidence(item.submissionId)).rejects.toThrow(
        `The round's review package “round.zip” (${zip}) no longer holds ${item.earnerName}'s evidence as it was opened: ${victim.file} no longer matches its SHA-256 in the manifest.`,
      );
    } finally {
      zs.close();
    }
  });
});

describe('assay coordinate evidence', () => {
  const dataDir = () => path.join(panel.work, 'coordinator');
  const cli = (args: string[]) => runCli([...args, '--data-dir', dataDir()]);

  it('prints what the teacher submitted and copies the verified files, each its SHA-256', async () => {
    const out = path.join(panel.work, 'cli-evidence');
    const r = await cli(['coordinate', 'evidence', item.submissionId, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      `Evidence of ${item.submissionId}, read from the round's review package "${path.basename(panel.reviewPackage)}"`,
    );
    for (const a of submission.artifacts) expect(r.stdout).toContain(a.name);
    for (const x of submission.responses ?? []) expect(r.stdout).toContain(`> ${x.text.split('\n')[0]!}`);
    const copied = fs.readdirSync(out);
    expect(copied).toHaveLength(files.length);
    expect(copied.map((f) => sha256(fs.readFileSync(path.join(out, f)))).sort()).toEqual(
      files.map((a) => a.sha256).sort(),
    );
    for (const f of copied) expect(fs.statSync(path.join(out, f)).mode & 0o077).toBe(0);
    // The same folder again: refused, nothing overwritten.
    const again = await cli(['coordinate', 'evidence', item.submissionId, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${out} is not empty`);
  });

  it('refuses by name a file of the package that changed, and copies nothing', async () => {
    const victim = files[0]!;
    const original = fs.readFileSync(fileOf(victim));
    const changed = Buffer.from(original);
    changed[changed.length >> 1] = changed[changed.length >> 1]! ^ 0x01;
    const out = path.join(panel.work, 'cli-evidence-changed');
    fs.writeFileSync(fileOf(victim), changed);
    try {
      const r = await cli(['coordinate', 'evidence', item.submissionId, '--out', out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${victim.file} no longer matches its SHA-256 in the manifest`);
      expect(fs.existsSync(out)).toBe(false);
    } finally {
      fs.writeFileSync(fileOf(victim), original);
    }
  });
});

describe('the kept copies', () => {
  it("are each process's own: removed when it closes, never another's; a gone process's are removed by the next", async () => {
    const dataDir = path.join(panel.work, 'coordinator');
    const base = path.join(dataDir, 'coordination-evidence');
    // A folder a crashed process left (no process has that pid), and one of a process still running.
    const crashed = path.join(base, '999999999-0a0b0c');
    fs.mkdirSync(crashed, { recursive: true });
    fs.writeFileSync(path.join(crashed, files[0]!.sha256), 'left by a crash');
    await c.adjudicationEvidence(item.submissionId);
    const other = openServices(dataDir);
    try {
      await (await other.coordination()).adjudicationEvidence(item.submissionId);
      expect(fs.existsSync(crashed)).toBe(false);
      const theirs = other.coordinationEvidence.lookup(files[0]!.sha256)!;
      expect(path.dirname(theirs.path)).toBe(other.coordinationEvidence.root);
      expect(other.coordinationEvidence.root).not.toBe(s.coordinationEvidence.root);
    } finally {
      other.close();
    }
    // The other's copies are gone with it; this process still serves its own.
    expect(fs.existsSync(other.coordinationEvidence.root)).toBe(false);
    for (const a of files) {
      const mine = s.coordinationEvidence.lookup(a.sha256)!;
      expect(sha256(fs.readFileSync(mine.path))).toBe(a.sha256);
    }
  });
});
