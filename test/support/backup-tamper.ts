// Makes hostile backups out of a genuine one: a changed database, extra or changed entries.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import yauzl from 'yauzl';
import yazl from 'yazl';

export interface Entry {
  name: string;
  data: Buffer;
  /** Deflate it (Assay stores evidence as is). */
  compress?: boolean;
}

export async function readBackup(file: string): Promise<Entry[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (e: Error | null, z: yauzl.ZipFile | undefined) =>
      e || !z ? reject(e ?? new Error(`${file}: yauzl opened no zip`)) : resolve(z),
    ),
  );
  const out: Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) =>
      zip.openReadStream(e, (err: Error | null, s: Readable | undefined) => {
        if (err || !s) {
          reject(err ?? new Error(`${e.fileName}: yauzl gave no stream`));
          return;
        }
        const chunks: Buffer[] = [];
        s.on('data', (c: Buffer) => chunks.push(c));
        s.on('end', () => {
          out.push({ name: e.fileName, data: Buffer.concat(chunks) });
          zip.readEntry();
        });
      }),
    );
    zip.on('end', () => resolve());
    zip.readEntry();
  });
  return out;
}

export async function writeBackup(file: string, entries: Entry[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { compress: e.compress ?? e.name === 'assay.db' });
  zip.end();
  await new Promise<void>((resolve, reject) =>
    zip.outputStream
      .pipe(fs.createWriteStream(file))
      .on('close', () => resolve())
      .on('error', reject),
  );
}

/**
 * A copy of `backup` whose database `change` altered (in a scratch file), with the manifest's
 * checksum updated to match, so only the checks of the content can catch it.
 */
export async function tamperDatabase(
  backup: string,
  out: string,
  change: (db: Database.Database) => void,
  scratch: string,
): Promise<void> {
  const entries = await readBackup(backup);
  const dbFile = path.join(scratch, `db-${path.basename(out)}`);
  fs.writeFileSync(dbFile, entries.find((e) => e.name === 'assay.db')!.data);
  const db = new Database(dbFile);
  db.pragma('journal_mode = DELETE');
  change(db);
  db.close();
  await replaceDatabase(entries, fs.readFileSync(dbFile), out);
}

export async function replaceDatabase(
  entries: Entry[],
  bytes: Buffer,
  out: string,
  manifestChange: (m: Record<string, unknown>) => void = () => {},
): Promise<void> {
  const m = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString()) as Record<string, unknown>;
  m.database = { file: 'assay.db', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  manifestChange(m);
  const next = entries.map((e) =>
    e.name === 'assay.db'
      ? { ...e, data: bytes }
      : e.name === 'manifest.json'
        ? { ...e, data: Buffer.from(JSON.stringify(m)) }
        : e,
  );
  await writeBackup(out, next);
}
