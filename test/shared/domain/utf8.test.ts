// Text that is not UTF-8 is refused, naming the file and the byte offset, in every JSON and CSV Assay reads.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { verifyAwardFile } from '../../../electron/awards/verify-award.js';
import { BackupError, createBackup, restoreBackup } from '../../../electron/backup/backup.js';
import { ImportError } from '../../../electron/import/errors.js';
import { importCanvasRubricCsv } from '../../../electron/library/canvas-csv.js';
import { importCaseRubrics } from '../../../electron/library/case.js';
import { decodeText } from '../../../electron/library/csv.js';
import { LibraryError } from '../../../electron/library/errors.js';
import { openServices, type Services } from '../../../electron/services.js';
import { decodeUtf8, invalidUtf8Offset, Utf8Error } from '../../../shared/domain/utf8.js';
import { tempDir, writeValidPackage, writeZip, type ZipEntrySpec } from '../../support/package-builder.js';
import { snapshot } from '../../support/store-snapshot.js';
import { CANVAS_CSV, CASE_PACKAGE } from '../../library/fixtures/rubric.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

/** Replaces the first occurrence of `text` in `b` by `text` with its first byte changed to `byte`. */
function damage(b: Buffer, text: string, byte = 0xff): { bytes: Buffer; offset: number } {
  const at = b.indexOf(Buffer.from(text, 'utf8'));
  if (at < 0) throw new Error(`no "${text}" to damage`);
  const out = Buffer.from(b);
  out[at] = byte;
  return { bytes: out, offset: at };
}

describe('the UTF-8 check', () => {
  it('accepts every well-formed sequence, and a BOM', () => {
    const text = 'Zoë Núñez-Łukasiewicz · 王小明 · 김민준 · محمد · 😀';
    expect(invalidUtf8Offset(Buffer.from(text))).toBe(-1);
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], text), 'x')).toBe(text);
  });

  it.each([
    ['a lone continuation byte', [0x41, 0x80], 1],
    ['a byte that never starts a character', [0x41, 0x42, 0xff], 2],
    ['an overlong two-byte form', [0xc0, 0xaf], 0],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf], 0],
    ['a surrogate', [0x41, 0xed, 0xa0, 0x80], 1],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut short by the end', [0x41, 0xe6, 0x97], 1],
    ['a sequence cut short by ASCII', [0xe6, 0x41, 0x41], 0],
  ])('refuses %s, at its offset', (_, b, offset) => {
    expect(invalidUtf8Offset(Buffer.from(b))).toBe(offset);
    expect(() => decodeUtf8(Buffer.from(b), 'notes.json')).toThrow(
      `notes.json is not valid UTF-8 (byte offset ${offset})`,
    );
  });
});

describe('files Assay reads', () => {
  let work: string;
  let s: Services;
  beforeEach(() => {
    work = tempDir();
    s = openServices(path.join(work, 'data'));
  });
  afterEach(() => {
    s.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('a package manifest with one bad byte in a name is refused with its offset, and nothing is written', async () => {
    const dir = path.join(work, 'pkg');
    writeValidPackage(dir, 2);
    const file = path.join(dir, 'manifest.json');
    const raw = fs.readFileSync(file);
    const nameAt = raw.indexOf(Buffer.from('"name"'));
    const { bytes: bad, offset } = damage(raw, raw.subarray(nameAt + 9, nameAt + 10).toString('latin1'));
    fs.writeFileSync(file, bad);
    const before = snapshot(s);
    const err = await s.importPackage(dir).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toBe(
      `Package "pkg" was refused: manifest.json: is not valid UTF-8 (byte offset ${offset}); JSON must be UTF-8. Ask the issuer for an undamaged package`,
    );
    expect(snapshot(s)).toEqual(before);
  });

  it('a CASE file is JSON: a bad byte is refused, not read as Windows-1252', () => {
    const raw = Buffer.from(JSON.stringify(CASE_PACKAGE));
    const { bytes: bad, offset } = damage(raw, '"title"', 0x93);
    expect(() => importCaseRubrics(bad)).toThrow(LibraryError);
    expect(() => importCaseRubrics(bad)).toThrow(`(the file): is not valid UTF-8 (byte offset ${offset})`);
  });

  it('a Canvas CSV in UTF-8 with one bad byte is refused; one with no UTF-8 in it is still Windows-1252', () => {
    const utf8 = Buffer.from(CANVAS_CSV.replace('Criteria', 'Critères'), 'utf8');
    expect(invalidUtf8Offset(utf8)).toBe(-1);
    const { bytes: bad, offset } = damage(utf8, 'Rating', 0xe9);
    expect(() => importCanvasRubricCsv(bad)).toThrow(LibraryError);
    expect(() => importCanvasRubricCsv(bad)).toThrow(`(the file): is not valid UTF-8 (byte offset ${offset})`);
    expect(() => decodeText(bad)).toThrow(Utf8Error);
    expect(decodeText(Buffer.from([0x4e, 0xfa, 0xf1, 0x65, 0x7a]))).toBe('Núñez');
  });

  it('UTF-16 with an unpaired surrogate is refused with its offset', () => {
    const good = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Núñez', 'utf16le')]);
    expect(decodeText(good)).toBe('Núñez');
    const bad = Buffer.concat([good, Buffer.from([0x00, 0xd8, 0x41, 0x00])]);
    expect(() => decodeText(bad, 'rubric.csv')).toThrow(`rubric.csv is not valid UTF-16 (byte offset ${good.length})`);
  });

  it('a credential JSON with a bad byte is not valid, and says where', async () => {
    const file = path.join(work, 'credential.json');
    const raw = Buffer.from(
      JSON.stringify({
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential'],
        name: 'Zoë',
      }),
    );
    const { bytes: bad, offset } = damage(raw, 'Zo');
    fs.writeFileSync(file, bad);
    const verdict = await verifyAwardFile(file);
    expect(verdict.valid).toBe(false);
    expect(verdict.reason).toBe(
      `credential encoding: credential.json is not valid UTF-8 (byte offset ${offset}); save it as UTF-8 and try again`,
    );
  });

  it('a backup whose manifest has a bad byte is refused before anything is replaced', async () => {
    writeValidPackage(path.join(work, 'pkg'), 1);
    await s.importPackage(path.join(work, 'pkg'));
    const backup = path.join(work, 'backup.zip');
    await createBackup(s, backup);
    // Rewrite the backup with one bad byte in its manifest (compressed in the zip, so re-zipped, not patched).
    const entries = await readZip(backup);
    const manifest = entries.find((e) => e.name === 'manifest.json')!;
    const { bytes: bad, offset } = damage(manifest.content!, '"format"', 0xc3);
    manifest.content = bad;
    await writeZip(backup, entries);
    const before = snapshot(s);
    s.close();
    const err = await restoreBackup(path.join(work, 'data'), backup).then(
      () => undefined,
      (e: unknown) => e,
    );
    s = openServices(path.join(work, 'data'));
    expect(err).toBeInstanceOf(BackupError);
    expect(snapshot(s)).toEqual(before);
    expect((err as Error).message).toBe(
      `Backup "backup.zip": its manifest.json is not valid UTF-8 (byte offset ${offset}); save it as UTF-8 and try again; the backup is damaged`,
    );
  });
});

/** Every entry of a zip, read whole (test archives are small). */
function readZip(file: string): Promise<ZipEntrySpec[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) {
        reject(err);
        return;
      }
      const out: ZipEntrySpec[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) {
            reject(e);
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.push({ name: entry.fileName, content: Buffer.concat(chunks), compress: entry.compressionMethod !== 0 });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
