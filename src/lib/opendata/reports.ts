/** The archive as open data: rows for reports.csv and objects for the JSON files. */
import { agencyOf, type Agency, type Archive, type Report } from '../archive.ts';
import { CORE_METRICS, coreValue } from '../catalogue/core.ts';
import { METRICS, getEdition, isStandardFor } from '../catalogue/index.ts';
import { COLUMNS } from './columns.ts';
import { reviewState } from '../review/status.ts';
import { csvRows } from './csv.ts';

/** One CSV row per report, in COLUMNS order; an empty cell is a value the report does not state. */
export function reportRow(report: Report, agency: Agency): (string | number)[] {
  const core = Object.fromEntries(CORE_METRICS.map((c) => [c.id, coreValue(report, c).value]));
  const approx = [
    ...CORE_METRICS.filter((c) => core[c.id]?.approx).map((c) => c.id),
    ...METRICS.filter((m) => report.metrics[m.id]?.approx).map((m) => m.id),
  ];
  const cells: Record<string, string | number | undefined> = {
    id: report.id, agency_id: agency.id, agency_name: agency.name, province: agency.province, city: agency.city,
    county: agency.county, division_code: agency.divisionCode, level: agency.level, year: report.year, edition: report.edition,
    title: report.title, published: report.published, signed: report.signed, source_url: report.source.url, review_status: reviewState(report),
    ...Object.fromEntries(CORE_METRICS.map((c) => [c.id, core[c.id]?.value])),
    ...Object.fromEntries(METRICS.map((m) => [m.id, report.metrics[m.id]?.value])),
    approx_metrics: approx.join(';'),
  };
  return COLUMNS.map((c) => cells[c.name] ?? '');
}

/** How many reports' rows reports.csv is written in at a time. */
const CSV_BATCH = 1000;

/**
 * reports.csv in pieces, to be written as they come: UTF-8 with BOM (so Excel
 * reads the Chinese), written by csvRows (formula cells neutralized). All its rows at once, as cells
 * and then as one string, were the build's largest allocation (400 MB at
 * 25,000 reports, for a 16 MB file); a piece holds CSV_BATCH rows.
 */
export function* reportsCsvPieces(archive: Archive, reports: readonly Report[] = archive.reports): Generator<string> {
  yield `\uFEFF${csvRows([COLUMNS.map((c) => c.name)])}`;
  for (let start = 0; start < reports.length; start += CSV_BATCH) {
    const rows = reports.slice(start, start + CSV_BATCH).map((r) => reportRow(r, agencyOf(archive, r)));
    yield csvRows(rows);
  }
}


export function reportJson(report: Report) {
  return {
    id: report.id,
    agency: report.agency,
    year: report.year,
    edition: report.edition,
    editionLabel: getEdition(report.edition).label,
    title: report.title,
    ...(report.published ? { published: report.published } : {}),
    ...(report.signed ? { signed: report.signed } : {}),
    source: { ...(report.source.url ? { url: report.source.url } : {}), ...(report.source.file ? { file: report.source.file } : {}) },
    // A machine import's missing metrics are 未摘录 (perhaps stated, not read), not 未报告.
    review: { status: reviewState(report), ...(report.review?.by ? { by: report.review.by } : {}), ...(report.review?.at ? { at: report.review.at } : {}) },
    metrics: Object.fromEntries(
      Object.entries(report.metrics).map(([id, v]) => [id, { value: v.value, approx: v.approx, ...(v.quote ? { quote: v.quote } : {}), ...(v.cell ? { cell: v.cell } : {}) }]),
    ),
    // The edition's statutory items the report has no value for, and what that means: 未摘录 (a machine
    // import: perhaps stated, not read) or 报告未载明 (checked: the report does not state them).
    missing: {
      means: reviewState(report) === 'machine' ? ('not_extracted' as const) : ('not_stated' as const),
      metrics: METRICS.filter((m) => isStandardFor(m, report.edition) && !(m.id in report.metrics)).map((m) => m.id),
    },
    core: Object.fromEntries(
      CORE_METRICS.flatMap((c) => {
        const cv = coreValue(report, c);
        return cv.value ? [[c.id, { value: cv.value.value, approx: cv.value.approx, from: c.sources[report.edition].metrics }]] : [];
      }),
    ),
    categories: report.categories.map((c) => ({ label: c.label, value: c.value, approx: c.approx, ...(c.quote ? { quote: c.quote } : {}) })),
  };
}

export function agencyJson(agency: Agency) {
  return {
    id: agency.id,
    name: agency.name,
    shortName: agency.shortName,
    aliases: agency.aliases,
    province: agency.province,
    ...(agency.city ? { city: agency.city } : {}),
    ...(agency.county ? { county: agency.county } : {}),
    divisionCode: agency.divisionCode,
    ...(agency.level ? { level: agency.level } : {}),
    kind: agency.kind,
    ...(agency.website ? { website: agency.website } : {}),
  };
}

export function metricsJson() {
  return {
    metrics: METRICS.map((m) => ({
      id: m.id, label: m.label, unit: m.unit, kind: m.kind, group: m.group, editions: [...m.editions],
      source: m.source, ...(m.note ? { note: m.note } : {}),
    })),
    core: CORE_METRICS.map((c) => ({ id: c.id, label: c.label, unit: c.unit, sources: c.sources })),
  };
}
