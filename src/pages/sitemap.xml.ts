import type { APIRoute } from 'astro';
import { loadArchive } from '../data/archive.ts';
import { sitemap, sitemapIndex, sitemapParts, sitemapPaths } from '../lib/feed.ts';
import { metricPageIds } from '../lib/metric-view.ts';
import { regionsOf } from '../lib/regions.ts';

/** The sitemap; past 50,000 URLs, an index of its parts (/sitemaps/<n>.xml). */
export const GET: APIRoute = async ({ site }) => {
  const archive = await loadArchive();
  const all = sitemapPaths(archive, metricPageIds(archive), regionsOf(archive.agencies).map((r) => r.code));
  const body = sitemapParts(all.length) === 1 ? sitemap(all, site, import.meta.env.BASE_URL) : sitemapIndex(all.length, site, import.meta.env.BASE_URL);
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
