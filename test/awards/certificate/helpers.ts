// Shared helpers for the certificate tests: running the outside verifiers (poppler-utils, qpdf,
// zbar-tools, libnss3-tools) and comparing rendered pages with reference images.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { decodePng } from '../../../electron/awards/certificate/png.js';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a tool and returns its output whatever its exit status (pdfsig exits 0 on a bad digest). */
export function run(cmd: string, args: string[], input?: Buffer): Run {
  const r = spawnSync(cmd, args, { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, ...(input ? { input } : {}) });
  if (r.error)
    throw new Error(
      `${cmd} could not run (${r.error.message}); install poppler-utils, qpdf, zbar-tools and libnss3-tools`,
    );
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

export function runBuffer(cmd: string, args: string[]): Buffer {
  const r = spawnSync(cmd, args, { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd} could not run (${r.error.message})`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr.toString('utf8')}`);
  return r.stdout;
}

/** A fixed Ed25519 key (from a constant seed) so QR codes, and so reference images, are reproducible. */
export function fixedEd25519(seedText: string): crypto.KeyObject {
  const seed = crypto.createHash('sha256').update(seedText).digest();
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  return crypto.createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
}

export interface ImageDiff {
  width: number;
  height: number;
  /** Share of pixels whose largest channel difference exceeds the threshold. */
  differingShare: number;
  meanAbsDiff: number;
}

export function comparePng(actual: Buffer, expected: Buffer, threshold = 64): ImageDiff {
  const a = decodePng(actual);
  const e = decodePng(expected);
  if (a.width !== e.width || a.height !== e.height)
    throw new Error(`image size ${a.width}x${a.height} differs from the reference ${e.width}x${e.height}`);
  let differing = 0;
  let sum = 0;
  const n = a.width * a.height;
  for (let i = 0; i < n; i++) {
    let max = 0;
    for (let c = 0; c < 3; c++) {
      const d = Math.abs(a.pixels[i * a.channels + c]! - e.pixels[i * e.channels + c]!);
      sum += d;
      if (d > max) max = d;
    }
    if (max > threshold) differing++;
  }
  return { width: a.width, height: a.height, differingShare: differing / n, meanAbsDiff: sum / (n * 3) };
}
