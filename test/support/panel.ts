// A panel of three assessors as a coordinator receives it: the sample review package with seeds
// (`assay sample-package --with-seeds`), imported into each assessor's own store, scored through the
// real review services by scripted assessors of different severities, and exported as signed results
// packages with the real `assay identity create` and `assay results export`. Then, for the second round,
// each chosen second reader imports the second-reading package written for them into the same store,
// scores it the same way, and exports again.
//
// The assessors share one idea of the "true" level of each criterion of each submission (drawn from a
// seed, keyed by earner, micro-credential and attempt, so a copy sent for second reading has the same
// truth); a seed's truth is its definitive score. Each scores truth + their severity, within the levels.
import fs from 'node:fs';
import path from 'node:path';
import { saveDraft, submitReview } from '../../electron/review/reviews.js';
import { writeSamplePackage } from '../../electron/sample/sample-package.js';
import { openServices } from '../../electron/services.js';
import { orderedLevels } from '../../shared/domain/qa-measures.js';
import { seededRandom } from '../../shared/domain/random.js';
import type { Definitive, Manifest } from '../../shared/schemas/review-package.js';
import { runCli } from './cli.js';
import { tempDir } from './package-builder.js';

export const PANEL_PASSPHRASE = 'panel passphrase, not a secret';
export const PANEL_NOW = new Date('2026-11-20T09:00:00Z');

export interface PanelAssessorSpec {
  name: string;
  /** Levels added to the truth on every criterion (−1: a level low), kept within the levels. */
  severity: number;
  /** Minutes of active time per review. */
  minutes: number;
}

/** The default panel: two fair assessors and a harsh one (a level low). */
export const PANEL: readonly PanelAssessorSpec[] = [
  { name: 'Avery Fairweather', severity: 0, minutes: 18 },
  { name: 'Blake Okafor', severity: 0, minutes: 24 },
  { name: 'Sam Harsh', severity: -1, minutes: 12 },
];

export interface PanelAssessor extends PanelAssessorSpec {
  dataDir: string;
  /** The signed results package of the first round. */
  results: string;
  /** The live submissions this assessor decided. */
  decided: string[];
}

export interface Panel {
  work: string;
  /** The round's review package (a folder). */
  reviewPackage: string;
  reviewPackageId: string;
  assessors: PanelAssessor[];
  /** Removes everything the panel wrote. */
  dispose(): void;
}

