import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORE_METRICS } from '../../src/lib/catalogue/core.ts';
import { formatNumber, NOT_REPORTED } from '../../src/lib/format.ts';
import { contentReports, type ContentReport } from '../helpers/content.ts';
import { DIST } from '../helpers/dist.ts';
import { useBuiltSite } from '../helpers/site.ts';

const site = useBuiltSite();
let reports: ContentReport[];

beforeAll(async () => {
  reports = await contentReports();
});

interface AgencyFile { reports: { year: number; core: Record<string, { value: number; approx?: boolean }> }[] }
const agencyFile = (id: string) => JSON.parse(readFileSync(join(DIST, 'data', 'agencies', `${id}.json`), 'utf8')) as AgencyFile;

/** The years of the first metric's table (rows), in order. */
const rows = (p: Page) => p.$$eval('#compare-matrix section.comparison:first-of-type tbody tr', (trs) => trs.map((r) => (r as HTMLElement).dataset['year']!));
const metricsShown = (p: Page) => p.$$eval('#compare-matrix section.comparison', (ss) => ss.map((s) => (s as HTMLElement).dataset['metric']));
/** A cell of a metric's table: the year's row, the agency's column. */
const cell = (p: Page, agency: string, year: number, metric: string) =>
  p.$eval(`#compare-matrix section[data-metric="${metric}"]`, (section, [agency, year]) => {
    const columns = [...section.querySelectorAll('thead th')].map((th) => (th as HTMLElement).dataset['agency']);
    const row = section.querySelector(`tbody tr[data-year="${year}"]`)!;
    const td = row.children[columns.indexOf(agency as string)]!;
    return { text: td.textContent!.replace(/\s+/g, ' ').trim(), href: td.querySelector('a')?.getAttribute('href') ?? null };
  }, [agency, String(year)] as const);
const waitForTable = (p: Page) => p.waitForFunction(() => document.querySelector('#compare-status')!.textContent!.startsWith('正在比较'));
const chosenAgencies = (p: Page) => p.$$eval('#chosen-agencies li', (lis) => lis.map((li) => (li as HTMLElement).dataset['agency']!));
/** Type into the type-ahead and wait for its options. */
async function typeAgency(p: Page, query: string): Promise<string[]> {
  await p.fill('#agency-q', query);
  await p.waitForFunction(() => !document.querySelector('#agency-options')!.hasAttribute('hidden'));
  return p.$$eval('#agency-options [role="option"]', (os) => os.map((o) => (o as HTMLElement).dataset['agency']!));
}

