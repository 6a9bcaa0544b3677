/** The feed lists the newest reports only; the sitemap splits past the protocol's 50,000 URLs (src/lib/feed.ts). */
import { describe, expect, it } from 'vitest';
import { buildArchive, type Agency, type Report } from '../../src/lib/archive.ts';
import { atomFeed, FEED_ENTRIES, SITEMAP_MAX_URLS, sitemap, sitemapIndex, sitemapPartPath, sitemapParts } from '../../src/lib/feed.ts';

const agencies: Agency[] = Array.from({ length: 15 }, (_, i) => ({
  id: `3501${String(i).padStart(2, '0')}-a`, name: `第${i}机构`, shortName: `第${i}机构`, aliases: [], province: '福建省', city: '福州市',
  divisionCode: `3501${String(i).padStart(2, '0')}`, level: '县级', kind: '局', stub: false, file: `content/agencies/${i}.yaml`,
}));
const reports: Report[] = agencies.flatMap((a) => Array.from({ length: 10 }, (_, y) => ({
  id: `${a.id}/${2010 + y}`, file: `content/reports/${a.id}/${2010 + y}.md`, agency: a.id, year: 2010 + y, title: `${2010 + y}年报告`,
  edition: 'pre2019', source: { file: 'x', removed: [] }, metrics: {}, categories: [], notes: [],
}) as Report));

describe('feed', () => {
  it('lists the newest reports only, newest first', () => {
    const feed = atomFeed(buildArchive(agencies, reports), 'https://example.org', '/');
    const entries = [...feed.matchAll(/<entry>[\s\S]*?<updated>(\d{4})-12-31T00:00:00Z<\/updated>/g)].map((m) => Number(m[1]));
    expect(reports.length).toBeGreaterThan(FEED_ENTRIES);
    expect(entries).toHaveLength(FEED_ENTRIES);
    expect(entries).toEqual([...entries].sort((a, b) => b - a));
    expect(entries[0]).toBe(2019);
  });
});

describe('sitemap', () => {
  it('fits one file up to 50,000 URLs, and refuses more', () => {
    expect(sitemapParts(0)).toBe(1);
    expect(sitemapParts(SITEMAP_MAX_URLS)).toBe(1);
    expect(sitemapParts(SITEMAP_MAX_URLS + 1)).toBe(2);
    expect(() => sitemap(Array.from({ length: SITEMAP_MAX_URLS + 1 }, (_, i) => `/p/${i}/`), undefined, '/')).toThrow('at most 50000 URLs');
  });

  it('indexes the parts of a larger one by their absolute URLs', () => {
    const index = sitemapIndex(120_000, 'https://example.org', '/archive/');
    expect([...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([1, 2, 3].map((n) => `https://example.org/archive${sitemapPartPath(n)}`));
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  });
});
