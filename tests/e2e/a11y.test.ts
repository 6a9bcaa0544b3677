/** axe-core (wcag2a, wcag2aa) on one page of every type, in the light and the dark colour scheme: 0 violations. */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PAGE_TYPES as SITE_PAGE_TYPES } from '../helpers/page-types.ts';
import { useBuiltSite } from '../helpers/site.ts';

/** Every page type, and states of some: the quality list of a province, the type-ahead open, last year's sentences marked, a 404. */
const PAGE_TYPES = [
  ...SITE_PAGE_TYPES,
  ['compare with the type-ahead open', 'compare/'],
  ['quality list of a province', 'quality/completeness/35/'],
  ['report with its repeated sentences marked', 'reports/350128-guanweihui/2013/'],
  ['404', 'no-such-page/'],
] as const;

const site = useBuiltSite();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Every page in both colour schemes: axe's colour-contrast rule (WCAG AA) measures each. */
const CASES = (['light', 'dark'] as const).flatMap((scheme) => PAGE_TYPES.map(([name, path]) => [`${name} (${scheme})`, path, scheme] as const));

describe('accessibility', () => {
  it.each(CASES)('%s has no axe violations', async (_, path, colorScheme) => {
    const context = await site.browser.newContext({ bypassCSP: true, colorScheme }); // axe is injected as an inline script
    const page = await context.newPage();
    await page.goto(`${site.server.url}${path}`);
    if (path.startsWith('search/')) await page.waitForSelector('#search-results li');
    if (_.includes('repeated sentences marked')) await page.check('#mark-repeats');
    if (_.includes('type-ahead open')) {
      await page.fill('#agency-q', 'pt');
      await page.waitForSelector('#agency-options [role="option"]');
    }
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    });
    expect(result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`)).toEqual([]);
    await context.close();
  });
});
