import { describe, expect, it } from 'vitest';
import { creditHours, validFromFor } from '../../../electron/awards/credential/index.js';

describe('credit hours (OB 3.0 creditsAvailable)', () => {
  it('keeps hours, converts minutes and CEUs, and leaves other units unconverted with a statement', () => {
    expect(creditHours(15, 'professional development hours')).toMatchObject({ kind: 'hours', hours: 15 });
    expect(creditHours(15, undefined)).toMatchObject({ kind: 'hours', hours: 15 });
    expect(creditHours(90, 'minutes')).toMatchObject({ kind: 'hours', hours: 1.5 });
    expect(creditHours(1.5, 'CEUs')).toMatchObject({ kind: 'hours', hours: 15 });
    expect(creditHours(3, 'professional learning units')).toEqual({
      kind: 'unknown-unit',
      statement: 'Credit: 3 professional learning units.',
    });
  });
});

describe('validFrom', () => {
  it('is the start of the decision minute, never later than a minute before signing', () => {
    const decided = new Date('2026-12-01T10:15:42.500Z');
    expect(validFromFor(decided, new Date('2026-12-01T11:00:00Z')).toISOString()).toBe('2026-12-01T10:15:00.000Z');
    // Decided and signed in the same second: still a margin of a minute or more.
    const now = new Date('2026-12-01T10:15:42.900Z');
    const from = validFromFor(decided, now);
    expect(from.toISOString()).toBe('2026-12-01T10:14:00.000Z');
    expect(now.getTime() - from.getTime()).toBeGreaterThanOrEqual(60_000);
  });
});
