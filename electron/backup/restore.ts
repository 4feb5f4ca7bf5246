// Restore: a backup is trusted only after it has been checked. Its database must be Assay's (schema,
// integrity, references, audit chain); only the evidence files that database lists are taken, each
// exactly its listed size and hash; the switch is journalled, so a crash leaves the old store or the
// new one; and the data folder is locked, so no other process is writing to the store meanwhile.
import { decodeUtf8, Utf8Error } from '../../shared/domain/utf8.js';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ensurePrivateDir, mkdirPrivate, PRIVATE_FILE_MODE } from '../store/atomic-write.js';
import {
  finish,
  recoverDataDir,
  rollForward,
  workDirName,
  writeJournal,
  type SwitchStep,
} from '../store/restore-journal.js';
import { acquireRestoreLock, StoreBusyError } from '../store/store-lock.js';
import { backupManifestSchema, type BackupManifest, type BackupProgress } from './manifest.js';
import { checkBackupDatabase } from './check-database.js';
import { BackupError } from './errors.js';

const DATABASE_FILE = 'assay.db';
const MANIFEST_MAX = 1024 * 1024;
const ENTRY_NAME = /^(manifest\.json|assay\.db|evidence\/([0-9a-f]{2})\/([0-9a-f]{64}))$/;

export type RestoreStep = 'verified' | SwitchStep;

export interface RestoreHooks {
  /** Called after each step (tests stop the process here to show a crash is recovered). */
  onStep?: (step: RestoreStep) => void;
}

function openZip(file: string, label: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true },
      (err: Error | null, z: yauzl.ZipFile | undefined) =>
        err || !z
          ? reject(new BackupError(`${label} is not a readable backup (${err?.message ?? 'unknown error'})`))
          : resolve(z),
    ),
  );
}

/** Every entry by name; anything an Assay backup never has, or a name given twice, is refused. */
function listEntries(zip: yauzl.ZipFile, label: string): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  return new Promise((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      if (!ENTRY_NAME.test(e.fileName)) {
        reject(new BackupError(`${label} contains "${e.fileName}", which an Assay backup never has`));
        return;
      }
      if (entries.has(e.fileName)) {
        reject(new BackupError(`${label} contains "${e.fileName}" twice; it is not an Assay backup`));
        return;
      }
      if (e.fileName.startsWith('evidence/') && e.fileName.slice(9, 11) !== e.fileName.slice(12, 14)) {
        reject(new BackupError(`${label} contains "${e.fileName}" in the wrong folder`));
        return;
      }
      entries.set(e.fileName, e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (err: Error) => reject(new BackupError(`${label} is damaged: ${err.message}`)));
    zip.readEntry();
  });
}

function readStream(zip: yauzl.ZipFile, e: yauzl.Entry, label: string): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(e, (err: Error | null, s: Readable | undefined) =>
      err || !s
        ? reject(new BackupError(`${label}: ${e.fileName} cannot be read (${err?.message ?? 'unknown error'})`))
        : resolve(s),
    ),
  );
}

/** Writes one entry to `target`, never more than `size` bytes, hashing as it goes; flushed to disk. */
async function extract(
  zip: yauzl.ZipFile,
  e: yauzl.Entry,
  target: string,
  size: number,
  label: string,
): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256');
  let n = 0;
  const fd = fs.openSync(target, 'wx', PRIVATE_FILE_MODE);
  try {
    for await (const chunk of await readStream(zip, e, label)) {
      const b = chunk as Buffer;
      n += b.length;
      if (n > size)
        throw new BackupError(`${label}: ${e.fileName} is larger than the ${size} bytes its database lists`);
      h.update(b);
      for (let off = 0; off < b.length;) off += fs.writeSync(fd, b, off, b.length - off);
    }
    fs.fsyncSync(fd);
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`${label}: ${e.fileName} cannot be read (${(err as Error).message}); the backup is damaged`);
  } finally {
    fs.closeSync(fd);
  }
  return { sha256: h.digest('hex'), size: n };
}

async function checkSpace(dir: string, needed: number, label: string): Promise<void> {
  let free: number;
  try {
    const st = await fs.promises.statfs(dir);
    free = st.bavail * st.bsize;
  } catch {
    return;
  }
  if (needed > free)
    throw new BackupError(`${label} needs ${needed} bytes but only ${free} are free in ${dir}; nothing was changed`);
}

async function readManifest(
  zip: yauzl.ZipFile,
  entries: Map<string, yauzl.Entry>,
  label: string,
): Promise<BackupManifest> {
  const e = entries.get('manifest.json');
  if (!e) throw new BackupError(`${label} has no manifest.json; is it an Assay backup?`);
  if (e.uncompressedSize > MANIFEST_MAX)
    throw new BackupError(`${label}: its manifest.json is ${e.uncompressedSize} bytes; an Assay backup's is small`);
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of await readStream(zip, e, label)) {
    n += (c as Buffer).length;
    if (n > MANIFEST_MAX) throw new BackupError(`${label}: its manifest.json is larger than it says`);
    chunks.push(c as Buffer);
  }
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8(Buffer.concat(chunks), 'its manifest.json'));
  } catch (err) {
    throw new BackupError(
      `${label}: ${err instanceof Utf8Error ? err.message : 'its manifest.json is not valid JSON'}; the backup is damaged`,
    );
  }
  const parsed = backupManifestSchema.safeParse(json);
  if (!parsed.success) throw new BackupError(`${label} has a manifest this version of Assay does not understand`);
  return parsed.data;
}

