// The agreement measures against published worked examples (Cohen's kappa tables) and, for quadratic
// weighted kappa, against scikit-learn's cohen_kappa_score (Debian's python3-sklearn), run for real.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  MIN_ITEMS_FOR_KAPPA,
  cohensKappa,
  criterionAgreement,
  decisionAgreement,
  formatKappa,
  levelAgreement,
  quadraticWeightedKappa,
  type LevelPair,
} from '../../../shared/domain/agreement.js';
import { seededRandom } from '../../../shared/domain/random.js';
import { PYTHON, pythonOracle } from '../../support/python-oracle.js';

/** A 2×2 table as items: `yy` both said yes (1), `yn` rater yes and reference no, and so on. */
function table2(yy: number, yn: number, ny: number, nn: number): LevelPair[] {
  const rows = (count: number, rater: number, reference: number) =>
    Array.from({ length: count }, () => ({ rater, reference }));
  return [...rows(yy, 1, 1), ...rows(yn, 1, 0), ...rows(ny, 0, 1), ...rows(nn, 0, 0)];
}

describe("Cohen's kappa: the worked examples of the literature", () => {
  // Cohen's kappa, Wikipedia "Examples": 50 proposals read by A and B: 20 both yes, 15 both no, 5 only
  // A yes, 10 only B yes: po = 0.7, pe = 0.5, kappa = 0.4.
  it('50 grant proposals: kappa 0.4', () => {
    expect(cohensKappa(table2(20, 5, 10, 15), 2).value).toBeCloseTo(0.4, 12);
  });
  // "Same percentages but different numbers": both tables agree on 60 %, but kappa differs because the
  // marginals do: 45/15/25/15 gives 0.1304, 25/35/5/35 gives 0.2593.
  it('the same 60 % agreement with other marginals: 0.1304 and 0.2593', () => {
    expect(cohensKappa(table2(45, 15, 25, 15), 2).value).toBeCloseTo(0.1304, 4);
    expect(cohensKappa(table2(25, 35, 5, 35), 2).value).toBeCloseTo(0.2593, 4);
    expect(levelAgreement(table2(45, 15, 25, 15)).exact).toBeCloseTo(0.6, 12);
  });
  it('perfect agreement is 1; agreement no better than chance is 0', () => {
    const perfect = Array.from({ length: 12 }, (_, i) => ({ rater: i % 3, reference: i % 3 }));
    expect(cohensKappa(perfect, 3).value).toBe(1);
    expect(quadraticWeightedKappa(perfect, 3).value).toBe(1);
    // Rater independent of reference, with equal marginals: observed = expected.
    expect(cohensKappa(table2(5, 5, 5, 5), 2).value).toBeCloseTo(0, 12);
  });
});

describe('exact, adjacent and non-adjacent agreement; signed deviation', () => {
  it('an assessor who always scores one level low: severity −1, exact 0, adjacent 1', () => {
    const pairs = [1, 2, 3, 1, 2, 3, 1, 2, 3, 3].map((reference) => ({ rater: reference - 1, reference }));
    expect(levelAgreement(pairs)).toEqual({ n: 10, exact: 0, adjacent: 1, nonAdjacent: 0, signedDeviation: -1 });
    const m = criterionAgreement(pairs, 4);
    expect(m.kappa.value).toBeLessThan(0);
    // Near misses only: the weighted kappa still finds the order shared.
    expect(m.qwk.value).toBeGreaterThan(0.5);
  });
  it('counts two levels apart as non-adjacent, and a lenient assessor deviates upwards', () => {
    const pairs = [
      { rater: 3, reference: 1 },
      { rater: 2, reference: 1 },
      { rater: 1, reference: 1 },
      { rater: 0, reference: 3 },
    ];
    expect(levelAgreement(pairs)).toEqual({
      n: 4,
      exact: 0.25,
      adjacent: 0.5,
      nonAdjacent: 0.5,
      signedDeviation: (2 + 1 + 0 - 3) / 4,
    });
  });
  it('decision agreement is the share of the same decision', () => {
    expect(
      decisionAgreement([
        { rater: 'pass', reference: 'pass' },
        { rater: 'not-yet', reference: 'pass' },
        { rater: 'not-yet', reference: 'not-yet' },
        { rater: 'pass', reference: 'pass' },
      ]),
    ).toEqual({ n: 4, agreement: 0.75 });
    expect(decisionAgreement([])).toEqual({ n: 0, agreement: 0 });
  });
});

