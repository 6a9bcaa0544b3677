import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findMetric, isStandardFor, METRICS } from '../../src/lib/catalogue/index.ts';
import { quoteAnchors, valueAnchor } from '../../src/lib/quotes.ts';
import { cellValue } from '../../src/lib/importer/template/rows.ts';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, styleHash } from '../../src/lib/csp.ts';
import { printFooterCss } from '../../src/lib/print-footer.ts';
import { contentFiles, contentReports, type ContentReport } from '../helpers/content.ts';
import { DIST, htmlFiles, page, requireDist, text, writtenRow, writtenRows } from '../helpers/dist.ts';

let reports: ContentReport[];
let agencyIds: string[];

beforeAll(async () => {
  requireDist();
  reports = await contentReports();
  agencyIds = (await contentFiles())
    .filter((f) => f.path.startsWith('content/agencies/'))
    .map((f) => f.path.replace(/^content\/agencies\/|\.yaml$/g, ''));
});

describe('built site: every report and agency has its page', () => {
  it('has a page for every agency and every report', () => {
    for (const id of agencyIds) expect(text(page(`/agencies/${id}/`).querySelector('h1'))).not.toBe('');
    for (const r of reports) expect(page(`/reports/${r.data.agency}/${r.data.year}/`)).toBeTruthy();
  });

  it('has home, agency index, year pages and a 404 page', () => {
    for (const path of ['/', '/agencies/', '/years/', '/years/2014/', '/years/2017/']) expect(page(path).querySelector('h1')).toBeTruthy();
    expect(text(page('/404.html').querySelector('h1'))).toBe('未找到页面');
  });

  it('declares lang="zh-CN", carries the Content-Security-Policy and loads nothing from other sites on every page', () => {
    for (const file of htmlFiles()) {
      const html = readFileSync(join(DIST, file), 'utf8');
      expect(html, file).toMatch(/<html lang="zh-CN"/);
      const doc = page(file);
      // One inline style at most: the print footer with the page's own permalink, allowed by its hash and no other.
      const styles = doc.querySelectorAll('style');
      const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
      if (/^embed\//.test(file)) {
        expect(styles.length, file).toBe(0);
        expect(csp, file).toBe(CONTENT_SECURITY_POLICY);
      } else {
        expect(styles.map((s) => s.getAttribute('data-print-footer')), file).toEqual(['']);
        const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
        expect(canonical, file).toMatch(new RegExp(`/${file.replace(/index\.html$/, '').replace(/\.html$/, '/')}$`));
        expect(styles[0]!.textContent, file).toBe(printFooterCss(canonical));
        expect(csp, file).toBe(contentSecurityPolicy([styleHash(printFooterCss(canonical))]));
      }
      // Resources a page loads (canonical and alternate links load nothing).
      for (const el of doc.querySelectorAll('script[src], link[rel~="stylesheet"], link[rel~="icon"], link[rel~="preload"], link[rel~="modulepreload"], img[src], iframe, source[src], video, audio')) {
        const url = el.getAttribute('src') ?? el.getAttribute('href') ?? '';
        expect(url, `${file}: ${el.outerHTML.slice(0, 80)}`).toMatch(/^\/(?!\/)/);
      }
      // Scripts only where they enhance (search, compare, the copy button of a citation, a chart's PNG), always
      // the site's own module files, never inline (the CSP would block them); every other page has none.
      const scripts = doc.querySelectorAll('script');
      if (/^(search|compare|reports\/.+|agencies\/[^/]+|regions\/.+\/compare\/.+)\/index\.html$/.test(file) && (!/^(agencies|regions)\//.test(file) || doc.querySelector('button[data-png]'))) {
        expect(scripts.map((s) => [s.getAttribute('type'), s.getAttribute('src')?.startsWith('/_astro/'), s.textContent.trim()]), file).toEqual([['module', true, '']]);
      } else {
        expect(scripts.length, `${file} needs no JavaScript`).toBe(0);
      }
      expect(html, file).not.toMatch(/\son[a-z]+=/i);
    }
  });

  it('lists agencies by province and city in pinyin order', () => {
    const doc = page('/agencies/');
    expect(doc.querySelectorAll('h2').map(text)).toEqual(['北京市', '福建省', '山东省', '山西省']);
    expect(doc.querySelectorAll('h3').map(text)).toEqual(['福州市', '三明市', '潍坊市', '淄博市', '晋中市']);
  });

  it('shows counts on the home page', () => {
    const doc = page('/');
    expect(text(doc.querySelector('[data-stat="agencies"]'))).toBe(String(agencyIds.length));
    expect(text(doc.querySelector('[data-stat="reports"]'))).toBe(String(reports.length));
  });
});

describe('built site: report pages', () => {
  it('shows the title as <h1>, the agency, year and edition', () => {
    for (const r of reports) {
      const doc = page(`/reports/${r.data.agency}/${r.data.year}/`);
      expect(text(doc.querySelector('h1'))).toBe(r.data.title);
      expect(text(doc.querySelector('title'))).toContain(r.data.title);
      const meta = text(doc.querySelector('.report-meta'));
      expect(meta).toContain(`${r.data.year}年`);
      expect(meta).toContain(r.data.edition === 'pre2019' ? '2019年以前版式' : r.data.edition);
    }
  });

  it('shows every stated metric with its value, unit and approximation, linked to its quote in the text', () => {
    for (const r of reports) {
      const doc = page(`/reports/${r.data.agency}/${r.data.year}/`);
      const anchors = quoteAnchors(r.data);
      const body = doc.querySelector('[data-report-body]')!;
      for (const [id, value] of Object.entries(r.data.metrics)) {
        // List rows carry data-metric on the <tr>, table 三's matrix on each <td>.
        const row = doc.querySelector(`.metrics [data-metric="${id}"]`);
        expect(row, `${r.id} ${id}`).toBeTruthy();
        const shown = row!.querySelector('.value')!;
        expect(shown.getAttribute('data-value'), `${r.id} ${id}`).toBe(String(value.value));
        // Table 三's matrix states its unit once, in the caption, and links a row's quote from its header.
        const inMatrix = row!.tagName === 'TD';
        const table = row!.parentNode!.parentNode!.parentNode!;
        if (inMatrix) expect(text(table.querySelector('caption'))).toContain(`单位：${findMetric(id)!.unit}`);
        else expect(text(shown.querySelector('.unit'))).toBe(findMetric(id)!.unit);
        expect(Boolean(shown.querySelector('.approx')), `${r.id} ${id} approx`).toBe(value.approx);
        // A list row links to the value's own cell where it names one; table 三's matrix links a row from its header.
        const anchor = inMatrix ? anchors.get(value.quote!)! : valueAnchor(anchors, value)!;
        const link = shown.querySelector('a.quote-link') ?? (inMatrix ? row!.parentNode!.querySelector('th a.row-quote') : null);
        expect(link!.getAttribute('href'), `${r.id} ${id} quote link`).toBe(`#${anchor}`);
        const target = body.querySelector(`#${anchor}`);
        expect(target, `${r.id}: ${anchor} for "${value.quote}"`).toBeTruthy();
        // The cell itself, marked, holding the value, in the quoted row.
        if (!inMatrix && value.cell?.position) expect(target!.tagName, `${r.id} ${id} names its cell`).toBe('TD');
        if (target!.tagName === 'TD') {
          expect(target!.classList.contains('quote-cell'), `${r.id} ${id}`).toBe(true);
          expect(cellValue(target!.textContent)?.value, `${r.id} ${id} cell`).toBe(value.value);
        }
        const holder = target!.tagName === 'TD' ? target!.parentNode! : target!;
        const targetText = holder.tagName === 'TR' ? writtenRow(holder) : holder.textContent;
        expect(targetText).toContain(value.quote);
      }
    }
  });

  it('lists every statutory item the report does not state once, as 报告未载明, never as 0, and shows rows only for what it states', () => {
    let checked = 0;
    for (const r of reports) {
      const doc = page(`/reports/${r.data.agency}/${r.data.year}/`);
      const missing = doc.querySelectorAll('.missing-items dd').flatMap((dd) => text(dd).split('、'));
      const absent = METRICS.filter((m) => isStandardFor(m, r.data.edition) && !m.column && !(m.id in r.data.metrics));
      checked += absent.length;
      for (const m of absent) {
        // Table 三's rows are in its matrix, where an unstated cell says so.
        const cell = doc.querySelector(`.metric-matrix td[data-metric="${m.id}"]`);
        if (cell) {
          expect(text(cell), `${r.id} ${m.id}`).toBe('报告未载明');
          continue;
        }
        expect(doc.querySelector(`.metrics tr[data-metric="${m.id}"]`), `${r.id} ${m.id}`).toBeNull();
        expect(missing, `${r.id} ${m.id}`).toContain(m.label);
      }
      // Every row of the panel's lists holds a stated value.
      for (const row of doc.querySelectorAll('.metric-table tr[data-metric]')) {
        expect(row.querySelector('.value'), `${r.id} ${row.getAttribute('data-metric')}`).toBeTruthy();
      }
      expect(doc.querySelectorAll('.metric-table .not-reported')).toHaveLength(0);
    }
    expect(checked).toBeGreaterThan(0);
    const mingxi = page('/reports/350421-jiaoyuju/2014/');
    expect(mingxi.querySelector('tr[data-metric="proactive_total"]')).toBeNull();
    expect(text(mingxi.querySelector('.missing-items'))).toContain('主动公开');
  });

  it('shows approximate values marked 约, exact zeros as 0', () => {
    const zhangdian = page('/reports/370303-jiaoyuju/2014/');
    expect(text(zhangdian.querySelector('tr[data-metric="proactive_total"] .value'))).toMatch(/^约600\s*条/);
    expect(text(zhangdian.querySelector('tr[data-metric="applications_total"] .value'))).toMatch(/^0\s*件/);
    expect(text(zhangdian.querySelector('tr[data-category="其他"] .value'))).toMatch(/^约120\s*条/);
  });

  it('contains every quote verbatim in the rendered full text', () => {
    for (const r of reports) {
      const doc = page(`/reports/${r.data.agency}/${r.data.year}/`);
      const body = doc.querySelector('[data-report-body]')!;
      // Rows as written, merged cells spelled out again (the page rebuilds them, rehype-merged-cells.ts).
      const rows = body.querySelectorAll('table').flatMap(writtenRows);
      const full = `${body.textContent}\n${rows.join('\n')}`;
      for (const v of [...Object.values(r.data.metrics), ...r.data.categories]) expect(full, r.id).toContain(v.quote);
    }
  });

  it('has a table of contents whose links reach the Chinese headings', () => {
    const doc = page('/reports/140700-jiaoyuju/2014/');
    const links = doc.querySelectorAll('.toc a');
    expect(links.map(text)).toContain('、行政复议和行政诉讼情况');
    for (const a of links) {
      const id = decodeURIComponent(a.getAttribute('href')!.slice(1));
      expect(doc.querySelector(`[id="${id}"]`), id).toBeTruthy();
    }
  });

  it('renders the appendix of 门头沟区教委 as tables and keeps the garbled 晋中 date as text', () => {
    const mentougou = page('/reports/110109-jiaowei/2014/');
    expect(mentougou.querySelectorAll('[data-report-body] table')).toHaveLength(5);
    const jinzhong = page('/reports/140700-jiaoyuju/2014/');
    expect(text(jinzhong.querySelector('[data-report-body]'))).toContain('2015227');
    expect(text(jinzhong.querySelector('.report-meta'))).not.toContain('落款日期');
    expect(text(jinzhong.querySelector('.report-meta'))).toContain('2017年12月6日');
  });

  it('links to the same agency’s other years where there are any', () => {
    const doc = page('/reports/370725-jiaoyuju/2017/');
    expect(text(doc.querySelector('.year-nav'))).toContain('无更早年度的报告');
  });
});

describe('built site: agency pages', () => {
  it('shows metadata, reports by year and a cross-year table with 报告未载明 and 约', () => {
    const doc = page('/agencies/370303-jiaoyuju/');
    expect(text(doc.querySelector('h1'))).toBe('淄博市张店区教育局');
    const meta = text(doc.querySelector('.agency-meta'));
    expect(meta).toContain('370303');
    expect(meta).toContain('山东省 淄博市 张店区');
    expect(meta).toContain('县级');
    expect(doc.querySelectorAll('.report-list li')).toHaveLength(1);
    const table = doc.querySelector('table.cross-year')!;
    expect(table.querySelectorAll('thead th').map(text)).toEqual(['指标', '2014年']);
    expect(text(table.querySelector('tr[data-metric="proactive_total"] td'))).toMatch(/^约600\s*条/);
    expect(text(table.querySelector('tr[data-category="业务工作"] td'))).toMatch(/^450\s*条/);

    // A metric no year states has no row in the full table; its core metric says 报告未载明 in the summary.
    const mingxi = page('/agencies/350421-jiaoyuju/');
    expect(mingxi.querySelector('table.cross-year tr[data-metric="proactive_total"]')).toBeNull();
    expect(text(mingxi.querySelector('table.core-summary tr[data-metric="core_proactive"] td'))).toBe('报告未载明');
  });

  it('shows aliases', () => {
    expect(text(page('/agencies/110109-jiaowei/').querySelector('.agency-meta'))).toContain('门头沟区教育委员会');
  });
});
