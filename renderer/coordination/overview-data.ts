// What the Coordination screen's tables and charts show, made from the overview the service computed: names for
// criteria, flags per assessor in words, the bars, lines and tables of the three charts. Pure (types only from
// shared/), so unit tests check it in node.
import type { DriftSeries, Flag, Overview, ScreenOverview } from '../../shared/coordination/types.js';
import { driftAssessors } from '../../shared/coordination/screen-overview.js';
import { coordination as s, decimal, levelsSigned } from '../strings/coordination.js';
import { percent } from '../strings/quality.js';
import { DENSE_BARS, extremes, type BarDatum, type ChartTable, type LineSeries } from './charts/chart-data.js';

type Kappa = Overview['measures'][number]['qwk'];

/** "Planning" (or "Inquiry lesson: Planning" when the round has several micro-credentials). */
export function criterionNamer(
  overview: Pick<Overview, 'criteria'>,
): (achievementId: string, criterionId: string) => string {
  const several = new Set(overview.criteria.map((c) => c.achievementId)).size > 1;
  const names = new Map(
    overview.criteria.map((c) => [
      `${c.achievementId}\u0000${c.criterionId}`,
      s.overview.criterionName(c.achievementName, c.criterionName, several),
    ]),
  );
  return (a, c) => names.get(`${a}\u0000${c}`) ?? c;
}

/** A kappa as the tables show it: the value, or why there is none. */
export function kappaText(k: Kappa): string {
  if (k.value !== null) return decimal(k.value);
  return 'reason' in k && k.reason === 'no-variation' ? s.overview.noVariation(k.n) : s.overview.notEnough(k.n);
}

/** Each assessor's flags, in the overview's order. */
export function flagsByAssessor(flags: readonly Flag[]): Map<string, Flag[]> {
  const out = new Map<string, Flag[]>();
  for (const f of flags) {
    const list = out.get(f.assessorId);
    if (list) list.push(f);
    else out.set(f.assessorId, [f]);
  }
  return out;
}

/** A flag's kind in a word or two, with its criterion when it is about one. */
export function flagLabel(f: Flag, name: (a: string, c: string) => string): string {
  const kind = s.flags.kind[f.kind];
  return f.achievementId && f.criterionId ? `${kind} (${name(f.achievementId, f.criterionId)})` : kind;
}

/** The agreement chart: the panel's exact agreement per criterion, with n (no bar where nothing was measured). */
export function agreementChart(overview: ScreenOverview): { bars: BarDatum[]; table: ChartTable; summary: string } {
  const name = criterionNamer(overview);
  const own = new Map(overview.criteria.map((c) => [`${c.achievementId}\u0000${c.criterionId}`, c.criterionName]));
  const rows = overview.criterionAgreement;
  const bars: BarDatum[] = rows.map((r) => ({
    key: `${r.achievementId}\u0000${r.criterionId}`,
    label: name(r.achievementId, r.criterionId),
    tick: own.get(`${r.achievementId}\u0000${r.criterionId}`) ?? r.criterionId,
    value: r.n > 0 ? r.exact : null,
    n: r.n,
  }));
  const measured = bars.filter((b) => b.value !== null);
  const ends = extremes(measured);
  const threshold = overview.thresholds.minExactAgreement;
  const words = (b: BarDatum | null) => (b ? `${b.label} ${percent(b.value!)} (n = ${b.n})` : null);
  const c = s.charts.agreement.col;
  return {
    bars,
    table: {
      columns: [c.criterion, c.exact, c.adjacent, c.qwk, c.n],
      rows: rows.map((r) => [
        name(r.achievementId, r.criterionId),
        r.n > 0 ? r.exact : null,
        r.n > 0 ? r.adjacent : null,
        r.qwk.value ?? kappaText(r.qwk),
        r.n,
      ]),
      format: [undefined, percent, percent, (v) => decimal(v)],
    },
    summary: s.charts.agreement.summary(
      measured.length,
      words(ends?.low ?? null),
      words(ends?.high ?? null),
      ends && ends.low.value === ends.high.value ? percent(ends.low.value!) : null,
      threshold,
      measured.filter((b) => b.value! < threshold).length,
    ),
  };
}

export type DriftMeasure = 'deviation' | 'exact';

/** The line whose last point is furthest from `centre` (the reference: 0 levels, or full agreement), and that point. */
function furthestAtEnd(series: readonly LineSeries[], centre: number): { label: string; y: number } | null {
  let furthest: { label: string; y: number } | null = null;
  for (const line of series) {
    const last = line.points[line.points.length - 1];
    if (last && (!furthest || Math.abs(last.y - centre) > Math.abs(furthest.y - centre)))
      furthest = { label: line.label, y: last.y };
  }
  return furthest;
}

