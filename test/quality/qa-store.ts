// A real store with a quality-assurance package imported (calibration samples, seeds, second readings) and
// helpers that score a submission at given levels the way the assessor does, through the services.
import fs from 'node:fs';
import path from 'node:path';
import { openServices, type Services } from '../../electron/services.js';
import type { Review } from '../../shared/domain/review.js';
import { ACH, manifest, qaSample, submission, tempDir, writePackage, type Json } from '../support/package-builder.js';

export interface QaStore {
  work: string;
  dataDir: string;
  s: Services;
  dispose(): void;
}

/** Live submission n of the builder (urn:uuid:…n). */
export const idOf = (n: number) => `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const live = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => submission(from + i, undefined));

/** Calibration with `samples` (definitive levels of inquiry and evidence); required at 80 % exact, no non-adjacent. */
export const calibration = (samples: readonly (readonly [number, number])[], more: Json = {}, first = 100): Json => ({
  calibration: {
    required: true,
    minExactAgreement: 0.8,
    maxNonAdjacent: 0,
    samples: samples.map((levels, i) => qaSample(first + i, undefined, levels as [number, number])),
    ...more,
  },
});

export const seeds = (samples: readonly (readonly [number, number])[], every = 5): Json => ({
  seeds: { every, samples: samples.map((levels, i) => qaSample(200 + i, undefined, levels as [number, number])) },
});

/** A first reading of live submission n at `levels`. */
export function firstReading(n: number, levels: readonly [number, number], decision: 'pass' | 'not-yet'): Json {
  return {
    submissionId: idOf(n),
    assessor: { id: 'mailto:dana@example.org', name: 'Dana First' },
    decision,
    reviewedAt: '2026-11-01T10:00:00Z',
    feedback: 'Strong inquiry design; evidence thin.',
    results: (['inquiry', 'evidence'] as const).map((c, i) => ({
      resultDescription: `${ACH}#${c}`,
      achievedLevel: `${ACH}#${c}-${levels[i]}`,
      comment: `First reader on ${c}.`,
    })),
  };
}

let counter = 0;
/** Writes a package with these manifest overrides into the store's work folder and imports it. */
export async function importInto(store: QaStore, overrides: Json): Promise<void> {
  const dir = path.join(store.work, `pkg-${++counter}`);
  writePackage(dir, manifest(overrides), []);
  await store.s.importPackage(dir);
}

export async function qaStore(overrides: Json): Promise<QaStore> {
  const work = tempDir();
  const dataDir = path.join(work, 'data');
  const store: QaStore = {
    work,
    dataDir,
    s: openServices(dataDir),
    dispose: () => {
      store.s.close();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
  await importInto(store, overrides);
  return store;
}

/** The scores of levels (1–3) for inquiry and evidence. */
export const scoresAt = (levels: readonly [number, number]) =>
  Object.fromEntries((['inquiry', 'evidence'] as const).map((c, i) => [`${ACH}#${c}`, `${ACH}#${c}-${levels[i]}`]));

/** Saves a draft at `levels` and submits it, through the services the IPC handlers call. */
export function score(s: Services, submissionId: string, levels: readonly [number, number]): Review {
  s.reviews.saveDraft({
    submissionId,
    scores: scoresAt(levels),
    comments: {},
    feedback: 'Thank you.',
    override: null,
    activeMs: 1000,
  });
  return s.reviews.submit(submissionId);
}
