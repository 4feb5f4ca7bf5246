// The job runner with its real worker (dist/electron/jobs/worker.js: run `npm run build` first) on a
// real store: same output as inline, progress in order, cancel, one run per kind, a crashing worker.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDetachedCms } from '../../electron/awards/cms-verify.js';
import { verifyCredential } from '../../electron/awards/credential/index.js';
import { storeTrust } from '../../electron/awards/trust.js';
import { verifyResults } from '../../electron/results/verify.js';
import { generateSelfSignedIdentity, type SigningIdentity } from '../../electron/awards/identity/index.js';
import {
  defaultWorkerFile,
  identityParts,
  JobBusyError,
  JobCancelledError,
  JobFailedError,
  JobGate,
  JobRunner,
  runJobInline,
  type JobProgress,
} from '../../electron/jobs/index.js';
import { EXPORT_PAGE } from '../../electron/jobs/tasks.js';
import type { Services } from '../../electron/services.js';
import { passSome, sampleStore, type SampleStore } from '../support/sample-store.js';

let store: SampleStore;
let work: string;
let s: Services;
let identity: SigningIdentity;
let runner: JobRunner;
let passed: string[];

/** Resolves when the job reports progress `at` (the gate then holds it there). */
function progressAt<K extends 'awards-export' | 'awards-issue'>(at: number) {
  const seen: JobProgress<K>[] = [];
  let reached!: () => void;
  const promise = new Promise<void>((r) => (reached = r));
  return {
    seen,
    reached: promise,
    onProgress: (p: JobProgress<K>) => {
      seen.push(p);
      if (p.done === at) reached();
    },
  };
}

const listing = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

beforeAll(async () => {
  store = await sampleStore();
  ({ s, work } = store);
  passed = passSome(s, 4);
  identity = await generateSelfSignedIdentity({ name: 'Riverside University School of Education' });
  runner = new JobRunner({ store: { dataDir: s.dataDir } });
});
afterAll(() => store.dispose());

