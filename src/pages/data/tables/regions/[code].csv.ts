import type { APIRoute, GetStaticPaths } from 'astro';
import { buildsCross, loadArchive, loadRegionOrder, loadTextKeys } from '../../../../data/archive.ts';
import type { Report } from '../../../../lib/archive.ts';
import { cacheKeyOf } from '../../../../lib/cache-key.ts';
import { simpleCsv } from '../../../../lib/opendata/simple-table.ts';
import { regionsOf } from '../../../../lib/regions.ts';

/** A region's 简表: every report of its agencies, agencies in the region page's order, each by year. */
export const getStaticPaths = (async () => {
  if (!buildsCross()) return []; // a part of a build in parts that builds report pages only (src/build/parts.ts)
  const [archive, textKeys, order] = await Promise.all([loadArchive(), loadTextKeys(), loadRegionOrder()]);
  return regionsOf(archive.agencies).map((region) => {
    const agencies = region.agencyIds.map((id) => archive.agencyById.get(id)!).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    const reports = agencies.flatMap((a) => archive.reportsByAgency.get(a.id) ?? []);
    return {
      params: { code: region.code },
      props: { reports },
      cacheKey: cacheKeyOf('simple', region, agencies, reports.map((r) => textKeys.get(r.id))),
    };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const archive = await loadArchive();
  const csv = simpleCsv(archive, (props as { reports: Report[] }).reports, { site, base: import.meta.env.BASE_URL });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
