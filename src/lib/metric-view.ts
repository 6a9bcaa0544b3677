/**
 * One metric (a catalogue metric or a core metric) everywhere: its value for
 * every report, by agency and year, and a ranking per year.
 */
import type { Agency, Archive, Report } from './archive.ts';
import { PAGE_SIZES, paginate, type Page } from './paginate.ts';
import { CORE_METRICS, coreValue, findCoreMetric } from './catalogue/core.ts';
import { findMetric } from './catalogue/index.ts';
import type { MetricValue } from './metric-value.ts';

export interface MetricInfo {
  id: string;
  label: string;
  unit: string;
  core: boolean;
}

export function metricInfo(id: string): MetricInfo | undefined {
  const core = findCoreMetric(id);
  if (core) return { id, label: core.label, unit: core.unit, core: true };
  const metric = findMetric(id);
  return metric ? { id, label: metric.label, unit: metric.unit, core: false } : undefined;
}

/** The value of a catalogue or core metric for a report. */
export function valueOf(report: Report, id: string): MetricValue | undefined {
  const core = findCoreMetric(id);
  return core ? coreValue(report, core).value : report.metrics[id];
}

/**
 * Metrics that get a page: the core, then every catalogue metric some report
 * states — except table 三's applicant columns, which would multiply the pages
 * sevenfold (they stay in the data files and on report pages).
 */
export function metricPageIds(archive: Archive): string[] {
  let ids = pageIds.get(archive);
  if (!ids) {
    const stated = new Set(archive.reports.flatMap((r) => Object.keys(r.metrics)));
    ids = [...CORE_METRICS.map((c) => c.id), ...[...stated].filter((id) => findMetric(id) && !findMetric(id)!.column)];
    pageIds.set(archive, ids);
  }
  return ids;
}

/** Once per archive: pages that list metrics ask for every page they render. */
const pageIds = new WeakMap<Archive, string[]>();

export interface Ranked {
  report: Report;
  value: MetricValue;
  rank: number;
}

/** Reports of one year ranked by value, largest first; equal values share a rank; not reported left out. */
export function rankingOf(reports: readonly Report[], id: string): Ranked[] {
  const valued = reports.flatMap((report) => {
    const value = valueOf(report, id);
    return value ? [{ report, value }] : [];
  });
  valued.sort((a, b) => b.value.value - a.value.value);
  let rank = 0;
  return valued.map((r, i) => {
    if (i === 0 || r.value.value !== valued[i - 1]!.value.value) rank = i + 1;
    return { ...r, rank };
  });
}

/**
 * A metric page draws a trend chart per agency up to this many agencies. Past it the charts were a
 * third of the page (1.7 MB of 5 MB at 556 agencies) and no one scrolls through them; the values are
 * in the table above, and each agency's page has its charts.
 */
export const METRIC_TRENDS_MAX_AGENCIES = 24;

/**
 * A metric page ranks this many places per year. The whole ranking was most of the page (at 100,000
 * reports, 5,500 agencies a year); every agency's value is in the page's table, a page of agencies at a time.
 */
export const METRIC_RANKING_TOP = 10;

/**
 * A metric page's agencies: those that state the metric at least once, in `listed` order (region order),
 * a page of them at a time. The metric page and its CSV read the same pages.
 */
export function metricAgencyPages(archive: Archive, listed: readonly Agency[], id: string): Page<Agency>[] {
  const agencies = listed.filter((a) => (archive.reportsByAgency.get(a.id) ?? []).some((r) => valueOf(r, id)));
  return paginate(agencies, PAGE_SIZES.metricAgencies);
}
