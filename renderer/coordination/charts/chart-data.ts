// What every chart of the Coordination screen is drawn from, and what it offers besides the picture: its numbers
// as a table (for screen readers, and shown on request), the same table as CSV, and a sentence that says what the
// picture shows. Pure: no DOM, no React, so unit tests check it in node.

/** A chart's numbers: the table a screen reader walks, and the CSV export. `null` is a cell with no value. */
export interface ChartTable {
  columns: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
  /** How a column's numbers read on screen (a share as "83 %"); the CSV keeps the numbers as they are. */
  format?: readonly (((v: number) => string) | undefined)[];
}

/** Lines a line chart tells apart by colour and dash (coordination.css has a slot for each). */
export const SERIES_SLOTS = 6;

/** Past this many bars a bar chart draws no names or values on the picture (the table has them). */
export const DENSE_BARS = 24;

/** One bar: a category (a criterion, an assessor), its value, and how many items it rests on. */
export interface BarDatum {
  key: string;
  label: string;
  /** A shorter name for under the bar (the criterion without its micro-credential); the label otherwise. */
  tick?: string;
  /** null: not enough items for a figure that means something (drawn as an empty slot, said in words). */
  value: number | null;
  n: number;
}

/** One line of a line chart: an assessor's rolling measure over their items in time order. */
export interface LineSeries {
  key: string;
  label: string;
  /** A shorter name for the line's end label when `label` is long (a criterion without its micro-credential). */
  tick?: string;
  /** x: the item's place in time order (1-based); y: the measure over the window ending there. */
  points: readonly { x: number; y: number }[];
}

/**
 * RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or line break). A text cell a
 * spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) is prefixed with an apostrophe;
 * numbers are written as numbers (a negative deviation stays a number).
 */
export function toCsv(table: ChartTable): string {
  const field = (v: string | number | null): string => {
    if (v === null) return '';
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [table.columns, ...table.rows].map((row) => row.map(field).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A file name from a chart's title: lower-case words joined by hyphens, then the extension. */
export function chartFileName(title: string, ext: 'png' | 'csv'): string {
  const stem =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'chart';
  return `${stem}.${ext}`;
}

/** The bars with the lowest and highest value (ties: the first), among those with a value. */
export function extremes(bars: readonly BarDatum[]): { low: BarDatum; high: BarDatum } | null {
  let low: BarDatum | null = null;
  let high: BarDatum | null = null;
  for (const b of bars) {
    if (b.value === null) continue;
    if (!low || b.value < low.value!) low = b;
    if (!high || b.value > high.value!) high = b;
  }
  return low && high ? { low, high } : null;
}

/** The last point of each series (where it ends now), and the one furthest from `centre` at its end. */
export function lineEnds(
  series: readonly LineSeries[],
  centre = 0,
): { ends: { series: LineSeries; y: number }[]; furthest: { series: LineSeries; y: number } | null } {
  const ends = series.flatMap((s) => {
    const last = s.points[s.points.length - 1];
    return last ? [{ series: s, y: last.y }] : [];
  });
  let furthest: { series: LineSeries; y: number } | null = null;
  for (const e of ends) if (!furthest || Math.abs(e.y - centre) > Math.abs(furthest.y - centre)) furthest = e;
  return { ends, furthest };
}

/** [min, max] of the series' y values, widened to include `atLeast` (so a flat panel still shows its scale). */
export function yExtent(series: readonly LineSeries[], atLeast: readonly [number, number]): [number, number] {
  let lo = atLeast[0];
  let hi = atLeast[1];
  for (const s of series)
    for (const p of s.points) {
      if (p.y < lo) lo = p.y;
      if (p.y > hi) hi = p.y;
    }
  return [lo, hi];
}

/** The longest series' length: the x axis runs 1..this. */
export function longest(series: readonly LineSeries[]): number {
  return series.reduce((m, s) => Math.max(m, s.points[s.points.length - 1]?.x ?? 0), 0);
}
