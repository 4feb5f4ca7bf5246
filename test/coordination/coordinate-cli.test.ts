// `assay coordinate …` on a real panel (test/support/panel.ts), through `run` as the binary calls it:
// refusals exit 1 naming the package, the harsh assessor's flag is printed, the sample's seed is printed
// and draws the same sample again, second readings are reconciled by the second reader's levels, and the
// final package verifies with `assay results verify`.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReconciliationItem, Sample } from '../../shared/coordination/types.js';
import { runCli } from '../support/cli.js';
import { buildPanel, PANEL_PASSPHRASE, secondRead, type Panel } from '../support/panel.js';

let panel: Panel;
let coordDir: string;
const assay = (args: string[]) => runCli([...args, '--data-dir', coordDir], { ASSAY_PASSPHRASE: PANEL_PASSPHRASE });

beforeAll(async () => {
  panel = await buildPanel();
  coordDir = path.join(panel.work, 'coordinator');
  expect(
    (await assay(['identity', 'create', '--name', 'Riverside Quality Lead', '--url', 'https://pd.example.edu'])).code,
  ).toBe(0);
}, 300_000);
afterAll(() => panel.dispose());

describe('assay coordinate', () => {
  it('refuses a tampered package with exit 1, naming it, and opens nothing', async () => {
    const bad = path.join(panel.work, 'results-tampered');
    fs.cpSync(panel.assessors[2]!.results, bad, { recursive: true });
    fs.appendFileSync(path.join(bad, 'decisions.csv'), 'x');
    const r = await assay(['coordinate', 'open', panel.reviewPackage, panel.assessors[0]!.results, bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Nothing was opened: 1 package was refused:');
    expect(r.stdout).toContain('- results-tampered: Results package "results-tampered": decisions.csv is');
    const o = await assay(['coordinate', 'overview']);
    expect(o.code).toBe(1);
    expect(o.stderr).toMatch(/Nothing is open/);
  });

  it('opens the panel and prints the harsh assessor’s flags', async () => {
    const r = await assay(['coordinate', 'open', panel.reviewPackage, ...panel.assessors.map((a) => a.results)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Round: review package /);
    const o = await assay(['coordinate', 'overview']);
    expect(o.code).toBe(0);
    expect(o.stdout).toContain('Sam Harsh scores 1.00 level below the reference on average');
    expect(o.stdout).toMatch(/Sam Harsh agrees exactly on 0 % of \d+ criteria/);
    expect(o.stdout).not.toMatch(/- (Avery|Blake)/);
  });

  it('prints the seed; the same seed draws the same sample', async () => {
    const draw = async (seed?: string) => {
      const r = await assay([
        'coordinate',
        'sample',
        '--near-cut',
        '--pass-share',
        '0.5',
        '--json',
        ...(seed ? ['--seed', seed] : []),
      ]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as Sample;
    };
    const a = await draw();
    const b = await draw(a.rules.seed);
    expect(b.items.map((i) => i.submissionId)).toEqual(a.items.map((i) => i.submissionId));
    const text = await assay(['coordinate', 'sample', '--near-cut', '--seed', a.rules.seed]);
    expect(text.stdout).toContain(`seed "${a.rules.seed}"`);
  });

  it('reconciles by the second reader’s level, adjudicates, and exports a final package that verifies', async () => {
    const sample = JSON.parse(
      (
        await assay([
          'coordinate',
          'sample',
          '--near-cut',
          '--last-attempt',
          '2',
          '--pass-share',
          '0.5',
          '--seed',
          'cli',
          '--json',
        ])
      ).stdout,
    ) as Sample;
    const overview = JSON.parse((await assay(['coordinate', 'overview', '--json'])).stdout) as {
      assessors: { assessor: { id: string } }[];
    };
    const out = path.join(panel.work, 'cli-second');
    const e = await assay([
      'coordinate',
      'export-second-readings',
      sample.id,
      '--readers',
      overview.assessors.map((a) => a.assessor.id).join(','),
      '--out',
      out,
    ]);
    expect(e.code, e.stderr).toBe(0);
    const results = await secondRead(panel, out);
    const imp = await assay(['coordinate', 'import-second-readings', ...results, '--rule', 'second']);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toMatch(/Reconciled by the second reader: \d+ agreed, \d+ to adjudicate, 0 still awaiting/);
    const queue = JSON.parse((await assay(['coordinate', 'queue', '--json'])).stdout) as ReconciliationItem[];
    for (const q of queue) {
      const r = await assay([
        'coordinate',
        'adjudicate',
        q.submissionId,
        '--adjudicator',
        'Morgan Lee',
        '--decision',
        q.second!.decision,
        '--levels',
        q.second!.results.map((l) => `${l.criterionId}=${l.levelId}`).join(','),
        '--reasons',
        'The second reading follows the rubric’s descriptors.',
      ]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('(final, audited)');
    }
    const final = path.join(panel.work, 'cli-final');
    const x = await assay(['coordinate', 'export', '--out', final]);
    expect(x.code, x.stderr).toBe(0);
    const v = await assay(['results', 'verify', final]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    // The rule: the second reader's level on every criterion of an agreed item.
    const all = JSON.parse(fs.readFileSync(path.join(final, 'results.json'), 'utf8')) as {
      submissions: {
        submissionId: string;
        reconciliation?: { state: string; rule?: string };
        results: { resultDescription: string; achievedLevel: string }[];
      }[];
    };
    const agreed = all.submissions.filter((x) => x.reconciliation?.state === 'agreed');
    expect(agreed.length).toBeGreaterThan(0);
    expect(agreed.every((a) => a.reconciliation!.rule === 'second')).toBe(true);
  });

  it('says how to use it', async () => {
    const r = await assay(['coordinate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('coordinate adjudicate SUBMISSION_ID');
    const bad = await assay(['coordinate', 'import-second-readings', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--rule first|second|lower');
  });
});
