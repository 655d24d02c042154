// A horizontal bar chart (visx): one bar per label, the value at its end. Colours come from CSS
// custom properties (analysis.css: --chart-*), so the chart follows the light or dark theme; a bar
// may carry its own colour (a code's). Export PNG and SVG from the buttons under it.
import { forwardRef, useLayoutEffect, useRef, useState } from 'react';
import { Group } from '@visx/group';
import { Bar } from '@visx/shape';
import { AxisBottom } from '@visx/axis';
import { scaleBand, scaleLinear } from '@visx/scale';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  color?: string;
}

export interface BarChartProps {
  /** The chart's accessible name and its heading in exports. */
  title: string;
  data: readonly BarDatum[];
  /** Names the numbers, e.g. "codings", under the axis. */
  valueLabel: string;
  width?: number;
}

const BAR_HEIGHT = 22;
const LABEL_WIDTH = 190;
const MARGIN = { top: 34, right: 48, bottom: 44, left: LABEL_WIDTH + 12 };
const MAX_LABEL = 28;

const shortLabel = (label: string): string => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label);

/** Draws at the width of its container (text stays at its size), at least MIN_WIDTH. */
const MIN_WIDTH = 360;

export const BarChart = forwardRef<SVGSVGElement, BarChartProps>(function BarChart({ title, data, valueLabel, width: fixedWidth }, ref) {
  const box = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState(680);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element || fixedWidth !== undefined || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setMeasured(Math.max(MIN_WIDTH, Math.floor(entry!.contentRect.width))));
    observer.observe(element);
    return () => observer.disconnect();
  }, [fixedWidth]);
  const width = fixedWidth ?? measured;
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = Math.max(1, data.length) * BAR_HEIGHT;
  const height = innerHeight + MARGIN.top + MARGIN.bottom;
  const max = Math.max(1, ...data.map((d) => d.value));
  const x = scaleLinear<number>({ domain: [0, max], range: [0, innerWidth], nice: true });
  const y = scaleBand<string>({ domain: data.map((d) => d.key), range: [0, innerHeight], padding: 0.22 });
  return (
    <div ref={box} className="chart-box">
    <svg ref={ref} className="chart" role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width={width} height={height} xmlns="http://www.w3.org/2000/svg">
      <rect className="chart-background" x={0} y={0} width={width} height={height} />
      <text className="chart-title" x={12} y={20}>
        {title}
      </text>
      <Group top={MARGIN.top} left={MARGIN.left}>
        {data.map((d) => {
          const top = y(d.key) ?? 0;
          const length = x(d.value);
          return (
            <g key={d.key} className="chart-row">
              <text className="chart-label" x={-10} y={top + y.bandwidth() / 2} dy="0.33em" textAnchor="end">
                <title>{d.label}</title>
                {shortLabel(d.label)}
              </text>
              <Bar className="chart-bar" x={0} y={top} width={Math.max(0, length)} height={y.bandwidth()} style={d.color ? { fill: d.color } : undefined} />
              <text className="chart-value" x={length + 6} y={top + y.bandwidth() / 2} dy="0.33em">
                {d.value.toLocaleString('en-US')}
              </text>
            </g>
          );
        })}
        <AxisBottom top={innerHeight} scale={x} numTicks={Math.min(6, max)} tickFormat={(v) => Number(v).toLocaleString('en-US')} axisClassName="chart-axis" label={valueLabel} labelClassName="chart-axis-label" />
      </Group>
    </svg>
    </div>
  );
});
