import type { APIRoute, GetStaticPaths } from 'astro';
import { buildsCross, loadArchive, loadRegionOrder, loadTextKeys } from '../../../../../data/archive.ts';
import type { Agency } from '../../../../../lib/archive.ts';
import { cacheKeyOf } from '../../../../../lib/cache-key.ts';
import { metricAgencyPages, metricInfo, metricPageIds, type MetricInfo } from '../../../../../lib/metric-view.ts';
import { metricTableCsv } from '../../../../../lib/opendata/simple-table.ts';

/** Each metric page's table as CSV: the same agencies, a page at a time, so the files grow as the pages do. */
export const getStaticPaths = (async () => {
  if (!buildsCross()) return []; // a part of a build in parts that builds report pages only (src/build/parts.ts)
  const [archive, textKeys, order] = await Promise.all([loadArchive(), loadTextKeys(), loadRegionOrder()]);
  const listed = [...archive.agencies].sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  return metricPageIds(archive).flatMap((id) =>
    metricAgencyPages(archive, listed, id).map((page) => ({
      params: { id, n: String(page.number) },
      props: { info: metricInfo(id)!, agencies: page.items },
      cacheKey: cacheKeyOf('metric-table', id, page.items, page.items.map((a) => (archive.reportsByAgency.get(a.id) ?? []).map((r) => textKeys.get(r.id)))),
    })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { info, agencies } = props as { info: MetricInfo; agencies: Agency[] };
  const csv = metricTableCsv(await loadArchive(), info, agencies, { site, base: import.meta.env.BASE_URL });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
