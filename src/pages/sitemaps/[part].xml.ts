import type { APIRoute, GetStaticPaths } from 'astro';
import { buildsCross, loadArchive } from '../../data/archive.ts';
import { SITEMAP_MAX_URLS, sitemap, sitemapParts, sitemapPaths } from '../../lib/feed.ts';
import { metricPageIds } from '../../lib/metric-view.ts';
import { regionsOf } from '../../lib/regions.ts';

const allPaths = async () => {
  const archive = await loadArchive();
  return sitemapPaths(archive, metricPageIds(archive), regionsOf(archive.agencies).map((r) => r.code));
};

/** The parts of a sitemap past 50,000 URLs (none for a smaller archive: sitemap.xml lists it all). */
export const getStaticPaths = (async () => {
  if (!buildsCross()) return []; // a part of a build in parts that builds report pages only (src/build/parts.ts)
  const count = sitemapParts((await allPaths()).length);
  return count === 1 ? [] : Array.from({ length: count }, (_, i) => ({ params: { part: String(i + 1) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const n = Number(params['part']);
  const part = (await allPaths()).slice((n - 1) * SITEMAP_MAX_URLS, n * SITEMAP_MAX_URLS);
  return new Response(sitemap(part, site, import.meta.env.BASE_URL), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
