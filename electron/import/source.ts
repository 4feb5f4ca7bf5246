// A review package as a folder or a .zip: manifest bytes and safe streams of the files it names.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { packagePathProblem } from '../../shared/schemas/review-package.js';
import { ImportError } from './errors.js';
import type { Limits } from './limits.js';

export interface PackageSource {
  readonly kind: 'folder' | 'zip';
  /** How the error messages name the package (its file or folder name). */
  label: string;
  readManifest(): Promise<Buffer>;
  /** Size of a file in the package, or refusal when missing or unsafe. */
  sizeOf(rel: string): Promise<number>;
  /** A stream of a file's bytes; never more than `maxBytes` + 1 are read. */
  open(rel: string, maxBytes: number): Promise<Readable>;
  /** For folders: the real path on disk, so a file can be copied by the kernel. */
  diskPath?(rel: string): Promise<string>;
  /** For folders: the real path on disk and the size, from one check. */
  diskFile?(rel: string): Promise<{ path: string; size: number }>;
  /** For .zips: every file entry, relative to the package's top (entries outside it keep their full name). */
  listFiles?(): string[];
  close(): Promise<void>;
}

export async function openSource(input: string, limits: Limits): Promise<PackageSource> {
  const label = `"${path.basename(input)}"`;
  let st: fs.Stats;
  try {
    st = await fs.promises.stat(input);
  } catch {
    throw new ImportError('not-a-package', label, undefined, `${input} does not exist or cannot be read`);
  }
  if (st.isDirectory()) return FolderSource.open(input, label, limits);
  if (st.isFile()) return ZipSource.open(input, label, limits);
  throw new ImportError('not-a-package', label, undefined, 'is neither a folder nor a .zip file');
}

class FolderSource implements PackageSource {
  readonly kind = 'folder';
  private constructor(
    readonly label: string,
    private readonly root: string,
    private readonly limits: Limits,
  ) {}

  static async open(dir: string, label: string, limits: Limits): Promise<FolderSource> {
    return new FolderSource(label, await fs.promises.realpath(dir), limits);
  }

  async readManifest(): Promise<Buffer> {
    const file = path.join(this.root, 'manifest.json');
    let st: fs.Stats;
    try {
      st = await fs.promises.lstat(file);
    } catch {
      throw new ImportError(
        'not-a-package',
        this.label,
        'manifest.json',
        'there is no manifest.json at the top of the folder; is this a review package?',
      );
    }
    if (!st.isFile())
      throw new ImportError(
        'unsafe-path',
        this.label,
        'manifest.json',
        'is not a regular file (a symbolic link or a folder)',
      );
    if (st.size > this.limits.manifestBytes) {
      throw new ImportError(
        'manifest-too-large',
        this.label,
        'manifest.json',
        `is ${st.size} bytes, more than the limit of ${this.limits.manifestBytes}`,
      );
    }
    return fs.promises.readFile(file);
  }

  /** Resolves a manifest path to a regular file that really lies inside the package folder. */
  async diskPath(rel: string): Promise<string> {
    return (await this.diskFile(rel)).path;
  }

  async diskFile(rel: string): Promise<{ path: string; size: number }> {
    const problem = packagePathProblem(rel);
    if (problem) throw new ImportError('unsafe-path', this.label, rel, problem);
    const joined = path.join(this.root, ...rel.split('/'));
    let real: string;
    try {
      real = await fs.promises.realpath(joined);
    } catch {
      throw new ImportError(
        'missing-file',
        this.label,
        rel,
        'the manifest names this file but the package does not contain it',
      );
    }
    if (!real.startsWith(this.root + path.sep)) {
      throw new ImportError('unsafe-path', this.label, rel, 'leads outside the package through a symbolic link');
    }
    const st = await fs.promises.stat(real);
    if (!st.isFile()) throw new ImportError('missing-file', this.label, rel, 'is not a regular file');
    return { path: real, size: st.size };
  }

  async sizeOf(rel: string): Promise<number> {
    return (await this.diskFile(rel)).size;
  }

  async open(rel: string, maxBytes: number): Promise<Readable> {
    return fs.createReadStream(await this.diskPath(rel), { highWaterMark: 1024 * 1024, end: maxBytes });
  }

  async close(): Promise<void> {}
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

class ZipSource implements PackageSource {
  readonly kind = 'zip';
  private constructor(
    readonly label: string,
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly prefix: string,
    private readonly limits: Limits,
  ) {}

