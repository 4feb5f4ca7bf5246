// Backup and restore of a data folder: SQLite's online backup plus the evidence, as one .zip.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { createHash, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import yazl from 'yazl';
import { mkdirPrivate, removeStaleTemps, writeStreamAtomic } from '../store/atomic-write.js';
import { BACKUP_FORMAT, type BackupManifest, type BackupProgress } from './manifest.js';
import { BackupError } from './errors.js';
import type { Services } from '../services.js';
import { auditHeadOf, backupHeadPayload, type AnchorSigner } from '../store/audit-anchor.js';
import { DATABASE_FILE } from '../services.js';

export { BACKUP_FORMAT, type BackupManifest, type BackupProgress } from './manifest.js';
export { BackupError } from './errors.js';
export { restoreBackup, type RestoreHooks, type RestoreStep } from './restore.js';

async function sha256File(file: string): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    h.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: h.digest('hex'), size };
}

/** Where an evidence file is now: in the store, or (during an import's commit) still in staging. */
async function locateEvidence(s: Pick<Services, 'evidence'>, sha: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const p = s.evidence.pathOf(sha);
    if (fs.existsSync(p)) return p;
    for (const dir of fs.readdirSync(s.evidence.stagingRoot)) {
      const staged = path.join(s.evidence.stagingRoot, dir, sha);
      if (fs.existsSync(staged)) return staged;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new BackupError(
    `Evidence file ${sha} is listed in the database but missing from ${s.evidence.root}; run a restore from an earlier backup or re-import its package.`,
  );
}

/**
 * A consistent backup while the app runs: the database through SQLite's online backup (a
 * snapshot), then every evidence file that snapshot names. Evidence files never change once
 * written, so copying them after the snapshot is consistent.
 */
export async function createBackup(
  s: Pick<Services, 'dataDir' | 'db' | 'evidence'>,
  outFile: string,
  onProgress: (p: BackupProgress) => void = () => {},
  now = new Date(),
  signHead?: AnchorSigner,
): Promise<BackupManifest> {
  const out = path.resolve(outFile);
  // The snapshot is personal data: it is made inside the (private) data folder, whose next start
  // removes it if this process dies, never beside the backup in a folder anyone may read.
  const work = path.join(s.dataDir, `.assay-backup-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    mkdirPrivate(path.dirname(out));
  } catch (err) {
    throw new BackupError(`The backup could not be written to ${out}: ${(err as Error).message}`, { cause: err });
  }
  mkdirPrivate(work);
  removeStaleTemps(path.dirname(out));
  try {
    onProgress({ phase: 'database', done: 0, total: 1 });
    const snapshot = path.join(work, DATABASE_FILE);
    await s.db.backup(snapshot);
    const snap = new Database(snapshot, { readonly: true });
    const blobs = snap.prepare('SELECT sha256, size FROM blobs ORDER BY sha256').all() as {
      sha256: string;
      size: number;
    }[];
    const schemaVersion = snap.pragma('user_version', { simple: true }) as number;
    const head = auditHeadOf(snap);
    snap.close();
    const dbHash = await sha256File(snapshot);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      createdAt: now.toISOString(),
      schemaVersion,
      database: { file: DATABASE_FILE, size: dbHash.size, sha256: dbHash.sha256 },
      evidence: { files: blobs.length, bytes: blobs.reduce((n, b) => n + b.size, 0) },
      auditHead: {
        ...head,
        ...(signHead
          ? {
              signature: signHead(
                backupHeadPayload({ ...head, createdAt: now.toISOString(), databaseSha256: dbHash.sha256 }),
              ),
            }
          : {}),
      },
    };
    const zip = new yazl.ZipFile();
    // Every 'error' has a listener: an unheard one ends the process (the app!). A file yazl cannot
    // read ends the output with that error, so the writer below stops and removes its temporary
    // file; the output's own listener keeps an error after the writer gave up from going unheard.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- yazl's outputStream is a stream.PassThrough; its types say only NodeJS.ReadableStream
    const output = zip.outputStream as Readable;
    zip.on('error', (err: Error) => output.destroy(err));
    zip.outputStream.on('error', () => {});
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json');
    zip.addFile(snapshot, DATABASE_FILE, { compress: true });
    let done = 0;
    for (const b of blobs) {
      // Evidence (PDFs, video, images) is already compressed; storing it keeps backups fast.
      zip.addFile(await locateEvidence(s, b.sha256), `evidence/${b.sha256.slice(0, 2)}/${b.sha256}`, {
        compress: false,
      });
      onProgress({ phase: 'evidence', done: ++done, total: blobs.length });
    }
    zip.end();
    try {
      await writeStreamAtomic(out, zip.outputStream);
    } catch (err) {
      throw new BackupError(`The backup could not be written to ${out}: ${(err as Error).message}`, { cause: err });
    }
    onProgress({ phase: 'done', done: blobs.length, total: blobs.length });
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Keeps the newest `keep` automatic backups in `dir` and deletes the rest. */
export function rotateBackups(dir: string, keep: number): string[] {
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => /^assay-auto-.*\.zip$/.test(f))
        .sort()
    : [];
  const removed = files.slice(0, Math.max(0, files.length - keep));
  for (const f of removed) fs.rmSync(path.join(dir, f), { force: true });
  return removed;
}

/** The backup taken when the app quits (Settings › Back up automatically on quit). */
export async function autoBackup(s: Services, dir: string, keep: number, now = new Date()): Promise<string> {
  mkdirPrivate(dir);
  const file = path.join(dir, `assay-auto-${now.toISOString().replace(/[:.]/g, '-')}.zip`);
  await createBackup(s, file, () => {}, now);
  rotateBackups(dir, keep);
  return file;
}
