/**
 * "与上年相同" on a report page: the share in the header, the sentences repeated from the agency's previous
 * report marked in the text when the checkbox is checked, without JavaScript; the same figures on the agency page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { percent } from '../../src/lib/format.ts';
import { repeatsOf } from '../../src/lib/quality/repeats.ts';
import { sentencesOf } from '../../src/lib/quality/similarity.ts';
import { sentenceKey } from '../../src/lib/quality/text-facts.ts';
import { contentReports, type ContentReport } from '../helpers/content.ts';
import { useBuiltSite } from '../helpers/site.ts';

const site = useBuiltSite();
let reports: ContentReport[];
beforeAll(async () => {
  reports = await contentReports();
});

const keysOf = (id: string) => [...sentencesOf(reports.find((r) => r.id === id)!.body)].map(sentenceKey);

describe('same as last year', () => {
  it('states the share in the header and marks exactly the repeated sentences when the box is checked, without JavaScript', async () => {
    const expected = repeatsOf(keysOf('350128-guanweihui/2013'), keysOf('350128-guanweihui/2012'));
    expect(expected.repeated).toBeGreaterThan(0);
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}reports/350128-guanweihui/2013/`);
    const header = (await page.textContent('.repeat-share')) ?? '';
    expect(header).toContain(`${percent(expected.share)} 的句子（${expected.sentences} 句中的 ${expected.repeated} 句）与本机关 2012年度报告逐字相同`);

    // Exactly the sentences of 2013 that 2012 has are marked.
    const previous = new Set(keysOf('350128-guanweihui/2012'));
    const marked = await page.$$eval('.report-body .same', (spans) => spans.map((s) => (s as HTMLElement).dataset['s']!));
    const unmarked = await page.$$eval('.report-body [data-s]:not(.same)', (spans) => spans.map((s) => (s as HTMLElement).dataset['s']!));
    expect(new Set(marked).size).toBe(expected.repeated);
    expect(marked.every((k) => previous.has(k))).toBe(true);
    expect(unmarked.some((k) => previous.has(k))).toBe(false);

    const background = () => page.$eval('.report-body .same', (s) => getComputedStyle(s).backgroundColor);
    expect(await background()).toBe('rgba(0, 0, 0, 0)');
    await page.click('label[for="mark-repeats"]');
    expect(await page.isChecked('#mark-repeats')).toBe(true);
    expect(await background()).not.toBe('rgba(0, 0, 0, 0)');
    await context.close();
  });

  it('marks a repeated sentence and a value\'s quote apart, by colour and by line, in both colour schemes, with a key in words', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await site.browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(`${site.server.url}reports/350128-guanweihui/2013/`);
      await page.check('#mark-repeats');
      const look = (selector: string) =>
        page.$eval(selector, (el) => {
          const s = getComputedStyle(el);
          return { background: s.backgroundColor, underline: `${s.textDecorationLine} ${s.textDecorationStyle}`, border: s.borderBottomStyle };
        });
      const quote = await look('.report-body mark.quote');
      const same = await look('.report-body .same');
      expect(quote.background, colorScheme).not.toBe(same.background);
      // Not by colour alone: a solid line under a quote, a dashed underline under a repeated sentence.
      expect(quote.border, colorScheme).toBe('solid');
      expect(same.underline, colorScheme).toBe('underline dashed');
      expect(await page.textContent('.marks-key')).toContain('黄底、实线：指标数值的出处；蓝底、虚线：与 2012 年度报告逐字相同的句子');
      await context.close();
    }
  });

  it('has no share or marks on an agency\'s first report', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}reports/350128-guanweihui/2011/`);
    expect(await page.locator('.repeat-share').count()).toBe(0);
    expect(await page.locator('#mark-repeats').count()).toBe(0);
    expect(await page.locator('.report-body .same').count()).toBe(0);
    await page.close();
  });

  it('says year by year on the agency page how much of each report repeats the one before', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}agencies/350128-guanweihui/`);
    const own = reports.filter((r) => r.data.agency === '350128-guanweihui').sort((a, b) => a.data.year - b.data.year);
    const lines = await page.$$eval('ul.repeat-lines li', (lis) => lis.map((li) => [(li as HTMLElement).dataset['year'], li.textContent ?? '']));
    expect(lines.map(([year]) => Number(year))).toEqual(own.slice(1).map((r) => r.data.year).reverse());
    for (const [year, text] of lines) {
      const i = own.findIndex((r) => r.data.year === Number(year));
      const expected = repeatsOf(keysOf(own[i]!.id), keysOf(own[i - 1]!.id));
      expect(text).toContain(`${percent(expected.share)}（${expected.sentences} 句中的 ${expected.repeated} 句）与 ${own[i - 1]!.data.year}年度报告相同`);
    }
    await page.close();
  });
});
