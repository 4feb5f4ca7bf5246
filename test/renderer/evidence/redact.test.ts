// The PDF viewer's redaction of pdf.js text items: what the text layer, find and copy get, and what is covered.
import { describe, expect, it } from 'vitest';
import { hashedTermSet, hashTerms, identityTerms } from '../../../shared/domain/redaction.js';
import { redactItems } from '../../../renderer/evidence/pdf/redact-items.js';

const item = (str: string, x = 0) => ({
  str,
  transform: [10, 0, 0, 10, x, 700],
  width: str.length * 5,
  height: 10,
  fontName: 'f1',
});
const terms = hashedTermSet(
  hashTerms(
    identityTerms({ name: '김민준', aliases: ['Kim Min-jun'], organization: 'Eastgate Middle School' }),
    'a1b2c3d4e5f60718',
  ),
);

describe('redactItems', () => {
  it('withholds a name inside an item and covers just its characters', () => {
    const r = redactItems([item('Prepared by Kim Min-jun, Eastgate Middle School')], terms, {
      f1: { fontFamily: 'sans-serif' },
    });
    expect(r.items[0]!.str).toBe('Prepared by [withheld], [withheld]');
    expect(r.covers.map((c) => [c.from, c.to])).toEqual([
      [12, 23],
      [25, 47],
    ]);
    expect(r.checked).toBe(true);
  });

  it('finds a name drawn as several items, marks it once and covers each piece', () => {
    const r = redactItems([item('Kim'), item('Min-jun', 20), item('· Unit plan', 60)], terms, {});
    expect(r.items.map((i) => i.str)).toEqual(['[withheld]', '', '· Unit plan']);
    expect(r.covers.map((c) => [c.item.str, c.from, c.to])).toEqual([
      ['Kim', 0, 3],
      ['Min-jun', 0, 7],
    ]);
  });

  it('leaves other text alone, and says a page without text could not be checked', () => {
    const plain = [item('Kimberly measured 10 min')];
    expect(redactItems(plain, terms, {}).items).toBe(plain);
    expect(redactItems([item(' '), item('')], terms, {}).checked).toBe(false);
    expect(redactItems([], terms, {}).checked).toBe(false);
  });
});
