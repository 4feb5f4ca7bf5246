// Streams one package file into staging while hashing it: the only pass over its bytes.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Transform, Writable } from 'node:stream';
import type { Staging } from '../store/evidence.js';
import { ImportError } from './errors.js';
import type { HashPool } from './hash-pool.js';
import type { PackageSource } from './source.js';

export interface Expected {
  size: number;
  sha256: string;
}

export interface VerifiedFile {
  sha256: string;
  size: number;
}

/**
 * Verifies a file against what the manifest says (or, for an image, just hashes it) and stages it
 * unless the evidence folder already holds that content. Never holds a whole file in memory.
 */
export async function verifyAndStage(
  pool: HashPool,
  source: PackageSource,
  rel: string,
  expected: Expected | undefined,
  maxBytes: number,
  staging: Staging,
  alreadyStored: (sha256: string) => boolean,
  onBytes: (n: number) => void,
): Promise<VerifiedFile> {
  const onDisk = source.diskFile ? await source.diskFile(rel) : undefined;
  const size = onDisk ? onDisk.size : await source.sizeOf(rel);
  if (expected && size !== expected.size) {
    throw new ImportError(
      'size-mismatch',
      source.label,
      rel,
      `is ${size} bytes but the manifest says ${expected.size}`,
    );
  }
  if (size > maxBytes)
    throw new ImportError('size-mismatch', source.label, rel, `is ${size} bytes, more than the limit of ${maxBytes}`);

  const known = expected !== undefined && (alreadyStored(expected.sha256) || staging.shas.has(expected.sha256));
  const tmp = known ? undefined : staging.tempPath();
  let result: VerifiedFile;
  try {
    if (onDisk) {
      // A folder: a worker reads each piece once, hashes it and writes it to staging, so what is
      // stored is exactly what was hashed (a file changed under us fails its check rather than
      // slipping in).
      result = tmp ? await pool.copyAndHash(onDisk.path, tmp, onBytes) : await pool.hash(onDisk.path, onBytes);
    } else {
      result = await hashStream(await source.open(rel, maxBytes), tmp, maxBytes, onBytes, source.label, rel);
    }
  } catch (err) {
    if (tmp) fs.rmSync(tmp, { force: true });
    if (err instanceof ImportError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOSPC')
      throw new ImportError('disk-full', source.label, rel, 'the disk is full; free some space and import again');
    throw new ImportError('unreadable', source.label, rel, `could not be read: ${(err as Error).message}`);
  }
  if (expected && result.size !== expected.size) {
    if (tmp) fs.rmSync(tmp, { force: true });
    throw new ImportError(
      'size-mismatch',
      source.label,
      rel,
      `is ${result.size} bytes but the manifest says ${expected.size}`,
    );
  }
  if (expected && result.sha256 !== expected.sha256) {
    if (tmp) fs.rmSync(tmp, { force: true });
    throw new ImportError(
      'hash-mismatch',
      source.label,
      rel,
      `its SHA-256 is ${result.sha256} but the manifest says ${expected.sha256}; the file is damaged or was changed`,
    );
  }
  if (tmp) staging.adopt(tmp, result.sha256);
  return result;
}

async function hashStream(
  input: NodeJS.ReadableStream,
  writeTo: string | undefined,
  maxBytes: number,
  onBytes: (n: number) => void,
  label: string,
  rel: string,
): Promise<VerifiedFile> {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) {
        done(new ImportError('size-mismatch', label, rel, `is larger than the ${maxBytes} bytes the manifest allows`));
        return;
      }
      hash.update(chunk);
      onBytes(chunk.length);
      done(null, writeTo ? chunk : undefined);
    },
  });
  const sink = writeTo
    ? fs.createWriteStream(writeTo, { flags: 'wx' })
    : new Writable({ write: (_c, _e, done) => done() });
  await pipeline(input, tap, sink);
  return { sha256: hash.digest('hex'), size };
}
