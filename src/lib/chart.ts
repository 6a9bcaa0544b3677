/**
 * Geometry of a small static trend chart (SVG drawn at build time): points for
 * reported years, gaps where a year is not reported, hollow points for
 * approximate values. Pure: the component only draws what this returns.
 */
import type { MetricValue } from './metric-value.ts';

export interface ChartPoint {
  year: number;
  value?: MetricValue;
  /** The year's report is an unchecked machine import: a missing value is 未摘录, not 报告未载明. */
  machine?: boolean;
}

/** "2021年120条，2022年未摘录…": a chart's points in words, for its description. */
export function describePoints(points: readonly ChartPoint[], unit: string, format: (v: MetricValue) => string, notReported: string, notExtracted: string): string {
  return points.map((p) => `${p.year}年${p.value ? `${format(p.value)}${unit}` : p.machine ? notExtracted : notReported}`).join('，');
}

/** A sparkline: a word-sized trend, no axes; the values it draws are beside it in the table. */
export interface Sparkline {
  width: number;
  height: number;
  /** One polyline per run of consecutive reported years; a lone reported year is a dot only. */
  lines: string[];
  dots: { x: number; y: number; approx: boolean }[];
}

const SPARK = { width: 72, height: 22, pad: 3 };

/** Geometry of a sparkline over `points` (sorted by year here): gaps for unreported years, hollow dots for approximate values. */
export function sparkline(points: readonly ChartPoint[]): Sparkline {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const values = sorted.flatMap((p) => (p.value ? [p.value.value] : []));
  const [min, max] = [Math.min(0, ...values), Math.max(1, ...values)];
  const years = sorted.map((p) => p.year);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const inner = { w: SPARK.width - 2 * SPARK.pad, h: SPARK.height - 2 * SPARK.pad };
  const x = (year: number) => SPARK.pad + (last === first ? inner.w / 2 : ((year - first) / (last - first)) * inner.w);
  const y = (value: number) => SPARK.pad + (1 - (value - min) / (max - min)) * inner.h;
  const lines: string[] = [];
  let run: string[] = [];
  for (const p of sorted) {
    if (p.value) run.push(`${x(p.year).toFixed(1)},${y(p.value.value).toFixed(1)}`);
    if (!p.value || p === sorted.at(-1)) {
      if (run.length > 1) lines.push(run.join(' '));
      run = [];
    }
  }
  return {
    width: SPARK.width,
    height: SPARK.height,
    lines,
    dots: sorted.flatMap((p) => (p.value ? [{ x: x(p.year), y: y(p.value.value), approx: p.value.approx }] : [])),
  };
}
