import type { APIRoute, GetStaticPaths } from 'astro';
import { buildsCross, loadArchive, loadTextKeys } from '../../../../data/archive.ts';
import { reportsOfYear } from '../../../../lib/archive.ts';
import { cacheKeyOf } from '../../../../lib/cache-key.ts';
import { simpleCsv } from '../../../../lib/opendata/simple-table.ts';

/** A year's 简表: every report of the year, in the year page's order. */
export const getStaticPaths = (async () => {
  if (!buildsCross()) return []; // a part of a build in parts that builds report pages only (src/build/parts.ts)
  const [archive, textKeys] = await Promise.all([loadArchive(), loadTextKeys()]);
  return archive.years.map((year) => {
    const reports = reportsOfYear(archive, year);
    return {
      params: { year: String(year) },
      props: { year },
      cacheKey: cacheKeyOf('simple', year, reports.map((r) => textKeys.get(r.id)), reports.map((r) => archive.agencyById.get(r.agency))),
    };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const archive = await loadArchive();
  const csv = simpleCsv(archive, reportsOfYear(archive, (props as { year: number }).year), { site, base: import.meta.env.BASE_URL });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
