/**
 * Frames: one comparable core metric across all agencies for one year (as SEC EDGAR's frames
 * API gives one concept for one period), at `/data/frames/<metric>/<year>.json`
 * and `.csv`. A frame lists the reports of that year that state the metric; a
 * report of that year missing from it does not state it (未报告, not 0), and
 * the JSON says how many reports the year has. The quote of each value is in the
 * agency's file (`/data/agencies/<id>.json`) and on the report page.
 */
import { csvRows } from './csv.ts';
import { agencyOf, type Archive, type Report } from '../archive.ts';
import { metricInfo, valueOf } from '../metric-view.ts';

export interface FrameRow {
  agency: string;
  name: string;
  value: number;
  approx: boolean;
}

export interface Frame {
  metric: string;
  label: string;
  unit: string;
  year: number;
  /** Reports of the year in the archive. */
  reports: number;
  /** Of them, those that state the metric: the rows. */
  stated: number;
  rows: FrameRow[];
}

/** The frame of `metric` in `year`, from that year's reports (in the order given). */
export function frameOf(archive: Pick<Archive, 'agencyById'>, metric: string, year: number, reportsOfYear: readonly Report[]): Frame {
  const info = metricInfo(metric);
  if (!info) throw new Error(`no metric ${metric}`);
  const rows = reportsOfYear.flatMap((r) => {
    const v = valueOf(r, metric);
    return v ? [{ agency: r.agency, name: agencyOf(archive as Archive, r).shortName, value: v.value, approx: v.approx }] : [];
  });
  return { metric, label: info.label, unit: info.unit, year, reports: reportsOfYear.length, stated: rows.length, rows };
}

/** The frame as CSV (UTF-8 with a BOM, like reports.csv): agency, name, value, approx. */
export function frameCsv(frame: Frame): string {
  return `\uFEFF${csvRows([['agency', 'name', 'value', 'approx'], ...frame.rows.map((r) => [r.agency, r.name, r.value, r.approx ? 'true' : 'false'])])}`;
}
