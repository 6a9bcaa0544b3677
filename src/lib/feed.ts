/** The Atom feed of reports, newest first. */
import { agencyOf, type Archive } from './archive.ts';
import { getEdition } from './catalogue/index.ts';
import { absoluteUrl, paths } from './urls.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A report's date for the feed: published, else signed, else the end of its year. */
const dated = (r: { published?: string | undefined; signed?: string | undefined; year: number }) => r.published ?? r.signed ?? `${r.year}-12-31`;

export function atomFeed(archive: Archive, site: URL | string | undefined, base: string): string {
  const url = (path: string) => absoluteUrl(site, base, path);
  const reports = [...archive.reports].sort((a, b) => dated(b).localeCompare(dated(a)) || b.year - a.year);
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

export function sitemap(pathsList: readonly string[], site: URL | string | undefined, base: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${pathsList.map((p) => `  <url><loc>${escape(absoluteUrl(site, base, p))}</loc></url>`).join('\n')}
</urlset>
`;
}
