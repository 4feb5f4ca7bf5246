import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeSamplePackage, type SamplePackageResult } from '../../electron/sample/sample-package.js';
import { checkManifestPassRules, checkManifestReferences } from '../../shared/domain/manifest-check.js';
import { hasPassRule } from '../../shared/domain/pass-rule.js';
import { isFileArtifact, manifestSchema, type Manifest } from '../../shared/schemas/review-package.js';

const NOW = new Date('2026-11-20T09:00:00Z');
const tmpDirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-sample-'));
  tmpDirs.push(d);
  return d;
};

/** Walks a PNG's chunks, checking every CRC; returns the chunk types and the IHDR fields. */
function readPng(buf: Buffer) {
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const types: string[] = [];
  const idat: Buffer[] = [];
  let ihdr: Buffer | undefined;
  let off = 8;
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.subarray(off + 4, off + 8).toString('latin1');
    const data = buf.subarray(off + 8, off + 8 + len);
    expect(buf.readUInt32BE(off + 8 + len), `CRC of ${type}`).toBe(crc32(buf.subarray(off + 4, off + 8 + len)));
    types.push(type);
    if (type === 'IHDR') ihdr = data;
    if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  expect(off).toBe(buf.length);
  expect(types[0]).toBe('IHDR');
  expect(types.at(-1)).toBe('IEND');
  expect(ihdr?.length).toBe(13);
  const width = ihdr!.readUInt32BE(0),
    height = ihdr!.readUInt32BE(4),
    depth = ihdr![8],
    colourType = ihdr![9];
  return { types, width, height, depth, colourType, raw: inflateSync(Buffer.concat(idat)) };
}

