import type { APIRoute, GetStaticPaths } from 'astro';
import { buildsAgencyPagesOf, loadArchive, loadTextKeys } from '../../../../../data/archive.ts';
import type { Report } from '../../../../../lib/archive.ts';
import { cacheKeyOf } from '../../../../../lib/cache-key.ts';
import { reportCsv } from '../../../../../lib/opendata/simple-table.ts';

/** One report's values, each with its state, quote and cell. */
export const getStaticPaths = (async () => {
  const [archive, textKeys] = await Promise.all([loadArchive(), loadTextKeys()]);
  return archive.reports.filter((report) => buildsAgencyPagesOf(report.agency)).map((report) => ({
    params: { agency: report.agency, year: String(report.year) },
    props: { report },
    cacheKey: cacheKeyOf('report-table', textKeys.get(report.id)),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) =>
  new Response(reportCsv((props as { report: Report }).report, { site, base: import.meta.env.BASE_URL }), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
