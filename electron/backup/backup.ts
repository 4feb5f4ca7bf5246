// Backup and restore of a data folder: SQLite's online backup plus the evidence, as one .zip.
import { decodeUtf8, Utf8Error } from '../../shared/domain/utf8.js';
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { z } from 'zod';
import { migrations } from '../store/migrations/index.js';
import type { Services } from '../services.js';
import { DATABASE_FILE } from '../services.js';

export const BACKUP_FORMAT = 'assay-backup';

const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  database: z.object({ file: z.literal(DATABASE_FILE), size: z.number(), sha256: z.string() }),
  evidence: z.object({ files: z.number(), bytes: z.number() }),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

export interface BackupProgress {
  phase: 'database' | 'evidence' | 'verifying' | 'replacing' | 'done';
  done: number;
  total: number;
}

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
async function locateEvidence(s: Services, sha: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const p = s.evidence.pathOf(sha);
    if (fs.existsSync(p)) return p;
    for (const dir of fs.readdirSync(s.evidence.stagingRoot)) {
      const staged = path.join(s.evidence.stagingRoot, dir, sha);
      if (fs.existsSync(staged)) return staged;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new BackupError(`Evidence file ${sha} is listed in the database but missing from ${s.evidence.root}; run a restore from an earlier backup or re-import its package.`);
}

/**
 * A consistent backup while the app runs: the database through SQLite's online backup (a
 * snapshot), then every evidence file that snapshot names. Evidence files never change once
 * written, so copying them after the snapshot is consistent.
 */
export async function createBackup(s: Services, outFile: string, onProgress: (p: BackupProgress) => void = () => {}, now = new Date()): Promise<BackupManifest> {
  const out = path.resolve(outFile);
  let work: string;
  try {
    work = fs.mkdtempSync(path.join(path.dirname(out), '.assay-backup-'));
  } catch (err) {
    throw new BackupError(`The backup could not be written to ${out}: ${(err as Error).message}`, { cause: err });
  }
  try {
    onProgress({ phase: 'database', done: 0, total: 1 });
    const snapshot = path.join(work, DATABASE_FILE);
    await s.db.backup(snapshot);
    const snap = new Database(snapshot, { readonly: true });
    const blobs = snap.prepare('SELECT sha256, size FROM blobs ORDER BY sha256').all() as { sha256: string; size: number }[];
    const schemaVersion = snap.pragma('user_version', { simple: true }) as number;
    snap.close();
    const dbHash = await sha256File(snapshot);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      createdAt: now.toISOString(),
      schemaVersion,
      database: { file: DATABASE_FILE, size: dbHash.size, sha256: dbHash.sha256 },
      evidence: { files: blobs.length, bytes: blobs.reduce((n, b) => n + b.size, 0) },
    };
    const zip = new yazl.ZipFile();
    // Every stream's 'error' has a listener: an unheard 'error' event ends the process (the app!).
    const zipFailed = new Promise<never>((_, reject) => zip.on('error', reject));
    zipFailed.catch(() => {});
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json');
    zip.addFile(snapshot, DATABASE_FILE, { compress: true });
    let done = 0;
    for (const b of blobs) {
      // Evidence (PDFs, video, images) is already compressed; storing it keeps backups fast.
      zip.addFile(await locateEvidence(s, b.sha256), `evidence/${b.sha256.slice(0, 2)}/${b.sha256}`, { compress: false });
      onProgress({ phase: 'evidence', done: ++done, total: blobs.length });
    }
    zip.end();
    const tmp = `${out}.partial-${randomBytes(4).toString('hex')}`;
    try {
      await Promise.race([
        zipFailed,
        new Promise<void>((resolve, reject) => {
          zip.outputStream.on('error', reject);
          zip.outputStream.pipe(fs.createWriteStream(tmp)).on('close', () => resolve()).on('error', reject);
        }),
      ]);
      fs.renameSync(tmp, out);
    } catch (err) {
      zip.outputStream.unpipe();
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // A name the file system refused was never created: nothing to remove.
      }
      throw new BackupError(`The backup could not be written to ${out}: ${(err as Error).message}`, { cause: err });
    }
    onProgress({ phase: 'done', done: blobs.length, total: blobs.length });
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function extractZip(file: string, into: string, label: string): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (err, z) => (err || !z ? reject(new BackupError(`${label} is not a readable backup (${err?.message})`)) : resolve(z))),
  );
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      if (!/^(manifest\.json|assay\.db|evidence\/[0-9a-f]{2}\/[0-9a-f]{64})$/.test(e.fileName)) {
        zip.close();
        return reject(new BackupError(`${label} contains "${e.fileName}", which an Assay backup never has`));
      }
      const target = path.join(into, ...e.fileName.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      zip.openReadStream(e, (err, stream) => {
        if (err || !stream) return reject(new BackupError(`${label}: ${e.fileName} cannot be read (${err?.message})`));
        stream.pipe(fs.createWriteStream(target)).on('close', () => zip.readEntry()).on('error', reject);
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', (err: Error) => reject(new BackupError(`${label} is damaged: ${err.message}`)));
    zip.readEntry();
  });
}

