import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORE_METRICS } from '../../src/lib/catalogue/core.ts';
import { contentReports, type ContentReport } from '../helpers/content.ts';
import { useBuiltSite } from '../helpers/site.ts';

const site = useBuiltSite();
let reports: ContentReport[];

beforeAll(async () => {
  reports = await contentReports();
});

const visibleRows = (p: Page) => p.$$eval('#compare-matrix tbody tr', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => (r as HTMLElement).dataset['agency']));
const visibleMetrics = (p: Page) => p.$$eval('#compare-matrix thead th[data-metric]', (ths) => ths.filter((t) => !(t as HTMLElement).hidden).map((t) => (t as HTMLElement).dataset['metric']));

describe('compare page', () => {
  it('with JavaScript: the selection goes to the URL and the table shows only it', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}compare/`);
    expect(await page.textContent('#compare-status')).toContain('请选择');
    await page.check('input[name="a"][value="370303-jiaoyuju"]');
    await page.check('input[name="a"][value="350128-guanweihui"]');
    await page.check('input[name="m"][value="core_proactive"]');
    const url = new URL(page.url());
    expect(url.searchParams.getAll('a')).toEqual(['350128-guanweihui', '370303-jiaoyuju']);
    expect(url.searchParams.getAll('m')).toEqual(['core_proactive']);
    expect(new Set(await visibleRows(page))).toEqual(new Set(['370303-jiaoyuju', '350128-guanweihui']));
    expect(await visibleRows(page)).toHaveLength(reports.filter((r) => ['370303-jiaoyuju', '350128-guanweihui'].includes(r.data.agency)).length);
    expect(await visibleMetrics(page)).toEqual(['core_proactive']);
    expect(await page.textContent('#compare-status')).toBe('正在比较 2 个机构的 1 个指标。');

    // The URL alone reproduces the view, and the back button undoes the last choice.
    const shared = await site.browser.newPage();
    await shared.goto(page.url());
    expect(await visibleMetrics(shared)).toEqual(['core_proactive']);
    expect(await shared.isChecked('input[name="a"][value="370303-jiaoyuju"]')).toBe(true);
    await page.goBack();
    expect(await visibleMetrics(page)).toEqual(CORE_METRICS.map((c) => c.id));
    await page.close();
    await shared.close();
  });

  it('allows at most six agencies', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}compare/`);
    const boxes = await page.$$('input[name="a"]');
    for (const box of boxes.slice(0, 6)) await box.check();
    if (boxes.length > 6) expect(await boxes[6]!.isDisabled()).toBe(true);
    await page.close();
  });

  it('without JavaScript: shows the full static matrix', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}compare/?a=370303-jiaoyuju&a=350128-guanweihui&m=core_proactive`);
    expect(await visibleRows(page)).toHaveLength(reports.length);
    expect(await visibleMetrics(page)).toEqual(CORE_METRICS.map((c) => c.id));
    expect(await page.textContent('#compare-status')).toContain('下表列出全部机构的全部可比指标');
    await context.close();
  });
});
