// The renderer's font slices: every character a family declares is in exactly one slice, each slice holds
// what its unicode-range says, the CJK fonts are cut small, and the stylesheet names only its own files.
import { describe, expect, it } from 'vitest';
import { readCoverage } from '../../electron/awards/certificate/fonts/sfnt.js';
import { buildUiFonts, unicodeRange, UI_FAMILIES } from '../../electron/app/ui-fonts.js';

describe('unicodeRange', () => {
  it('joins runs and keeps single code points', () => {
    expect(unicodeRange([0x41, 0x42, 0x43, 0x45, 0xac00, 0xac01])).toBe('U+41-43, U+45, U+AC00-AC01');
    expect(unicodeRange([0x20000])).toBe('U+20000');
    expect(unicodeRange([])).toBe('');
  });
});

describe('buildUiFonts', () => {
  const fonts = buildUiFonts();

  it('has a face for every family and weight, and the names the UI shows draw from them', () => {
    const families = new Set(fonts.files.map((f) => `${f.family} ${f.weight}`));
    for (const fam of UI_FAMILIES)
      for (const { weight } of fam.faces) expect(families).toContain(`${fam.family} ${weight}`);
    const owner = (ch: string) =>
      fonts.files.find((f) => f.weight === 400 && f.chars.includes(ch.codePointAt(0)!))?.family;
    expect(Array.from('김민준').map(owner)).toEqual(['Assay Korean', 'Assay Korean', 'Assay Korean']);
    expect(Array.from('王秀英').map(owner)).toEqual(['Assay Han', 'Assay Han', 'Assay Han']);
    expect(Array.from('محمد').map(owner)).toEqual(Array(4).fill('Assay Arabic'));
    expect(Array.from('שרה').map(owner)).toEqual(Array(3).fill('Assay Hebrew'));
    // Plain ASCII is the system font's: no slice declares it, so it never fetches one.
    for (let cp = 0x20; cp < 0x7f; cp++) expect(owner(String.fromCodePoint(cp))).toBeUndefined();
  });

  it('puts every declared character in exactly one slice of its face, and each slice holds what it declares', () => {
    const seen = new Map<string, number>();
    for (const f of fonts.files) {
      const coverage = readCoverage(f.bytes);
      const missing = f.chars.filter((cp) => !coverage.has(cp));
      expect(missing, `${f.name} lacks characters it declares`).toEqual([]);
      for (const cp of f.chars) {
        const key = `${f.family} ${f.weight} ${cp}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    // The whole of Hangul syllables that the font has (11,172) are declared.
    const hangul = fonts.files.filter((f) => f.family === 'Assay Korean').flatMap((f) => f.chars);
    expect(hangul.filter((cp) => cp >= 0xac00 && cp <= 0xd7a3)).toHaveLength(11172);
  });

  it('cuts the CJK fonts into small slices, so a name fetches a few hundred kilobytes, not megabytes', () => {
    const cjk = fonts.files.filter((f) => f.family === 'Assay Korean' || f.family === 'Assay Han');
    expect(cjk.length).toBeGreaterThan(100);
    for (const f of cjk) {
      expect(f.chars.length).toBeLessThanOrEqual(250);
      expect(f.bytes.byteLength, f.name).toBeLessThan(400_000);
    }
  });

  it('writes one @font-face per file, with a relative URL and the unicode-range of its characters', () => {
    const rules = fonts.css.match(/@font-face \{[^}]*\}/g) ?? [];
    expect(rules).toHaveLength(fonts.files.length);
    for (const f of fonts.files) {
      const rule = rules.find((r) => r.includes(`url('./${f.name}')`));
      expect(rule, f.name).toBeDefined();
      expect(rule).toContain(`font-family: '${f.family}'`);
      expect(rule).toContain(`font-weight: ${f.weight};`);
      expect(rule).toContain(`unicode-range: ${unicodeRange(f.chars)};`);
    }
    expect(fonts.css).not.toMatch(/url\((?!'\.\/)/);
    expect(new Set(fonts.files.map((f) => f.name)).size).toBe(fonts.files.length);
  });
});