/**
 * Replaces the data folder's store with a backup. Everything is checked before anything is
 * replaced; the replaced data is kept aside until the new data is in place, and put back on failure.
 * The store must be closed (the app closes and reopens it around this).
 */
export async function restoreBackup(dataDir: string, backupFile: string, onProgress: (p: BackupProgress) => void = () => {}): Promise<BackupManifest> {
  const label = `Backup "${path.basename(backupFile)}"`;
  fs.mkdirSync(dataDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(dataDir, '.restore-'));
  try {
    await extractZip(backupFile, work, label);
    const manifestFile = path.join(work, 'manifest.json');
    if (!fs.existsSync(manifestFile)) throw new BackupError(`${label} has no manifest.json; is it an Assay backup?`);
    let manifestJson: unknown;
    try {
      manifestJson = JSON.parse(decodeUtf8(fs.readFileSync(manifestFile), 'its manifest.json'));
    } catch (err) {
      throw new BackupError(`${label}: ${err instanceof Utf8Error ? err.message : 'its manifest.json is not valid JSON'}; the backup is damaged`);
    }
    const parsed = backupManifestSchema.safeParse(manifestJson);
    if (!parsed.success) throw new BackupError(`${label} has a manifest this version of Assay does not understand`);
    const manifest = parsed.data;
    if (manifest.schemaVersion > migrations.length) throw new BackupError(`${label} was made by a newer version of Assay (schema ${manifest.schemaVersion}); update Assay to restore it`);

    const dbFile = path.join(work, DATABASE_FILE);
    if (!fs.existsSync(dbFile)) throw new BackupError(`${label} has no database`);
    const dbHash = await sha256File(dbFile);
    if (dbHash.sha256 !== manifest.database.sha256) throw new BackupError(`${label}: the database does not match its checksum; the backup is damaged`);
    const db = new Database(dbFile, { readonly: true });
    let blobs: { sha256: string; size: number }[];
    try {
      const check = db.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new BackupError(`${label}: the database fails SQLite's integrity check (${String(check)})`);
      blobs = db.prepare('SELECT sha256, size FROM blobs').all() as { sha256: string; size: number }[];
    } finally {
      db.close();
    }
    let done = 0;
    for (const b of blobs) {
      const f = path.join(work, 'evidence', b.sha256.slice(0, 2), b.sha256);
      if (!fs.existsSync(f)) throw new BackupError(`${label} lacks evidence file ${b.sha256}`);
      const h = await sha256File(f);
      if (h.sha256 !== b.sha256 || h.size !== b.size) throw new BackupError(`${label}: evidence file ${b.sha256} is damaged`);
      onProgress({ phase: 'verifying', done: ++done, total: blobs.length });
    }

    onProgress({ phase: 'replacing', done: 0, total: 1 });
    const aside = path.join(work, 'replaced');
    fs.mkdirSync(aside);
    fs.mkdirSync(path.join(work, 'evidence'), { recursive: true });
    const moved: string[] = [];
    const placed: string[] = [];
    try {
      for (const n of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, 'evidence']) {
        if (fs.existsSync(path.join(dataDir, n))) {
          fs.renameSync(path.join(dataDir, n), path.join(aside, n));
          moved.push(n);
        }
      }
      for (const [from, n] of [[dbFile, DATABASE_FILE], [path.join(work, 'evidence'), 'evidence']] as const) {
        fs.renameSync(from, path.join(dataDir, n));
        placed.push(n);
      }
    } catch (err) {
      // Put back what was there: a failed restore changes nothing.
      for (const n of placed) fs.rmSync(path.join(dataDir, n), { recursive: true, force: true });
      for (const n of moved) fs.renameSync(path.join(aside, n), path.join(dataDir, n));
      throw new BackupError(`${label} could not be put in place (${(err as Error).message}); your data is as it was`);
    }
    onProgress({ phase: 'done', done: 1, total: 1 });
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Keeps the newest `keep` automatic backups in `dir` and deletes the rest. */
export function rotateBackups(dir: string, keep: number): string[] {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^assay-auto-.*\.zip$/.test(f)).sort() : [];
  const removed = files.slice(0, Math.max(0, files.length - keep));
  for (const f of removed) fs.rmSync(path.join(dir, f), { force: true });
  return removed;
}

/** The backup taken when the app quits (Settings › Back up automatically on quit). */
export async function autoBackup(s: Services, dir: string, keep: number, now = new Date()): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `assay-auto-${now.toISOString().replace(/[:.]/g, '-')}.zip`);
  await createBackup(s, file, () => {}, now);
  rotateBackups(dir, keep);
  return file;
}
