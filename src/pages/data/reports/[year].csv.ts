import type { APIRoute, GetStaticPaths } from 'astro';
import { buildsCross, loadArchive, loadTextKeys } from '../../../data/archive.ts';
import { reportsOfYear } from '../../../lib/archive.ts';
import { cacheKeyOf } from '../../../lib/cache-key.ts';
import { reportsCsvPieces } from '../../../lib/opendata/reports.ts';

/** reports.csv split by year: the same columns, the reports of one year. */
export const getStaticPaths = (async () => {
  if (!buildsCross()) return []; // a part of a build in parts that builds report pages only (src/build/parts.ts)
  const [archive, textKeys] = await Promise.all([loadArchive(), loadTextKeys()]);
  return archive.years.map((year) => {
    const reports = reportsOfYear(archive, year);
    return {
      params: { year: String(year) },
      props: { year },
      // What the file holds: the year's reports (by their files' keys) and their agencies.
      cacheKey: cacheKeyOf(year, reports.map((r) => textKeys.get(r.id)), reports.map((r) => archive.agencyById.get(r.agency))),
    };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const archive = await loadArchive();
  const pieces = reportsCsvPieces(archive, reportsOfYear(archive, (props as { year: number }).year));
  return new Response([...pieces].join(''), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
