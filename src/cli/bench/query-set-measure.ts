/**
 * The query set (query-set.ts) on a built site, in Chromium, as a visitor on a phone network would run it: the
 * search page loaded, then the query submitted under Chrome DevTools' "Fast 4G" profile. For each query: the bytes
 * transferred from the submission until the search is done (gzip, as a static host serves them), and the time
 * from the submission to the first result on the page. Each query starts with an empty cache.
 */
import { queryPart, type QueryPart } from './query-part.ts';
import type { BenchQuery } from './query-set.ts';
import type { ScopeChoice } from '../../lib/search/scope.ts';
import { SCOPE_ALL, SCOPE_PARAM } from '../../lib/search/state.ts';

/** Chrome DevTools' "Fast 4G" (devtools-frontend, NetworkManager.ts, Fast4GConditions): 9 Mbit/s down, 1.5 up, 60 ms × 2.75. */
export const FAST_4G = { offline: false, latency: 60 * 2.75, downloadThroughput: ((9 * 1000 * 1000) / 8) * 0.9, uploadThroughput: ((1.5 * 1000 * 1000) / 8) * 0.9 };

export interface QueryMeasure {
  query: BenchQuery;
  bytes: number;
  parts: Record<QueryPart, number>;
  /** Milliseconds from submission to the first result shown; undefined when nothing was found. */
  firstResultMs: number | undefined;
  /** The page's count sentence when the search was done. */
  status: string;
  /** What the page said it searched (scope.ts); empty for an archive of one index. */
  scope: string;
}

/** Median, 95th percentile (nearest rank) and maximum. */
export function spread(values: readonly number[]): { median: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  return { median: sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2, p95: rank(0.95), max: sorted.at(-1)! };
}

/**
 * Runs each query on the site served at `url` (its search page at url + 'search/'), in the page's default
 * scope (the newest years) or, with `scope` 'all', over every year as the page's link asks for it.
 */
export async function measureQueries(url: string, queries: readonly BenchQuery[], scope: ScopeChoice = 'recent'): Promise<QueryMeasure[]> {
  const { launchBrowser } = await import('../../../tests/helpers/browser.ts');
  const browser = await launchBrowser();
  const measures: QueryMeasure[] = [];
  try {
    for (const query of queries) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      // Filters come from the URL, as a shared link gives them; with no query the page searches nothing.
      const params = new URLSearchParams({ ...query.filters, ...(scope === 'all' ? { [SCOPE_PARAM]: SCOPE_ALL } : {}) });
      await page.goto(`${url}search/?${params}`, { waitUntil: 'networkidle' });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', FAST_4G);
      const sizes: Promise<[QueryPart, number]>[] = [];
      page.on('requestfinished', (r) => sizes.push(r.sizes().then((s) => [queryPart(r.url()), s.responseBodySize + s.responseHeadersSize])));
      await page.fill('#search-q', query.q);
      // Timed in the page: from the submission to the first result in the list.
      await page.evaluate(() => {
        const list = document.querySelector('#search-results')!;
        const start = performance.now();
        (window as unknown as { firstResult: Promise<number> }).firstResult = new Promise((resolve) => {
          const seen = new MutationObserver(() => {
            if (list.querySelector('li')) {
              seen.disconnect();
              resolve(performance.now() - start);
            }
          });
          seen.observe(list, { childList: true });
        });
      });
      await page.press('#search-q', 'Enter');
      await page.waitForFunction(() => {
        const status = document.querySelector('#search-status')?.textContent ?? '';
        return status !== '' && !status.includes('正在搜索') && !document.querySelector('#search-results[aria-busy]');
      }, null, { timeout: 600_000 });
      await page.waitForLoadState('networkidle');
      const found = await page.locator('#search-results li').count();
      const firstResultMs = found > 0 ? await page.evaluate(() => (window as unknown as { firstResult: Promise<number> }).firstResult) : undefined;
      const parts: Record<QueryPart, number> = { runtime: 0, meta: 0, filter: 0, index: 0, fragment: 0, other: 0 };
      for (const [part, n] of await Promise.all(sizes)) parts[part] += n;
      const scopeText = (await page.isVisible('#search-scope')) ? ((await page.textContent('#search-scope')) ?? '') : '';
      measures.push({ query, bytes: Object.values(parts).reduce((a, b) => a + b, 0), parts, firstResultMs, status: (await page.textContent('#search-status')) ?? '', scope: scopeText });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return measures;
}

const kb = (b: number) => (b / 1024).toFixed(1);
/** The scope sentence without its link and its "搜索范围：" lead: "最近的 2023–2024 年度（…）"; "全部" for one index. */
const scopeYears = (scope: string) => (scope ? scope.replace(/^搜索范围：/, '').replace(/。.*$/, '') : '全部');
const s = (ms: number) => (ms / 1000).toFixed(2);

/** The measures as a Markdown table, one row a query, then the spread of bytes and of the time to the first result. */
export function queryTable(measures: readonly QueryMeasure[]): string {
  const filters = (q: BenchQuery) => Object.entries(q.filters ?? {}).map(([k, v]) => `${k}=${v}`).join('，');
  const rows = measures.map((m) =>
    `| ${m.query.kind} | ${m.query.q}${m.query.filters ? `（${filters(m.query)}）` : ''} | ${kb(m.bytes)} | ${kb(m.parts.meta)} / ${kb(m.parts.index)} / ${kb(m.parts.filter)} / ${kb(m.parts.fragment)} | ${m.firstResultMs === undefined ? '无结果' : s(m.firstResultMs)} | ${m.status} | ${scopeYears(m.scope)} |`);
  const bytes = spread(measures.map((m) => m.bytes));
  const times = measures.flatMap((m) => (m.firstResultMs === undefined ? [] : [m.firstResultMs]));
  const t = times.length ? spread(times) : undefined;
  return [
    '| 类别 | 查询 | 传输 KB | 元数据 / 索引分块 / 筛选 / 片段 KB | 首个结果 s（Fast 4G） | 页面显示 | 搜索范围 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `${measures.length} 个查询：传输量中位数 ${kb(bytes.median)} KB，p95 ${kb(bytes.p95)} KB，最大 ${kb(bytes.max)} KB（不含搜索页本身与 Pagefind 运行时以外的页面资源；运行时含在每个查询里，因为每个查询都从空缓存开始）` +
      (t ? `；首个结果中位数 ${s(t.median)} s，p95 ${s(t.p95)} s，最大 ${s(t.max)} s。` : '。'),
  ].join('\n');
}
