// One chart of the Coordination screen as a figure: its title, the picture (an SVG that names itself by the
// title and a sentence saying what it shows), that sentence in words under it, its numbers as a table behind a
// disclosure button (made only when opened: the drift table of a 300-assessor panel is 6,000 elements, which a page
// that held it always, even out of sight for screen readers, laid out on every visit), and its exports as PNG and CSV.
import { useId, useRef, useState, type ReactNode } from 'react';
import { coordination } from '../../strings/en.js';
import { Icon } from '../../ui/Icon.js';
import { Alert } from '../../ui/Alert.js';
import { chartFileName, toCsv, type ChartTable } from './chart-data.js';
import { chartPng } from './chart-png.js';
import { HeadRow } from '../HeadRow.js';

/** Writes an export where the person chooses; the name written, or null when they cancelled. */
export type SaveChart = (
  format: 'png' | 'csv',
  bytes: Uint8Array<ArrayBuffer>,
  suggestedName: string,
) => Promise<string | null>;

export interface ChartFigureProps {
  title: string;
  /** What the picture shows, in a sentence or two: its text alternative. */
  summary: string;
  table: ChartTable;
  /** The table's caption (defaults to "<title>: the numbers"). */
  caption?: string;
  /** Draws the chart: an <svg> given these props (role, name, description). */
  children: (svg: { role: 'img'; 'aria-labelledby': string; 'aria-describedby': string }) => ReactNode;
  onSave: SaveChart;
  /** Controls above the picture (which measure, which assessors). */
  controls?: ReactNode;
  testId?: string;
}

export function ChartFigure({ title, summary, table, caption, children, onSave, controls, testId }: ChartFigureProps) {
  const s = coordination.chart;
  const id = useId();
  const figureRef = useRef<HTMLElement>(null);
  const [showNumbers, setShowNumbers] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState<'png' | 'csv' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const save = async (format: 'png' | 'csv') => {
    if (busy) return;
    setBusy(format);
    setFailure(null);
    setStatus('');
    try {
      let bytes: Uint8Array<ArrayBuffer>;
      if (format === 'csv') bytes = new TextEncoder().encode(toCsv(table));
      else {
        const svg = figureRef.current?.querySelector<SVGSVGElement>('svg.chart-svg');
        if (!svg) throw new Error(s.noPicture);
        const style = getComputedStyle(figureRef.current!);
        bytes = await chartPng(svg, {
          title,
          background: style.backgroundColor,
          color: style.color,
          font: style.fontFamily,
        });
      }
      const written = await onSave(format, bytes, chartFileName(title, format));
      if (written) setStatus(s.saved(format.toUpperCase(), written));
    } catch (err) {
      setFailure(err instanceof Error && err.message ? err.message : s.saveFailed(format.toUpperCase()));
    } finally {
      setBusy(null);
    }
  };

  return (
    <figure ref={figureRef} className="chart" aria-labelledby={`${id}-title`} data-testid={testId}>
      <div className="chart-head">
        <h3 id={`${id}-title`} className="chart-title">
          {title}
        </h3>
        <div className="chart-actions">
          <button
            type="button"
            className="button kit-button-small"
            aria-expanded={showNumbers}
            aria-controls={`${id}-numbers`}
            aria-label={s.numbersNamed(title)}
            onClick={() => setShowNumbers((v) => !v)}
          >
            {s.numbers}
          </button>
          <button
            type="button"
            className="button kit-button-small"
            aria-label={s.exportNamed('PNG', title)}
            aria-disabled={busy !== null || undefined}
            onClick={() => void save('png')}
          >
            <Icon name="download" size={14} />
            {busy === 'png' ? s.saving : 'PNG'}
          </button>
          <button
            type="button"
            className="button kit-button-small"
            aria-label={s.exportNamed('CSV', title)}
            aria-disabled={busy !== null || undefined}
            onClick={() => void save('csv')}
          >
            <Icon name="download" size={14} />
            {busy === 'csv' ? s.saving : 'CSV'}
          </button>
        </div>
      </div>
      {controls && <div className="chart-controls">{controls}</div>}
      <div className="chart-picture">
        {children({ role: 'img', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-summary` })}
      </div>
      <figcaption id={`${id}-summary`} className="chart-summary">
        {summary}
      </figcaption>
      <div id={`${id}-numbers`} className={showNumbers ? 'qa-table-wrap chart-numbers' : undefined}>
        {showNumbers && (
          <table className="qa-table">
            <caption className="qa-caption">{caption ?? s.numbersCaption(title)}</caption>
            <thead>
              <HeadRow columns={table.columns.map((label) => ({ label }))} />
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell ?? s.none}
                      </th>
                    ) : (
                      <td key={i} className="chart-num">
                        {cell === null
                          ? s.none
                          : typeof cell === 'number'
                            ? (table.format?.[i]?.(cell) ?? cell.toLocaleString('en'))
                            : cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <p className="sr-only" role="status">
        {status}
      </p>
      <Alert>{failure}</Alert>
    </figure>
  );
}
