/**
 * Metric tables for pages: the metrics panel of one report and the cross-year
 * table of one agency. Absent values stay absent (`undefined`), never 0.
 */
import {
  APPLICANT_COLUMNS,
  EDITION_IDS,
  type EditionId,
  TABLE_3_ROWS,
  TOTAL_COLUMN_LABEL,
  groupMetrics,
  isStandardFor,
  METRICS,
  type MetricDef,
  type MetricGroup,
} from './catalogue/index.ts';
import type { MetricValue } from './metric-value.ts';
import { quoteAnchors, valueAnchor } from './quotes.ts';
import { reviewState } from './review/status.ts';
import type { ReportData } from './schema/report.ts';

type ReportMetrics = Pick<ReportData, 'edition' | 'metrics' | 'categories'>;

export interface PanelRow {
  metric: MetricDef;
  /** `undefined`: the report does not state this metric (未报告). */
  value?: MetricValue;
  /** Id of the quote's anchor in the report text. */
  anchor?: string;
}

export interface PanelGroup {
  group: MetricGroup;
  rows: PanelRow[];
}

/**
 * A report's metrics by group: every metric of its edition's statutory table
 * (absent ones too, so "not reported" is visible) and every other metric it states,
 * except table 三's applicant columns (see `table3Matrix`).
 */
export function metricPanel(report: ReportMetrics): PanelGroup[] {
  const anchors = quoteAnchors(report);
  // Table 三's applicant columns are shown as a matrix (table3Matrix), not as list rows.
  const shown = METRICS.filter(
    (m) => m.column === undefined && (m.id in report.metrics || isStandardFor(m, report.edition)),
  );
  return groupMetrics(shown).map(({ group, metrics }) => ({
    group,
    rows: metrics.map((metric) => {
      const value = report.metrics[metric.id];
      const anchor = valueAnchor(anchors, value);
      return { metric, ...(value ? { value } : {}), ...(anchor ? { anchor } : {}) };
    }),
  }));
}

export interface CategoryRow {
  label: string;
  value: MetricValue;
  anchor?: string;
}

/** The report's own categories of 主动公开, with their anchors. */
export function categoryRows(report: ReportMetrics): CategoryRow[] {
  const anchors = quoteAnchors(report);
  return report.categories.map(({ label, ...value }) => {
    const anchor = value.quote ? anchors.get(value.quote) : undefined;
    return { label, value, ...(anchor ? { anchor } : {}) };
  });
}

export interface YearCell {
  year: number;
  value?: MetricValue;
  anchor?: string;
  /** The year's report is an unchecked machine import: a missing value is 未摘录, not 报告未载明. */
  machine?: boolean;
}

export interface CrossYearRow {
  metric: MetricDef;
  cells: YearCell[];
}

export interface CrossYearTable {
  years: number[];
  groups: { group: MetricGroup; rows: CrossYearRow[] }[];
  /** Category rows by label, for agencies that break 主动公开 down by their own categories. */
  categories: { label: string; cells: YearCell[] }[];
}

/** One agency across years: metrics as rows (only those some year states), years as columns. */
export function crossYearTable(reports: readonly (ReportMetrics & { year: number } & Pick<ReportData, 'review'>)[]): CrossYearTable {
  const sorted = [...reports].sort((a, b) => a.year - b.year);
  const anchors = sorted.map((r) => quoteAnchors(r));
  const stated = new Set(sorted.flatMap((r) => Object.keys(r.metrics)));
  // Table 三's applicant columns stay on report pages and in the data files (seven times the rows otherwise).
  const metrics = METRICS.filter((m) => stated.has(m.id) && m.column === undefined);

  const cell = (i: number, value: MetricValue | undefined): YearCell => {
    const anchor = valueAnchor(anchors[i]!, value);
    return { year: sorted[i]!.year, ...(value ? { value } : {}), ...(anchor ? { anchor } : {}), ...(reviewState(sorted[i]!) === 'machine' ? { machine: true } : {}) };
  };

  const labels = [...new Set(sorted.flatMap((r) => r.categories.map((c) => c.label)))];
  return {
    years: sorted.map((r) => r.year),
    groups: groupMetrics(metrics).map(({ group, metrics: inGroup }) => ({
      group,
      rows: inGroup.map((metric) => ({
        metric,
        cells: sorted.map((r, i) => cell(i, r.metrics[metric.id])),
      })),
    })),
    categories: labels.map((label) => ({
      label,
      cells: sorted.map((r, i) => {
        const found = r.categories.find((c) => c.label === label);
        return cell(i, found);
      }),
    })),
  };
}

