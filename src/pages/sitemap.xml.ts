import type { APIRoute } from 'astro';
import { loadArchive } from '../data/archive.ts';
import { sitemap } from '../lib/feed.ts';
import { metricPageIds } from '../lib/metric-view.ts';
import { regionsOf } from '../lib/regions.ts';
import { paths } from '../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const archive = await loadArchive();
  const all = [
    paths.home(), paths.agencies(), paths.years(), paths.metrics(), paths.compare(), paths.quality(), paths.data(), paths.search(),
    ...archive.agencies.map((a) => paths.agency(a.id)),
    ...archive.reports.map((r) => paths.report(r.agency, r.year)),
    ...archive.years.map((y) => paths.year(y)),
    ...metricPageIds(archive).map((id) => paths.metric(id)),
    ...regionsOf(archive.agencies).map((r) => paths.region(r.code)),
  ];
  return new Response(sitemap(all, site, import.meta.env.BASE_URL), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
