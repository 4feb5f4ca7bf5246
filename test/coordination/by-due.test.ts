// Whether a decision came by its due date: two UTC times written alike are compared as text (the overview's
// 100,000 first readings), anything else parsed. Held to Date.parse over times written every way a package may.
import { describe, expect, it } from 'vitest';
import { byDueOf } from '../../electron/coordination/overview.js';
import { seededRandom } from '../../shared/domain/random.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The same instant written in one of the ways an ISO 8601 date-time may be (UTC or an offset; 0–3 fraction digits). */
function written(ms: number, rnd: () => number): string {
  const offset = rnd() < 0.5 ? 0 : Math.round((rnd() * 28 - 14) * 4) * 15;
  const d = new Date(ms + offset * 60_000);
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  const seconds = rnd() < 0.1 ? '' : `:${pad(d.getUTCSeconds())}`;
  const digits = seconds ? Math.floor(rnd() * 4) : 0;
  const fraction = digits ? `.${pad(d.getUTCMilliseconds(), 3).slice(0, digits)}` : '';
  const zone =
    offset === 0 && rnd() < 0.8
      ? 'Z'
      : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${base}${seconds}${fraction}${zone}`;
}

describe('by the due date', () => {
  it('agrees with Date.parse on 20,000 seeded pairs, equal instants and a millisecond apart included', () => {
    const rnd = seededRandom('by due');
    let text = 0;
    for (let i = 0; i < 20_000; i++) {
      const due = Date.UTC(2026, 10, 1) + Math.floor(rnd() * 60 * 86_400_000);
      const at =
        rnd() < 0.2
          ? due
          : rnd() < 0.5
            ? due + (rnd() < 0.5 ? -1 : 1)
            : due + Math.floor((rnd() - 0.5) * 86_400_000 * 4);
      const a = written(at, rnd);
      const d = written(due, rnd);
      if (a.length === d.length && a.endsWith('Z') && d.endsWith('Z')) text++;
      expect(byDueOf(a, d), `${a} by ${d}`).toBe(Date.parse(a) <= Date.parse(d));
    }
    expect(text, 'pairs the text comparison decided').toBeGreaterThan(500);
    expect(byDueOf('2026-11-01T09:00:00.000Z', null)).toBeNull();
  });
});
