// Importing the quality-assurance parts of a review package (calibration, seeds, second reading): stored
// apart from live work, and refused by name when they break the format's rules.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportError } from '../../electron/import/errors.js';
import { openServices, type Services } from '../../electron/services.js';
import { ACH, manifest, qaSample, submission, tempDir, writePackage, type Json } from '../support/package-builder.js';
import { snapshot } from '../support/store-snapshot.js';

let services: Services;
let work: string;

beforeEach(() => {
  work = tempDir();
  services = openServices(path.join(work, 'data'));
});
afterEach(() => {
  services.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const live = (count: number) => Array.from({ length: count }, (_, i) => submission(i, undefined));

function write(overrides: Json): string {
  const dir = path.join(work, `pkg-${Math.random().toString(36).slice(2)}`);
  writePackage(dir, manifest({ submissions: live(20), ...overrides }), []);
  return dir;
}

async function refusal(overrides: Json): Promise<ImportError> {
  const before = snapshot(services);
  const err: unknown = await services.importPackage(write(overrides)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportError);
  expect(snapshot(services)).toEqual(before);
  return err as ImportError;
}

const calibration = (samples: Json[], more: Json = {}) => ({
  calibration: { required: true, minExactAgreement: 0.8, maxNonAdjacent: 0, samples, ...more },
});

describe('importing calibration, seeds and second reading', () => {
  it('stores calibration samples out of the queue, seeds in it, definitive scores apart', async () => {
    const result = await services.importPackage(
      write({
        ...calibration([qaSample(100, undefined, [3, 2]), qaSample(101, undefined, [3, 3])]),
        seeds: { every: 10, samples: [qaSample(200, undefined, [2, 2])] },
      }),
    );
    // Twenty live submissions and one seed: a seed counts as a submission, a calibration sample does not.
    expect(result.submissionsAdded).toBe(21);
    const db = services.db;
    const samples = db
      .prepare(
        'SELECT s.id, q.kind, q.position, q.definitive_json AS d FROM qa_samples q JOIN submissions s ON s.seq = q.submission_seq ORDER BY q.kind, q.position',
      )
      .all() as { id: string; kind: string; position: number; d: string }[];
    expect(samples.map((s) => [s.kind, s.position])).toEqual([
      ['calibration', 0],
      ['calibration', 1],
      ['seed', 0],
    ]);
    expect(JSON.parse(samples[2]!.d)).toMatchObject({ decision: 'not-yet' });
    // The submission row of a sample holds no trace of its definitive score.
    const json = db.prepare('SELECT json FROM submissions WHERE id = ?').pluck().get(samples[2]!.id) as string;
    expect(json).not.toContain('definitive');
    expect(json).not.toContain('rationale');
    expect(
      db.prepare('SELECT required, min_exact_agreement AS m, max_non_adjacent AS x FROM calibration_sets').get(),
    ).toEqual({
      required: 1,
      m: 0.8,
      x: 0,
    });
  });

  it('keeps the first reading of a second-read submission apart', async () => {
    const s0 = submission(0, undefined);
    await services.importPackage(
      write({
        secondReading: {
          of: 'urn:uuid:results-of-first-reader',
          submissions: [s0.id],
          firstReadings: [
            {
              submissionId: s0.id,
              assessor: { name: 'Dana First' },
              decision: 'pass',
              reviewedAt: '2026-11-01T10:00:00Z',
              feedback: 'Strong inquiry design.',
              results: [
                { resultDescription: `${ACH}#inquiry`, achievedLevel: `${ACH}#inquiry-3` },
                { resultDescription: `${ACH}#evidence`, achievedLevel: `${ACH}#evidence-3` },
              ],
            },
          ],
        },
      }),
    );
    const row = services.db.prepare('SELECT of_package AS of, first_json AS first FROM second_readings').get() as {
      of: string;
      first: string;
    };
    expect(row.of).toBe('urn:uuid:results-of-first-reader');
    expect(JSON.parse(row.first)).toMatchObject({ assessor: { name: 'Dana First' }, decision: 'pass' });
  });

  it.each([
    [
      'a sample that reuses a live submission id',
      calibration([qaSample(3, undefined, [3, 3])]),
      'calibration.samples[0].id',
      /duplicate submission id/,
    ],
    [
      'an unknown criterion in a definitive score',
      calibration([
        {
          ...qaSample(100, undefined, [3, 3]),
          definitive: {
            decision: 'pass',
            results: [
              { resultDescription: `${ACH}#inquiry`, achievedLevel: `${ACH}#inquiry-3`, rationale: 'x' },
              { resultDescription: `${ACH}#nonsense`, achievedLevel: `${ACH}#inquiry-3`, rationale: 'x' },
            ],
          },
        },
      ]),
      'calibration.samples[0].definitive.results[1].resultDescription',
      /criterion ".*#nonsense"/,
    ],
    [
      'an unknown level',
      {
        seeds: {
          every: 10,
          samples: [
            {
              ...qaSample(100, undefined, [3, 3]),
              definitive: {
                decision: 'pass',
                results: [
                  { resultDescription: `${ACH}#inquiry`, achievedLevel: `${ACH}#inquiry-9`, rationale: 'x' },
                  { resultDescription: `${ACH}#evidence`, achievedLevel: `${ACH}#evidence-3`, rationale: 'x' },
                ],
              },
            },
          ],
        },
      },
      'seeds.samples[0].definitive.results[0].achievedLevel',
      /not one of the levels/,
    ],
    [
      'a threshold above 1',
      calibration([qaSample(100, undefined, [3, 3])], { minExactAgreement: 1.5 }),
      'calibration.minExactAgreement',
      /from 0 to 1/,
    ],
    [
      'more seeds than one per `every`',
      { seeds: { every: 10, samples: [100, 101, 102].map((n) => qaSample(n, undefined, [3, 3])) } },
      'seeds.samples',
      /at most 2/,
    ],
    [
      'a second reading of a submission the package lacks',
      { secondReading: { of: 'urn:x', submissions: ['urn:uuid:not-here'] } },
      'secondReading.submissions[0]',
      /not one of the package's submissions/,
    ],
  ])('refuses %s, by name, changing nothing', async (_what, overrides, where, message) => {
    const err = await refusal(overrides);
    expect(err.where).toBe(where);
    expect(err.message).toMatch(message);
  });
});
