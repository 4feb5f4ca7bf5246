// Importing a package that is already imported: an intact copy changes nothing and says so; a
// damaged copy (a file missing or of another size than the manifest says) still changes nothing,
// but the assessor is told which file of the copy they hold differs.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportError } from '../../electron/import/errors.js';
import { openServices, type Services } from '../../electron/services.js';
import { describeImport } from '../../shared/domain/import.js';
import {
  manifest,
  submission,
  tempDir,
  writePackage,
  writeValidPackage,
  zipFolder,
  type FileSpec,
  type Json,
} from '../support/package-builder.js';
import { snapshot } from '../support/store-snapshot.js';

let services: Services;
let work: string;

beforeEach(() => {
  work = tempDir();
  services = openServices(path.join(work, 'data'));
});
afterEach(() => {
  services.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const S0 = 'evidence/s0/lesson-plan.pdf';
const S1 = 'evidence/s1/lesson-plan.pdf';

/** Imports a package of three files from `original/`, and returns a second copy of it to damage. */
async function importedWithCopy(): Promise<{ copy: string; files: FileSpec[]; importedAt: string }> {
  const original = path.join(work, 'original');
  const { manifest: m, files } = writeValidPackage(original, 3);
  const r = await services.importPackage(original);
  expect(r.status).toBe('imported');
  const copy = path.join(work, 'copy');
  writePackage(copy, m, files);
  return { copy, files, importedAt: r.importedAt };
}

const truncate = (dir: string, rel: string, size: number) => fs.truncateSync(path.join(dir, ...rel.split('/')), size);
const remove = (dir: string, rel: string) => fs.rmSync(path.join(dir, ...rel.split('/')));

/** Re-imports `input` and asserts that the store is exactly as it was. */
async function reimport(input: string) {
  const before = snapshot(services);
  const audit = services.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
  const r = await services.importPackage(input);
  expect(snapshot(services)).toEqual(before);
  expect(services.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(audit);
  expect(r).toMatchObject({
    status: 'unchanged',
    submissionsAdded: 0,
    achievementsAdded: 0,
    filesStored: 0,
    bytesStored: 0,
  });
  return r;
}

describe.each([
  ['folder', async (dir: string) => dir],
  [
    'zip',
    async (dir: string) => {
      const zip = `${dir}.zip`;
      await zipFolder(dir, zip);
      return zip;
    },
  ],
] as const)('re-importing a copy of an imported package, as a %s', (kind, asInput) => {
  const name = kind === 'zip' ? '"copy.zip"' : '"copy"';

  it('an intact copy: already imported, nothing changed, and nothing more', async () => {
    const { copy, importedAt } = await importedWithCopy();
    const r = await reimport(await asInput(copy));
    expect(r.copyDiffers).toBeUndefined();
    expect(describeImport(r)).toBe(`Package ${name} was already imported on ${importedAt}; nothing changed.`);
  });

  it('a truncated evidence file: already imported, and the copy differs at that file, by size', async () => {
    const { copy, files, importedAt } = await importedWithCopy();
    truncate(copy, S1, 5);
    const r = await reimport(await asInput(copy));
    expect(r.copyDiffers).toEqual({
      file: S1,
      problem: 'size',
      how: `is 5 bytes but the manifest says ${files[1]!.content.length}`,
      more: 0,
    });
    expect(describeImport(r)).toBe(
      `Package ${name} was already imported on ${importedAt}; this copy differs from it: ${S1} is 5 bytes but the manifest says ${files[1]!.content.length}. ` +
        'Nothing changed in your library; do not pass this copy on.',
    );
  });

  it('a deleted evidence file: already imported, and the copy differs at that file, missing', async () => {
    const { copy, importedAt } = await importedWithCopy();
    remove(copy, S0);
    const r = await reimport(await asInput(copy));
    expect(r.copyDiffers).toEqual({ file: S0, problem: 'missing', how: 'is missing (the manifest lists it)', more: 0 });
    expect(describeImport(r)).toContain(
      `was already imported on ${importedAt}; this copy differs from it: ${S0} is missing (the manifest lists it)`,
    );
  });

  it('several damaged files: the first in manifest order is named, and how many more', async () => {
    const { copy } = await importedWithCopy();
    truncate(copy, S1, 0);
    remove(copy, S0);
    const r = await reimport(await asInput(copy));
    expect(r.copyDiffers).toMatchObject({ file: S0, problem: 'missing', more: 1 });
    expect(describeImport(r)).toContain(`${S0} is missing (the manifest lists it), and 1 more file differs`);
  });
});

describe('a copy whose achievement image differs from the imported one', () => {
  it('is named by the image path; an intact image is not', async () => {
    const image = { path: 'images/badge.png', content: Buffer.from('\x89PNG\r\n\x1a\n a badge image') };
    const file = { path: S0, content: Buffer.from('%PDF-1.7 lesson plan 0\n') };
    const m = manifest({ submissions: [submission(0, file)] });
    (m.achievements as Json[])[0]!.image = image.path;
    writePackage(path.join(work, 'original'), m, [image, file]);
    await services.importPackage(path.join(work, 'original'));
    const copy = path.join(work, 'copy');
    writePackage(copy, m, [image, file]);
    expect((await reimport(copy)).copyDiffers).toBeUndefined();
    truncate(copy, image.path, 4);
    expect((await reimport(copy)).copyDiffers).toEqual({
      file: image.path,
      problem: 'size',
      how: `is 4 bytes but the imported copy was ${image.content.length}`,
      more: 0,
    });
    remove(copy, image.path);
    expect((await reimport(copy)).copyDiffers).toMatchObject({ file: image.path, problem: 'missing' });
  });
});

describe('a copy whose manifest.json differs from the imported one', () => {
  it('is refused as a different package with this id, folder and zip alike, and changes nothing', async () => {
    const { copy } = await importedWithCopy();
    const file = path.join(copy, 'manifest.json');
    // One byte changed inside a string: still valid JSON, another manifest.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Teacher 1', 'Teacher 7'));
    await zipFolder(copy, `${copy}.zip`);
    for (const input of [copy, `${copy}.zip`]) {
      const before = snapshot(services);
      const err = await services.importPackage(input).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportError);
      expect((err as ImportError).reason).toBe('conflict');
      expect((err as ImportError).message).toMatch(/id: a different package with this id was imported on /);
      expect(snapshot(services)).toEqual(before);
    }
  });
});
