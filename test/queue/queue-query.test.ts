// The queue's hand-written query check (shared/domain/queue.ts, zod-free so `assay queue` starts without zod)
// against the zod schema the IPC contract uses: every input either both accept, giving the same query, or
// both refuse.
import { describe, expect, it } from 'vitest';
import { parseQueueQuery, SUBMISSION_STATUSES, type QueueQuery } from '../../shared/domain/queue.js';
import { queueQuerySchema } from '../../shared/domain/queue-schema.js';
import { isAssayError } from '../../shared/errors.js';

function both(input: unknown): { zod: unknown; hand: unknown } {
  const z = queueQuerySchema.safeParse(input);
  let hand: unknown;
  try {
    hand = parseQueueQuery(input as QueueQuery);
  } catch (err) {
    if (!isAssayError(err) || err.code !== 'invalid-input') throw err;
    hand = { refused: err.message };
  }
  return { zod: z.success ? z.data : 'refused', hand };
}

function expectSame(input: unknown): void {
  const { zod, hand } = both(input);
  if (zod === 'refused') expect(hand, JSON.stringify(input)).toMatchObject({ refused: expect.any(String) });
  else expect(hand, JSON.stringify(input)).toEqual(zod);
}

/** A small seeded generator (mulberry32), so a failure names an input that can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALUES: Record<string, unknown[]> = {
  status: [
    [],
    ['pending'],
    ['passed', 'not-yet'],
    [...SUBMISSION_STATUSES],
    [...SUBMISSION_STATUSES, 'pending'],
    ['done'],
    'pending',
    null,
  ],
  achievementId: ['https://pd.example/a/v1', '', 7, null],
  overdue: [true, false, 'true', 1],
  attempt: [1, 2, 0, -1, 1.5, '2', Number.NaN, Number.POSITIVE_INFINITY],
  search: ['students', '', 'x'.repeat(500), 'x'.repeat(501), 3],
  sort: ['due', 'submitted', 'earner', 'name', ''],
  direction: ['asc', 'desc', 'up'],
  offset: [0, 1, 99_999, -1, 0.5, '0', Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2],
  limit: [1, 100, 1000, 0, 1001, 2.5, null],
  blind: [true, false, 0],
  now: ['2026-12-07T00:00:00.000Z', 5],
  unknownKey: ['kept out', 1],
};

describe('the queue query, checked by hand and by the IPC schema', () => {
  it('gives the schema’s defaults for an empty query', () => {
    expect(parseQueueQuery()).toEqual(queueQuerySchema.parse({}));
    expect(parseQueueQuery({})).toEqual({ sort: 'due', direction: 'asc', offset: 0, limit: 100, blind: false });
  });

  it('agrees with the schema on every value of every field, one field at a time', () => {
    let refused = 0;
    for (const [key, values] of Object.entries(VALUES))
      for (const value of values) {
        expectSame({ [key]: value });
        if (both({ [key]: value }).zod === 'refused') refused++;
      }
    // The table holds refusals as well as acceptances (a check that accepted everything would pass no test).
    expect(refused).toBeGreaterThan(20);
  });

  it('agrees on 2,000 random mixtures of fields', () => {
    const next = random(20261207);
    const keys = Object.keys(VALUES);
    for (let i = 0; i < 2000; i++) {
      const input: Record<string, unknown> = {};
      for (const key of keys) if (next() < 0.4) input[key] = VALUES[key]![Math.floor(next() * VALUES[key]!.length)];
      expectSame(input);
    }
  });

  it('refuses what is not a query at all, and names the field at fault', () => {
    for (const input of [null, 'due', 5, ['pending']]) expectSame(input);
    expect(() => parseQueueQuery({ limit: 5000 })).toThrow(
      /^Queue query: limit must be a whole number from 1 to 1000 \(got 5000\)$/,
    );
    expect(() => parseQueueQuery({ status: ['done'] as never })).toThrow(
      /status must be a list of at most 5 of pending, in-progress/,
    );
  });

  it('copies the status list, so a caller changing its own list later changes nothing', () => {
    const status: QueueQuery['status'] = ['pending'];
    const q = parseQueueQuery({ status });
    status.push('passed');
    expect(q.status).toEqual(['pending']);
  });
});
