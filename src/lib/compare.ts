/**
 * The compare page: its selection, in the URL (/compare/?a=<agency>&a=<agency>&m=<metric>…),
 * and its table, made in the browser from the chosen agencies' data files, so the
 * page does not grow with the archive (it held every report once: 267 MB at
 * 100,000 reports, and the largest allocation of the build).
 */
import { csvLine } from './opendata/csv-cell.ts';
import { valueState, type ValueState } from './format.ts';

export const MIN_AGENCIES = 2;
export const MAX_AGENCIES = 6;

export interface Selection {
  agencies: string[];
  metrics: string[];
}

/** Known, distinct values in URL order; agencies beyond six are dropped. */
export function selectionFromParams(params: URLSearchParams, agencies: readonly string[], metrics: readonly string[]): Selection {
  const pick = (key: string, valid: readonly string[]) => [...new Set(params.getAll(key))].filter((v) => valid.includes(v));
  return { agencies: pick('a', agencies).slice(0, MAX_AGENCIES), metrics: pick('m', metrics) };
}

export function selectionToParams(selection: Selection): URLSearchParams {
  const params = new URLSearchParams();
  for (const a of selection.agencies) params.append('a', a);
  for (const m of selection.metrics) params.append('m', m);
  return params;
}

/** Whether the selection can be shown: 2–6 agencies and at least one metric. */
export function isComplete(selection: Selection): boolean {
  return selection.agencies.length >= MIN_AGENCIES && selection.agencies.length <= MAX_AGENCIES && selection.metrics.length > 0;
}

/** What the compare table reads of an agency's data file (/data/agencies/<id>.json, agencyJson + reportJson). */
export interface CompareAgency {
  id: string;
  shortName: string;
  reports: { year: number; core: Record<string, { value: number; approx?: boolean }>; review?: { status: string } }[];
}

/** One cell of a comparison: a value; a report without it (报告未载明, or 未摘录 for a machine import); no report that year. */
export type ComparisonCell =
  | { kind: 'value'; value: { value: number; approx: boolean }; year: number }
  | { kind: 'missing'; machine: boolean; year: number }
  | { kind: 'no-report' };

/** One metric across the chosen agencies: years as rows (every year any of them reported), agencies as columns. */
export interface MetricComparison {
  metric: string;
  agencies: { id: string; name: string }[];
  rows: { year: number; cells: ComparisonCell[] }[];
  /** The years every chosen agency has a report for. */
  shared: number[];
}

/** One metric of a complete selection, read across: the agencies in the order chosen, the years ascending. */
export function compareByMetric(agencies: readonly CompareAgency[], metric: string): MetricComparison {
  const years = [...new Set(agencies.flatMap((a) => a.reports.map((r) => r.year)))].sort((a, b) => a - b);
  const byYear = agencies.map((a) => new Map(a.reports.map((r) => [r.year, r])));
  return {
    metric,
    agencies: agencies.map((a) => ({ id: a.id, name: a.shortName })),
    rows: years.map((year) => ({
      year,
      cells: byYear.map((reports): ComparisonCell => {
        const report = reports.get(year);
        if (!report) return { kind: 'no-report' };
        const stated = report.core[metric];
        return stated ? { kind: 'value', value: { value: stated.value, approx: stated.approx === true }, year } : { kind: 'missing', machine: report.review?.status === 'machine', year };
      }),
    })),
    shared: years.filter((year) => byYear.every((reports) => reports.has(year))),
  };
}

/** A cell in words, as the page and the CSV say it. */
export function cellState(cell: ComparisonCell): ValueState | '无报告' {
  if (cell.kind === 'no-report') return '无报告';
  return valueState(cell.kind === 'value' ? cell.value : undefined, cell.kind === 'missing' && cell.machine);
}

/**
 * A comparison as CSV (UTF-8 with BOM, one row per metric, year and agency): 指标, 单位, 年度, 机构, 数值, 状态,
 * 本档案网址 (of the report, where there is one).
 */
export function comparisonCsv(comparisons: readonly MetricComparison[], metricOf: (id: string) => { label: string; unit: string }, reportUrl: (agency: string, year: number) => string): string {
  let text = `\uFEFF${csvLine(['指标', '单位', '年度', '机构', '数值', '状态', '本档案网址'])}`;
  for (const c of comparisons) {
    const { label, unit } = metricOf(c.metric);
    for (const row of c.rows) {
      row.cells.forEach((cell, i) => {
        const agency = c.agencies[i]!;
        text += csvLine([label, unit, row.year, agency.name, cell.kind === 'value' ? cell.value.value : '', cellState(cell), cell.kind === 'no-report' ? '' : reportUrl(agency.id, row.year)]);
      });
    }
  }
  return text;
}
