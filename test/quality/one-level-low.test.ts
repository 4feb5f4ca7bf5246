// The yardstick on the real sample package: a scripted assessor who always scores one level below the
// definitive level. Calibration must read exact 0, adjacent 1, severity −1, and stay closed; the seeds the same.
// The per-criterion kappas are printed as the measures compute them (the note quotes them).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { saveDraft, submitReview } from '../../electron/review/reviews.js';
import { writeSamplePackage } from '../../electron/sample/sample-package.js';
import { openServices, type Services } from '../../electron/services.js';
import { measureItems, orderedLevels, type ScoredItem } from '../../shared/domain/qa-measures.js';
import { formatKappa } from '../../shared/domain/agreement.js';
import type { Achievement, Definitive } from '../../shared/schemas/review-package.js';
import { tempDir } from '../support/package-builder.js';

let work: string | undefined;
let s: Services | undefined;
afterEach(() => {
  s?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function store(options: { calibration?: boolean; seeds?: boolean }): Promise<Services> {
  work = tempDir();
  const { dir } = await writeSamplePackage(path.join(work, 'pkg'), {
    now: new Date('2026-11-20T09:00:00Z'),
    ...options,
  });
  s = openServices(path.join(work, 'data'));
  await s.importPackage(dir);
  return s;
}

/** Scores every sample of `kind` one level below its definitive level on each criterion and submits it. */
function scoreOneLevelLow(services: Services, kind: 'calibration' | 'seed'): ScoredItem[] {
  const rows = services.db
    .prepare(
      `SELECT s.id, q.definitive_json AS definitive, a.json AS rubric FROM qa_samples q
         JOIN submissions s ON s.seq = q.submission_seq
         JOIN achievement_versions a ON a.version_id = s.achievement_version_id
        WHERE q.kind = ? ORDER BY q.position`,
    )
    .all(kind) as { id: string; definitive: string; rubric: string }[];
  expect(rows.length).toBeGreaterThan(0);
  return rows.map((r) => {
    const definitive = JSON.parse(r.definitive) as Definitive;
    const rubric = JSON.parse(r.rubric) as Achievement;
    const scores: Record<string, string> = {};
    const results = definitive.results.map((d) => {
      const levels = orderedLevels(rubric.resultDescription.find((c) => c.id === d.resultDescription)!);
      const reference = levels.findIndex((l) => l.id === d.achievedLevel);
      expect(reference).toBeGreaterThan(0);
      scores[d.resultDescription] = levels[reference - 1]!.id;
      return {
        resultDescription: d.resultDescription,
        levels: levels.length,
        achievedIndex: reference - 1,
        referenceIndex: reference,
      };
    });
    saveDraft(services.db, {
      submissionId: r.id,
      scores,
      comments: {},
      feedback: 'Scored.',
      override: null,
      activeMs: 1,
    });
    const review = submitReview(services.db, r.id);
    return { results, decision: review.decision ?? undefined, referenceDecision: definitive.decision };
  });
}

function report(label: string, items: readonly ScoredItem[]): void {
  const m = measureItems(items);
  const kappas = m.criteria.map((c) => `n=${c.n} QWK ${formatKappa(c.qwk)}`);
  process.stdout.write(
    `${label}: ${m.items} items, exact ${m.overall.exact}, adjacent ${m.overall.adjacent}, severity ${m.overall.signedDeviation}, decision agreement ${m.decisions.agreement.toFixed(3)} (${m.decisions.n}); per criterion: ${[...new Set(kappas)].join('; ')}\n`,
  );
}

describe('a scripted assessor one level low on the sample package', () => {
  it('fails calibration with exact 0 and severity −1; the queue stays closed', async () => {
    const services = await store({ calibration: true });
    const items = scoreOneLevelLow(services, 'calibration');
    const gate = services.quality.gate();
    const cal = gate.calibrations[0]!;
    expect(gate.queueOpen).toBe(false);
    expect(cal.metAt).toBeNull();
    expect(cal.agreement).toMatchObject({ exact: 0, adjacent: 1, nonAdjacentCount: 0, signedDeviation: -1 });
    expect(cal.missing).toMatch(/Exact agreement is 0 %/);
    const m = measureItems(items);
    expect(m.overall).toMatchObject({ exact: 0, adjacent: 1, signedDeviation: -1 });
    report('calibration (7 samples)', items);
  });

  it('reads the same on the seeds', async () => {
    const services = await store({ seeds: true });
    const items = scoreOneLevelLow(services, 'seed');
    const ids = services.db
      .prepare("SELECT s.id FROM qa_samples q JOIN submissions s ON s.seq = q.submission_seq WHERE q.kind = 'seed'")
      .pluck()
      .all() as string[];
    const last = services.quality.comparison(ids.at(-1)!);
    expect(last?.kind).toBe('seed');
    expect(last?.soFar).toMatchObject({ exact: 0, adjacent: 1, signedDeviation: -1 });
    report('seeds (2)', items);
  });
});
