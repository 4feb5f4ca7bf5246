// What each shaped glyph stands for in the ToUnicode CMap, with the real fonts and HarfBuzz.
import { describe, expect, it } from 'vitest';
import type { FaceSpec, PreparedFont } from '../../../../electron/awards/certificate/fonts/catalog.js';
import { FontSet, shapeLine } from '../../../../electron/awards/certificate/text/layout.js';
import { languageOf } from '../../../../electron/awards/certificate/text/language.js';
import { glyphTexts, NOTHING } from '../../../../electron/awards/certificate/text/unicode.js';

const set = new FontSet();

function shaped(text: string) {
  const fonts = new Map<FaceSpec, PreparedFont>();
  for (const [spec, chars] of set.collect([{ text, style: 'semibold' }])) fonts.set(spec, set.subsets(spec).get(chars));
  return shapeLine(set, text, 'semibold', fonts);
}

/** The glyphs' texts read in logical order. */
function readBack(text: string): { read: string; plain: boolean; texts: string[] } {
  const line = shaped(text);
  let read = '';
  let plain = true;
  const all: string[] = [];
  for (const run of [...line.runs].sort((a, b) => a.start - b.start)) {
    const { texts, plain: p } = glyphTexts(run);
    plain &&= p;
    all.push(...texts);
    read += (run.rtl ? [...texts].reverse() : texts).join('');
  }
  return { read, plain, texts: all };
}

describe('glyphTexts', () => {
  it('splits أ, drawn by Noto Naskh as alef + hamza above, by decomposition: every glyph maps to something', () => {
    const { read, plain, texts } = readBack('محمد الأحمد');
    expect(texts).toContain('\u0654');
    expect(texts.every((t) => t !== '')).toBe(true);
    expect(read).not.toBe('محمد الأحمد'); // decomposed …
    expect(read.normalize('NFC')).toBe('محمد الأحمد'); // … and canonically equal
    expect(plain).toBe(false);
  });

  it('a ligature stands for all its characters; plain Latin maps one to one', () => {
    const fi = readBack('Certificate of office');
    expect(fi.read).toBe('Certificate of office');
    expect(fi.texts.some((t) => t.length > 1)).toBe(true);
    expect(fi.plain).toBe(false);
    const plain = readBack('Oksana Kovalenko');
    expect(plain).toMatchObject({ read: 'Oksana Kovalenko', plain: true });
  });

  it('a letter drawn as a dotless glyph plus dots: the first glyph has the letter, the dots stand for nothing', () => {
    const { read, texts } = readBack('التدريس');
    expect(texts).toContain(NOTHING);
    expect(read.normalize('NFC')).toBe('التدريس');
  });
});

describe('languageOf', () => {
  it.each([
    ['محمد الأحمد', 'ar'],
    ['שרה כהן', 'he'],
    ['김민준', 'ko'],
    ['田中 さくら', 'ja'],
    ['王小明', 'zh'],
    ['Ἀλέξανδρος', 'el'],
    ['Nguyễn Thị Ánh', 'vi'],
    ['Zoë Núñez-Łukasiewicz', undefined],
    ['Оксана Коваленко', undefined],
  ])('%s → %s', (text, lang) => expect(languageOf(text)).toBe(lang));
});