/** `assay ARGS…` on an assessor's store, failing loudly. */
async function assay(dataDir: string, args: string[]): Promise<string> {
  const r = await runCli([...args, '--data-dir', dataDir], { ASSAY_PASSPHRASE: PANEL_PASSPHRASE });
  if (r.code !== 0) throw new Error(`assay ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

/**
 * The level index the panel agrees is right for a criterion of a submission: mostly the level below the
 * top (in the sample rubrics, the one a pass requires, so a pass there is one level from the cut), some
 * at the top, a few one further down.
 */
function truth(key: string, levels: number): number {
  const r = seededRandom(`panel-truth:${key}`)();
  const t = r < 0.7 ? levels - 2 : r < 0.9 ? levels - 1 : levels - 3;
  return Math.max(1, t);
}

const clamp = (i: number, n: number) => Math.max(0, Math.min(n - 1, i));

/**
 * Scores the given submissions of the store at truth + severity and submits them. `definitive` gives a
 * seed's truth; otherwise the key is earner id | micro-credential | attempt.
 */
function scoreAll(
  dataDir: string,
  manifest: Manifest,
  ids: readonly string[],
  spec: PanelAssessorSpec,
  definitive: ReadonlyMap<string, Definitive> = new Map(),
): void {
  const s = openServices(dataDir);
  try {
    const achievements = new Map(manifest.achievements.map((a) => [a.id, a]));
    const subs = new Map([...manifest.submissions, ...(manifest.seeds?.samples ?? [])].map((x) => [x.id, x]));
    for (const id of ids) {
      const sub = subs.get(id)!;
      const a = achievements.get(sub.achievementId)!;
      const def = definitive.get(id);
      const scores: Record<string, string> = {};
      for (const c of a.resultDescription) {
        const levels = orderedLevels(c);
        const t = def
          ? levels.findIndex((l) => l.id === def.results.find((r) => r.resultDescription === c.id)!.achievedLevel)
          : truth(`${sub.earner.id}|${sub.achievementId}|${sub.attempt}|${c.id}`, levels.length);
        scores[c.id] = levels[clamp(t + spec.severity, levels.length)]!.id;
      }
      saveDraft(s.db, {
        submissionId: id,
        scores,
        comments: {},
        feedback: `Scored by ${spec.name}.`,
        override: null,
        activeMs: spec.minutes * 60_000,
      });
      submitReview(s.db, id);
    }
  } finally {
    s.close();
  }
}

function readManifest(dir: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/**
 * Builds the panel: the sample package with seeds, and each assessor's signed results package. The
 * live submissions are dealt round-robin (assessor i decides every third, from i); everyone scores both seeds.
 */
export async function buildPanel(specs: readonly PanelAssessorSpec[] = PANEL, work = tempDir()): Promise<Panel> {
  const { dir: reviewPackage } = await writeSamplePackage(path.join(work, 'review-package'), {
    now: PANEL_NOW,
    seeds: true,
  });
  const manifest = readManifest(reviewPackage);
  const definitive = new Map((manifest.seeds?.samples ?? []).map((x) => [x.id, x.definitive]));
  const assessors: PanelAssessor[] = [];
  for (const [i, spec] of specs.entries()) {
    const dataDir = path.join(work, `store-${i + 1}`);
    await assay(dataDir, ['import', reviewPackage]);
    const decided = manifest.submissions.filter((_, j) => j % specs.length === i).map((x) => x.id);
    scoreAll(dataDir, manifest, [...decided, ...definitive.keys()], spec, definitive);
    await assay(dataDir, ['identity', 'create', '--name', spec.name, '--url', 'https://assessors.example.org']);
    const results = path.join(work, `results-${i + 1}`);
    await assay(dataDir, ['results', 'export', '--out', results]);
    assessors.push({ ...spec, dataDir, results, decided });
  }
  return {
    work,
    reviewPackage,
    reviewPackageId: manifest.id,
    assessors,
    dispose: () => fs.rmSync(work, { recursive: true, force: true }),
  };
}

/**
 * The second round: every second-reading package in `folder` (as coordination:exportSecondReadings
 * wrote them) is imported by the assessor it names, into their own store, scored at their severity,
 * and a new signed results package exported. Returns the results packages written.
 */
export async function secondRead(
  panel: Panel,
  folder: string,
  options: { freshStores?: boolean } = {},
): Promise<string[]> {
  const out: string[] = [];
  for (const name of fs.readdirSync(folder).sort()) {
    const pkg = path.join(folder, name);
    const manifest = readManifest(pkg);
    const reader = panel.assessors.find((a) => a.name === manifest.assessor?.name);
    if (!reader) throw new Error(`${name} names ${manifest.assessor?.name ?? 'no assessor'}, not one of the panel`);
    // A fresh store per package (several coordinators of one panel), else the reader's own store.
    const dataDir = options.freshStores
      ? path.join(panel.work, `store-${path.basename(folder)}-${name}`)
      : reader.dataDir;
    if (options.freshStores)
      await assay(dataDir, ['identity', 'create', '--name', reader.name, '--url', 'https://assessors.example.org']);
    await assay(dataDir, ['import', pkg]);
    scoreAll(
      dataDir,
      manifest,
      manifest.submissions.map((x) => x.id),
      reader,
    );
    const results = path.join(panel.work, `results-${path.basename(folder)}-${out.length + 1}`);
    await assay(dataDir, ['results', 'export', '--out', results]);
    out.push(results);
  }
  return out;
}