describe('writeSamplePackage', () => {
  let result: SamplePackageResult;
  let manifest: Manifest;
  let manifestText: string;

  beforeAll(async () => {
    result = await writeSamplePackage(path.join(tmp(), 'package'), { now: NOW });
    manifestText = fs.readFileSync(result.manifestPath, 'utf8');
    const parsed = manifestSchema.safeParse(JSON.parse(manifestText));
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues, null, 2));
    manifest = parsed.data;
  });

  afterAll(() => {
    for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('writes a manifest that passes the schema and the reference checks', () => {
    expect(manifest.format).toBe('microcredential-review-package');
    expect(manifest.formatVersion).toBe(1);
    expect(manifest.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(manifest.createdAt).toBe('2026-11-20T09:00:00Z');
    expect(manifest.issuer.name).toBe('Riverside University School of Education');
    expect(checkManifestReferences(manifest)).toEqual([]);
    expect(result.achievements).toBe(7);
    expect(result.submissions).toBe(manifest.submissions.length);
    expect(manifest.submissions.length).toBeGreaterThanOrEqual(14);
    expect(manifest.submissions.length).toBeLessThanOrEqual(20);
  });

  it('has the seven micro-credentials with varied rubric rules', () => {
    expect(manifest.achievements.map((a) => a.name)).toEqual([
      'Core STEM Teaching Practices',
      'Digital Fluency',
      'Instructional Leadership',
      'Basic and Advanced Performance Assessment Design',
      'Creative Thinking and Innovating',
      'Global Graduates',
      'Designing and Facilitating High-Quality Professional Learning',
    ]);
    for (const a of manifest.achievements) {
      expect(a.id).toMatch(/^https:\/\/pd\.riverside\.example\.edu\/achievements\/[a-z-]+\/v1$/);
      expect(a.achievementType).toBe('MicroCredential');
      expect(a.sections.map((s) => s.id)).toEqual(['overview', 'work-examples', 'reflection']);
      expect(a.resultDescription.length).toBeGreaterThanOrEqual(3);
      expect(a.resultDescription.length).toBeLessThanOrEqual(5);
      for (const c of a.resultDescription) {
        expect(c.id.startsWith(`${a.id}#`)).toBe(true);
        expect(c.rubricCriterionLevel.length).toBeGreaterThanOrEqual(3);
        expect(c.rubricCriterionLevel.map((l) => l.points)).toEqual(c.rubricCriterionLevel.map((_, i) => i));
        for (const l of c.rubricCriterionLevel) expect(l.description?.length).toBeGreaterThan(20);
      }
      expect(manifest.submissions.some((s) => s.achievementId === a.id)).toBe(true);
    }
    const hasRequired = (a: Manifest['achievements'][number]) =>
      a.resultDescription.every((c) => c.requiredLevel !== undefined);
    expect(
      manifest.achievements.filter(
        (a) => a.passingPoints !== undefined && !a.resultDescription.some((c) => c.requiredLevel),
      ),
    ).toHaveLength(1);
    expect(manifest.achievements.filter((a) => a.passingPoints === undefined && hasRequired(a))).toHaveLength(1);
    expect(
      manifest.achievements.filter((a) => a.passingPoints !== undefined && hasRequired(a)).length,
    ).toBeGreaterThanOrEqual(4);
    // Every rubric has a pass rule, so the importer takes the package and every submission can be decided.
    expect(manifest.achievements.filter((a) => !hasPassRule(a)).map((a) => a.id)).toEqual([]);
    expect(checkManifestPassRules(manifest)).toEqual([]);
  });

  it('includes earners whose names need Unicode', () => {
    const names = new Set(manifest.submissions.map((s) => s.earner.name));
    for (const n of ['Zoë Núñez-Łukasiewicz', 'Ἀλέξανδρος Παπαδόπουλος', '김민준', 'محمد الأحمد', 'Ng Thị Ánh'])
      expect(names).toContain(n);
    for (const s of manifest.submissions) {
      expect(s.earner.id).toBe(`mailto:${s.earner.email}`);
      expect(s.earner.organization).toBeTruthy();
      expect(s.responses?.map((r) => r.sectionId)).toEqual(['overview', 'reflection']);
      for (const r of s.responses ?? []) expect(r.text.length).toBeGreaterThan(200);
      expect(new Date(s.submittedAt).getTime()).toBeLessThan(NOW.getTime());
    }
    const due = manifest.submissions.map((s) => s.dueAt);
    expect(due.filter((d) => d === undefined)).toHaveLength(1);
    expect(due.some((d) => d !== undefined && new Date(d) < NOW)).toBe(true);
    expect(due.some((d) => d !== undefined && new Date(d) > NOW)).toBe(true);
  });

  it('carries resubmissions with earlier "not yet" reviews scoring every criterion', () => {
    const resubmissions = manifest.submissions.filter((s) => s.attempt > 1);
    expect(resubmissions.length).toBeGreaterThanOrEqual(3);
    for (const s of resubmissions) {
      const a = manifest.achievements.find((x) => x.id === s.achievementId)!;
      expect(s.previousReviews?.map((r) => r.attempt)).toEqual(Array.from({ length: s.attempt - 1 }, (_, i) => i + 1));
      for (const r of s.previousReviews ?? []) {
        expect(r.decision).toBe('not-yet');
        expect(new Date(r.reviewedAt).getTime()).toBeLessThan(new Date(s.submittedAt).getTime());
        expect(r.feedback.length).toBeGreaterThan(50);
        expect(r.results.map((x) => x.resultDescription)).toEqual(a.resultDescription.map((c) => c.id));
        for (const x of r.results) expect(x.comment).toBeTruthy();
      }
    }
  });

  it('writes every file artifact with the size and SHA-256 the manifest states', async () => {
    const fileArtifacts = manifest.submissions.flatMap((s) => s.artifacts.filter(isFileArtifact));
    const urlArtifacts = manifest.submissions.flatMap((s) => s.artifacts.filter((a) => !isFileArtifact(a)));
    expect(urlArtifacts.length).toBeGreaterThan(0);
    for (const a of urlArtifacts) expect((a as { url: string }).url).toMatch(/^https:\/\/video\.example\.org\/v\/\d+$/);
    let pdfs = 0,
      pngs = 0;
    for (const s of manifest.submissions) {
      expect(s.artifacts.some((a) => isFileArtifact(a) && a.mediaType === 'application/pdf')).toBe(true);
    }
    for (const a of fileArtifacts) {
      expect(a.file).toMatch(/^evidence\/[0-9a-f]{8}\/[a-z0-9-]+\.(pdf|png)$/);
      const bytes = fs.readFileSync(path.join(result.dir, a.file));
      expect(bytes.length, a.file).toBe(a.size);
      expect(createHash('sha256').update(bytes).digest('hex'), a.file).toBe(a.sha256);
      if (a.mediaType === 'application/pdf') {
        pdfs++;
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const doc = await PDFDocument.load(bytes);
        expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
        expect(doc.getTitle()).toBeTruthy();
      } else {
        expect(a.mediaType).toBe('image/png');
        pngs++;
        const png = readPng(bytes);
        expect(png.raw.length).toBe((png.width * 3 + 1) * png.height);
      }
    }
    expect(pdfs).toBeGreaterThanOrEqual(manifest.submissions.length);
    expect(pngs).toBeGreaterThan(5);
    const multiPage = await Promise.all(
      fileArtifacts
        .filter((a) => a.mediaType === 'application/pdf')
        .map(async (a) => (await PDFDocument.load(fs.readFileSync(path.join(result.dir, a.file)))).getPageCount()),
    );
    expect(multiPage.some((n) => n > 1)).toBe(true);
  });

  it('writes a valid PNG badge for every achievement and counts what it wrote', () => {
    for (const a of manifest.achievements) {
      const png = readPng(fs.readFileSync(path.join(result.dir, a.image!)));
      expect([png.width, png.height, png.depth, png.colourType]).toEqual([256, 256, 8, 2]);
    }
    const walk = (d: string): string[] =>
      fs
        .readdirSync(d, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
    const all = walk(result.dir);
    expect(all).toHaveLength(result.files);
    expect(all.reduce((n, f) => n + fs.statSync(f).size, 0)).toBe(result.bytes);
  });

  it('is deterministic for a fixed `now`', async () => {
    const again = await writeSamplePackage(path.join(tmp(), 'again'), { now: NOW });
    expect(fs.readFileSync(again.manifestPath)).toEqual(fs.readFileSync(result.manifestPath));
    expect(again.bytes).toBe(result.bytes);
  });

  it('refuses a folder that is not empty, and writes nothing there', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    await expect(writeSamplePackage(dir, { now: NOW })).rejects.toThrow(/not empty/);
    expect(fs.readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('accepts an existing empty folder', async () => {
    const dir = tmp();
    const r = await writeSamplePackage(dir, { now: NOW });
    expect(fs.existsSync(path.join(dir, 'manifest.json'))).toBe(true);
    expect(r.dir).toBe(path.resolve(dir));
  });
});
