/**
 * Search over a split index, as a large archive has (src/lib/search/shards.ts):
 * the archive built with at most 4 reports an index, searched in a real
 * browser. Over every year (范围=全部) it must give what the one-index site
 * (dist/) gives, with year orders exact across the indexes. By default, and
 * with a year filter, it loads only the indexes of its scope (scope.ts) and
 * gives the one-index site's results of those years.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { buildDir, buildSite } from '../helpers/build.ts';
import { DIST, requireDist } from '../helpers/dist.ts';
import { contentReports } from '../helpers/content.ts';
import { shown, waitForSearch, type Shown } from '../helpers/search-page.ts';
import { recentReports, recentShards } from '../../src/lib/search/scope.ts';
import { reportsPerYear, searchShards } from '../../src/lib/search/shards.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

let out: string;
let split: StaticServer;
let single: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  requireDist();
  out = buildDir('split-');
  const built = buildSite({ NIANBAO_OUT: out, NIANBAO_SEARCH_MAX_REPORTS: '4' });
  if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}\n${built.stderr}`);
  split = await serveStatic(out);
  single = await serveStatic(DIST);
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await split?.close();
  await single?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** The search's results, and the index folders it fetched from (pagefind/<dir>, '' for the primary). */
async function search(server: StaticServer, params: Record<string, string>): Promise<Shown & { dirs: Set<string> }> {
  const dirs = new Set<string>();
  const seen = (request: { url(): string }) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('/pagefind/pagefind.js')) return; // the module, loaded from the primary whatever the scope
    const dir = /\/pagefind\/(?:(\d{4}-\d{4})\/)?[^/]+(?:\/[^/]+)?$/.exec(path);
    if (dir) dirs.add(dir[1] ? `${dir[1]}/` : '');
  };
  page.on('request', seen);
  await page.goto(`${server.url}search/?${new URLSearchParams(params)}`);
  await waitForSearch(page);
  const result = await shown(page);
  page.off('request', seen);
  return { ...result, dirs };
}

const year = (id: string) => Number(id.split('/')[1]);
const ALL = { 范围: '全部' };

/** The indexes as the build made them (4 reports at most), and the default scope the page should search. */
const archive = searchShards(reportsPerYear((await contentReports()).map((r) => r.data)), 4);
const recent = recentShards(archive, recentReports(4));
const recentYears = recent.flatMap((s) => s.years);

