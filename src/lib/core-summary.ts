/**
 * An agency's comparable core at a glance: for each core metric, its newest
 * reported value, the change from the report before it, and every year's value
 * for a sparkline. Unreported years stay unreported: the newest value is the newest
 * one stated, and a change is computed only between two exact values of
 * consecutive reports (src/lib/change.ts).
 */
import type { Report } from './archive.ts';
import { yearChange, type Change } from './change.ts';
import type { ChartPoint } from './chart.ts';
import { CORE_METRICS, coreValue, type CoreMetric } from './catalogue/core.ts';
import type { MetricValue } from './metric-value.ts';
import { reviewState } from './review/status.ts';

export interface CoreSummaryRow {
  core: CoreMetric;
  /** The newest report's value; undefined when the newest report does not state it (or, `machine`, it was not read). */
  latest?: { year: number; value?: MetricValue; machine?: boolean };
  /** The report before the newest, and the change from it (absent when either side is not reported). */
  previous?: { year: number; value?: MetricValue };
  change?: Change;
  /** Every report's value, oldest first. */
  points: ChartPoint[];
  /** How many of the agency's reports state it. */
  stated: number;
}

/** One row per core metric, over the agency's reports (any order). */
export function coreSummary(reports: readonly Report[]): CoreSummaryRow[] {
  const sorted = [...reports].sort((a, b) => a.year - b.year);
  const newest = sorted.at(-1);
  const before = sorted.at(-2);
  return CORE_METRICS.map((core) => {
    const valueIn = (r: Report) => coreValue(r, core).value;
    const points = sorted.map((r) => ({ year: r.year, ...(valueIn(r) ? { value: valueIn(r)! } : {}), ...(reviewState(r) === 'machine' ? { machine: true } : {}) }));
    const latest = newest && { year: newest.year, ...(valueIn(newest) ? { value: valueIn(newest)! } : {}), ...(reviewState(newest) === 'machine' ? { machine: true } : {}) };
    const previous = before && { year: before.year, ...(valueIn(before) ? { value: valueIn(before)! } : {}) };
    return {
      core,
      ...(latest ? { latest } : {}),
      ...(previous ? { previous, change: yearChange(previous.value, latest!.value) } : {}),
      points,
      stated: points.filter((p) => p.value).length,
    };
  });
}
