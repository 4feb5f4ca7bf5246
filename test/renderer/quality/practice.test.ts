// The renderer's calibration helpers: where a sample sits among its package's samples (for [ and ] and "Next
// practice sample"), and the words for the average lean and the shares the comparison shows.
import { describe, expect, it } from 'vitest';
import type { CalibrationGate, CalibrationStatus } from '../../../shared/domain/quality.js';
import { practiceContext } from '../../../renderer/quality/practice.js';
import { percent, quality } from '../../../renderer/strings/quality.js';

const status = (packageId: string, states: CalibrationStatus['samples'][number]['state'][]): CalibrationStatus => ({
  packageId,
  required: true,
  minExactAgreement: 0.8,
  maxNonAdjacent: 0,
  round: 1,
  samples: states.map((state, i) => ({
    submissionId: `${packageId}-s${i + 1}`,
    achievementId: 'a',
    achievementName: 'A',
    number: i + 1,
    state,
  })),
  agreement: null,
  metAt: null,
  missing: 'Score and submit them.',
});

const gate = (...calibrations: CalibrationStatus[]): CalibrationGate => ({ queueOpen: false, calibrations });

describe('practiceContext', () => {
  it('places a sample among its own package’s samples, and finds the next one still to score after it', () => {
    const g = gate(status('p1', ['submitted']), status('p2', ['submitted', 'submitted', 'draft', 'not-started']));
    expect(practiceContext(g, 'p2-s2')).toEqual({
      neighbors: { previous: 'p2-s1', next: 'p2-s3', position: 2, total: 4 },
      nextToDo: 'p2-s3',
    });
    // From the last sample it wraps round to the first not submitted.
    expect(practiceContext(g, 'p2-s4')?.nextToDo).toBe('p2-s3');
    expect(practiceContext(g, 'p2-s1')?.neighbors.previous).toBeNull();
  });

  it('offers no next sample when every other one is submitted, and nothing for a submission that is no sample', () => {
    const g = gate(status('p', ['submitted', 'draft', 'submitted']));
    // The open sample itself is never its own "next", whatever its (possibly stale) state.
    expect(practiceContext(g, 'p-s2')?.nextToDo).toBeNull();
    expect(practiceContext(g, 'live-1')).toBeNull();
    expect(practiceContext(null, 'p-s1')).toBeNull();
  });
});

describe('the comparison’s words', () => {
  it('says the average lean in levels, severe below the reference and lenient above', () => {
    expect(quality.lean(-1)).toBe('one level severe on average');
    expect(quality.lean(0.5)).toBe('0.5 of a level lenient on average');
    expect(quality.lean(-1.25)).toBe('1.25 levels severe on average');
    expect(quality.lean(-2 / 3)).toBe('0.67 of a level severe on average');
    expect(quality.lean(0)).toBe('no lean: on the reference on average');
  });

  it('writes shares as whole percentages, as the backend’s sentences do', () => {
    expect(percent(0)).toBe('0 %');
    expect(percent(0.8)).toBe('80 %');
    expect(percent(2 / 3)).toBe('67 %');
    expect(quality.comparison.distance(-1)).toBe('1 level lower (more severe)');
    expect(quality.comparison.distance(2)).toBe('2 levels higher (more lenient)');
    expect(quality.comparison.distance(0)).toBe('Same level');
  });
});