  static async open(file: string, label: string, limits: Limits): Promise<ZipSource> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(
        file,
        { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true },
        (err: Error | null, z: yauzl.ZipFile | undefined) =>
          err || !z
            ? reject(
                new ImportError(
                  'zip-invalid',
                  label,
                  undefined,
                  `is not a readable .zip file (${err?.message ?? 'unknown error'})`,
                ),
              )
            : resolve(z),
      ),
    );
    try {
      if (zip.entryCount > limits.zipEntries) {
        throw new ImportError(
          'zip-limits',
          label,
          undefined,
          `has ${zip.entryCount} entries, more than the limit of ${limits.zipEntries}`,
        );
      }
      const entries = await readEntries(zip, label, limits);
      const prefix = findManifestPrefix(entries, label);
      return new ZipSource(label, zip, entries, prefix, limits);
    } catch (err) {
      zip.close();
      throw err;
    }
  }

  listFiles(): string[] {
    return [...this.entries.keys()]
      .filter((n) => !n.endsWith('/'))
      .map((n) => (n.startsWith(this.prefix) ? n.slice(this.prefix.length) : n));
  }

  private entry(rel: string): yauzl.Entry {
    const problem = packagePathProblem(rel);
    if (problem) throw new ImportError('unsafe-path', this.label, rel, problem);
    const e = this.entries.get(this.prefix + rel);
    if (!e || e.fileName.endsWith('/'))
      throw new ImportError(
        'missing-file',
        this.label,
        rel,
        'the manifest names this file but the package does not contain it',
      );
    return e;
  }

  async readManifest(): Promise<Buffer> {
    const e = this.entry('manifest.json');
    if (e.uncompressedSize > this.limits.manifestBytes) {
      throw new ImportError(
        'manifest-too-large',
        this.label,
        'manifest.json',
        `is ${e.uncompressedSize} bytes, more than the limit of ${this.limits.manifestBytes}`,
      );
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of await this.open('manifest.json', this.limits.manifestBytes)) {
      total += (chunk as Buffer).length;
      if (total > this.limits.manifestBytes)
        throw new ImportError(
          'manifest-too-large',
          this.label,
          'manifest.json',
          `is larger than the limit of ${this.limits.manifestBytes} bytes`,
        );
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  sizeOf(rel: string): Promise<number> {
    return Promise.resolve(this.entry(rel).uncompressedSize);
  }

  async open(rel: string, maxBytes: number): Promise<Readable> {
    const e = this.entry(rel);
    if (e.uncompressedSize > maxBytes) {
      throw new ImportError(
        'size-mismatch',
        this.label,
        rel,
        `is ${e.uncompressedSize} bytes, more than the ${maxBytes} allowed`,
      );
    }
    return new Promise((resolve, reject) =>
      this.zip.openReadStream(e, (err: Error | null, stream: Readable | undefined) =>
        err || !stream
          ? reject(
              new ImportError(
                'zip-invalid',
                this.label,
                rel,
                `cannot be read from the .zip (${err?.message ?? 'unknown error'})`,
              ),
            )
          : resolve(stream),
      ),
    );
  }

  close(): Promise<void> {
    this.zip.close();
    return Promise.resolve();
  }
}

async function readEntries(zip: yauzl.ZipFile, label: string, limits: Limits): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      try {
        const mode = (e.externalFileAttributes >>> 16) & S_IFMT;
        if (mode === S_IFLNK)
          throw new ImportError(
            'unsafe-path',
            label,
            e.fileName,
            'is a symbolic link inside the .zip; packages may not contain links',
          );
        if (entries.has(e.fileName))
          throw new ImportError('zip-invalid', label, e.fileName, 'appears twice in the .zip');
        total += e.uncompressedSize;
        if (total > limits.zipTotalUncompressedBytes) {
          throw new ImportError(
            'zip-limits',
            label,
            undefined,
            `would unpack to more than the limit of ${limits.zipTotalUncompressedBytes} bytes (a zip bomb?)`,
          );
        }
        if (
          e.uncompressedSize >= limits.zipRatioMinBytes &&
          e.uncompressedSize > limits.zipMaxRatio * Math.max(1, e.compressedSize)
        ) {
          throw new ImportError(
            'zip-limits',
            label,
            e.fileName,
            `is compressed more than ${limits.zipMaxRatio} to 1 (${e.compressedSize} bytes unpacking to ${e.uncompressedSize}); refused as a possible zip bomb`,
          );
        }
        entries.set(e.fileName, e);
        zip.readEntry();
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
    zip.on('end', () => resolve());
    zip.on('error', (err: Error) =>
      reject(
        err instanceof ImportError
          ? err
          : new ImportError(
              'unsafe-path',
              label,
              undefined,
              `the .zip has an entry that is not allowed: ${err.message}`,
            ),
      ),
    );
    zip.readEntry();
  });
  return entries;
}

/** The manifest sits at the root, or inside the one folder a zipped package folder has. */
function findManifestPrefix(entries: Map<string, yauzl.Entry>, label: string): string {
  if (entries.has('manifest.json')) return '';
  const candidates = [...entries.keys()].filter((n) => /^[^/]+\/manifest\.json$/.test(n));
  if (candidates.length === 1) return candidates[0]!.slice(0, -'manifest.json'.length);
  throw new ImportError(
    'not-a-package',
    label,
    'manifest.json',
    'the .zip has no manifest.json at its top (or inside its one top folder); is this a review package?',
  );
}
