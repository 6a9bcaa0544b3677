/**
 * Why the search index is one index, not shards merged in the browser (Pagefind's
 * mergeIndex), though shards would let a rebuild re-index only what changed:
 * with a sort, each index scores its results by their rank (2, 1, 0 …), and the
 * merged list is ordered by those scores, so the years of two shards interleave.
 * This pins the behaviour of the pinned Pagefind: when it changes, this test
 * fails, and sharding can be weighed again (`npm run bench:search -- --shards`).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePagefindFiles } from '../../src/cli/pagefind-files.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildDir } from '../helpers/build.ts';
import { serveStatic } from '../helpers/serve.ts';

let site: string;

beforeAll(async () => {
  site = buildDir('merge-');
  mkdirSync(site, { recursive: true });
  // Two shards, each with its own years.
  const shards: [string, number[]][] = [['pagefind', [2011, 2014, 2016]], ['pagefind/shards/1', [2012, 2015, 2017]]];
  try {
    for (const [dir, years] of shards) {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
      if (!index) throw new Error(errors.join('; '));
      for (const year of years) {
        await index.addHTMLFile({
          sourcePath: `r/${year}/index.html`,
          content: `<html lang="zh-CN"><body><article data-pagefind-body><h1>report ${year}</h1><p data-pagefind-sort="year:${year}">annual report</p></article></body></html>`,
        });
      }
      const files = await index.getFiles();
      await writePagefindFiles(files.files, join(site, dir));
    }
  } finally {
    await pagefind.close();
  }
  writeFileSync(join(site, 'index.html'), '<!doctype html><html lang="zh-CN"><title>merge</title></html>');
  writeFileSync(join(site, '404.html'), '<!doctype html><title>404</title>');
});

afterAll(() => {
  if (site) rmSync(site, { recursive: true, force: true });
});

describe('Pagefind indexes merged in the browser', () => {
  it('find every page, but sort by year within each index only, not across them', async () => {
    const server = await serveStatic(site, '/');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(server.url);
      // A script as text: Vitest would rewrite a dynamic import() inside a function passed to the page.
      const years = (await page.evaluate(`(async () => {
        const api = await import('/pagefind/pagefind.js');
        await api.options({});
        await api.mergeIndex('/pagefind/shards/1/');
        const { results } = await api.search('report', { sort: { year: 'desc' } });
        return Promise.all(results.map(async (r) => Number(/r\\/(\\d+)\\//.exec((await r.data()).url)[1])));
      })()`)) as number[];
      expect([...years].sort()).toEqual([2011, 2012, 2014, 2015, 2016, 2017]);
      // A correct merge would give 2017, 2016, 2015, 2014, 2012, 2011.
      expect(years).not.toEqual([2017, 2016, 2015, 2014, 2012, 2011]);
      expect(years.slice(0, 2).sort()).toEqual([2016, 2017]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
