/**
 * The citation on a report page: the access date is the reader's, so the built
 * page holds a placeholder (which lets later builds restore the page unchanged),
 * and the page's script writes the reader's date into it.
 */
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/site.ts';

const site = useBuiltSite();
const PAGE = 'reports/140700-jiaoyuju/2014/';

describe('citation', () => {
  it('with JavaScript, carries the reader’s date as the access date', async () => {
    const page = await site.browser.newPage();
    const date = () => page.evaluate(() => new Date().toISOString().slice(0, 10));
    await page.goto('about:blank');
    const before = await date();
    await page.goto(`${site.server.url}${PAGE}`);
    const after = await date();
    // The date the page was opened: the day before or after loading (equal unless midnight passed between).
    const cited = /\(2017-12-06\)\[(\d{4}-\d{2}-\d{2})\]\. /.exec((await page.textContent('#citation-text')) ?? '')?.[1];
    expect([before, after]).toContain(cited);
    await page.close();
  });

  it('without JavaScript, shows where the access date goes', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}${PAGE}`);
    expect(await page.textContent('#citation-text')).toContain('(2017-12-06)[引用日期]. ');
    expect(await page.textContent('.cite .hint')).toContain('“引用日期”处写您访问本页的日期');
    await context.close();
  });
});