describe('kappa where it would mean nothing', () => {
  it(`says "not enough items" below ${MIN_ITEMS_FOR_KAPPA}, with n`, () => {
    const nine = Array.from({ length: MIN_ITEMS_FOR_KAPPA - 1 }, (_, i) => ({ rater: i % 2, reference: i % 2 }));
    expect(cohensKappa(nine, 2)).toEqual({ value: null, n: 9, reason: 'not-enough-items' });
    expect(formatKappa(quadraticWeightedKappa(nine, 2))).toBe('not enough items (n = 9)');
    expect(formatKappa(quadraticWeightedKappa([...nine, { rater: 1, reference: 1 }], 2))).toBe('1.00 (n = 10)');
  });
  it('says "no variation" when both sources used one level throughout', () => {
    const same = Array.from({ length: 12 }, () => ({ rater: 2, reference: 2 }));
    expect(quadraticWeightedKappa(same, 4)).toEqual({ value: null, n: 12, reason: 'no-variation' });
  });
  it('refuses a level index outside the criterion', () => {
    expect(() => cohensKappa([{ rater: 4, reference: 0 }], 4)).toThrow(/from 0 to 3; got 4/);
    expect(() => levelAgreement([{ rater: 0.5, reference: 0 }])).toThrow(/whole number/);
  });
});

// scikit-learn, when Debian's python3-sklearn is installed (.ci/run installs it, and there its absence fails).
const SKLEARN = PYTHON;
const sklearnPresent = pythonOracle('sklearn.metrics', {
  debianPackage: 'python3-sklearn',
  skipped: 'QWK against scikit-learn',
  install: 'apt-get install python3-sklearn',
});

describe.skipIf(!sklearnPresent)('quadratic weighted kappa against scikit-learn', () => {
  it('agrees with cohen_kappa_score(weights="quadratic") to 1e-12 on 200 random criteria', () => {
    const next = seededRandom('qwk against scikit-learn');
    const cases = Array.from({ length: 200 }, () => {
      const levels = 2 + Math.floor(next() * 5);
      const n = MIN_ITEMS_FOR_KAPPA + Math.floor(next() * 60);
      const pairs = Array.from({ length: n }, () => {
        const reference = Math.floor(next() * levels);
        // Mostly near the reference, sometimes anywhere: realistic raters, not noise.
        const drift = next() < 0.7 ? Math.round((next() - 0.5) * 2) : Math.floor(next() * levels) - reference;
        return { rater: Math.min(levels - 1, Math.max(0, reference + drift)), reference };
      });
      return { levels, pairs };
    });
    const script = [
      'import json, sys',
      'from sklearn.metrics import cohen_kappa_score',
      'out = []',
      'for c in json.load(sys.stdin):',
      '    a = [p["rater"] for p in c["pairs"]]; b = [p["reference"] for p in c["pairs"]]',
      '    labels = list(range(c["levels"]))',
      '    out.append([cohen_kappa_score(a, b, labels=labels, weights="quadratic"), cohen_kappa_score(a, b, labels=labels)])',
      'print(json.dumps(out))',
    ].join('\n');
    const r = spawnSync(SKLEARN, ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const theirs = JSON.parse(r.stdout) as [number | null, number | null][];
    expect(theirs).toHaveLength(cases.length);
    let compared = 0;
    cases.forEach((c, i) => {
      const [qwk, kappa] = theirs[i]!;
      const ours = { qwk: quadraticWeightedKappa(c.pairs, c.levels), kappa: cohensKappa(c.pairs, c.levels) };
      // scikit-learn gives NaN (null in JSON) where we say "no variation".
      if (qwk === null) expect(ours.qwk.value).toBeNull();
      else expect(ours.qwk.value).toBeCloseTo(qwk, 12);
      if (kappa === null) expect(ours.kappa.value).toBeNull();
      else expect(ours.kappa.value).toBeCloseTo(kappa, 12);
      compared++;
    });
    expect(compared).toBe(200);
  });
});
