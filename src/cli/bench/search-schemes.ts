/**
 * npm run bench:search -- --site <dist> --content <content> [--scope recent|all]
 *
 * The query set (query-set.ts: 23 queries of every kind a visitor types) on a built site's own search page, in
 * Chromium under the "Fast 4G" profile: bytes and time to the first result per query, and their median, p95 and
 * maximum (query-set-measure.ts), in the page's default scope (the newest years) or over every year (`--scope all`,
 * src/lib/search/scope.ts). Build the site with `npm run bench -- --reports <n> --keep`.
 *
 * npm run bench:search -- [--reports 10000] [--seed 1] [--schemes pairs,chars,native] [--queries 行政复议,复议,图书馆] [--layouts one,years]
 *
 * Why the index holds character pairs: builds a Pagefind index of the same
 * synthetic archive once per tokenisation scheme, without the rest of the site,
 * and measures in Chromium the bytes each query transfers (gzip as a static host
 * serves it) and how many pages it returns.
 *
 * - pairs: what the site does (src/lib/search/index-text.ts);
 * - chars: a space around every Han character, the scheme before it;
 * - native: Pagefind's own Chinese words, which miss words inside longer words (#1237).
 *
 * --layouts: `one` index of the whole archive; one index per year (`years`); or
 * groups of consecutive years of at most n reports each (`max:n`, as the site
 * splits a large archive: src/lib/search/shards.ts), merged in the browser with
 * Pagefind's mergeIndex.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { INDEX_LANGUAGE, toIndexHtml } from '../../lib/search/index-text.ts';
import type { PagefindApi } from '../../lib/search/pagefind-api.ts';
import { parseQuery, toPagefindQuery } from '../../lib/search/query.ts';
import { reportsPerYear, searchShards, type SearchShard } from '../../lib/search/shards.ts';
import { dirSize } from './dir-size.ts';
import { writePagefindFiles } from '../pagefind-files.ts';
import { generateArchive } from './generate.ts';
import { measureQueries, queryTable } from './query-set-measure.ts';
import { querySet } from './query-set.ts';

interface Scheme {
  page(html: string): string;
  query(q: string): string;
  /** The index's language: Pagefind's own Chinese words need zh-cn; the encoded schemes are not Chinese to it. */
  language: string;
}

const HAN = /(\p{Script=Han})/gu;
const SCHEMES: Record<string, Scheme> = {
  pairs: { page: toIndexHtml, query: (q) => toPagefindQuery(parseQuery(q)), language: INDEX_LANGUAGE },
  chars: {
    page: (html) => html.replace(/>([^<]+)</g, (_, text: string) => `>${text.replace(HAN, ' $1 ')}<`),
    query: (q) => `"${[...q].join(' ')}"`,
    language: 'zh-cn',
  },
  native: { page: (html) => html, query: (q) => q, language: 'zh-cn' },
};