/** The drift chart: one line per assessor shown (rolling window), and every point of every line as rows. */
export function driftChart(
  overview: ScreenOverview,
  measure: DriftMeasure,
  max: number,
): { series: LineSeries[]; table: ChartTable; summary: string; total: number } {
  const shown = driftAssessors(overview, max);
  const byId = new Map(overview.drift.filter((d) => d.criterionId === undefined).map((d) => [d.assessorId, d]));
  const series: LineSeries[] = shown.map((a) => ({
    key: a.assessor.id,
    label: a.assessor.name,
    points: (byId.get(a.assessor.id)?.points ?? []).map((p) => ({
      x: p.item,
      y: measure === 'deviation' ? p.signedDeviation : p.exact,
    })),
  }));
  // The screen's overview carries only the lines drawn, and says how many there are in all.
  const total = overview.driftLines;
  const furthest = furthestAtEnd(series, measure === 'deviation' ? 0 : 1);
  const fmt = measure === 'deviation' ? levelsSigned : percent;
  const c = s.charts.drift.col;
  return {
    series,
    total,
    table: {
      columns: [c.assessor, c.item, s.charts.drift.measures[measure], c.items, c.n, c.at],
      rows: shown.flatMap((a) =>
        (byId.get(a.assessor.id)?.points ?? []).map((p) => [
          a.assessor.name,
          p.item,
          measure === 'deviation' ? p.signedDeviation : p.exact,
          p.items,
          p.n,
          p.at,
        ]),
      ),
      format: [undefined, undefined, fmt],
    },
    summary: s.charts.drift.summary(
      series.length,
      total,
      overview.thresholds.window,
      measure,
      furthest?.label ?? null,
      furthest ? fmt(furthest.y) : null,
    ),
  };
}

/**
 * One assessor's drift per criterion (coordination:drift): a line per criterion they were measured on (at most
 * `max`, those with the most items first), every point as rows, and a sentence naming the criterion furthest from
 * the reference at its end.
 */
export function criterionDriftChart(
  overview: ScreenOverview,
  assessor: string,
  lines: readonly DriftSeries[],
  measure: DriftMeasure,
  max: number,
): { series: LineSeries[]; table: ChartTable; summary: string; total: number } {
  const name = criterionNamer(overview);
  const own = new Map(overview.criteria.map((c) => [`${c.achievementId}\u0000${c.criterionId}`, c.criterionName]));
  const measured = lines
    .filter((d) => d.achievementId !== undefined && d.criterionId !== undefined && d.points.length > 0)
    .map((d, i) => ({ d, i, label: name(d.achievementId!, d.criterionId!) }))
    .sort((x, y) => y.d.points.length - x.d.points.length || x.i - y.i);
  const shown = measured.slice(0, max);
  const value = (p: DriftSeries['points'][number]) => (measure === 'deviation' ? p.signedDeviation : p.exact);
  const series: LineSeries[] = shown.map(({ d, label }) => ({
    key: `${d.achievementId!}\u0000${d.criterionId!}`,
    label,
    tick: own.get(`${d.achievementId!}\u0000${d.criterionId!}`),
    points: d.points.map((p) => ({ x: p.item, y: value(p) })),
  }));
  const furthest = furthestAtEnd(series, measure === 'deviation' ? 0 : 1);
  const fmt = measure === 'deviation' ? levelsSigned : percent;
  const c = s.charts.drift.col;
  return {
    series,
    total: measured.length,
    table: {
      columns: [c.criterion, c.item, s.charts.drift.measures[measure], c.items, c.n, c.at],
      rows: shown.flatMap(({ d, label }) => d.points.map((p) => [label, p.item, value(p), p.items, p.n, p.at])),
      format: [undefined, undefined, fmt],
    },
    summary: s.charts.drift.criterionSummary(
      assessor,
      series.length,
      measured.length,
      overview.thresholds.window,
      measure,
      furthest?.label ?? null,
      furthest ? fmt(furthest.y) : null,
    ),
  };
}

/** The throughput chart: reviews per day per assessor, with their medians and share by the due date as rows. */
export function throughputChart(overview: ScreenOverview): { bars: BarDatum[]; table: ChartTable; summary: string } {
  const c = s.overview.col;
  const bars: BarDatum[] = overview.assessors.map((a) => ({
    key: a.assessor.id,
    label: a.assessor.name,
    value: a.throughput.reviewsPerDay,
    n: a.throughput.reviews,
  }));
  // A large panel's bars cannot carry names: sorted, most first, they show the spread (the table names them).
  if (bars.length > DENSE_BARS) bars.sort((x, y) => (y.value ?? -1) - (x.value ?? -1));
  const ends = extremes(bars);
  const p = overview.throughput;
  const words = (b: BarDatum | null) => (b ? `${b.label} ${decimal(b.value!, 1)}` : null);
  return {
    bars,
    table: {
      columns: [c.assessor, c.perDay, c.decisions, c.minutes, c.byDue],
      rows: overview.assessors.map((a) => [
        a.assessor.name,
        a.throughput.reviewsPerDay,
        a.throughput.reviews,
        a.throughput.medianActiveMinutes,
        a.throughput.shareByDueDate,
      ]),
      format: [undefined, (v) => decimal(v, 1), undefined, (v) => decimal(v, 1), percent],
    },
    summary: s.charts.throughput.summary(
      bars.filter((b) => b.value !== null).length,
      words(ends?.low ?? null),
      words(ends?.high ?? null),
      s.charts.throughput.panel(
        p.reviewsPerDay === null ? s.overview.none : decimal(p.reviewsPerDay, 1),
        p.medianActiveMinutes === null ? s.overview.none : decimal(p.medianActiveMinutes, 1),
        p.shareByDueDate === null ? s.overview.none : percent(p.shareByDueDate),
      ),
    ),
  };
}
