// A data folder as an issuer (or an attacker imitating one) leaves it: the sample package imported,
// reviews scored, an identity, awards issued and exported, all through the real `assay` commands.
import fs from 'node:fs';
import path from 'node:path';
import { writeSamplePackage } from '../../electron/sample/sample-package.js';
import { openServices } from '../../electron/services.js';
import { runCli, type CliResult } from './cli.js';
import { submitAt } from './sample-store.js';

export const PASSPHRASE = 'correct horse battery staple';
export const ISSUER = 'Riverside University School of Education';

/** Runs `assay …` in this process (the same `run` the built CLI calls), on `dataDir`. */
export function assay(dataDir: string, args: string[]): Promise<CliResult> {
  return runCli([...args, '--data-dir', dataDir], { ASSAY_PASSPHRASE: PASSPHRASE });
}

let samplePromise: Promise<string> | undefined;
/** One sample package per test file (written once, imported by each store). */
export function samplePackage(work: string): Promise<string> {
  samplePromise ??= writeSamplePackage(path.join(work, 'sample'), { now: new Date('2026-11-20T09:00:00Z') }).then(
    (r) => r.dir,
  );
  return samplePromise;
}

/** Scores the first `count` pending submissions: the first passes, the rest do not. */
export function scoreSome(dataDir: string, count: number, passing = 1): string[] {
  const s = openServices(dataDir);
  try {
    const items = s.queue.list({ status: ['pending'], limit: count }).items;
    const ids = items.map((i) => i.id);
    const how = { feedback: 'Thank you for a thoughtful submission.', activeMs: 60_000 };
    submitAt(s, ids.slice(0, passing), 'top', how);
    submitAt(s, ids.slice(passing), 'lowest', how);
    return ids;
  } finally {
    s.close();
  }
}

/** A store with an identity named `name`, one award issued and exported as PDF, JSON and PNG into `out`. */
export async function issuerWithAward(
  work: string,
  label: string,
  name = ISSUER,
  formats = 'pdf,json,png',
): Promise<{ dataDir: string; out: string; file: (ext: string) => string }> {
  const dataDir = path.join(work, `${label}-data`);
  const out = path.join(work, `${label}-awards`);
  const expectOk = (r: { code: number; stderr: string }, what: string) => {
    if (r.code !== 0) throw new Error(`${what} failed: ${r.stderr}`);
  };
  expectOk(await assay(dataDir, ['import', await samplePackage(work)]), 'import');
  scoreSome(dataDir, 2);
  expectOk(
    await assay(dataDir, ['identity', 'create', '--name', name, '--url', 'https://pd.riverside.example.edu']),
    'identity create',
  );
  expectOk(await assay(dataDir, ['awards', 'issue', '--all']), 'awards issue');
  expectOk(await assay(dataDir, ['awards', 'export', '--out', out, '--format', formats]), 'awards export');
  const file = (ext: string) =>
    path.join(
      out,
      fs.readdirSync(out).find((f) => f.endsWith(ext))!,
    );
  return { dataDir, out, file };
}