/** Unpacks and checks everything into `work`; throws (naming what is wrong) before anything is replaced. */
async function unpackChecked(
  zip: yauzl.ZipFile,
  work: string,
  label: string,
  onProgress: (p: BackupProgress) => void,
): Promise<BackupManifest> {
  const entries = await listEntries(zip, label);
  const manifest = await readManifest(zip, entries, label);
  const dbEntry = entries.get(DATABASE_FILE);
  if (!dbEntry) throw new BackupError(`${label} has no database`);
  if (dbEntry.uncompressedSize !== manifest.database.size)
    throw new BackupError(
      `${label}: the database is ${dbEntry.uncompressedSize} bytes but its manifest says ${manifest.database.size}; the backup is damaged`,
    );
  await checkSpace(work, manifest.database.size, label);
  const dbFile = path.join(work, DATABASE_FILE);
  const db = await extract(zip, dbEntry, dbFile, manifest.database.size, label);
  if (db.sha256 !== manifest.database.sha256 || db.size !== manifest.database.size)
    throw new BackupError(`${label}: the database does not match its checksum; the backup is damaged`);

  const checked = checkBackupDatabase(dbFile, label);
  if (checked.schemaVersion !== manifest.schemaVersion)
    throw new BackupError(
      `${label}: its manifest says schema ${manifest.schemaVersion} but its database is schema ${checked.schemaVersion}`,
    );

  // Only what the database lists, each exactly its listed size: the total is bounded before a byte is written.
  const wanted = [...checked.blobs].map(([sha, size]) => ({ sha, size, name: `evidence/${sha.slice(0, 2)}/${sha}` }));
  for (const name of entries.keys()) {
    const m = ENTRY_NAME.exec(name);
    if (m?.[3] && !checked.blobs.has(m[3]))
      throw new BackupError(`${label} contains evidence file ${m[3]}, which its database does not list; it is refused`);
  }
  let total = 0;
  for (const w of wanted) {
    const e = entries.get(w.name);
    if (!e) throw new BackupError(`${label} lacks evidence file ${w.sha}`);
    if (e.uncompressedSize !== w.size)
      throw new BackupError(
        `${label}: evidence file ${w.sha} is ${e.uncompressedSize} bytes but its database lists ${w.size}; the backup is damaged`,
      );
    // Assay stores evidence uncompressed, so the backup's own size bounds what it can unpack to.
    if (e.compressionMethod !== 0 || e.compressedSize !== e.uncompressedSize)
      throw new BackupError(`${label}: evidence file ${w.sha} is compressed; Assay backups store evidence as is`);
    total += w.size;
  }
  await checkSpace(work, total, label);
  let done = 0;
  for (const w of wanted) {
    const target = path.join(work, ...w.name.split('/'));
    mkdirPrivate(path.dirname(target));
    const got = await extract(zip, entries.get(w.name)!, target, w.size, label);
    if (got.sha256 !== w.sha || got.size !== w.size)
      throw new BackupError(`${label}: evidence file ${w.sha} is damaged (its content does not have that SHA-256)`);
    onProgress({ phase: 'verifying', done: ++done, total: wanted.length });
  }
  mkdirPrivate(path.join(work, 'evidence'));
  return manifest;
}

/**
 * Replaces the data folder's store with a backup. Refused (BackupError, nothing changed) unless
 * every check passes and no other process has the store open; the store must be closed here too.
 */
export async function restoreBackup(
  dataDir: string,
  backupFile: string,
  onProgress: (p: BackupProgress) => void = () => {},
  hooks: RestoreHooks = {},
): Promise<BackupManifest> {
  const label = `Backup "${path.basename(backupFile)}"`;
  const step = hooks.onStep ?? (() => {});
  ensurePrivateDir(dataDir);
  let lock;
  try {
    lock = acquireRestoreLock(dataDir);
  } catch (err) {
    if (err instanceof StoreBusyError) throw new BackupError(`${label} was not restored: ${err.message}`);
    throw err;
  }
  try {
    // A restore that died earlier is finished first; what dead writers left is removed.
    recoverDataDir(dataDir);
    const work = path.join(dataDir, workDirName());
    mkdirPrivate(work);
    let committed = false;
    try {
      const zip = await openZip(backupFile, label);
      let manifest: BackupManifest;
      try {
        manifest = await unpackChecked(zip, work, label, onProgress);
      } finally {
        zip.close();
      }
      step('verified');
      onProgress({ phase: 'replacing', done: 0, total: 1 });
      writeJournal(dataDir, work);
      committed = true;
      step('journal');
      try {
        rollForward(dataDir, work, step);
      } catch (err) {
        throw new BackupError(
          `${label} is checked but could not be put in place (${(err as Error).message}); Assay finishes the restore the next time it starts`,
        );
      }
      finish(dataDir, work);
      step('committed');
      onProgress({ phase: 'done', done: 1, total: 1 });
      return manifest;
    } finally {
      if (!committed) fs.rmSync(work, { recursive: true, force: true });
    }
  } finally {
    lock.release();
  }
}
