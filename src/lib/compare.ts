/**
 * The compare page: its selection, in the URL (/compare/?a=<agency>&a=<agency>&m=<metric>…),
 * and its table, made in the browser from the chosen agencies' data files, so the
 * page does not grow with the archive (it held every report once: 267 MB at
 * 100,000 reports, and the largest allocation of the build).
 */
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

/** One cell: the value the report states, or `undefined` where it states none (报告未载明, or 未摘录 for a machine import; never 0). */
export interface CompareCell {
  metric: string;
  value?: { value: number; approx: boolean };
}

/** One row of the compare table: one report of a chosen agency. */
export interface CompareRow {
  agency: string;
  agencyName: string;
  year: number;
  cells: CompareCell[];
  /** An unchecked machine import: its missing values are 未摘录, not 报告未载明. */
  machine: boolean;
}

/**
 * The compare table of a complete selection: each chosen agency's reports, in
 * the order the agencies were chosen and by year, with the chosen metrics.
 */
export function compareRows(agencies: readonly CompareAgency[], metrics: readonly string[]): CompareRow[] {
  return agencies.flatMap((agency) =>
    [...agency.reports]
      .sort((a, b) => a.year - b.year)
      .map((report) => ({
        agency: agency.id,
        agencyName: agency.shortName,
        year: report.year,
        machine: report.review?.status === 'machine',
        cells: metrics.map((metric) => {
          const stated = report.core[metric];
          return stated ? { metric, value: { value: stated.value, approx: stated.approx === true } } : { metric };
        }),
      })),
  );
}
