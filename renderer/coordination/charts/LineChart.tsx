// Lines over items in time order, one per assessor, each told apart by colour AND by its dash pattern and
// marker, and named at its right end (no legend to match colours against); an optional reference line (0 for
// deviation, the threshold for agreement). Drawn with visx in SVG with the theme's colours.
import { AxisBottom } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { Line, LinePath } from '@visx/shape';
import { longest, SERIES_SLOTS, yExtent, type LineSeries } from './chart-data.js';
import { shorten } from './BarChart.js';
import { ValueAxis } from './ValueAxis.js';

export interface LineChartProps {
  series: readonly LineSeries[];
  /** The y axis always includes this range (e.g. [-1, 1] for deviation in levels). */
  atLeast: readonly [number, number];
  format: (v: number) => string;
  xLabel: string;
  yLabel: string;
  /** A line to read the others against; `neutral` draws it in the axis colour (0 deviation), else as a threshold. */
  reference?: { value: number; label: string; neutral?: boolean } | undefined;
  svg: { role: 'img'; 'aria-labelledby': string; 'aria-describedby': string };
  width?: number;
  height?: number;
}

/** Dash patterns and markers, in the order series are drawn (the colour slots follow the same order). */
const DASHES = ['', '6 3', '2 3', '10 3 2 3', '1 5', '12 5'];

const MARGIN = { top: 18, right: 128, bottom: 48, left: 60 };

export function LineChart({
  series,
  atLeast,
  format,
  xLabel,
  yLabel,
  reference,
  svg,
  width = 720,
  height = 300,
}: LineChartProps) {
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const [lo, hi] = yExtent(series, atLeast);
  const x = scaleLinear<number>({ domain: [1, Math.max(2, longest(series))], range: [0, innerW] });
  const y = scaleLinear<number>({ domain: [lo, hi], range: [innerH, 0], nice: true });
  // End labels, nudged apart so they never sit on each other.
  const ends = series
    .map((s, i) => ({ s, i, last: s.points[s.points.length - 1] }))
    .filter((e) => e.last)
    .map((e) => ({ ...e, ly: y(e.last!.y) }))
    .sort((a, b) => a.ly - b.ly);
  for (let k = 1; k < ends.length; k++) ends[k]!.ly = Math.max(ends[k]!.ly, ends[k - 1]!.ly + 13);
  return (
    <svg {...svg} className="chart-svg" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMinYMin meet">
      <Group left={MARGIN.left} top={MARGIN.top}>
        {y.ticks(5).map((t) => (
          <Line key={t} className="chart-grid" from={{ x: 0, y: y(t) }} to={{ x: innerW, y: y(t) }} />
        ))}
        {reference && (
          <g>
            <Line
              className={reference.neutral ? 'chart-reference' : 'chart-threshold'}
              from={{ x: 0, y: y(reference.value) }}
              to={{ x: innerW, y: y(reference.value) }}
            />
          </g>
        )}
        {series.map((s, i) => (
          <g key={s.key} className={`chart-series chart-series-${i % SERIES_SLOTS}`}>
            <LinePath
              className="chart-line"
              data={[...s.points]}
              x={(p) => x(p.x)}
              y={(p) => y(p.y)}
              strokeDasharray={DASHES[i % DASHES.length] || undefined}
            />
            {s.points.length === 1 && (
              <circle className="chart-marker" cx={x(s.points[0]!.x)} cy={y(s.points[0]!.y)} r={3.5} />
            )}
          </g>
        ))}
        {/* After the lines, so its halo keeps it legible where they cross it. */}
        {reference && (
          <text className="chart-threshold-label" x={4} y={y(reference.value) - 5}>
            {reference.label}
          </text>
        )}
        {ends.map((e) => (
          <g key={e.s.key} className={`chart-series chart-series-${e.i % SERIES_SLOTS}`}>
            <circle className="chart-marker" cx={x(e.last!.x)} cy={y(e.last!.y)} r={3.5} />
            <text className="chart-end-label" x={innerW + 8} y={e.ly} dominantBaseline="middle">
              {shorten(e.s.tick ?? e.s.label, 18)}
            </text>
          </g>
        ))}
        <ValueAxis scale={y} format={format} label={yLabel} />
        <AxisBottom
          top={innerH}
          scale={x}
          numTicks={Math.min(8, longest(series))}
          tickFormat={(v) => (Number.isInteger(Number(v)) ? Number(v).toLocaleString('en') : '')}
          axisClassName="chart-axis"
          label={xLabel}
          labelClassName="chart-axis-label"
          tickLabelProps={{ className: 'chart-tick', textAnchor: 'middle', dy: 4 }}
        />
      </Group>
    </svg>
  );
}
