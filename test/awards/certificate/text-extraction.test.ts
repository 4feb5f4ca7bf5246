// Certificates every reader can read: earner and achievement names in many scripts come back in
// logical order from poppler (pdftotext, reading order and -raw), pdf.js and python3-pypdf, and the
// PDF is tagged (structure tree, MCIDs, /Lang per span, /ActualText where glyphs alone do not read back).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFObject } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateRenderer, type CertificateAward } from '../../../electron/awards/certificate/index.js';
import { decodeText } from '../../../electron/awards/certificate/pdf/util.js';
import { SAMPLE_ISSUER, sampleAward } from '../../support/certificate-samples.js';
import { pdfjsText, pdftotext, pypdfText } from './extract.js';
import { fixedEd25519, run } from './helpers.js';

/** Earner and achievement names per script; `rtl` for right-to-left ones. */
const CASES = [
  { script: 'Latin', earner: 'Zoë Núñez-Łukasiewicz', achievement: 'Core STEM Teaching Practices' },
  { script: 'Vietnamese', earner: 'Nguyễn Thị Ánh', achievement: 'Phương pháp dạy học tích cực' },
  { script: 'Greek', earner: 'Ἀλέξανδρος Παπαδόπουλος', achievement: 'Διδακτική των Φυσικών Επιστημών', lang: 'el' },
  { script: 'Cyrillic', earner: 'Оксана Коваленко', achievement: 'Методика викладання природничих наук' },
  { script: 'Arabic', earner: 'محمد الأحمد', achievement: 'ممارسات التدريس الأساسية', lang: 'ar', rtl: true },
  { script: 'Hebrew', earner: 'שרה כהן', achievement: 'שיטות הוראה מתקדמות', lang: 'he', rtl: true },
  { script: 'Korean', earner: '김민준', achievement: '과학 교수 실천', lang: 'ko' },
  { script: 'Chinese', earner: '王小明', achievement: '科学教学实践', lang: 'zh' },
] as const;

const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Text as compared: NFC (a base + mark pair reads as its precomposed letter), no bidi controls. */
const norm = (s: string): string => s.normalize('NFC').replace(BIDI_CONTROLS, '');
/** The characters of a text, decomposed, in any order: what -raw keeps of a right-to-left name. */
const letters = (s: string): string =>
  Array.from(s.normalize('NFD').replace(BIDI_CONTROLS, '').replace(/\s/g, '')).sort().join('');

let dir: string;
let renderer: CertificateRenderer;
const files = new Map<string, { file: string; bytes: Uint8Array; award: CertificateAward }>();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-certificate-text-'));
  const key = fixedEd25519('assay certificate text');
  const awards = CASES.map((c, i) => ({
    ...sampleAward(i, { issuer: SAMPLE_ISSUER }),
    earnerName: c.earner,
    achievementName: c.achievement,
    levels: [],
  }));
  renderer = new CertificateRenderer({
    signQr: (data) => crypto.sign(null, data, key),
    qrPublicKey: crypto.createPublicKey(key),
    now: () => new Date('2026-03-12T10:00:00Z'),
  });
  for (const [i, c] of CASES.entries()) {
    const bytes = await renderer.render(awards[i]!);
    const file = path.join(dir, `${c.script}.pdf`);
    fs.writeFileSync(file, bytes);
    files.set(c.script, { file, bytes, award: awards[i]! });
  }
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(CASES)('$script names', (c) => {
  const names = [c.earner, c.achievement];

  it('pdftotext (reading order) gives them in logical order', () => {
    const text = norm(pdftotext(files.get(c.script)!.file));
    for (const name of names) expect(text, name).toContain(name);
  });

  it('pdf.js gives them in logical order', async () => {
    const text = norm(await pdfjsText(files.get(c.script)!.bytes));
    for (const name of names) expect(text, name).toContain(name);
  });

  it('python3-pypdf gives them in logical order', () => {
    const text = norm(pypdfText(files.get(c.script)!.file));
    for (const name of names) expect(text, name).toContain(name);
  });

  it('pdftotext -raw: logical order for left-to-right names; right-to-left ones as poppler lays out content order', () => {
    const raw = pdftotext(files.get(c.script)!.file, true);
    const text = norm(raw);
    for (const name of names) {
      if (!('rtl' in c)) {
        expect(text, name).toContain(name);
        continue;
      }
      // -raw keeps content-stream order and reverses only within each word it finds; right-to-left
      // text is drawn in visual order (which pdf.js and pypdf need, see content.ts), so -raw gives the
      // words last to first, and splits a word where a mark glyph moves the pen back.
      console.info(
        `pdftotext -raw cannot give "${name}" in logical order (content order is visual): it gives a line with the same letters, ending with the first word`,
      );
      const words = name.split(' ');
      const line = raw.split('\n').find((l) => letters(l) === letters(name));
      expect(line, `a -raw line with the letters of ${name}`).toBeDefined();
      if (words.length > 1) expect(norm(line!).trim().endsWith(words[0]!), line).toBe(true);
    }
  });
});

