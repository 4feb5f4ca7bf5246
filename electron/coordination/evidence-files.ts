// The adjudicator's copies of a submission's evidence, read from the round's review package: each file kept in
// coordination-evidence/<process>/ beside the database under its SHA-256 only once its bytes have that hash and the
// size the manifest gives, and served (app://assay/evidence/<sha256>, as the store's own evidence) only after this
// process verified it. Each process (the app, an `assay coordinate evidence`) keeps its own copies, so one never
// removes what another serves; they are removed when it closes, and a folder left by a process that is gone (a
// crash) when the next one keeps a file: copies of teachers' evidence do not pile up. They are never in backups
// (the round's review package holds the evidence). Small and free of the coordination code, so the app protocol
// can ask it without loading that.
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { AtomicFile, isAlive, mkdirPrivate } from '../store/atomic-write.js';

const SHA = /^[0-9a-f]{64}$/;

export interface ExpectedFile {
  sha256: string;
  size: number;
  mediaType: string;
}

/** What a kept file turned out to be: as the manifest says, or the size and hash it really has. */
export type KeepResult = { ok: true } | { ok: false; size: number; sha256: string };

export class CoordinationEvidenceFiles {
  /** coordination-evidence/: one folder per process that kept files. */
  readonly base: string;
  /** This process's folder, `<pid>-<random>`. */
  readonly root: string;
  /** SHA-256 → media type of every file this process has verified and kept. */
  private readonly verified = new Map<string, string>();
  private started = false;

  constructor(dataDir: string) {
    this.base = path.join(dataDir, 'coordination-evidence');
    this.root = path.join(this.base, `${process.pid}-${randomBytes(6).toString('hex')}`);
  }

  /** Makes this process's folder, after removing those of processes that are gone. */
  private start(): void {
    if (this.started) return;
    mkdirPrivate(this.base);
    for (const name of fs.readdirSync(this.base)) {
      const pid = Number(/^(\d+)-[0-9a-f]+$/.exec(name)?.[1]);
      // Anything not a live process's folder (a crash's, or the single folder of an earlier version) goes.
      if (!isAlive(pid)) fs.rmSync(path.join(this.base, name), { recursive: true, force: true });
    }
    mkdirPrivate(this.root);
    this.started = true;
  }

  /** Removes this process's copies (the store is closing); nothing is served from them after. */
  close(): void {
    this.verified.clear();
    if (this.started) fs.rmSync(this.root, { recursive: true, force: true });
    this.started = false;
  }

  /**
   * Writes `chunks` (at most `expected.size` + 1 bytes are read) under their SHA-256 when they are exactly the
   * expected bytes; anything else is never written under a hash. Served only once admitted.
   */
  async keep(chunks: AsyncIterable<unknown>, expected: ExpectedFile): Promise<KeepResult> {
    if (!SHA.test(expected.sha256)) throw new Error(`not a SHA-256: ${expected.sha256}`);
    this.start();
    // A copy this process wrote and verified is kept as it is: the package's bytes are still read and hashed (the
    // package must still hold them), but a large video is not written again on every opening.
    const held = this.verified.has(expected.sha256) && fs.existsSync(path.join(this.root, expected.sha256));
    const file = held ? null : AtomicFile.open(path.join(this.root, expected.sha256));
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of chunks) {
        const bytes = chunk as Uint8Array;
        size += bytes.length;
        // Longer than the manifest says: no need to read (or write) the rest to know it is not the file.
        if (size > expected.size) break;
        hash.update(bytes);
        file?.write(bytes);
      }
    } catch (err) {
      file?.abort();
      throw err;
    }
    const sha256 = size > expected.size ? '' : hash.digest('hex');
    if (size !== expected.size || sha256 !== expected.sha256) {
      file?.abort();
      return { ok: false, size, sha256 };
    }
    // Otherwise the copy just verified, over any earlier one: what is served is what was read now.
    file?.commit();
    return { ok: true };
  }

  /** Serves kept files from now on (once every file of a submission held): by hash, with the manifest's type. */
  admit(kept: readonly ExpectedFile[]): void {
    for (const f of kept) this.verified.set(f.sha256, f.mediaType);
  }

  /** The kept file for a SHA-256 this process verified (and its media type), or null for any other. */
  lookup(sha256: string): { path: string; mediaType: string } | null {
    if (!SHA.test(sha256)) return null;
    const mediaType = this.verified.get(sha256);
    if (mediaType === undefined) return null;
    const file = path.join(this.root, sha256);
    return fs.existsSync(file) ? { path: file, mediaType } : null;
  }
}
