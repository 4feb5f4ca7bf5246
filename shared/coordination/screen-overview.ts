// What the Coordination screen is sent of the overview, and which drift lines it draws. At 300 assessors and
// 100,000 decisions the overview is 8.3 MB of JSON: 3.3 MB the assessor × criterion measures (8,400 rows, of which
// the table shows 200 at a time: coordination:measures pages them), 3.4 MB drift lines (300 lines of about 70
// points, of which the chart draws six: the flagged first, then those measured on the most items; one assessor's
// lines per criterion come by coordination:drift when chosen), 0.8 MB decisions per day per assessor (drawn nowhere).
// What the screen is sent is 0.97 MB.
import type { AssessorSummary, MeasuresOf, MeasuresPage, Overview, ScreenOverview } from './types.js';

/** The lines the drift chart draws at once (each has its own colour and dash pattern). */
export const DRIFT_CHART_LINES = 6;

type Lines = Pick<Overview, 'assessors' | 'flags' | 'drift'>;

/** At most `max` assessors for the drift chart: flagged first, then those with the most items; in that order. */
export function driftAssessors<A extends Pick<AssessorSummary, 'assessor'>>(
  overview: { assessors: readonly A[]; flags: Lines['flags']; drift: Lines['drift'] },
  max: number,
): A[] {
  const flagged = new Set(overview.flags.map((f) => f.assessorId));
  const items = new Map(overview.drift.map((d) => [d.assessorId, d.points.length]));
  return overview.assessors
    .filter((a) => (items.get(a.assessor.id) ?? 0) > 0)
    .map((a, i) => ({ a, i }))
    .sort(
      (x, y) =>
        Number(flagged.has(y.a.assessor.id)) - Number(flagged.has(x.a.assessor.id)) ||
        (items.get(y.a.assessor.id) ?? 0) - (items.get(x.a.assessor.id) ?? 0) ||
        x.i - y.i,
    )
    .slice(0, max)
    .map(({ a }) => a);
}

/** `overview` as the screen is sent it (the same drift choice made again on the lines sent gives the same lines). */
export function screenOverview(overview: Overview, max = DRIFT_CHART_LINES): ScreenOverview {
  const drawn = new Set(driftAssessors(overview, max).map((a) => a.assessor.id));
  const { measures: _measures, assessors, ...rest } = overview;
  return {
    ...rest,
    assessors: assessors.map(({ throughput: { perDay: _perDay, ...throughput }, ...a }) => ({ ...a, throughput })),
    drift: overview.drift.filter((d) => drawn.has(d.assessorId)),
    driftLines: overview.drift.filter((d) => d.criterionId === undefined && d.points.length > 0).length,
  };
}

/** `limit` of the measures `of` chooses from `offset`, in the overview's order, and how many it chooses. */
export function measuresPage(overview: Overview, of: MeasuresOf, offset: number, limit: number): MeasuresPage {
  let chosen = overview.measures;
  if (of === 'flagged') {
    const flagged = new Set(overview.flags.map((f) => f.assessorId));
    chosen = chosen.filter((m) => flagged.has(m.assessorId));
  } else if (of !== 'all') chosen = chosen.filter((m) => m.assessorId === of.assessorId);
  return { rows: chosen.slice(offset, offset + limit), total: chosen.length };
}
