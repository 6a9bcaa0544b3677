/**
 * Search in a real browser (Debian's Chromium) against the built site.
 *
 * Each query names the reports that must be found; in addition the whole result
 * set must equal the reports whose text contains the query, computed here from
 * the Markdown sources by plain substring search (precision and recall).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencySchema, type AgencyData } from '../../src/lib/schema/agency.ts';
import { parseYaml } from '../../src/lib/validate/front-matter.ts';
import { INDEX_LANGUAGE } from '../../src/lib/search/index-text.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { contentFiles, contentReports, type ContentReport } from '../helpers/content.ts';
import { DIST, requireDist } from '../helpers/dist.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';
import { shown, waitForSearch, type Shown } from '../helpers/search-page.ts';

let server: StaticServer;
let browser: Browser;
let page: Page;
let reports: ContentReport[];
let agencies: Map<string, AgencyData>;

beforeAll(async () => {
  requireDist();
  reports = await contentReports();
  agencies = new Map(
    (await contentFiles())
      .filter((f) => f.path.startsWith('content/agencies/'))
      .map((f) => [f.path.replace(/^content\/agencies\/|\.yaml$/g, ''), agencySchema.parse(parseYaml(f.text).data)]),
  );
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What the index holds of a report: title, agency names, year and the body text. */
function searchableText(r: ContentReport): string {
  const a = agencies.get(r.data.agency)!;
  const body = r.body
    .split('\n')
    .filter((line) => !/^\|(\s*-+\s*\|)+\s*$/.test(line))
    .map((line) => line.replace(/^#{1,6} /, '').replaceAll('|', ' '))
    .join('\n');
  return [r.data.title, a.name, a.shortName, ...a.aliases, `${r.data.year}年度`, body].join('\n').replace(/\s+/g, '');
}

/** Reports that contain every needle: the ground truth for a query. */
function reportsContaining(...needles: string[]): string[] {
  return reports.filter((r) => needles.every((n) => searchableText(r).includes(n.replace(/\s+/g, '')))).map((r) => r.id).sort();
}

async function searchUrl(params: Record<string, string>): Promise<Shown> {
  await page.goto(`${server.url}search/?${new URLSearchParams(params)}`);
  await waitForSearch(page);
  return shown(page);
}

describe('search: queries as visitors type them', () => {
  const cases: { name: string; q: string; mustFind: string[]; needles: string[] }[] = [
    { name: 'agency name', q: '张店区教育局', mustFind: ['370303-jiaoyuju/2014'], needles: ['张店区教育局'] },
    { name: 'partial agency name', q: '门头沟', mustFind: ['110109-jiaowei/2014'], needles: ['门头沟'] },
    { name: 'agency alias', q: '门头沟区教委', mustFind: ['110109-jiaowei/2014'], needles: ['门头沟区教委'] },
    { name: 'quoted phrase 行政复议', q: '"行政复议"', mustFind: ['140700-jiaoyuju/2014', '370303-jiaoyuju/2014'], needles: ['行政复议'] },
    { name: 'quoted phrase 依申请公开', q: '“依申请公开”', mustFind: ['350421-jiaoyuju/2014', '370725-jiaoyuju/2017'], needles: ['依申请公开'] },
    { name: 'unquoted two-word query', q: '舆情 微信', mustFind: ['110109-jiaowei/2014'], needles: ['舆情', '微信'] },
    { name: 'query with a year', q: '2014 主动公开', mustFind: ['140700-jiaoyuju/2014', '370303-jiaoyuju/2014'], needles: ['2014', '主动公开'] },
    { name: 'term in only one report', q: '晋商杯', mustFind: ['140700-jiaoyuju/2014'], needles: ['晋商杯'] },
    { name: 'phrase in only one report', q: '人大代表建议', mustFind: ['370725-jiaoyuju/2017'], needles: ['人大代表建议'] },
    { name: 'word inside a longer word', q: '复议', mustFind: ['110109-jiaowei/2014', '370725-jiaoyuju/2017'], needles: ['复议'] },
    { name: 'precision: unquoted 行政复议 skips 明溪, which never mentions 复议', q: '行政复议', mustFind: ['370725-jiaoyuju/2017'], needles: ['行政复议'] },
    // The index holds character pairs: one character is a prefix of its pairs, a trailing one after digits too.
    { name: 'a single character', q: '议', mustFind: ['370303-jiaoyuju/2014'], needles: ['议'] },
    { name: 'digits then one character', q: '2014年', mustFind: ['350421-jiaoyuju/2014'], needles: ['2014年'] },
    { name: 'a Latin word (the index escapes Latin words)', q: 'APP', mustFind: ['350128-guanweihui/2015'], needles: ['APP'] },
  ];

  it.each(cases)('$name: $q', async ({ q, mustFind, needles }) => {
    const { ids, status } = await searchUrl({ q });
    for (const id of mustFind) expect(ids, `${q} must find ${id}`).toContain(id);
    expect([...ids].sort(), `${q}: exactly the reports containing ${needles.join(' + ')}`).toEqual(reportsContaining(...needles));
    expect(status).toBe(`找到 ${ids.length} 份报告。`);
  });

  it('says how many reports may match before all are checked, and how many do once they are', async () => {
    await page.goto(`${server.url}search/?${new URLSearchParams({ q: '主动公开' })}`);
    await waitForSearch(page);
    const expected = reportsContaining('主动公开');
    expect(expected.length).toBeGreaterThan(10);
    // One sentence: an estimate (约) while candidates are still being checked, the exact number once they all are.
    const status = (await page.textContent('#search-status')) ?? '';
    const [, about, shownCount] = /^找到约 (\d+) 份报告，已显示 (\d+) 份。$/.exec(status) ?? [];
    expect(Number(shownCount), status).toBe(await page.locator('#search-results > li').count());
    expect(Number(about), status).toBeGreaterThanOrEqual(Number(shownCount));
    // Each result says whose report it is, of which year and template edition.
    for (const meta of await page.locator('#search-results .result-meta').allTextContents()) {
      expect(meta).toMatch(/^\S+ · \d{4}年度 · \S+版式$/);
    }
    const all = await shown(page);
    expect(all.status).toBe(`找到 ${expected.length} 份报告。`);
  });

  it('finds exactly one report for a term present in only one report', async () => {
    expect((await searchUrl({ q: '晋商杯' })).ids).toEqual(['140700-jiaoyuju/2014']);
  });

  it('says so when a query is found nowhere, also for words made of common characters (precision)', async () => {
    for (const q of ['量子纠缠超导体', '"复议量子"']) {
      const { ids, status } = await searchUrl({ q });
      expect(reportsContaining(q.replaceAll('"', ''))).toEqual([]);
      expect(ids, q).toEqual([]);
      expect(status).toContain('没有找到包含');
      expect(status).toContain('可以减少关键词');
    }
    expect(reportsContaining('行政复议')).not.toContain('350421-jiaoyuju/2014');
  });
});

describe('search: filters and sort', () => {
  it('combines a query with a year filter', async () => {
    const { ids } = await searchUrl({ q: '行政复议', 年份: '2017' });
    expect(ids).toContain('370725-jiaoyuju/2017');
    expect([...ids].sort()).toEqual(reportsContaining('行政复议').filter((id) => id.endsWith('/2017')));
  });

  it('combines a query with a province filter', async () => {
    const { ids } = await searchUrl({ q: '依申请公开', 省份: '山东省' });
    expect(ids).toEqual(reportsContaining('依申请公开').filter((id) => agencies.get(id.split('/')[0]!)!.province === '山东省'));
    expect(ids).toContain('370725-jiaoyuju/2017');
  });

  it('offers a hint to remove filters when filters leave nothing', async () => {
    const { ids, status } = await searchUrl({ q: '晋商杯', 省份: '山东省' });
    expect(ids).toEqual([]);
    expect(status).toContain('去掉部分筛选条件');
  });

  it('sorts by year in both directions', async () => {
    const desc = await searchUrl({ q: '公开', sort: 'year-desc' });
    const asc = await searchUrl({ q: '公开', sort: 'year-asc' });
    const year = (id: string) => Number(id.split('/')[1]);
    expect(desc.ids.map(year)).toEqual([...desc.ids.map(year)].sort((a, b) => b - a));
    expect(asc.ids.map(year)).toEqual([...asc.ids.map(year)].sort((a, b) => a - b));
    const newest = Math.max(...reports.map((r) => r.data.year));
    expect(year(desc.ids[0]!)).toBe(newest);
    expect(year(asc.ids.at(-1)!)).toBe(newest);
    expect([...desc.ids].sort()).toEqual(reportsContaining('公开'));
  });

  it('filters the other facets: city, agency, edition, level', async () => {
    expect((await searchUrl({ q: '公开', 地市: '晋中市' })).ids).toEqual(['140700-jiaoyuju/2014']);
    expect((await searchUrl({ q: '公开', 机构: '三明市明溪县教育局' })).ids).toEqual(['350421-jiaoyuju/2014']);
    expect((await searchUrl({ q: '公开', 层级: '市级' })).ids).toEqual(['140700-jiaoyuju/2014']);
    expect((await searchUrl({ q: '公开', 版式: '2019年以前版式' })).ids).toHaveLength(reports.filter((r) => r.data.edition === 'pre2019').length);
    expect((await searchUrl({ q: '公开', 版式: '2021年版式' })).ids).toHaveLength(reports.filter((r) => r.data.edition === '2021').length);
  });
});

describe('search: URLs, navigation and results', () => {
  it('round-trips through the URL: typing updates it, opening it gives the same results', async () => {
    await page.goto(`${server.url}search/`);
    await page.fill('#search-q', '行政复议');
    await page.selectOption('select[name="年份"]', '2014');
    await page.press('#search-q', 'Enter');
    await waitForSearch(page);
    const typed = await shown(page);
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('行政复议');
    expect(url.searchParams.get('年份')).toBe('2014');

    const opened = await searchUrl(Object.fromEntries(url.searchParams));
    expect(opened.ids).toEqual(typed.ids);
    expect(opened.ids.length).toBeGreaterThan(0);
    expect(await page.inputValue('#search-q')).toBe('行政复议');
    expect(await page.inputValue('select[name="年份"]')).toBe('2014');
  });

  it('restores the previous search with the back button', async () => {
    await searchUrl({ q: '晋商杯' });
    await page.fill('#search-q', '门头沟');
    await page.press('#search-q', 'Enter');
    await waitForSearch(page);
    expect((await shown(page)).ids).toEqual(['110109-jiaowei/2014']);
    await page.goBack();
    await waitForSearch(page);
    expect(await page.inputValue('#search-q')).toBe('晋商杯');
    expect((await shown(page)).ids).toEqual(['140700-jiaoyuju/2014']);
  });

  it('shows title, agency, year, edition and a highlighted excerpt that contains the query', async () => {
    await searchUrl({ q: '晋商杯' });
    const item = page.locator('#search-results li').first();
    expect(await item.locator('.result-title').textContent()).toBe('晋中市教育局2014年政府信息公开年度报告');
    expect(await item.locator('.result-meta').textContent()).toBe('晋中市教育局 · 2014年度 · 2019年以前版式');
    expect(await item.locator('.excerpt mark').allTextContents()).toEqual(['晋商杯']);
  });

  it('links a prose match to its section with a text fragment, and the browser opens the report at the match', async () => {
    const { hrefs } = await searchUrl({ q: '晋商杯' });
    const [target, directive] = decodeURIComponent(hrefs[0]!).split(':~:text=');
    expect(target).toBe('/reports/140700-jiaoyuju/2014/#行政复议和行政诉讼情况');
    expect(directive).toMatch(/晋商杯$/);
    // The result says where the match stands and shows its sentence.
    const item = page.locator('#search-results > li').first();
    expect(await item.locator('.result-where').textContent()).toBe('、行政复议和行政诉讼情况');
    expect(await item.locator('.excerpt').textContent()).toMatch(/^[^。]*晋商杯[^。]*。?$/);
    await page.click('#search-results a.result-title');
    await page.waitForURL(/reports\/140700-jiaoyuju\/2014/);
    const sentence = page.locator('.report-body p', { hasText: '晋商杯' }).first();
    const top = await sentence.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(page.viewportSize()!.height);
  });

  it('shows a table match as its row, label：value unit, under its table, and opens the report at that row', async () => {
    await page.goto(`${server.url}search/?${new URLSearchParams({ q: '行政复议数', 机构: '北京市门头沟区教育委员会' })}`);
    await waitForSearch(page);
    const item = page.locator('#search-results > li').first();
    expect(await item.locator('.excerpt').textContent()).toMatch(/^行政复议数：\d+ 件$/);
    expect(await item.locator('.result-where').textContent()).toContain('附表四：复议、诉讼、申诉情况统计表');
    const href = (await item.locator('a.result-title').getAttribute('href'))!;
    expect(href).toMatch(/#t\d+-r\d+$/);
    await item.locator('a.result-title').click();
    await page.waitForURL(/reports\/110109-jiaowei\/2014/);
    const row = page.locator('tr:has(.row-anchor:target)');
    expect(await row.locator('td').first().textContent()).toBe('行政复议数');
    const top = await row.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(page.viewportSize()!.height);
  });

  it('shows an error when the index cannot be loaded', async () => {
    const context = await browser.newContext();
    const broken = await context.newPage();
    await broken.route('**/pagefind/**', (route) => route.abort());
    await broken.goto(`${server.url}search/?q=${encodeURIComponent('行政复议')}`);
    await broken.waitForFunction(() => document.querySelector('#search-status')?.classList.contains('error'));
    expect(await broken.textContent('#search-status')).toContain('搜索索引加载失败');
    await context.close();
  });

  it('submits the header search box to /search/?q= without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(server.url);
    await noJs.fill('#site-search-q', '行政复议');
    await noJs.press('#site-search-q', 'Enter');
    await noJs.waitForURL(/\/search\/\?q=/);
    expect(new URL(noJs.url()).searchParams.get('q')).toBe('行政复议');
    // The page says plainly what works without JavaScript, and shows no filter that would do nothing.
    expect(await noJs.textContent('noscript')).toContain('需要启用 JavaScript');
    expect(await noJs.textContent('noscript')).toContain('不用 JavaScript 也能找到每一份报告');
    expect(await noJs.isHidden('#search-filters')).toBe(true);
    expect(await noJs.isHidden('#search-chips')).toBe(true);
    // One search box on the search page: the header's is not there.
    expect(await noJs.locator('input[type="search"]').count()).toBe(1);
    await context.close();
  });
});

describe('search: reading and refining results', () => {
  it('moves the keyboard to the first new result after 显示更多', async () => {
    await page.goto(`${server.url}search/?${new URLSearchParams({ q: '主动公开' })}`);
    await waitForSearch(page);
    const before = await page.locator('#search-results > li').count();
    await page.focus('#search-more');
    await page.keyboard.press('Enter');
    await waitForSearch(page);
    expect(await page.locator('#search-results > li').count()).toBeGreaterThan(before);
    const focused = await page.evaluate(() => document.activeElement?.closest('li') ? [...document.querySelectorAll('#search-results > li')].indexOf(document.activeElement.closest('li')!) : -1);
    expect(focused).toBe(before);
  });

  it('shows chosen filters as chips; removing one searches again and keeps the keyboard on the chips', async () => {
    await page.goto(`${server.url}search/?${new URLSearchParams({ q: '主动公开', 省份: '福建省', 年份: '2014' })}`);
    await waitForSearch(page);
    const chips = () => page.locator('#search-chips button').allTextContents();
    expect(await chips()).toEqual(['省份：福建省 ×（移除）', '年份：2014 ×（移除）']);
    expect(await page.textContent('#search-filters summary')).toBe('筛选与排序（已选 2 项）');
    await page.focus('#search-chips button >> nth=0');
    await page.keyboard.press('Enter');
    await waitForSearch(page);
    expect(new URL(page.url()).searchParams.get('省份')).toBeNull();
    expect(await chips()).toEqual(['年份：2014 ×（移除）']);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('年份：2014 ×（移除）');
    await page.keyboard.press('Enter');
    await waitForSearch(page);
    expect(await page.isHidden('#search-chips')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    expect((await shown(page)).ids.sort()).toEqual(reportsContaining('主动公开'));
  });

  it('counts each filter value once the reader opens the filters, not before', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const phone = await context.newPage();
    const filterRequests: string[] = [];
    phone.on('request', (r) => { if (/\/pagefind\/filter\//.test(r.url())) filterRequests.push(r.url()); });
    await phone.goto(`${server.url}search/?${new URLSearchParams({ q: '行政复议' })}`);
    await waitForSearch(phone);
    // On a phone the filters are one closed control, and the first result stands in the first screen.
    expect(await phone.getAttribute('#search-filters', 'open')).toBeNull();
    expect(await phone.locator('#search-results > li').first().evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(844);
    expect(filterRequests).toEqual([]);
    expect(await phone.locator('select[name="年份"] option[value="2014"]').textContent()).toBe('2014');
    await phone.click('#search-filters summary');
    await phone.waitForFunction(() => /（\d+）$/.test(document.querySelector('select[name="年份"] option[value="2014"]')?.textContent ?? ''));
    // Pagefind's candidates of 2014 for the query: at least the reports that contain it.
    const count = Number(/（(\d+)）$/.exec((await phone.locator('select[name="年份"] option[value="2014"]').textContent())!)![1]);
    expect(count).toBeGreaterThanOrEqual(reportsContaining('行政复议').filter((id) => id.endsWith('/2014')).length);
    await context.close();
  });

  it('suggests the closest known term when a near miss finds nothing', async () => {
    await page.goto(`${server.url}search/?${new URLSearchParams({ q: '行政复义' })}`);
    await waitForSearch(page);
    expect(await page.textContent('#search-status')).toContain('没有找到');
    await page.waitForSelector('#search-suggestion:not([hidden])');
    expect(await page.textContent('#search-suggestion')).toBe('是否要找：行政复议');
    await page.click('#search-suggestion a');
    await waitForSearch(page);
    expect((await shown(page)).ids.sort()).toEqual(reportsContaining('行政复议'));
  });
});

describe('search: accessibility and weight', () => {
  it('has no axe violations (wcag2a, wcag2aa) on the search page with results', async () => {
    const context = await browser.newContext({ bypassCSP: true }); // axe is injected as an inline script
    const p = await context.newPage();
    await p.goto(`${server.url}search/?q=${encodeURIComponent('行政复议')}`);
    await waitForSearch(p);
    expect((await shown(p)).ids.length).toBeGreaterThan(0);
    await p.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const result = await p.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    });
    expect(result.violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
    await context.close();
  });

  it('runs under the site Content-Security-Policy without errors', async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    const problems: string[] = [];
    p.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    p.on('pageerror', (e) => problems.push(e.message));
    await p.goto(`${server.url}search/?q=${encodeURIComponent('行政复议')}`);
    await waitForSearch(p);
    expect((await shown(p)).ids.length).toBeGreaterThan(0);
    const csp = await p.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).toContain('worker-src');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('labels every control and announces the result count', async () => {
    await searchUrl({ q: '行政复议' });
    expect(await page.getAttribute('#search-status', 'role')).toBe('status');
    expect(await page.getAttribute('#search-status', 'aria-live')).toBe('polite');
    const unlabelled = await page.$$eval('#search-form input:not([type=hidden]), #search-form select', (els) =>
      els.filter((el) => !(el as HTMLInputElement).labels?.length).map((el) => el.outerHTML),
    );
    expect(unlabelled).toEqual([]);
  });

  it('measures the bytes one typical query transfers after the page has loaded', async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(`${server.url}search/`, { waitUntil: 'networkidle' });
    const measure = async (q: string) => {
      const sizes: Promise<number>[] = [];
      const onFinished = (request: import('playwright-core').Request) => {
        sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
      };
      p.on('requestfinished', onFinished);
      await p.fill('#search-q', q);
      await p.press('#search-q', 'Enter');
      await waitForSearch(p);
      await p.waitForLoadState('networkidle');
      p.off('requestfinished', onFinished);
      return { requests: sizes.length, bytes: (await Promise.all(sizes)).reduce((a, b) => a + b, 0) };
    };
    const first = await measure('行政复议');
    const next = await measure('依申请公开');
    console.log(
      `search bytes (${reports.length} reports): first query "行政复议" ${first.bytes} B in ${first.requests} requests (incl. Pagefind runtime); ` +
        `next query "依申请公开" ${next.bytes} B in ${next.requests} requests`,
    );
    expect(first.bytes).toBeGreaterThan(0);
    expect(next.requests).toBeGreaterThan(0);
    await context.close();
  });
});

describe('search index', () => {
  it('holds exactly the report pages, in one language (the encoded tokens, not Chinese to Pagefind), in one index while the archive fits one (a split one: search-split.test.ts)', () => {
    const entry = JSON.parse(readFileSync(`${DIST}/pagefind/pagefind-entry.json`, 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual([INDEX_LANGUAGE]);
    expect(entry.languages[INDEX_LANGUAGE]!.page_count).toBe(reports.length);
    expect(readdirSync(`${DIST}/pagefind`).filter((f) => /^\d{4}-\d{4}$/.test(f))).toEqual([]);
  });
});
