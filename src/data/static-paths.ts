/**
 * getStaticPaths shared by routes that make several files of the same things: each year's files (the CSV
 * with ids and the 简表), each agency's charts (the SVG and its embed page). `kind` keeps their cache keys
 * apart, so restoring one never restores the other.
 */
import type { Agency } from '../lib/archive.ts';
import { reportsOfYear } from '../lib/archive.ts';
import { cacheKeyOf } from '../lib/cache-key.ts';
import type { CoreMetric } from '../lib/catalogue/core.ts';
import { chartedCores } from '../lib/chart-svg.ts';
import { buildsAgencyPagesOf, buildsCross, loadArchive, loadTextKeys } from './archive.ts';

/** One path per year of the archive: the year's reports (by their files' keys) and their agencies. */
export async function yearFilePaths(kind: string) {
  if (!buildsCross()) return []; // a part of a build in parts that builds report pages only (src/build/parts.ts)
  const [archive, textKeys] = await Promise.all([loadArchive(), loadTextKeys()]);
  return archive.years.map((year) => {
    const reports = reportsOfYear(archive, year);
    return {
      params: { year: String(year) },
      props: { year },
      cacheKey: cacheKeyOf(kind, year, reports.map((r) => textKeys.get(r.id)), reports.map((r) => archive.agencyById.get(r.agency))),
    };
  });
}

/** One path per agency (of this part) and comparable metric it states at least once. */
export async function agencyChartPaths(kind: string) {
  const [archive, textKeys] = await Promise.all([loadArchive(), loadTextKeys()]);
  return archive.agencies.filter((a) => buildsAgencyPagesOf(a.id)).flatMap((agency) => {
    const reports = archive.reportsByAgency.get(agency.id) ?? [];
    return chartedCores(reports).map((core) => ({
      params: { id: agency.id, core: core.id },
      props: { agency, core } as { agency: Agency; core: CoreMetric },
      cacheKey: cacheKeyOf(kind, core.id, agency, reports.map((r) => textKeys.get(r.id))),
    }));
  });
}
