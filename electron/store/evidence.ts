// The content-addressed evidence folder beside the database, with staging and crash recovery.
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { ensurePrivateDir, isAlive, mkdirPrivate, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './atomic-write.js';
import type { Db } from './db.js';

const SHA = /^[0-9a-f]{64}$/;

export class EvidenceStore {
  readonly root: string;
  readonly stagingRoot: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'evidence');
    this.stagingRoot = path.join(dataDir, 'staging');
    const wasPrivate = fs.existsSync(this.root) && (fs.statSync(this.root).mode & 0o777) === PRIVATE_DIR_MODE;
    ensurePrivateDir(this.root);
    ensurePrivateDir(this.stagingRoot);
    // A store from before files were private: make every evidence file so, once.
    if (!wasPrivate && process.platform !== 'win32') {
      for (const fan of safeReaddir(this.root)) {
        fs.chmodSync(path.join(this.root, fan), PRIVATE_DIR_MODE);
        for (const file of safeReaddir(path.join(this.root, fan)))
          fs.chmodSync(path.join(this.root, fan, file), PRIVATE_FILE_MODE);
      }
    }
  }

  /** Whether the stored file for this SHA-256 is there and its content really has that hash. */
  holdsGenuine(sha256: string): boolean {
    try {
      return sha256File(this.pathOf(sha256)) === sha256;
    } catch {
      return false;
    }
  }

  /** Where the file with this SHA-256 lives (two-level fan-out keeps folders small). */
  pathOf(sha256: string): string {
    if (!SHA.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.pathOf(sha256));
  }

  /** A private staging folder for one import; its name carries our pid so recovery can tell it is live. */
  createStaging(): Staging {
    const dir = path.join(this.stagingRoot, `${process.pid}-${randomBytes(6).toString('hex')}`);
    fs.mkdirSync(dir, { mode: PRIVATE_DIR_MODE });
    return new Staging(this, dir);
  }

  /**
   * Finishes or undoes what an import that died left behind: a staged file whose blob row was
   * committed is moved into place (the commit happened, the rename did not); any other is deleted.
   * Staging folders of live processes are left alone.
   */
  recover(db: Db): { rolledForward: number; discarded: number } {
    let rolledForward = 0;
    let discarded = 0;
    const known = db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?').pluck();
    for (const name of fs.readdirSync(this.stagingRoot)) {
      const dir = path.join(this.stagingRoot, name);
      const pid = Number(name.split('-')[0]);
      if (pid !== process.pid && isAlive(pid)) continue;
      if (pid === process.pid) continue;
      for (const file of safeReaddir(dir)) {
        const staged = path.join(dir, file);
        // A staged file is named by its hash only once verified; it replaces a stored one that is not genuine.
        if (SHA.test(file) && known.get(file) && !this.holdsGenuine(file)) {
          mkdirPrivate(path.dirname(this.pathOf(file)));
          fs.renameSync(staged, this.pathOf(file));
          rolledForward++;
        } else {
          fs.rmSync(staged, { force: true });
          discarded++;
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return { rolledForward, discarded };
  }

  /** Every SHA-256 present in the evidence folder (for consistency checks). */
  listAll(): string[] {
    const out: string[] = [];
    for (const fan of safeReaddir(this.root)) {
      for (const file of safeReaddir(path.join(this.root, fan))) if (SHA.test(file)) out.push(file);
    }
    return out;
  }
}

export class Staging {
  private readonly staged = new Set<string>();
  constructor(
    private readonly store: EvidenceStore,
    readonly dir: string,
  ) {}

  /** A temporary path for a file being written before its hash is known. */
  tempPath(): string {
    return path.join(this.dir, `tmp-${randomBytes(8).toString('hex')}`);
  }

  /**
   * Records a verified file under its hash (duplicates in one package are kept once). A file
   * already stored under that hash is kept only if its content really has that hash: one that does
   * not (planted, or damaged) is replaced by this verified copy when the import is published.
   */
  adopt(tempPath: string, sha256: string): void {
    if (this.staged.has(sha256) || (this.store.has(sha256) && this.store.holdsGenuine(sha256))) {
      fs.rmSync(tempPath, { force: true });
      return;
    }
    if (process.platform !== 'win32') fs.chmodSync(tempPath, PRIVATE_FILE_MODE);
    fs.renameSync(tempPath, path.join(this.dir, sha256));
    this.staged.add(sha256);
  }

  get shas(): ReadonlySet<string> {
    return this.staged;
  }

  /** After the transaction commits: move every staged file into the evidence folder. */
  publish(): void {
    for (const sha of this.staged) {
      const target = this.store.pathOf(sha);
      mkdirPrivate(path.dirname(target));
      fs.renameSync(path.join(this.dir, sha), target);
    }
    this.staged.clear();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  discard(): void {
    this.staged.clear();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** SHA-256 of a file, read in pieces (evidence may be large). */
export function sha256File(file: string): string {
  const h = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n = fs.readSync(fd, buf); n > 0; n = fs.readSync(fd, buf)) h.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
