// Bidi levels (bidi-js behind resolveLevels) for the kinds of text certificates carry: names and
// titles mixing Latin, Arabic, Hebrew and digits, and characters outside the BMP.
import { expect, it } from 'vitest';
import { resolveLevels, visualOrder } from '../../../electron/awards/certificate/text/bidi.js';

const levels = (text: string): string => {
  const { levels: l, base } = resolveLevels(text);
  return `${base}:${Array.from(l).join('')}`;
};

it('resolves the levels Assay resolved before for names, titles and numbers', () => {
  expect(levels('محمد الأحمد')).toBe('1:11111111111');
  expect(levels('שרה כהן')).toBe('1:1111111');
  expect(levels('Core — שרה')).toBe('0:0000000111');
  expect(levels('שרה 123 כהן')).toBe('1:11112221111');
  expect(levels('محمد 123 الأحمد')).toBe('1:111112221111111');
  expect(levels('رقم ١٢٣ هنا')).toBe('1:11112221111');
  expect(levels('abc שרה 12.5% def')).toBe('0:00001111222220000');
  expect(levels('محمد الأحمد ')).toBe('1:111111111111');
  expect(levels('Zoë Núñez-Łukasiewicz')).toBe(`0:${'0'.repeat(21)}`);
});

it('gives both halves of a right-to-left character outside the BMP (Adlam) its level', () => {
  expect(levels('abc \u{1e900}\u{1e901} def')).toBe('0:000011110000');
});

it('pairs brackets (rule N0): the closing parenthesis after Arabic stays with its opening one', () => {
  // The hand-written algorithm before bidi-js had no N0 and left ")" at level 0 here.
  expect(levels('ab: محمد (2024)')).toBe('0:000011111122221');
});

it('orders runs visually by rule L2', () => {
  expect(visualOrder([0, 1, 1, 0])).toEqual([0, 2, 1, 3]);
  expect(visualOrder([1, 2, 1])).toEqual([2, 1, 0]);
  expect(visualOrder([])).toEqual([]);
});
