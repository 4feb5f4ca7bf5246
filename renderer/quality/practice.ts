// Calibration practice in the review workspace: the samples before and after the open one (for [ and ]), the
// next one still to score, and the "Practice sample 2 of 5" framing the workspace payload carries.
import type { CalibrationGate } from '../../shared/domain/quality.js';
import type { Workspace } from '../../shared/domain/workspace.js';

export type PracticeFrame = NonNullable<Workspace['practice']>;

/** Set only for a calibration sample: seeds and second readings carry nothing that tells them from live work. */
export function practiceFrame(ws: Workspace): PracticeFrame | null {
  return ws.practice ?? null;
}

/** As the workspace's Neighbors (review/useNeighbors.ts), which this module does not import: it stays free of the bridge. */
export interface SampleNeighbors {
  previous: string | null;
  next: string | null;
  position: number | null;
  total: number | null;
}

export interface PracticeContext {
  neighbors: SampleNeighbors;
  /** The next sample of the round not yet submitted (after this one, wrapping round); null when none is left. */
  nextToDo: string | null;
}

/** Where `submissionId` sits among its package's calibration samples; null when it is not one. */
export function practiceContext(gate: CalibrationGate | null, submissionId: string): PracticeContext | null {
  for (const c of gate?.calibrations ?? []) {
    const i = c.samples.findIndex((s) => s.submissionId === submissionId);
    if (i < 0) continue;
    const n = c.samples.length;
    let nextToDo: string | null = null;
    for (let k = 1; k < n && nextToDo === null; k++) {
      const s = c.samples[(i + k) % n]!;
      if (s.state !== 'submitted') nextToDo = s.submissionId;
    }
    return {
      neighbors: {
        previous: c.samples[i - 1]?.submissionId ?? null,
        next: c.samples[i + 1]?.submissionId ?? null,
        position: i + 1,
        total: n,
      },
      nextToDo,
    };
  }
  return null;
}
