// The value axis both charts draw on the left: five ticks in the chart's own format, named by its label.
import { AxisLeft } from '@visx/axis';
import type { scaleLinear } from '@visx/scale';

export function ValueAxis({
  scale,
  format,
  label,
}: {
  scale: ReturnType<typeof scaleLinear<number>>;
  format: (v: number) => string;
  label: string;
}) {
  return (
    <AxisLeft
      scale={scale}
      numTicks={5}
      tickFormat={(v) => format(Number(v))}
      axisClassName="chart-axis"
      label={label}
      labelClassName="chart-axis-label"
      tickLabelProps={{ className: 'chart-tick', textAnchor: 'end', dx: -4, dy: 3 }}
    />
  );
}
