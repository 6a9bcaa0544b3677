/**
 * Printing a report page: Chromium prints it (page.pdf, print media), and the PDF's text (pdftotext, from
 * poppler-utils) holds the report and its metrics, without the site's navigation and controls; every page
 * is numbered and carries the permalink and print date at its foot (the page's own @page rule, allowed by the
 * CSP's hash: no violation), and no page but the last is largely blank.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../helpers/site.ts';

const site = useBuiltSite();

describe('print', () => {
  it('prints a report page as the report and its metrics', async () => {
    const page = await site.browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()); });
    await page.goto(`${site.server.url}reports/350128-guanweihui/2013/`);
    await page.emulateMedia({ media: 'print' });
    // What print hides, hidden; what the report is, shown.
    for (const hidden of ['.skip-link', '.site-header nav', '.site-search', '.breadcrumbs', '.year-nav', '.toc', '.repeat-label', '.site-footer']) {
      expect(await page.isHidden(hidden), hidden).toBe(true);
    }
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-print-'));
    try {
      const pdf = join(dir, 'report.pdf');
      // What the browser does when a reader prints: the page fills in the print date.
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      const title = ((await page.textContent('h1')) ?? '').replace(/\s+/g, '');
      expect(text).toContain(title);
      expect(text).toContain('指标');
      expect(text).toContain('全文');
      // A metric's value and the body's last paragraph are both in the print.
      const value = ((await page.textContent('.metric-table .value .num')) ?? '').trim();
      expect(text).toContain(value);
      const last = ((await page.locator('.report-body p').last().textContent()) ?? '').replace(/\s+/g, '').slice(0, 20);
      expect(text).toContain(last);
      // Not the site's navigation (机构 年度 指标 比较 数据 搜索) nor the citation's copy button.
      expect(text).not.toContain('机构年度指标比较数据搜索');
      expect(text).not.toContain('复制引用');
      // Every page numbered; the permalink and the print date at the top.
      const pages = Number(/共(\d+)页/.exec(text)?.[1]);
      expect(pages).toBeGreaterThan(1);
      const pageText = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
      // The date the page printed (the reader's day, as the page's script wrote it at the top) and its permalink.
      const printedOn = /打印于 (\d{4}-\d{2}-\d{2})/.exec((await page.textContent('.print-meta')) ?? '')?.[1];
      expect(printedOn).toBeDefined();
      const permalink = await page.getAttribute('link[rel="canonical"]', 'href');
      expect(permalink).toMatch(/\/reports\/350128-guanweihui\/2013\/$/);
      for (let n = 1; n <= pages; n++) {
        const foot = pageText(n).replace(/\s+/g, '');
        expect(foot, `page ${n}`).toContain(`第${n}页，共${pages}页`);
        expect(foot, `page ${n}`).toContain(`年报档案·${permalink}`);
        expect(foot, `page ${n}`).toContain(`打印于${printedOn}`);
      }
      expect(text).toContain('本页网址：');
      expect(violations).toEqual([]);
      // No page but the last is largely blank (a table kept whole on the next page left 20–40% blank before).
      const lines = (n: number) => pageText(n).split('\n').filter((l) => l.trim()).length;
      const counts = Array.from({ length: pages }, (_, i) => lines(i + 1));
      for (const [i, count] of counts.slice(0, -1).entries()) expect(count, `page ${i + 1} of ${counts.join(', ')} lines`).toBeGreaterThan(0.6 * Math.max(...counts));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await page.close();
  });
});