/** A report's Markdown body as a page like the site's: paragraphs, headings and table rows inside the search body. */
function reportPage(title: string, markdown: string): string {
  const body = markdown
    .split('\n')
    .filter(Boolean)
    .map((line) => (line.startsWith('|') ? `<table><tr>${line.split('|').slice(1, -1).map((c) => `<td>${c.trim()}</td>`).join('')}</tr></table>` : `<p>${line.replace(/^#+ /, '')}</p>`))
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><body><article data-pagefind-body><h1>${title}</h1>\n${body}</article></body></html>`;
}

/** The most reports an index of `layout` takes (one, years, max:n). */
function layoutCap(layout: string): number {
  if (layout === 'one') return Infinity;
  if (layout === 'years') return 1; // every year is larger, so alone
  const n = Number(/^max:(\d+)$/.exec(layout)?.[1]);
  if (!(n >= 1)) throw new Error(`--layouts 应为 one、years 或 max:<报告数>，收到 “${layout}”`);
  return n;
}

/** Index the archive in the indexes of `layout`; returns the seconds taken and the indexes. */
async function buildIndex(content: string, site: string, scheme: Scheme, layout: string): Promise<{ seconds: number; shards: SearchShard[] }> {
  const started = performance.now();
  let n = 0;
  const files = readdirSync(join(content, 'reports'))
    .sort()
    .flatMap((agency) => readdirSync(join(content, 'reports', agency)).sort().map((file) => ({ agency, file, year: Number(file.slice(0, 4)) })));
  const shards = searchShards(reportsPerYear(files), layoutCap(layout));
  // The primary first: it is written into pagefind/ itself, which writing clears.
  for (const shard of [...shards].reverse()) {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: scheme.language });
    if (!index) throw new Error(errors.join('; '));
    for (const { agency, file } of files.filter((f) => shard.years.includes(f.year))) {
      const body = readFileSync(join(content, 'reports', agency, file), 'utf8').split('\n---\n').slice(1).join('\n');
      const added = await index.addHTMLFile({ sourcePath: `r/${n++}/index.html`, content: scheme.page(reportPage(`${agency} ${file}`, body)) });
      if (added.errors.length) throw new Error(added.errors.join('; '));
    }
    const written = await index.getFiles();
    if (written.errors.length) throw new Error(written.errors.join('; '));
    await writePagefindFiles(written.files, join(site, 'pagefind', shard.dir));
  }
  await pagefind.close();
  writeFileSync(join(site, 'index.html'), '<!doctype html><html lang="zh-CN"><title>x</title></html>');
  writeFileSync(join(site, '404.html'), '<!doctype html><title>404</title>');
  return { seconds: (performance.now() - started) / 1000, shards };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reports: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      schemes: { type: 'string', default: 'pairs,chars,native' },
      queries: { type: 'string', default: '行政复议,复议,保密审查,图书馆' },
      layouts: { type: 'string', default: 'one' },
      site: { type: 'string' },
      content: { type: 'string' },
      scope: { type: 'string', default: 'recent' },
    },
  });
  if (values.site || values.content) {
    if (!values.site || !values.content) throw new Error('--site 与 --content 须一起给出：npm run bench -- --reports <n> --keep 会打印这两个路径');
    const { serveStatic } = await import('../../../tests/helpers/serve.ts');
    const server = await serveStatic(values.site, '/', { gzip: true });
    try {
      const queries = querySet(values.content);
      const reports = readdirSync(join(values.content, 'reports')).reduce((n, agency) => n + readdirSync(join(values.content!, 'reports', agency)).length, 0);
      if (values.scope !== 'recent' && values.scope !== 'all') throw new Error(`--scope 应为 recent（默认，最近的年度）或 all（全部年度），收到 “${values.scope}”`);
      console.log(`${reports} 份报告的站点，${queries.length} 个查询，每个查询在空缓存的浏览器中提交（Fast 4G），搜索范围 ${values.scope}：\n`);
      console.log(queryTable(await measureQueries(server.url, queries, values.scope)));
    } finally {
      await server.close();
    }
    return;
  }
  const { launchBrowser } = await import('../../../tests/helpers/browser.ts');
  const { serveStatic } = await import('../../../tests/helpers/serve.ts');
  const work = mkdtempSync(join(tmpdir(), 'nianbao-search-schemes-'));
  const rows: string[] = [];
  try {
    const content = join(work, 'content');
    const generated = await generateArchive(content, Number(values.reports), Number(values.seed));
    const queries = values.queries.split(',');
    const runs = values.schemes.split(',').flatMap((name) => values.layouts.split(',').map((layout) => ({ name, layout })));
    for (const { name, layout } of runs) {
      const scheme = SCHEMES[name];
      if (!scheme) throw new Error(`unknown scheme ${name}: one of ${Object.keys(SCHEMES).join(', ')}`);
      layoutCap(layout);
      const site = join(work, `${name}-${layout}`);
      const { seconds, shards } = await buildIndex(content, site, scheme, layout);
      const server = await serveStatic(site, '/', { gzip: true });
      const browser = await launchBrowser();
      try {
        const cells: string[] = [];
        for (const q of queries) {
          const page = await browser.newPage();
          await page.goto(server.url);
          const sizes: Promise<number>[] = [];
          page.on('requestfinished', (r) => sizes.push(r.sizes().then((s) => (/\/pagefind\//.test(r.url()) ? s.responseBodySize + s.responseHeadersSize : 0))));
          // The first query with its runtime, and the text of the first 10 results, as the search page loads them.
          const found = await page.evaluate(async ([query, shards]) => {
            const url = '/pagefind/pagefind.js';
            const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
            await api.options({ baseUrl: '/' });
            await Promise.all(shards.filter((s) => s.dir).map((s) => api.mergeIndex(`/pagefind/${s.dir}`, { baseUrl: '/' })));
            const response = await api.search(query);
            await Promise.all(response.results.slice(0, 10).map((r) => r.data()));
            return response.results.length;
          }, [scheme.query(q), shards] as const);
          await page.waitForLoadState('networkidle');
          const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
          cells.push(`${(bytes / 1024).toFixed(1)} KB（${found} 页）`);
          await page.close();
        }
        rows.push(`| ${name}${layout === 'one' ? '' : `，${layout}（${shards.length} 个索引）`} | ${(dirSize(join(site, 'pagefind')).bytes / 1024 / 1024).toFixed(1)} MB，${seconds.toFixed(1)} s | ${cells.join(' | ')} |`);
        console.error(rows.at(-1));
      } finally {
        await browser.close();
        await server.close();
        rmSync(site, { recursive: true, force: true });
      }
    }
    console.log(`\n${generated.reports} 份报告（种子 ${values.seed}），每格为首次查询的传输量（含运行时与前 10 条结果的片段）与结果页数：\n`);
    console.log(`| 方案 | 索引大小，建索引用时 | ${queries.join(' | ')} |`);
    console.log(`| --- | --- | ${queries.map(() => '---').join(' | ')} |`);
    for (const row of rows) console.log(row);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
