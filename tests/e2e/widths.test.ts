/**
 * Every page type at a phone's width (390 px) and a desktop's (1280 px), in Chromium: nothing makes the page
 * wider than the screen (wide tables scroll inside their own box). A screenshot of each is written to
 * .builds/screenshots/ for a person to look at; the test does not compare pixels.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDS } from '../helpers/build.ts';
import { PAGE_TYPES } from '../helpers/page-types.ts';
import { useBuiltSite } from '../helpers/site.ts';


const site = useBuiltSite();
const SHOTS = join(BUILDS, 'screenshots');

describe('widths', () => {
  for (const width of [390, 1280]) {
    it.each(PAGE_TYPES)(`%s fits ${width} px`, async (name, path) => {
      mkdirSync(SHOTS, { recursive: true });
      const page = await site.browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${site.server.url}${path}`);
      if (path.startsWith('search/')) await page.waitForSelector('#search-results li');
      if (path.startsWith('compare/')) await page.waitForSelector('#compare-matrix table');
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      await page.screenshot({ path: join(SHOTS, `${width}-${name.replace(/\W+/g, '-')}.png`), fullPage: true });
      expect(wide, `${path} at ${width} px`).toBeLessThanOrEqual(width);
      // On a desktop a region's table of reports × the comparable metrics is seen whole, without scrolling it.
      if (width === 1280 && name === 'region') {
        const box = await page.$eval('.wide .table-scroll', (el) => [el.scrollWidth, el.clientWidth]);
        expect(box[0], 'region table fits 1280 px').toBeLessThanOrEqual(box[1]!);
      }
      await page.close();
    });
  }
});
