/**
 * Look-ups over the metric catalogue. Everything here is derived from
 * `metrics.ts`; nothing is configured twice.
 */
import { METRICS, type MetricDef } from './metrics.ts';
import { METRIC_GROUPS, type MetricGroup } from './groups.ts';
import type { EditionId } from './editions.ts';

export * from './editions.ts';
export * from './groups.ts';
export * from './metrics.ts';
export * from './identities.ts';

const BY_ID: ReadonlyMap<string, MetricDef> = new Map(METRICS.map((m) => [m.id, m]));

/** The metric with this id, or `undefined`. */
export function findMetric(id: string): MetricDef | undefined {
  return BY_ID.get(id);
}

/** The metric with this id; throws for an unknown id (a programming error, not bad content). */
export function getMetric(id: string): MetricDef {
  const metric = BY_ID.get(id);
  if (!metric) throw new Error(`Unknown metric id "${id}"`);
  return metric;
}

/** Every metric id, in catalogue order. */
export const METRIC_IDS: readonly string[] = METRICS.map((m) => m.id);

/** Whether the metric is printed in the statutory table/appendix of the edition (pages list it even when absent). */
export function isStandardFor(metric: MetricDef, edition: EditionId): boolean {
  return metric.source[edition] !== undefined;
}

/** Position of a metric in the catalogue, for stable sorting. */
export function catalogueOrder(id: string): number {
  const index = METRIC_IDS.indexOf(id);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}

/** Metrics grouped by catalogue group, groups in display order, empty groups left out. */
export function groupMetrics(metrics: readonly MetricDef[]): { group: MetricGroup; metrics: MetricDef[] }[] {
  return METRIC_GROUPS.map((group) => ({ group, metrics: metrics.filter((m) => m.group === group) })).filter(
    (g) => g.metrics.length > 0,
  );
}