describe('jobs in a worker thread', () => {
  it('issues awards in the worker (one in force per submission), progress in order up to the total', async () => {
    const seen: JobProgress<'awards-issue'>[] = [];
    const ids = [...passed, passed[0]!];
    const r = await runner.runJob(
      'awards-issue',
      { identity: identityParts(identity), submissionIds: ids },
      { onProgress: (p) => seen.push(p) },
    );
    expect(seen).toEqual(ids.map((_, i) => ({ done: i + 1, total: ids.length })));
    expect(r.issued.map((a) => a.submissionId)).toEqual(passed);
    // The same submission twice in one run: the second is refused by the unique-award rule.
    expect(r.failed).toEqual([
      { submissionId: passed[0], message: expect.stringMatching(/already has an award in force/) },
    ]);
    for (const a of r.issued) expect((await verifyCredential(JSON.parse(a.credentialJson))).verified).toBe(true);
    expect(s.awards.list()).toHaveLength(passed.length);
  });

  it('a cancelled issue stops between awards: the ones issued are whole, no other rows, the log verifies', async () => {
    const more = passSome(s, 3);
    const before = s.awards.list().length;
    const gate = new JobGate(1);
    const p = progressAt<'awards-issue'>(1);
    const abort = new AbortController();
    const job = runner.runJob(
      'awards-issue',
      { identity: identityParts(identity), submissionIds: more },
      { onProgress: p.onProgress, signal: abort.signal, gate },
    );
    await p.reached;
    abort.abort();
    await expect(job).rejects.toThrow(JobCancelledError);
    const after = s.awards.list();
    expect(after).toHaveLength(before + 1);
    expect(after.filter((a) => more.includes(a.submissionId)).map((a) => a.submissionId)).toEqual([more[0]]);
    expect(
      s.awards
        .ready()
        .map((r) => r.submissionId)
        .sort(),
    ).toEqual(more.slice(1).sort());
    expect(s.verifyAudit().ok).toBe(true);
  });

  it('an award export in the worker writes the same files as inline', async () => {
    const input = {
      credentialIds: s.awards.list().map((a) => a.credentialId),
      formats: ['json' as const, 'png' as const],
      paper: 'a4' as const,
    };
    const inWorker = path.join(work, 'export-worker');
    const inline = path.join(work, 'export-inline');
    await runner.runJob('awards-export', { ...input, outDir: inWorker });
    await runJobInline('awards-export', { ...input, outDir: inline }, s);
    expect(listing(inWorker)).toHaveLength(input.credentialIds.length * 2);
    expect(listing(inWorker)).toEqual(listing(inline));
    for (const f of listing(inline))
      expect(fs.readFileSync(path.join(inWorker, f)).equals(fs.readFileSync(path.join(inline, f)))).toBe(true);
  });

  it('renders and signs a certificate in the worker', async () => {
    const a = s.awards.list()[0]!;
    const { pdf } = await runner.runJob('certificate', {
      identity: identityParts(identity),
      credentialId: a.credentialId,
      paper: 'a4',
    });
    const text = Buffer.from(pdf).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toContain('/ByteRange');
  });

  it('a cancelled export leaves the folder as it was; a second export while one runs is refused', async () => {
    const out = path.join(work, 'export-cancelled');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'keep.txt'), 'already here');
    const gate = new JobGate(1);
    const p = progressAt<'awards-export'>(1);
    const abort = new AbortController();
    const input = {
      credentialIds: s.awards.list().map((a) => a.credentialId),
      formats: ['json' as const, 'png' as const],
      paper: 'a4' as const,
      outDir: out,
    };
    const job = runner.runJob('awards-export', input, { onProgress: p.onProgress, signal: abort.signal, gate });
    await p.reached;
    // Held after its first award: its files are on disk now.
    expect(listing(out).length).toBeGreaterThan(1);
    expect(runner.isRunning('awards-export')).toBe(true);
    const second = runner.runJob('awards-export', { ...input, outDir: path.join(work, 'other') });
    await expect(second).rejects.toThrow(JobBusyError);
    await expect(second).rejects.toThrow(/export of award files started at .* is still running/);
    abort.abort();
    await expect(job).rejects.toThrow(JobCancelledError);
    expect(listing(out)).toEqual(['keep.txt']);
    expect(fs.existsSync(path.join(work, 'other'))).toBe(false);
    // The kind is free again.
    const again = await runner.runJob('awards-export', { ...input, outDir: path.join(work, 'after') });
    expect(again.files).toHaveLength(input.credentialIds.length * 2);
  });

  it('an export longer than a page reads it a page at a time: progress runs on, a stop in a later page undoes all', async () => {
    // Two pages and a bit, made of the awards in force over and over (the store's sample has a handful).
    const inForce = s.awards.list().map((a) => a.credentialId);
    const many = Array.from({ length: 2 * EXPORT_PAGE + 5 }, (_, i) => inForce[i % inForce.length]!);
    const input = { credentialIds: many, formats: ['json' as const], paper: 'a4' as const };
    const whole = await runner.runJob('awards-export', { ...input, outDir: path.join(work, 'export-pages') }, {});
    expect(whole.files).toHaveLength(many.length);
    expect(listing(path.join(work, 'export-pages'))).toHaveLength(inForce.length);

    const out = path.join(work, 'export-pages-stopped');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'keep.txt'), 'already here');
    const at = EXPORT_PAGE + 2;
    const gate = new JobGate(at);
    const p = progressAt<'awards-export'>(at);
    const abort = new AbortController();
    const job = runner.runJob(
      'awards-export',
      { ...input, outDir: out },
      { onProgress: p.onProgress, signal: abort.signal, gate },
    );
    await p.reached;
    expect(p.seen).toEqual(Array.from({ length: at }, (_, i) => ({ done: i + 1, total: many.length })));
    expect(listing(out).length).toBeGreaterThan(1);
    abort.abort();
    await expect(job).rejects.toThrow(JobCancelledError);
    // The files the first page added are removed too.
    expect(listing(out)).toEqual(['keep.txt']);
  });

  it('a released job runs to the end after the refused second run', async () => {
    const gate = new JobGate(1);
    const p = progressAt<'awards-export'>(1);
    const out = path.join(work, 'export-held');
    const input = {
      credentialIds: s.awards.list().map((a) => a.credentialId),
      formats: ['json' as const],
      paper: 'a4' as const,
    };
    const job = runner.runJob('awards-export', { ...input, outDir: out }, { onProgress: p.onProgress, gate });
    await p.reached;
    await expect(runner.runJob('awards-export', { ...input, outDir: path.join(work, 'x') })).rejects.toThrow(
      JobBusyError,
    );
    gate.release();
    expect((await job).files).toHaveLength(input.credentialIds.length);
    expect(p.seen.map((x) => x.done)).toEqual(input.credentialIds.map((_, i) => i + 1));
  });

  it('writes a signed results package in the worker; a cancelled one leaves no folder', async () => {
    const cancelled = path.join(work, 'results-cancelled');
    const abort = new AbortController();
    const stopped = runner.runJob(
      'results-export',
      { identity: identityParts(identity), outDir: cancelled, paper: 'a4' },
      { signal: abort.signal, onProgress: () => abort.abort() },
    );
    await expect(stopped).rejects.toThrow(JobCancelledError);
    expect(fs.existsSync(cancelled)).toBe(false);

    const out = path.join(work, 'results');
    const r = await runner.runJob('results-export', { identity: identityParts(identity), outDir: out, paper: 'a4' });
    expect(r.awards).toBe(s.awards.list().length);
    expect(await verifyResults(out, verifyDetachedCms, { trust: storeTrust(s.db, s.dataDir) })).toMatchObject({
      ok: true,
      submissions: r.submissions,
    });
  });

  it('a cancelled backup leaves no file and no work folder', async () => {
    const out = path.join(work, 'backups', 'b.zip');
    const abort = new AbortController();
    const phases: string[] = [];
    const job = runner.runJob(
      'backup',
      { outFile: out },
      {
        signal: abort.signal,
        onProgress: (p) => {
          phases.push(p.phase);
          if (p.phase === 'database') abort.abort();
        },
      },
    );
    await expect(job).rejects.toThrow(JobCancelledError);
    expect(listing(path.dirname(out))).toEqual([]);
    expect(listing(s.dataDir).filter((f) => f.startsWith('.assay-backup'))).toEqual([]);
    // And a whole one afterwards.
    const m = await runner.runJob('backup', { identity: identityParts(identity), outFile: out });
    expect(m.auditHead?.signature).toBeTruthy();
    expect(listing(path.dirname(out))).toEqual(['b.zip']);
  });

  it('an error thrown by the job comes back with its message; the runner takes the next job', async () => {
    const bad = runner.runJob('certificate', {
      identity: identityParts(identity),
      credentialId: 'urn:uuid:nope',
      paper: 'a4',
    });
    await expect(bad).rejects.toThrow(JobFailedError);
    await expect(bad).rejects.toThrow('There is no award urn:uuid:nope.');
    expect(runner.isRunning('certificate')).toBe(false);
  });

  it('a worker that crashes (an uncaught throw) surfaces as a clear error and the runner takes the next job', async () => {
    // A real worker that throws outside any handler when told to, else runs the real worker.
    const file = path.join(work, 'crashing-worker.mjs');
    fs.writeFileSync(
      file,
      `import { workerData } from 'node:worker_threads';
if (workerData.input.outDir.endsWith('crash')) setImmediate(() => { throw new Error('render engine blew up'); });
else await import(${JSON.stringify(pathToFileURL(defaultWorkerFile()).href)});`,
    );
    const crashy = new JobRunner({ store: { dataDir: s.dataDir }, workerFile: file });
    const input = {
      credentialIds: [s.awards.list()[0]!.credentialId],
      formats: ['json' as const],
      paper: 'a4' as const,
    };
    const crashed = crashy.runJob('awards-export', { ...input, outDir: path.join(work, 'crash') });
    await expect(crashed).rejects.toThrow(JobFailedError);
    await expect(crashed).rejects.toThrow('The export of award files stopped unexpectedly: render engine blew up');
    expect((await crashy.runJob('awards-export', { ...input, outDir: path.join(work, 'fine') })).files).toHaveLength(1);
  });
});
