// Vertical bars, one per category, each with its value and its n written on it (the value is never told by
// height or colour alone); an optional dashed line for a threshold, named at its end. Drawn with visx in SVG;
// colours come from the theme (coordination.css), so light and dark both read.
import { AxisBottom } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import { coordination } from '../../strings/en.js';
import { DENSE_BARS, type BarDatum } from './chart-data.js';
import { ValueAxis } from './ValueAxis.js';

export interface BarChartProps {
  bars: readonly BarDatum[];
  /** The value axis: [0, 1] for shares. */
  domain: readonly [number, number];
  format: (v: number) => string;
  valueLabel: string;
  threshold?: { value: number; label: string } | undefined;
  svg: { role: 'img'; 'aria-labelledby': string; 'aria-describedby': string };
  width?: number;
  height?: number;
}

const MARGIN = { top: 22, right: 96, bottom: 56, left: 56 };

export function BarChart({
  bars,
  domain,
  format,
  valueLabel,
  threshold,
  svg,
  width = 720,
  height = 280,
}: BarChartProps) {
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const x = scaleBand<string>({ domain: bars.map((b) => b.key), range: [0, innerW], padding: 0.28 });
  const y = scaleLinear<number>({ domain: [domain[0], domain[1]], range: [innerH, 0], nice: true });
  const labelOf = new Map(bars.map((b) => [b.key, b.tick ?? b.label]));
  // As many characters as fit under a bar at the tick font (about 6.2 px each).
  const fits = Math.max(4, Math.floor(x.step() / 6.2));
  // Past 8 bars the n moves to the table; past 24 the names and values do too (the bars show the spread).
  const many = bars.length > 8;
  const dense = bars.length > DENSE_BARS;
  return (
    <svg {...svg} className="chart-svg" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMinYMin meet">
      <Group left={MARGIN.left} top={MARGIN.top}>
        {y.ticks(5).map((t) => (
          <Line key={t} className="chart-grid" from={{ x: 0, y: y(t) }} to={{ x: innerW, y: y(t) }} />
        ))}
        {bars.map((b) => {
          const bx = x(b.key) ?? 0;
          const bw = x.bandwidth();
          if (b.value === null)
            return (
              <g key={b.key}>
                <rect className="chart-empty" x={bx} y={0} width={bw} height={innerH} />
                <text className="chart-note" x={bx + bw / 2} y={innerH / 2} textAnchor="middle">
                  {coordination.chart.tooFew(b.n)}
                </text>
              </g>
            );
          const top = y(Math.max(domain[0], Math.min(domain[1], b.value)));
          const base = y(Math.max(domain[0], 0));
          return (
            <g key={b.key}>
              <Bar
                className="chart-bar"
                x={bx}
                y={Math.min(top, base)}
                width={bw}
                height={Math.max(1, Math.abs(base - top))}
              />
              {!dense && (
                <text className="chart-value" x={bx + bw / 2} y={Math.min(top, base) - 6} textAnchor="middle">
                  {format(b.value)}
                </text>
              )}
            </g>
          );
        })}
        {!many &&
          bars.map((b) => (
            <text
              key={b.key}
              className="chart-n"
              x={(x(b.key) ?? 0) + x.bandwidth() / 2}
              y={innerH + 34}
              textAnchor="middle"
            >
              {`n = ${b.n.toLocaleString('en')}`}
            </text>
          ))}
        {threshold && (
          <g>
            <Line
              className="chart-threshold"
              from={{ x: 0, y: y(threshold.value) }}
              to={{ x: innerW, y: y(threshold.value) }}
            />
            <text className="chart-threshold-label" x={innerW + 6} y={y(threshold.value)} dominantBaseline="middle">
              {threshold.label}
            </text>
          </g>
        )}
        <ValueAxis scale={y} format={format} label={valueLabel} />
        <AxisBottom
          top={innerH}
          scale={x}
          axisClassName="chart-axis"
          // A tick per bar is a text element measured by visx: none where no name is shown.
          {...(dense ? { tickValues: [] } : {})}
          tickFormat={(k) => (dense ? '' : shorten(labelOf.get(k) ?? k, fits))}
          tickLabelProps={{ className: 'chart-tick', textAnchor: 'middle', dy: 4 }}
        />
      </Group>
    </svg>
  );
}

/** A label cut to `max` characters with an ellipsis (the table and the CSV have it whole). */
export function shorten(label: string, max: number): string {
  const chars = Array.from(label);
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}
