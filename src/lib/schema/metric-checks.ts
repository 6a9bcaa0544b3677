/**
 * Checks of single metric values against the catalogue. Pure functions that
 * return messages (in Chinese, for editors), so the Zod schema, the validator
 * and the importer report the same problems in the same words.
 */
import { findMetric, getEdition, METRICS, type EditionId, type MetricDef } from '../catalogue/index.ts';
import { suggest } from '../suggest.ts';

const METRIC_CANDIDATES = METRICS.map((m) => ({ id: m.id, aliases: [m.label] }));

/** "proactive_total（主动公开信息数）" — how messages name a metric. */
export function describeMetric(metric: MetricDef): string {
  return `${metric.id}（${metric.label}）`;
}

/** The message for a metric key that is not in the catalogue, with a suggestion when one is close. */
export function unknownMetricMessage(key: string): string {
  const guess = suggest(key, METRIC_CANDIDATES);
  const hint = guess ? `；是否想写 ${describeMetric(findMetric(guess)!)}？` : '；可用的指标见 src/lib/catalogue/metrics.ts';
  return `未知指标“${key}”${hint}`;
}

/** Digits after the decimal point of a finite number as JavaScript prints it (exponent forms count as too many). */
function decimals(value: number): number {
  const text = String(value);
  if (text.includes('e')) return Number.POSITIVE_INFINITY;
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/** Problems with a numeric value for this metric's kind; empty when the value is acceptable. */
export function checkMetricNumber(metric: MetricDef, value: number): string[] {
  const name = describeMetric(metric);
  if (!Number.isFinite(value)) return [`${name} 的值必须是有限数字`];
  switch (metric.kind) {
    case 'count':
      if (!Number.isInteger(value) || value < 0) return [`${name} 是计数，值必须是非负整数（得到 ${value}）`];
      return [];
    case 'change':
      if (!Number.isInteger(value)) return [`${name} 是增减数，值必须是整数，可为负（得到 ${value}）`];
      return [];
    case 'amount':
      if (value < 0) return [`${name} 是金额，值不能为负（得到 ${value}）`];
      if (decimals(value) > 6) return [`${name} 是金额（${metric.unit}），最多六位小数（得到 ${value}）`];
      return [];
  }
}

/** Problems with a metric stated in a report of the given edition. */
export function checkMetricEdition(metric: MetricDef, edition: EditionId): string[] {
  if (metric.editions.includes(edition)) return [];
  const allowed = metric.editions.map((e) => `${e}（${getEdition(e).label}）`).join('、');
  return [`${describeMetric(metric)} 只属于 ${allowed}，本报告为 ${edition} 版式`];
}
