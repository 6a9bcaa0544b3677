/**
 * The search index is one Pagefind index per year, merged in the browser with
 * weights that say which year a result came from (src/lib/search/shards.ts).
 * This checks that scheme against the pinned Pagefind in a real browser: the
 * weighted scores decode to each year and to the relevance the year's index
 * gives alone, so the page's year and relevance orders are exact.
 *
 * It also pins why the page cannot use Pagefind's own sort across merged
 * indexes: each index scores sorted results by rank, and the years of two
 * indexes interleave. When Pagefind changes that, this test says so.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePagefindFiles } from '../../src/cli/pagefind-files.ts';
import { decodeScore, orderResults, searchShards, type SearchShard } from '../../src/lib/search/shards.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildDir } from '../helpers/build.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

/** Per year, how often each of its reports says "report" (more often: more relevant). */
const REPORTS: Record<number, number[]> = { 2011: [1, 4], 2014: [3], 2016: [2, 6, 1], 2017: [5, 2] };
const shards: SearchShard[] = searchShards(Object.keys(REPORTS).map(Number));

let site: string;
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  site = buildDir('merge-');
  mkdirSync(site, { recursive: true });
  try {
    // The primary first: writing a bundle clears its folder, which holds the others.
    for (const shard of [...shards].reverse()) {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
      if (!index) throw new Error(errors.join('; '));
      for (const [i, times] of REPORTS[shard.year]!.entries()) {
        await index.addHTMLFile({
          sourcePath: `r/${shard.year}/${i}/index.html`,
          content:
            `<html lang="zh-CN"><body><article data-pagefind-body><h1>annual ${shard.year}</h1>` +
            `<p data-pagefind-sort="year:${shard.year}">${'report '.repeat(times)}${'filler words here '.repeat(8)}</p></article></body></html>`,
        });
      }
      // Every folder gets the runtime here, so that each index can also be searched alone.
      await writePagefindFiles((await index.getFiles()).files, join(site, 'pagefind', shard.dir));
    }
  } finally {
    await pagefind.close();
  }
  writeFileSync(join(site, 'index.html'), '<!doctype html><html lang="zh-CN"><title>merge</title></html>');
  writeFileSync(join(site, '404.html'), '<!doctype html><title>404</title>');
  server = await serveStatic(site, '/');
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

interface Hit {
  url: string;
  score: number;
}

/** A script as text: Vitest would rewrite a dynamic import() inside a function passed to the page. */
const merged = (search: string): Promise<Hit[]> =>
  page.evaluate(`(async () => {
    const shards = ${JSON.stringify(shards)};
    const api = await import('/pagefind/pagefind.js');
    await api.options({ indexWeight: shards.find((s) => s.dir === '').indexWeight });
    await api.init();
    await Promise.all(shards.filter((s) => s.dir !== '').map((s) => api.mergeIndex('/pagefind/' + s.dir, { indexWeight: s.indexWeight })));
    const { results } = await api.search('report', ${search});
    return Promise.all(results.map(async (r) => ({ url: (await r.data()).url, score: r.score })));
  })()`) as Promise<Hit[]>;

const year = (hit: Hit) => Number(/\/r\/(\d+)\//.exec(hit.url)![1]);

describe('yearly Pagefind indexes merged with weights', () => {
  it('orders by year in both directions, and by relevance within a year', async () => {
    const hits = await merged('{}');
    expect(hits.length).toBe(Object.values(REPORTS).flat().length);
    const desc = orderResults(hits, shards, 'year-desc');
    expect(desc.map(year)).toEqual([2017, 2017, 2016, 2016, 2016, 2014, 2011, 2011]);
    const asc = orderResults(hits, shards, 'year-asc');
    expect(asc.map(year)).toEqual([2011, 2011, 2014, 2016, 2016, 2016, 2017, 2017]);
    // Within 2016, the report saying "report" six times first, the one saying it once last.
    expect(desc.filter((h) => year(h) === 2016).map((h) => h.url)).toEqual(['/r/2016/1/', '/r/2016/0/', '/r/2016/2/']);
  });

  it('decodes each score to its year and to the relevance its own index gives alone', async () => {
    const hits = await merged('{}');
    for (const shard of shards) {
      const alone = (await page.evaluate(`(async () => {
        const api = (await import('/pagefind/pagefind.js')).createInstance({ basePath: '/pagefind/${shard.dir}' });
        const { results } = await api.search('report');
        return Promise.all(results.map(async (r) => ({ url: (await r.data()).url, score: r.score })));
      })()`)) as Hit[];
      expect(alone.length).toBe(REPORTS[shard.year]!.length);
      for (const hit of alone) {
        const decoded = decodeScore(hits.find((h) => h.url === hit.url)!.score, shards);
        expect(shards[decoded.shard]!.year).toBe(shard.year);
        expect(decoded.relevance).toBeCloseTo(hit.score, 9);
      }
    }
    // Relevance order is the order of those scores.
    const relevance = orderResults(hits, shards, 'relevance').map((h) => decodeScore(h.score, shards).relevance);
    expect(relevance).toEqual([...relevance].sort((a, b) => b - a));
  });

  it("(why the page does not use Pagefind's sort) sorted by Pagefind across indexes, the years interleave", async () => {
    const hits = await merged("{ sort: { year: 'desc' } }");
    expect(hits.map(year)).not.toEqual([...hits.map(year)].sort((a, b) => b - a));
  });
});
