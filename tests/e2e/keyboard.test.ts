/**
 * The report page by keyboard: the page's contents come before the 出处 link of every value, and after a 出处
 * link opens the text at its source the next Tab reaches a link back to the value.
 */
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/site.ts';

const site = useBuiltSite();

describe('keyboard', () => {
  it('reaches the page contents before any 出处 link', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}reports/350128-guanweihui/2022/`);
    const order: string[] = [];
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const what = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        if (el.closest('.toc')) return 'toc';
        if (el.matches('a.quote-link, a.row-quote')) return 'source';
        return 'other';
      });
      order.push(what);
      if (what === 'source') break;
    }
    expect(order).toContain('source');
    expect(order.indexOf('toc')).toBeGreaterThan(-1);
    expect(order.indexOf('toc')).toBeLessThan(order.indexOf('source'));
    // Every part of the page is in the contents, and the text's sections fold into one control.
    expect(await page.locator('.toc-parts > li > a').allTextContents()).toEqual(['主要数字', '指标', '全文', '质量检查', '引用本报告']);
    expect(await page.locator('.toc-sections summary').textContent()).toMatch(/^全文各节（\d+）$/);
    await page.close();
  });

  it('offers the way back to the value right after its source', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}reports/350128-guanweihui/2022/`);
    const link = page.locator('.metrics a.quote-link').first();
    const href = (await link.getAttribute('href'))!;
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`${href}$`));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('↩ 回到数值');
    // The back link stands in the source itself (the cell, or right after the quoted words).
    expect(await page.evaluate((id) => {
      const target = document.getElementById(id)!;
      const back = document.querySelector('.back-to-value')!;
      return target.contains(back) || target.nextElementSibling === back;
    }, decodeURIComponent(href.slice(1)))).toBe(true);
    await page.keyboard.press('Enter');
    // Back at the value: the 出处 link that was followed is the target and in view.
    const returned = await page.evaluate(() => {
      const el = document.querySelector(':target') as HTMLElement | null;
      return el ? [el.className, el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < window.innerHeight] : null;
    });
    expect(returned).toEqual(['quote-link', true]);
    expect(await page.locator('.back-to-value').count()).toBe(0);
    await page.close();
  });
});
