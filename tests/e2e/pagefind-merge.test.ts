/**
 * A large archive's search index is several Pagefind indexes, merged in the
 * browser (src/lib/search/shards.ts). This checks, against the pinned Pagefind
 * in a real browser, what that scheme relies on: merged indexes find every
 * page; a search with a year filter gives each result's year (`resultYears`),
 * so the page's year orders are exact across indexes.
 *
 * It also pins why the page does not use Pagefind's own sort: each merged
 * index scores its sorted results by rank (n-1 … 0), so the years of two
 * indexes interleave. When Pagefind changes that, this test says so.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePagefindFiles } from '../../src/cli/pagefind-files.ts';
import { INDEX_LANGUAGE } from '../../src/lib/search/index-text.ts';
import { orderResults, reportsPerYear, resultYears, searchShards } from '../../src/lib/search/shards.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildDir } from '../helpers/build.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

/** Per year, how often each of its reports says "report" (more often: more relevant). */
const REPORTS: Record<number, number[]> = { 2011: [1, 4], 2014: [3], 2016: [2, 6, 1], 2017: [5, 2] };
const YEARS = Object.keys(REPORTS).map(Number);
/** At most 3 reports an index: 2011 and 2014 together, 2016 and 2017 alone. */
const shards = searchShards(reportsPerYear(YEARS.flatMap((year) => REPORTS[year]!.map(() => ({ year })))), 3);

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
      const { index, errors } = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
      if (!index) throw new Error(errors.join('; '));
      for (const year of shard.years) {
        for (const [i, times] of REPORTS[year]!.entries()) {
          await index.addHTMLFile({
            sourcePath: `r/${year}/${i}/index.html`,
            content:
              `<html lang="zh-CN"><body><article data-pagefind-body><h1>annual ${year}</h1><span data-pagefind-filter="年份:${year}"></span>` +
              `<p data-pagefind-sort="year:${year}">${'report '.repeat(times)}${'filler words here '.repeat(8)}</p></article></body></html>`,
          });
        }
      }
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
  // The merged index, as the search page loads it. A script as text: Vitest would rewrite a dynamic import().
  await page.evaluate(`(async () => {
    const api = await import('/pagefind/pagefind.js');
    await api.options({});
    await api.init();
    await Promise.all(${JSON.stringify(shards.filter((s) => s.dir).map((s) => `/pagefind/${s.dir}`))}.map((path) => api.mergeIndex(path)));
    window.api = api;
  })()`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

interface Hit {
  id: string;
  url: string;
}

/** A search of the merged index in the page, with each result's id and URL. */
const search = (options: object): Promise<{ results: Hit[] }> =>
  page.evaluate(`(async () => {
    const { results } = await window.api.search('report', ${JSON.stringify(options)});
    return { results: await Promise.all(results.map(async (r) => ({ id: r.id, url: (await r.data()).url }))) };
  })()`) as Promise<{ results: Hit[] }>;

const year = (hit: Hit) => Number(/\/r\/(\d+)\//.exec(hit.url)![1]);

describe('Pagefind indexes merged in the browser', () => {
  it('are the groups of years the archive is split into, and find every page', async () => {
    expect(shards.map((s) => [s.years, s.dir])).toEqual([[[2011, 2014], '2011-2014/'], [[2016], '2016-2016/'], [[2017], '']]);
    const { results } = await search({});
    expect(results.map(year).sort()).toEqual(YEARS.flatMap((y) => REPORTS[y]!.map(() => y)));
  });

  it('give each result its year from searches with a year filter, and so exact year orders', async () => {
    const { results } = await search({});
    const yearOf = await resultYears({ search: (_q, options) => search(options ?? {}) }, 'report', {}, YEARS);
    expect(results.every((hit) => yearOf.get(hit.id) === year(hit))).toBe(true);
    expect(orderResults(results, 'year-desc', yearOf).map(year)).toEqual([2017, 2017, 2016, 2016, 2016, 2014, 2011, 2011]);
    expect(orderResults(results, 'year-asc', yearOf).map(year)).toEqual([2011, 2011, 2014, 2016, 2016, 2016, 2017, 2017]);
    // Within a year, Pagefind's relevance order: in 2016, the report saying "report" six times first.
    expect(orderResults(results, 'year-desc', yearOf).filter((h) => year(h) === 2016)[0]!.url).toBe('/r/2016/1/');
  });

  it("(why the page does not use Pagefind's sort) sorted by Pagefind across indexes, the years interleave", async () => {
    const { results } = await search({ sort: { year: 'desc' } });
    expect(results.map(year)).not.toEqual([...results.map(year)].sort((a, b) => b - a));
  });
});
