// The services with their long jobs on worker threads, as the app opens them: issuing, certificates,
// results export and backup go through the worker; one run per kind; cancel by kind from the window.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAssayError } from '../../shared/errors.js';
import { passphraseBox } from '../../electron/awards/identity/index.js';
import type { Services } from '../../electron/services.js';
import { passSome, sampleStore, type SampleStore } from '../support/sample-store.js';

let store: SampleStore;
let s: Services;
let work: string;
let passed: string[];

beforeAll(async () => {
  store = await sampleStore({ jobs: 'worker' });
  ({ s, work } = store);
  const box = passphraseBox('correct horse battery', { logN: 10 });
  s.identity.useKeyBoxes({ unlock: () => box, seal: () => box });
  await s.identity.create({ name: 'Riverside University School of Education' });
  passed = passSome(s, 3);
});
afterAll(() => store.dispose());

describe('services with long jobs on worker threads', () => {
  it('issues through the worker, with progress to the total', async () => {
    expect(s.jobs.mode).toBe('worker');
    const seen: number[] = [];
    const r = await s.awards.issueMany(passed, { onProgress: (p) => seen.push(p.done) });
    expect(r.failed).toEqual([]);
    expect(r.issued.map((a) => a.submissionId)).toEqual(passed);
    expect(seen).toEqual([1, 2, 3]);
    expect(
      s.awards
        .list()
        .map((a) => a.submissionId)
        .sort(),
    ).toEqual([...passed].sort());
  });

  it('refuses a second results export while one runs (job-busy), then cancels it by kind', async () => {
    const first = path.join(work, 'results-1');
    // Held after its first submission (shared memory, no clock): provably running when the rest happens.
    s.jobs.holdNext('results-export', 1);
    let sawProgress!: () => void;
    const progressed = new Promise<void>((r) => (sawProgress = r));
    const outcome = s.results.export(first, { onProgress: () => sawProgress() }).then(
      () => 'finished',
      (err: unknown) => (isAssayError(err) ? err.code : String(err)),
    );
    await progressed;
    const second = await s.results.export(path.join(work, 'results-2')).then(
      () => 'finished',
      (err: unknown) => (isAssayError(err) ? err.code : String(err)),
    );
    expect(second).toBe('job-busy');
    expect(s.jobs.running().map((j) => j.kind)).toEqual(['results-export']);
    expect(s.jobs.cancel('results-export')).toBe(true);
    expect(await outcome).toBe('job-cancelled');
    // The folder it made is gone, and nothing of the refused second one was made.
    expect(fs.existsSync(first)).toBe(false);
    expect(fs.existsSync(path.join(work, 'results-2'))).toBe(false);
    expect(s.jobs.running()).toEqual([]);
    expect(s.jobs.cancel('results-export')).toBe(false);
  });

  it('certificates asked for while one is drawn wait their turn instead of being refused', async () => {
    const ids = s.awards.list().map((a) => a.credentialId);
    // Held after the first certificate's progress: the other two are asked for while it provably runs.
    const gate = s.jobs.holdNext('certificate', 1);
    const first = s.awards.certificate(ids[0]!, 'a4');
    const others = [s.awards.certificate(ids[1]!, 'a4'), s.awards.certificate(ids[2]!, 'a4')];
    await expect.poll(() => s.jobs.running().map((j) => j.kind)).toEqual(['certificate']);
    gate.release();
    const pdfs = await Promise.all([first, ...others]);
    expect(pdfs.map((p) => Buffer.from(p.subarray(0, 5)).toString('latin1'))).toEqual(['%PDF-', '%PDF-', '%PDF-']);
    expect(new Set(pdfs.map((p) => Buffer.from(p).toString('base64'))).size).toBe(3);
    expect(s.jobs.running()).toEqual([]);
  });

  it('a certificate, a backup and an export come from the worker; a job that refuses keeps its code', async () => {
    const [award] = s.awards.list();
    const pdf = await s.awards.certificate(award!.credentialId, 'a4');
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const m = await s.backups.create(path.join(work, 'backup.zip'));
    expect(m.evidence.files).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(work, 'backup.zip'))).toBe(true);
    const exported = await s.awards.exportFiles([award!.credentialId], path.join(work, 'files'), ['json'], 'a4');
    expect(exported.files).toBe(1);
    await expect(s.awards.certificate('urn:uuid:nope', 'a4')).rejects.toMatchObject({ code: 'not-found' });
  });
  // Last: it leaves this store closed to new jobs.
  it('stopAll stops every running job and waits until each has cleaned up (before the store closes)', async () => {
    s.jobs.holdNext('awards-export', 1);
    let sawProgress!: () => void;
    const progressed = new Promise<void>((r) => (sawProgress = r));
    const ids = s.awards.list().map((a) => a.credentialId);
    expect(ids.length).toBeGreaterThan(1);
    const outDir = path.join(work, 'stopped-export');
    fs.mkdirSync(outDir);
    const exported = s.awards
      .exportFiles(ids, outDir, ['json'], 'a4', { onProgress: () => sawProgress() })
      .catch((err: unknown) => (isAssayError(err) ? err.code : String(err)));
    await progressed;
    expect(s.jobs.running().map((j) => j.kind)).toEqual(['awards-export']);
    await s.jobs.stopAll();
    expect(s.jobs.running()).toEqual([]);
    expect(await exported).toBe('job-cancelled');
    expect(fs.readdirSync(outDir)).toEqual([]);
  });

  it('after stopAll no job starts, not even one that was waiting its turn (the store is about to close)', async () => {
    const other = await sampleStore({ jobs: 'worker' });
    try {
      const box = passphraseBox('correct horse battery', { logN: 10 });
      other.s.identity.useKeyBoxes({ unlock: () => box, seal: () => box });
      await other.s.identity.create({ name: 'Riverside University School of Education' });
      const [id] = passSome(other.s, 1);
      const [award] = (await other.s.awards.issueMany([id!])).issued;
      other.s.jobs.holdNext('certificate', 1);
      const outcome = (p: Promise<unknown>) =>
        p.then(
          () => 'drawn',
          (err: unknown) => (isAssayError(err) ? err.code : String(err)),
        );
      const first = outcome(other.s.awards.certificate(award!.credentialId, 'a4'));
      await expect.poll(() => other.s.jobs.running().map((j) => j.kind)).toEqual(['certificate']);
      const waiting = outcome(other.s.awards.certificate(award!.credentialId, 'a4'));
      await other.s.jobs.stopAll();
      // The held one had drawn its page (no checkpoint is left after that) and finishes; the one
      // waiting its turn never starts a worker on the closing store.
      expect(await first).toBe('drawn');
      expect(await waiting).toBe('job-cancelled');
      expect(other.s.jobs.running()).toEqual([]);
    } finally {
      other.dispose();
    }
  });
});