describe('a batch', () => {
  it('a later certificate of the same renderer, drawing Arabic glyphs an earlier one drew, reads back', async () => {
    const name = 'التدريس';
    const bytes = await renderer.render({ ...files.get('Arabic')!.award, earnerName: name, achievementName: 'Core' });
    const file = path.join(dir, 'batch-later.pdf');
    fs.writeFileSync(file, bytes);
    expect(norm(pdftotext(file))).toContain(name);
    expect(norm(await pdfjsText(bytes))).toContain(name);
    expect(norm(pypdfText(file))).toContain(name);
  });
});

/** A structure element's children: MCIDs and elements. */
function kids(doc: PDFDocument, elem: PDFDict): (number | PDFDict)[] {
  const k = elem.get(PDFName.of('K'));
  const list: PDFObject[] = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
  return list.map((v) => (v instanceof PDFNumber ? v.asNumber() : doc.context.lookup(v, PDFDict)));
}

describe('tagged PDF', () => {
  it('has a structure tree: Document (with /Lang) → H1 / P, MarkInfo /Marked, every MCID in the ParentTree', async () => {
    const { bytes } = files.get('Latin')!;
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const marked = doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'));
    expect(String(marked)).toBe('true');
    const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const document = root.lookup(PDFName.of('K'), PDFDict);
    expect(document.lookup(PDFName.of('S'), PDFName).decodeText()).toBe('Document');
    expect(decodeText(document.get(PDFName.of('Lang')))).toBe('en-GB');
    const roles = kids(doc, document).map((e) => (e as PDFDict).lookup(PDFName.of('S'), PDFName).decodeText());
    expect(roles).toContain('H1');
    expect(roles.filter((r) => r === 'P').length).toBeGreaterThan(8);
    // every MCID drawn on page 1 is listed in the ParentTree under the page's /StructParents
    const page = doc.getPage(0).node;
    const key = page.lookup(PDFName.of('StructParents'), PDFNumber).asNumber();
    const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
    const parents = nums.lookup(
      nums.asArray().findIndex((v) => v instanceof PDFNumber && v.asNumber() === key) + 1,
      PDFArray,
    );
    const content = run('qpdf', ['--qdf', '--object-streams=disable', files.get('Latin')!.file, '-']).stdout;
    const mcids = [...content.matchAll(/\/MCID (\d+)/g)].map((m) => Number(m[1]));
    expect(mcids.length).toBeGreaterThan(10);
    expect(parents.size()).toBe(new Set(mcids).size);
    // poppler follows the MCIDs from the structure tree to the page's text
    const tree = run('pdfinfo', ['-struct-text', files.get('Latin')!.file]).stdout;
    expect(tree).toMatch(/H1 \(block\)\n\s+Span \(inline\)\n\s+"CERTIFICATE"\n\s+Span \(inline\)\n\s+"of Achievement"/);
    expect(tree).toContain('"Zoë Núñez-Łukasiewicz"');
  });

  it.each(CASES.filter((c) => 'lang' in c || c.script === 'Vietnamese'))(
    '$script: the names carry their /Lang, and right-to-left ones /ActualText in logical order',
    async (c) => {
      const doc = await PDFDocument.load(files.get(c.script)!.bytes, { updateMetadata: false });
      const document = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).lookup(PDFName.of('K'), PDFDict);
      const elements = kids(doc, document).filter((e): e is PDFDict => e instanceof PDFDict);
      const lang = 'lang' in c ? c.lang : 'vi';
      const tagged = elements.filter((e) => decodeText(e.get(PDFName.of('Lang'))) === lang);
      // the earner and the achievement name at least (the description is English)
      expect(tagged.length).toBeGreaterThanOrEqual(2);
      if ('rtl' in c) {
        const actual = tagged.map((e) => decodeText(e.get(PDFName.of('ActualText'))));
        expect(actual).toContain(c.earner);
        expect(actual).toContain(c.achievement);
      }
    },
  );

  it('qpdf --check is clean for every script', () => {
    for (const { file } of files.values()) {
      const out = run('qpdf', ['--check', file]);
      expect(out.stdout + out.stderr, file).toContain('No syntax or stream encoding errors found');
      expect(out.status).toBe(0);
    }
  });
});
