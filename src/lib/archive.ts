/**
 * The archive as pages see it: agencies and reports joined, sorted and indexed
 * once per build. Pure: built from plain data, so it is tested without Astro.
 */
import { sortByPinyin, comparePinyin } from './collate.ts';
import type { AgencyData } from './schema/agency.ts';
import type { ReportData } from './schema/report.ts';
import { checkIntegrity } from './validate/integrity.ts';
import { formatProblem, type Problem } from './validate/problem.ts';

export interface Agency extends AgencyData {
  /** File name without extension: `370303-jiaoyuju`. */
  id: string;
  /** Path of the source file, relative to the project root. */
  file: string;
}

export interface Report extends ReportData {
  /** `<agency-id>/<year>`. */
  id: string;
  file: string;
}

export interface Archive {
  /** Agencies sorted by the pinyin of their name. */
  agencies: Agency[];
  /** Reports sorted by agency (pinyin), then year. */
  reports: Report[];
  agencyById: ReadonlyMap<string, Agency>;
  /** Each agency's reports, oldest first. */
  reportsByAgency: ReadonlyMap<string, Report[]>;
  /** Years with at least one report, ascending. */
  years: number[];
}

/** Thrown when the content cannot make a consistent archive; lists every problem at once. */
export class ArchiveError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(`档案内容有 ${problems.length} 个问题：\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ArchiveError';
    this.problems = problems;
  }
}

/**
 * Join agencies and reports. Refuses (with every problem listed) reports of
 * unknown agencies, duplicates and path mismatches. (Quotes missing from a body
 * are a problem of the report's own file: `parseReportFile` finds them.)
 */
export function buildArchive(agencyList: readonly Agency[], reportList: readonly Report[]): Archive {
  const problems = checkIntegrity(agencyList, reportList);
  if (problems.some((p) => p.severity === 'error')) throw new ArchiveError(problems);

  const agencies = sortByPinyin(agencyList, (a) => a.name);
  const agencyById = new Map(agencies.map((a) => [a.id, a]));
  const reportsByAgency = new Map<string, Report[]>(agencies.map((a) => [a.id, []]));
  for (const report of [...reportList].sort((a, b) => a.year - b.year)) {
    reportsByAgency.get(report.agency)!.push(report);
  }
  const reports = agencies.flatMap((a) => reportsByAgency.get(a.id)!);
  const years = [...new Set(reports.map((r) => r.year))].sort((a, b) => a - b);
  return { agencies, reports, agencyById, reportsByAgency, years };
}

export function agencyOf(archive: Archive, report: Pick<Report, 'agency'>): Agency {
  return archive.agencyById.get(report.agency)!;
}

/** The same agency's reports for the nearest earlier and later years. */
export function neighbours(archive: Archive, report: Report): { previous?: Report; next?: Report } {
  const own = archive.reportsByAgency.get(report.agency) ?? [];
  const at = own.findIndex((r) => r.id === report.id);
  return {
    ...(at > 0 ? { previous: own[at - 1] } : {}),
    ...(at >= 0 && at < own.length - 1 ? { next: own[at + 1] } : {}),
  };
}

export function reportsOfYear(archive: Archive, year: number): Report[] {
  return archive.reports.filter((r) => r.year === year);
}

/** The most recent reports: latest year first, then latest published/signed date, then agency name. */
export function latestReports(archive: Archive, count: number): Report[] {
  const dated = (r: Report) => r.published ?? r.signed ?? '';
  return [...archive.reports]
    .sort((a, b) =>
      b.year - a.year ||
      dated(b).localeCompare(dated(a)) ||
      comparePinyin(agencyOf(archive, a).name, agencyOf(archive, b).name),
    )
    .slice(0, count);
}

export interface CityGroup {
  /** Prefecture-level city; absent for agencies directly under the province (municipality districts, provincial agencies). */
  city?: string;
  agencies: Agency[];
}

export interface ProvinceGroup {
  province: string;
  cities: CityGroup[];
}

/** Agencies grouped by province and city, each level in pinyin order; agencies without a city come first. */
export function agenciesByRegion(agencies: readonly Agency[]): ProvinceGroup[] {
  const provinces = sortByPinyin([...new Set(agencies.map((a) => a.province))], (p) => p);
  return provinces.map((province) => {
    const inProvince = agencies.filter((a) => a.province === province);
    const cityNames = sortByPinyin([...new Set(inProvince.flatMap((a) => (a.city ? [a.city] : [])))], (c) => c);
    const direct = inProvince.filter((a) => !a.city);
    const cities: CityGroup[] = [
      ...(direct.length ? [{ agencies: sortByPinyin(direct, (a) => a.name) }] : []),
      ...cityNames.map((city) => ({
        city,
        agencies: sortByPinyin(inProvince.filter((a) => a.city === city), (a) => a.name),
      })),
    ];
    return { province, cities };
  });
}

/** The agency's other names shown after its name: short name and aliases, without repeats. */
export function otherNames(agency: Agency): string[] {
  return [agency.shortName, ...agency.aliases].filter((n, i, all) => n !== agency.name && all.indexOf(n) === i);
}

/** "山东省 淄博市 张店区" */
export function regionLabel(agency: Pick<Agency, 'province' | 'city' | 'county'>): string {
  return [agency.province, agency.city, agency.county].filter(Boolean).join(' ');
}

/** Agency id → its place when agencies are listed by province, city and name (agenciesByRegion's order). */
export function regionOrder(agencies: readonly Agency[]): Map<string, number> {
  return new Map(agenciesByRegion(agencies).flatMap((p) => p.cities.flatMap((c) => c.agencies)).map((a, i) => [a.id, i]));
}

/** Reports listed by their agencies' region order, then by year, newest first. */
export function inRegionOrder(reports: readonly Report[], order: ReadonlyMap<string, number>): Report[] {
  return [...reports].sort((a, b) => (order.get(a.agency) ?? Infinity) - (order.get(b.agency) ?? Infinity) || b.year - a.year);
}

/**
 * A report named for readers: "平潭综合实验区管委会 2022年度" (the agency's short name and the year), from its id
 * ("350128-guanweihui/2022"); the id itself when its agency is unknown.
 */
export function reportName(archive: Pick<Archive, 'agencyById'>, reportId: string): string {
  const [agency = '', year = ''] = reportId.split('/');
  const known = archive.agencyById.get(agency);
  return known ? `${known.shortName} ${year}年度` : reportId;
}
