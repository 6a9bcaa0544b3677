/**
 * Search over a split index, as a large archive has (src/lib/search/shards.ts):
 * the archive built with at most 4 reports an index, searched in a real
 * browser, must give what the one-index site (dist/) gives, with year orders
 * exact across the indexes.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { buildDir, buildSite } from '../helpers/build.ts';
import { DIST, requireDist } from '../helpers/dist.ts';
import { shown, waitForSearch, type Shown } from '../helpers/search-page.ts';
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

async function search(server: StaticServer, params: Record<string, string>): Promise<Shown> {
  await page.goto(`${server.url}search/?${new URLSearchParams(params)}`);
  await waitForSearch(page);
  return shown(page);
}

const year = (id: string) => Number(id.split('/')[1]);

describe('search over an index split in groups of years', () => {
  it('is split: the newest years in pagefind/, the older groups in pagefind/<first>-<last>/', () => {
    expect(readdirSync(join(out, 'pagefind')).filter((f) => /^\d{4}-\d{4}$/.test(f)).length).toBeGreaterThan(1);
  });

  it.each(['公开', '行政复议', '"依申请公开"', '门头沟'])('finds what the one-index site finds: %s', async (q) => {
    const a = await search(split, { q });
    const b = await search(single, { q });
    expect(a.ids.length).toBeGreaterThan(0);
    expect([...a.ids].sort()).toEqual([...b.ids].sort());
  });

  it('orders by year in both directions across the indexes', async () => {
    const desc = await search(split, { q: '公开', sort: 'year-desc' });
    const asc = await search(split, { q: '公开', sort: 'year-asc' });
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