describe('search over an index split in groups of years', () => {
  it('is split: the newest years in pagefind/, the older groups in pagefind/<first>-<last>/', () => {
    expect(readdirSync(join(out, 'pagefind')).filter((f) => /^\d{4}-\d{4}$/.test(f)).length).toBeGreaterThan(1);
  });

  it.each(['公开', '行政复议', '"依申请公开"', '门头沟'])('over every year, finds what the one-index site finds: %s', async (q) => {
    const a = await search(split, { q, ...ALL });
    const b = await search(single, { q });
    expect(a.ids.length).toBeGreaterThan(0);
    expect([...a.ids].sort()).toEqual([...b.ids].sort());
    expect(a.dirs.size).toBe(archive.length);
  });

  it('by default searches the newest years only, loads only their indexes, and says so', async () => {
    expect(recent.length).toBeLessThan(archive.length);
    const a = await search(split, { q: '公开' });
    const said = await page.textContent('#search-scope');
    const b = await search(single, { q: '公开' });
    expect(a.ids.length).toBeGreaterThan(0);
    expect([...a.ids].sort()).toEqual(b.ids.filter((id) => recentYears.includes(year(id))).sort());
    expect([...a.dirs].sort()).toEqual(recent.map((s) => s.dir).sort());
    const first = archive[0]!.years[0];
    const last = archive.at(-1)!.years.at(-1);
    expect(said).toBe(
      `搜索范围：最近的 ${recentYears[0]}–${recentYears.at(-1)} 年度（全部 18 份报告中的 ${recent.reduce((n, s) => n + s.reports, 0)} 份）。 搜索全部 ${first}–${last} 年度`,
    );
  });

  it('widens to every year in one click, in the URL, with the keyboard on the link that narrows it again', async () => {
    const everything = await search(single, { q: '公开' });
    await search(split, { q: '公开' });
    await page.click('#search-scope a');
    await waitForSearch(page);
    const widened = await shown(page);
    expect(new URL(page.url()).searchParams.get('范围')).toBe('全部');
    expect([...widened.ids].sort()).toEqual([...everything.ids].sort());
    await page.goBack();
    await waitForSearch(page);
    expect(new URL(page.url()).searchParams.get('范围')).toBeNull();
    await page.goForward();
    await waitForSearch(page);
    expect(await page.textContent('#search-scope')).toMatch(/^搜索范围：全部 \d{4}–\d{4} 年度的 18 份报告。 只搜索最近的年度（更快）$/);
    await page.click('#search-scope a');
    await waitForSearch(page);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^搜索全部 /);
  });

  it('with a year filter loads only the index that holds the year', async () => {
    const older = archive[1]!;
    const y = String(older.years[0]);
    const a = await search(split, { q: '公开', 年份: y });
    const said = await page.textContent('#search-scope');
    expect(a.ids.length).toBeGreaterThan(0);
    expect([...a.ids].sort()).toEqual([...(await search(single, { q: '公开', 年份: y })).ids].sort());
    expect([...a.dirs]).toEqual([older.dir]);
    expect(said).toBe(`搜索范围：${y} 年度。移除“年份”筛选可搜索其他年度。`);
  });

  it('with a year typed in the query loads only the index that holds it, and a search that finds nothing names the years searched', async () => {
    const older = archive[1]!;
    const y = String(older.years[0]);
    const a = await search(split, { q: `公开 ${y}` });
    const said = await page.textContent('#search-scope');
    expect(a.ids.length).toBeGreaterThan(0);
    // What the one-index site finds in that index's years (a report of another year that mentions the year is not searched: the scope line says so).
    expect([...a.ids].sort()).toEqual((await search(single, { q: `公开 ${y}` })).ids.filter((id) => older.years.includes(year(id))).sort());
    expect([...a.dirs]).toEqual([older.dir]);
    expect(said).toMatch(new RegExp(`^搜索范围：包含查询中年份的 ${older.years[0]}(–${older.years.at(-1)})? 年度（${older.reports} 份报告）。 搜索全部 `));
    // An agency of only older years, searched in the default scope: not "the archive has nothing".
    const none = await search(split, { q: '门头沟' });
    expect(none.ids).toEqual([]);
    expect(none.status).toBe(`在最近的 ${recentYears[0]}–${recentYears.at(-1)} 年度中没有找到包含“门头沟”的报告。可以搜索全部年度，或减少关键词再试。`);
  });

  it('orders by year in both directions across the indexes', async () => {
    const desc = await search(split, { q: '公开', sort: 'year-desc', ...ALL });
    const asc = await search(split, { q: '公开', sort: 'year-asc', ...ALL });
    expect(desc.ids.length).toBeGreaterThan(5);
    expect(desc.ids.map(year)).toEqual([...desc.ids.map(year)].sort((x, y) => y - x));
    expect(asc.ids.map(year)).toEqual([...asc.ids.map(year)].sort((x, y) => x - y));
    expect(new Set(desc.ids.map(year)).size).toBeGreaterThan(3);
    expect([...asc.ids].sort()).toEqual([...desc.ids].sort());
  });

  it('combines a year filter with a year order', async () => {
    const { ids } = await search(split, { q: '公开', 年份: '2014', sort: 'year-desc' });
    expect(ids.length).toBeGreaterThan(1);
    expect(ids.every((id) => id.endsWith('/2014'))).toBe(true);
    expect([...ids].sort()).toEqual([...(await search(single, { q: '公开', 年份: '2014' })).ids].sort());
  });
});