describe('compare page', () => {
  it('with JavaScript: the selection goes to the URL, and the table shows its agencies\' reports from their data files', async () => {
    const page = await site.browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${site.server.url}compare/`);
    expect(await page.textContent('#compare-status')).toContain('请选择');
    expect(await rows(page)).toEqual([]);
    // By name, chosen with the keyboard; by pinyin initials (平潭综合实验区: ptzh), chosen with a tap.
    expect(await typeAgency(page, '张店')).toEqual(['370303-jiaoyuju']);
    await page.keyboard.press('Enter');
    expect(await chosenAgencies(page)).toEqual(['370303-jiaoyuju']);
    expect(await page.inputValue('#agency-q')).toBe('');
    expect(await typeAgency(page, 'ptzh')).toContain('350128-guanweihui');
    await page.click('#agency-options [data-agency="350128-guanweihui"]');
    expect(await chosenAgencies(page)).toEqual(['370303-jiaoyuju', '350128-guanweihui']);
    await page.check('input[name="m"][value="core_proactive"]');
    await waitForTable(page);
    const url = new URL(page.url());
    expect(url.searchParams.getAll('a')).toEqual(['370303-jiaoyuju', '350128-guanweihui']);
    expect(url.searchParams.getAll('m')).toEqual(['core_proactive']);
    expect(await page.textContent('#compare-status')).toBe('正在比较 2 个机构的 1 个指标。');
    // The small index once, then the chosen agencies' files.
    expect(fetched.filter((p) => p.startsWith('/data/'))).toEqual(['/data/agency-index.json', '/data/agencies/370303-jiaoyuju.json', '/data/agencies/350128-guanweihui.json']);

    // Years as rows (every year either reported), the agencies as columns in the order chosen.
    const years = [...new Set(reports.filter((r) => ['370303-jiaoyuju', '350128-guanweihui'].includes(r.data.agency)).map((r) => String(r.data.year)))].sort();
    expect(await rows(page)).toEqual(years);
    expect(await page.$$eval('#compare-matrix section.comparison thead th[data-agency]', (ths) => ths.map((t) => (t as HTMLElement).dataset['agency']))).toEqual(['370303-jiaoyuju', '350128-guanweihui']);
    expect(await metricsShown(page)).toEqual(['core_proactive']);
    // Each value as the data file states it, approximate ones marked, linked to its report; 报告未载明 (never 0)
    // where the report states none; 无报告 where the agency has no report that year.
    let stated = 0;
    for (const id of ['350128-guanweihui', '370303-jiaoyuju']) {
      const own = new Map(agencyFile(id).reports.map((r) => [r.year, r]));
      for (const year of years.map(Number)) {
        const report = own.get(year);
        const shown = await cell(page, id, year, 'core_proactive');
        if (!report) {
          expect(shown).toEqual({ text: '无报告', href: null });
          continue;
        }
        const value = report.core['core_proactive'];
        if (value) stated++;
        expect(shown.text).toBe(value ? `${value.approx ? '约' : ''}${formatNumber(value.value)} 条` : NOT_REPORTED);
        expect(shown.href).toBe(`/reports/${id}/${year}/`);
      }
    }
    expect(stated).toBeGreaterThan(0);
    // A chart of both, a note that they share a year or not, and the comparison as CSV.
    expect(await page.locator('#compare-matrix section.comparison svg title').textContent()).toBe('主动公开信息总数：张店区教育局、平潭综合实验区（条）');
    expect(await page.locator('#compare-matrix section.comparison svg').getByText('张店区教育局', { exact: true }).count()).toBe(1); // the legend
    expect(await page.locator('#compare-matrix .notice').count()).toBe(0); // both reported 2014
    expect(await page.isVisible('#compare-matrix figure button[data-png]')).toBe(true);
    const csvHref = (await page.locator('#compare-matrix .downloads a[download]').getAttribute('href'))!;
    const csv = decodeURIComponent(csvHref.replace(/^data:text\/csv;charset=utf-8,/, ''));
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('指标,单位,年度,机构,数值,状态,本档案网址');
    expect(lines).toHaveLength(1 + years.length * 2);
    expect(lines).toContain(`主动公开信息总数,条,2014,张店区教育局,600,约数,${site.server.url}reports/370303-jiaoyuju/2014/`);

    // The URL alone reproduces the view, and the back button undoes the last choice.
    const shared = await site.browser.newPage();
    await shared.goto(page.url());
    await waitForTable(shared);
    expect(await metricsShown(shared)).toEqual(['core_proactive']);
    expect(await chosenAgencies(shared)).toEqual(['370303-jiaoyuju', '350128-guanweihui']);
    await page.goBack();
    expect(await page.isChecked('input[name="m"][value="core_proactive"]')).toBe(false);
    expect(await rows(page)).toEqual([]);
    expect(await page.textContent('#compare-status')).toContain('请选择');
    await page.close();
    await shared.close();
  });

  it('allows at most six agencies, and a chosen one can be removed', async () => {
    const page = await site.browser.newPage();
    const ids = [...new Set(reports.map((r) => r.data.agency))].sort();
    expect(ids.length).toBeGreaterThan(6);
    await page.goto(`${site.server.url}compare/?${ids.map((id) => `a=${id}`).join('&')}`);
    await page.waitForFunction(() => document.querySelectorAll('#chosen-agencies li').length > 0);
    expect(await chosenAgencies(page)).toEqual(ids.slice(0, 6));
    expect(await page.isDisabled('#agency-q')).toBe(true);
    await page.focus(`#chosen-agencies li[data-agency="${ids[0]}"] button`);
    await page.keyboard.press('Enter');
    expect(await chosenAgencies(page)).toEqual(ids.slice(1, 6));
    expect(await page.isDisabled('#agency-q')).toBe(false);
    // The keyboard stays on the chosen agencies: the removal button of the one that took the removed one's place.
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-agency'))).toBe(ids[1]);
    expect(new URL(page.url()).searchParams.getAll('a')).toEqual(ids.slice(1, 6));
    // A chosen agency is not offered again; Escape closes the options.
    const offered = await typeAgency(page, '教育');
    expect(offered.some((id) => ids.slice(1, 6).includes(id))).toBe(false);
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#agency-options')).toBe(true);
    await page.close();
  });

  it('says so when an agency\'s data cannot be read', async () => {
    const page = await site.browser.newPage();
    await page.route('**/data/agencies/370303-jiaoyuju.json', (route) => route.fulfill({ status: 500, body: '' }));
    await page.goto(`${site.server.url}compare/?a=370303-jiaoyuju&a=350128-guanweihui&m=core_proactive`);
    await page.waitForFunction(() => document.querySelector('#compare-status')!.classList.contains('error'));
    expect(await page.textContent('#compare-status')).toBe('读取机构数据失败，请检查网络后重试。');
    expect(await rows(page)).toEqual([]);
    await page.close();
  });

  it('without JavaScript: says the table needs it, and leads by province to static pages with the agencies side by side by year', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}compare/?a=370303-jiaoyuju&a=350128-guanweihui&m=core_proactive`);
    expect(await page.textContent('#compare-status')).toContain('按地区逐年对比各机构');
    expect(await rows(page)).toEqual([]);
    const links = await page.$$eval('section[aria-labelledby="compare-browse"] a', (as) => as.map((a) => a.getAttribute('href')!));
    const provincesWithReports = new Set(reports.map((r) => r.data.agency.slice(0, 2)));
    expect(new Set(links.filter((h) => /^\/regions\/\d+\/$/.test(h)))).toEqual(new Set([...provincesWithReports].map((code) => `/regions/${code}/`)));
    for (const href of links) expect(existsSync(join(DIST, href, 'index.html')), href).toBe(true);
    // 福建 has three agencies with reports: its comparison page puts them side by side, year by year.
    expect(links).toContain('/regions/35/compare/core_proactive/');
    await page.click('a[href="/regions/35/compare/core_proactive/"]');
    const columns = await page.$$eval('table.comparison-table thead th[data-agency]', (ths) => ths.map((t) => (t as HTMLElement).dataset['agency']));
    // A chart of the page's agencies, its SVG downloadable without JavaScript.
    expect(await page.locator('figure.comparison-chart svg title').textContent()).toBe('福建省：主动公开信息总数（条）');
    const svgHref = (await page.locator('figure.comparison-chart a[download]').getAttribute('href'))!;
    expect(decodeURIComponent(svgHref.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''))).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    const fujian = [...new Set(reports.filter((r) => r.data.agency.startsWith('35')).map((r) => r.data.agency))];
    expect([...columns].sort()).toEqual([...fujian].sort());
    for (const report of reports.filter((r) => r.data.agency.startsWith('35'))) {
      const text = await page.$eval(`table.comparison-table tr[data-year="${report.data.year}"]`, (tr, i) => tr.children[i]!.textContent!.replace(/\s+/g, ' ').trim(), columns.indexOf(report.data.agency) + 1);
      const value = agencyFile(report.data.agency).reports.find((r) => r.year === report.data.year)!.core['core_proactive'];
      expect(text.replace(/\s/g, '').replace(/出处$/, ''), report.id).toBe(value ? `${value.approx ? '约' : ''}${formatNumber(value.value)}条` : NOT_REPORTED);
    }
    await context.close();
  });

  it('does not grow with the archive: the page holds no report and no agency, only the metrics to choose', () => {
    const html = readFileSync(join(DIST, 'compare', 'index.html'), 'utf8');
    expect(html).not.toContain('data-report');
    for (const id of new Set(reports.map((r) => r.data.agency))) expect(html).not.toContain(id);
    expect((html.match(/name="m"/g) ?? []).length).toBe(CORE_METRICS.length);
  });
});
