/**
 * The 简表: a CSV a reader opens in Excel or WPS without a data dictionary. Chinese headers; who and when
 * (省份, 地市, 区县, 机构, 年度, 版式); the 8 comparable metrics, each as a value column and a state column
 * (载明, 约数, 报告未载明, 未摘录); the report's review state, its permalink in the archive and its original
 * address. The same columns serve an agency, a year or a region; one report's table (`reportCsv`) lists
 * all its values with their quotes and cells.
 */
import type { Agency, Archive, Report } from '../archive.ts';
import { CORE_METRICS, coreValue } from '../catalogue/core.ts';
import { getEdition, isStandardFor, METRICS } from '../catalogue/index.ts';
import { describeCell, valueState } from '../format.ts';
import { valueOf, type MetricInfo } from '../metric-view.ts';
import { REVIEW_WORDS, reviewState } from '../review/status.ts';
import { absoluteUrl, paths } from '../urls.ts';
import { csvRows } from './csv.ts';

/** Where the tables link to: the site's address and base path. */
export interface SiteAddress {
  site: URL | string | undefined;
  base: string;
}

const IDENTITY_HEADER = ['省份', '地市', '区县', '机构', '年度', '版式'];
const TRAILER_HEADER = ['核对状态', '本档案网址', '原文网址'];

export const SIMPLE_HEADER: readonly string[] = [
  ...IDENTITY_HEADER,
  ...CORE_METRICS.flatMap((c) => [`${c.label}（${c.unit}）`, `${c.label}·状态`]),
  ...TRAILER_HEADER,
];

const identity = (report: Report, agency: Agency) => [agency.province, agency.city ?? '', agency.county ?? '', agency.name, String(report.year), getEdition(report.edition).label];
const trailer = (report: Report, address: SiteAddress) => [REVIEW_WORDS[reviewState(report)], absoluteUrl(address.site, address.base, paths.report(report.agency, report.year)), report.source.url ?? ''];

/** One row of the 简表. */
export function simpleRow(report: Report, agency: Agency, address: SiteAddress): string[] {
  const machine = reviewState(report) === 'machine';
  return [
    ...identity(report, agency),
    ...CORE_METRICS.flatMap((c) => {
      const value = coreValue(report, c).value;
      return [value ? String(value.value) : '', valueState(value, machine)];
    }),
    ...trailer(report, address),
  ];
}

/** The 简表 of `reports` (in the order given) as CSV text: UTF-8 with BOM, so spreadsheet programs read the Chinese. */
export function simpleCsv(archive: Archive, reports: readonly Report[], address: SiteAddress): string {
  const rows = reports.map((r) => simpleRow(r, archive.agencyById.get(r.agency)!, address));
  return `\uFEFF${csvRows([[...SIMPLE_HEADER], ...rows])}`;
}

/** The header of one report's table. */
export const REPORT_TABLE_HEADER: readonly string[] = ['指标', '数值', '单位', '状态', '原文（句子或表格行）', '所在的格', '指标 id', '本档案网址'];

/**
 * One report's values: every item its edition's template asks for (with 报告未载明 or 未摘录 where it has no
 * value) and every other metric it states, in catalogue order; each with its quote and cell.
 */
export function reportCsv(report: Report, address: SiteAddress): string {
  const machine = reviewState(report) === 'machine';
  const url = absoluteUrl(address.site, address.base, paths.report(report.agency, report.year));
  const rows = METRICS.filter((m) => m.id in report.metrics || isStandardFor(m, report.edition)).map((m) => {
    const value = report.metrics[m.id];
    return [m.label, value ? String(value.value) : '', m.unit, valueState(value, machine), value?.quote ?? '', value?.cell ? describeCell(value.cell) : '', m.id, url];
  });
  return `\uFEFF${csvRows([[...REPORT_TABLE_HEADER], ...rows])}`;
}

/** The header of a metric page's table, as CSV. */
export function metricTableHeader(info: MetricInfo): string[] {
  return [...IDENTITY_HEADER, `${info.label}（${info.unit}）`, '状态', '原文（句子或表格行）', ...TRAILER_HEADER];
}

/**
 * A metric page's table as CSV, one row per report of its agencies (in the page's order, each by year): the
 * value, its state, its quote. Years without a report have no row (无报告).
 */
export function metricTableCsv(archive: Archive, info: MetricInfo, agencies: readonly Agency[], address: SiteAddress): string {
  const rows = agencies.flatMap((agency) =>
    (archive.reportsByAgency.get(agency.id) ?? []).map((r) => {
      const value = valueOf(r, info.id);
      return [...identity(r, agency), value ? String(value.value) : '', valueState(value, reviewState(r) === 'machine'), value?.quote ?? '', ...trailer(r, address)];
    }));
  return `\uFEFF${csvRows([metricTableHeader(info), ...rows])}`;
}
