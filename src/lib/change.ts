/**
 * Year-over-year change. Only two exact values give an exact change; with an
 * approximate or absent value on either side the change is named, not computed.
 */
import type { MetricValue } from './metric-value.ts';

/**
 * Below this base a percentage misleads ("+18（+1800.0%）" on a base of 1): the change is shown as a number
 * only. Stated once on the pages that show changes (SMALL_BASE_NOTE).
 */
export const SMALL_BASE = 20;
export const SMALL_BASE_NOTE = `上一份报告的数值小于 ${SMALL_BASE} 时只写增减的数，不写百分比。`;

export type Change =
  | { kind: 'exact'; delta: number; percent?: number }
  | { kind: 'approx' }
  | { kind: 'absent' };

export function yearChange(previous: MetricValue | undefined, current: MetricValue | undefined): Change {
  if (!previous || !current) return { kind: 'absent' };
  if (previous.approx || current.approx) return { kind: 'approx' };
  const delta = Math.round((current.value - previous.value) * 1e6) / 1e6;
  return Math.abs(previous.value) < SMALL_BASE ? { kind: 'exact', delta } : { kind: 'exact', delta, percent: (delta / previous.value) * 100 };
}

/** "+120（+25.0%）", "−3", "含近似值，不计算", "报告未载明，不计算". */
export function formatChange(change: Change): string {
  if (change.kind === 'approx') return '含近似值，不计算';
  if (change.kind === 'absent') return '报告未载明，不计算';
  const sign = change.delta > 0 ? '+' : change.delta < 0 ? '−' : '±';
  const abs = Math.abs(change.delta).toLocaleString('zh-CN', { maximumFractionDigits: 6 });
  const pct = change.percent === undefined ? '' : `（${change.percent > 0 ? '+' : change.percent < 0 ? '−' : '±'}${Math.abs(change.percent).toFixed(1)}%）`;
  return `${sign}${abs}${pct}`;
}
