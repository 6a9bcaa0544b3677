/**
 * The metric index: every metric with a page, grouped by the report section it comes from, each with the
 * template editions that print it, its unit and how many reports of the archive state it. Two rows with
 * similar names ("规章：本年新制作数量", "规章：本年制发件数") are then told apart by their editions.
 */
import type { Archive } from './archive.ts';
import { CORE_METRICS, coreValue, findCoreMetric } from './catalogue/core.ts';
import { EDITIONS, findMetric, METRIC_GROUPS, type EditionId } from './catalogue/index.ts';
import { metricInfo } from './metric-view.ts';

export interface MetricIndexRow {
  id: string;
  label: string;
  unit: string;
  /** The editions that print it, by their labels ("2019年以前版式、2021年版式"). */
  editions: string;
  /** Reports of the archive that state a value for it. */
  stated: number;
}

export interface MetricIndexGroup {
  title: string;
  rows: MetricIndexRow[];
}

const editionLabels = (ids: readonly EditionId[]): string => EDITIONS.filter((e) => ids.includes(e.id)).map((e) => e.label).join('、');

/** The index of the metrics in `ids` (metricPageIds): the comparable core first, then each section's. */
export function metricIndex(archive: Archive, ids: readonly string[]): MetricIndexGroup[] {
  const stated = new Map<string, number>();
  for (const report of archive.reports) for (const id of Object.keys(report.metrics)) stated.set(id, (stated.get(id) ?? 0) + 1);
  const row = (id: string): MetricIndexRow => {
    const info = metricInfo(id)!;
    const core = findCoreMetric(id);
    return {
      id,
      label: info.label,
      unit: info.unit,
      editions: core ? editionLabels(EDITIONS.map((e) => e.id).filter((e) => core.sources[e].metrics.length > 0)) : editionLabels(findMetric(id)!.editions),
      stated: core ? archive.reports.filter((r) => coreValue(r, core).value !== undefined).length : (stated.get(id) ?? 0),
    };
  };
  const core = ids.filter((id) => findCoreMetric(id));
  return [
    { title: '可比口径', rows: CORE_METRICS.map((c) => c.id).filter((id) => core.includes(id)).map(row) },
    ...METRIC_GROUPS.map((g) => ({ title: g, rows: ids.filter((id) => !findCoreMetric(id) && findMetric(id)?.group === g && !id.includes('.')).map(row) })),
  ].filter((g) => g.rows.length > 0);
}
