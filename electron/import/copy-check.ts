// A package already imported, arriving again: does the copy in hand still hold what its manifest
// says? Sizes only. A size comes from one stat (folder) or the .zip's central directory, so this
// costs no read of evidence bytes; hashing again would read (and for a .zip inflate) every byte of a
// package that may be gigabytes of classroom video, to answer "nothing changed". Sizes catch what
// damages a copy in practice (a cut-off download or copy, a file lost); a same-size change is not
// caught here, and the first import of such a copy refuses it by its SHA-256.
import { isFileArtifact, type Manifest } from '../../shared/schemas/review-package.js';
import type { CopyDifference } from '../../shared/domain/import.js';
import type { Db } from '../store/db.js';
import { contentSha256Forms } from '../store/rows.js';
import { ImportError } from './errors.js';
import type { PackageSource } from './source.js';

type Check = { rel: string; size: number | undefined; against: 'manifest' | 'imported copy' };

/** The first file (in manifest order) where this copy differs, and how many more do; undefined when none. */
export async function firstCopyDifference(
  db: Db,
  source: PackageSource,
  manifest: Manifest,
): Promise<CopyDifference | undefined> {
  const checks = new Map<string, Check>();
  // An image has no size in the manifest: compare it with the one stored from this package, if this
  // package brought that achievement version (one seen before kept the earlier package's image).
  const storedImage = db
    .prepare(
      'SELECT b.size FROM achievement_versions v JOIN blobs b ON b.sha256 = v.image_sha256 WHERE v.achievement_id = ? AND v.content_sha256 IN (?, ?) AND v.package_id = ?',
    )
    .pluck();
  for (const a of manifest.achievements) {
    if (!a.image || checks.has(a.image)) continue;
    const [sha, legacy = sha] = contentSha256Forms(a);
    const size = storedImage.get(a.id, sha, legacy, manifest.id) as number | undefined;
    checks.set(a.image, { rel: a.image, size, against: 'imported copy' });
  }
  for (const s of manifest.submissions) {
    for (const art of s.artifacts) {
      if (isFileArtifact(art) && !checks.has(art.file))
        checks.set(art.file, { rel: art.file, size: art.size, against: 'manifest' });
    }
  }

  let first: Omit<CopyDifference, 'more'> | undefined;
  let more = 0;
  for (const c of checks.values()) {
    const d = await differs(source, c);
    if (!d) continue;
    if (first) more++;
    else first = d;
  }
  return first && { ...first, more };
}

async function differs(source: PackageSource, c: Check): Promise<Omit<CopyDifference, 'more'> | undefined> {
  let size: number;
  try {
    size = await source.sizeOf(c.rel);
  } catch (err) {
    if (!(err instanceof ImportError))
      return { file: c.rel, problem: 'unreadable', how: `could not be read (${(err as Error).message})` };
    if (err.reason === 'missing-file')
      return { file: c.rel, problem: 'missing', how: 'is missing (the manifest lists it)' };
    return { file: c.rel, problem: 'unsafe', how: err.detail };
  }
  if (c.size === undefined || size === c.size) return undefined;
  const said = c.against === 'manifest' ? `the manifest says ${c.size}` : `the imported copy was ${c.size}`;
  return { file: c.rel, problem: 'size', how: `is ${size} bytes but ${said}` };
}