/** The cross-year table of one template edition's reports. */
export interface EditionTable {
  edition: EditionId;
  table: CrossYearTable;
}

/**
 * One agency's reports as one cross-year table per template edition, newest edition first. The editions'
 * tables have different rows; in one table every row of one edition was 未报告 in every year of the others.
 */
export function crossYearTablesByEdition(reports: readonly (ReportMetrics & { year: number })[]): EditionTable[] {
  return [...EDITION_IDS].reverse().flatMap((edition) => {
    const own = reports.filter((r) => r.edition === edition);
    return own.length ? [{ edition, table: crossYearTable(own) }] : [];
  });
}

export interface MatrixCell {
  metric: string;
  value?: MetricValue;
  anchor?: string;
}

export interface Table3Matrix {
  /** Applicant column labels, then 总计. */
  columns: string[];
  rows: { id: string; label: string; cells: MatrixCell[] }[];
}

/**
 * Table 三 as the template prints it: its rows by applicant column and 总计, for a
 * report that states any applicant column; `undefined` otherwise.
 */
export function table3Matrix(report: ReportMetrics): Table3Matrix | undefined {
  const stated = Object.keys(report.metrics).some((id) => APPLICANT_COLUMNS.some((c) => id.endsWith(`.${c.id}`)));
  if (!stated) return undefined;
  const anchors = quoteAnchors(report);
  const cell = (metric: string): MatrixCell => {
    const value = report.metrics[metric];
    const anchor = value?.quote ? anchors.get(value.quote) : undefined;
    return { metric, ...(value ? { value } : {}), ...(anchor ? { anchor } : {}) };
  };
  return {
    columns: [...APPLICANT_COLUMNS.map((c) => c.label), TOTAL_COLUMN_LABEL],
    rows: TABLE_3_ROWS.filter((r) => r.editions.includes(report.edition)).map((r) => ({
      id: r.id,
      label: r.label,
      cells: [...APPLICANT_COLUMNS.map((c) => cell(`${r.id}.${c.id}`)), cell(r.id)],
    })),
  };
}

/** A report's metrics as its page shows them: what it states, what the template asks that it does not, table 三. */
export interface ReportPanel {
  /** Groups of stated metrics only; a metric shown in the table 三 matrix is not repeated here. */
  stated: PanelGroup[];
  /** The template's statutory items the report does not state, by group (the matrix's are in the matrix). */
  missing: { group: MetricGroup; labels: string[] }[];
  matrix?: Table3Matrix;
}

export function reportPanel(report: ReportMetrics): ReportPanel {
  const matrix = table3Matrix(report);
  const inMatrix = new Set(matrix?.rows.flatMap((r) => r.cells.map((c) => c.metric)) ?? []);
  const groups = metricPanel(report).map(({ group, rows }) => ({ group, rows: rows.filter((r) => !inMatrix.has(r.metric.id)) }));
  return {
    stated: groups.map(({ group, rows }) => ({ group, rows: rows.filter((r) => r.value) })).filter((g) => g.rows.length),
    missing: groups.map(({ group, rows }) => ({ group, labels: rows.filter((r) => !r.value).map((r) => r.metric.label) })).filter((g) => g.labels.length),
    ...(matrix ? { matrix } : {}),
  };
}
