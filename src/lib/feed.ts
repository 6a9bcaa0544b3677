/** The Atom feed of the newest reports, and the sitemap. */
import { agencyOf, type Archive } from './archive.ts';
import { getEdition } from './catalogue/index.ts';
import { absoluteUrl, paths } from './urls.ts';
import { escapeXml as escape } from './escape.ts';


/** A report's date for the feed: published, else signed, else the end of its year. */
const dated = (r: { published?: string | undefined; signed?: string | undefined; year: number }) => r.published ?? r.signed ?? `${r.year}-12-31`;

/**
 * Entries in the feed: the newest reports. A feed is fetched again and again by readers; with every report
 * it would be 50 MB at 100,000 reports. The archive's pages and the sitemap list them all.
 */
export const FEED_ENTRIES = 100;

export function atomFeed(archive: Archive, site: URL | string | undefined, base: string, limit = FEED_ENTRIES): string {
  const url = (path: string) => absoluteUrl(site, base, path);
  const reports = [...archive.reports].sort((a, b) => dated(b).localeCompare(dated(a)) || b.year - a.year).slice(0, limit);
  const updated = reports[0] ? `${dated(reports[0])}T00:00:00Z` : '1970-01-01T00:00:00Z';
  const entries = reports.map((r) => {
    const agency = agencyOf(archive, r);
    return `  <entry>
    <id>${escape(url(paths.report(r.agency, r.year)))}</id>
    <title>${escape(r.title)}</title>
    <link rel="alternate" type="text/html" href="${escape(url(paths.report(r.agency, r.year)))}"/>
    <updated>${dated(r)}T00:00:00Z</updated>
    <author><name>${escape(agency.name)}</name></author>
    <summary>${escape(`${agency.name} ${r.year}年度政府信息公开工作年度报告（${getEdition(r.edition).label}），收录指标 ${Object.keys(r.metrics).length} 项。`)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${escape(url('/'))}</id>
  <title>年报档案：政府信息公开工作年度报告</title>
  <link rel="self" type="application/atom+xml" href="${escape(url('/feed.xml'))}"/>
  <link rel="alternate" type="text/html" href="${escape(url('/'))}"/>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
}

/** The most URLs one sitemap file may list (the sitemaps.org protocol). */
export const SITEMAP_MAX_URLS = 50_000;

/** A sitemap of the given site paths (at most SITEMAP_MAX_URLS of them). */
export function sitemap(pathsList: readonly string[], site: URL | string | undefined, base: string): string {
  if (pathsList.length > SITEMAP_MAX_URLS) throw new Error(`a sitemap lists at most ${SITEMAP_MAX_URLS} URLs, got ${pathsList.length}`);
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${pathsList.map((p) => `  <url><loc>${escape(absoluteUrl(site, base, p))}</loc></url>`).join('\n')}
</urlset>
`;
}

/** The site path of the n-th (1-based) part of a sitemap too large for one file. */
export const sitemapPartPath = (n: number): string => `/sitemaps/${n}.xml`;

/** How many files a sitemap of `count` URLs takes (one when it fits). */
export const sitemapParts = (count: number): number => Math.max(1, Math.ceil(count / SITEMAP_MAX_URLS));

/** The sitemap index that lists the parts of a sitemap of `count` URLs. */
export function sitemapIndex(count: number, site: URL | string | undefined, base: string): string {
  const parts = Array.from({ length: sitemapParts(count) }, (_, i) => `  <sitemap><loc>${escape(absoluteUrl(site, base, sitemapPartPath(i + 1)))}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${parts.join('\n')}
</sitemapindex>
`;
}

/** Every page the sitemap lists: the first page of each list, each agency, report, year, metric and region. */
export function sitemapPaths(archive: Archive, metricIds: readonly string[], regionCodes: readonly string[]): string[] {
  return [
    paths.home(), paths.agencies(), paths.years(), paths.metrics(), paths.compare(), paths.quality(), paths.data(), paths.search(),
    ...archive.agencies.map((a) => paths.agency(a.id)),
    ...archive.reports.map((r) => paths.report(r.agency, r.year)),
    ...archive.years.map((y) => paths.year(y)),
    ...metricIds.map((id) => paths.metric(id)),
    ...regionCodes.map((code) => paths.region(code)),
  ];
}
