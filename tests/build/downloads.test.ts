/**
 * The tables beside the pages that show numbers (issue 23): each agency's, year's and region's 简表 and
 * each report's table, parsed with a real CSV parser and checked against the content files: headers in
 * Chinese, one row per report, every value and its state, the permalink; the pages link them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORE_METRICS, coreValue } from '../../src/lib/catalogue/core.ts';
import { getMetric, isStandardFor, METRICS } from '../../src/lib/catalogue/index.ts';
import { contentReports, type ContentReport } from '../helpers/content.ts';
import { DIST, page, requireDist } from '../helpers/dist.ts';

const table = (path: string) => {
  const text = readFileSync(join(DIST, path), 'utf8');
  expect(text.charCodeAt(0), path).toBe(0xfeff);
  const [header, ...rows] = parse(text.slice(1)) as string[][];
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
};

let reports: ContentReport[];
beforeAll(async () => {
  requireDist();
  reports = await contentReports();
});

/** The 简表 row of a report must state each comparable metric as the content file does. */
function expectSimpleRow(row: Record<string, string>, report: ContentReport) {
  expect(row['年度']).toBe(String(report.data.year));
  for (const core of CORE_METRICS) {
    const value = coreValue(report.data, core).value;
    expect(row[`${core.label}（${core.unit}）`], `${report.id} ${core.id}`).toBe(value ? String(value.value) : '');
    expect(row[`${core.label}·状态`], `${report.id} ${core.id}`).toBe(value ? (value.approx ? '约数' : '载明') : '报告未载明');
  }
  expect(row['本档案网址']).toMatch(new RegExp(`^https?://[^/]+/reports/${report.data.agency}/${report.data.year}/$`));
  expect(row['原文网址']).toBe(report.data.source.url ?? '');
  expect(row['核对状态']).toBe('编辑录入');
}

describe('简表 CSV', () => {
  it('of each agency: one row per report, oldest first, every comparable value and state as in the content files', () => {
    const agencies = [...new Set(reports.map((r) => r.data.agency))];
    for (const agency of agencies) {
      const rows = table(`data/tables/agencies/${agency}.csv`);
      const own = reports.filter((r) => r.data.agency === agency).sort((a, b) => a.data.year - b.data.year);
      expect(rows.map((r) => r['年度'])).toEqual(own.map((r) => String(r.data.year)));
      own.forEach((r, i) => expectSimpleRow(rows[i]!, r));
      expect(Object.keys(rows[0]!).slice(0, 6)).toEqual(['省份', '地市', '区县', '机构', '年度', '版式']);
    }
  });

  it('of each year and each region: every report of it', () => {
    for (const year of new Set(reports.map((r) => r.data.year))) {
      const rows = table(`data/tables/years/${year}.csv`);
      const own = reports.filter((r) => r.data.year === year);
      expect(rows).toHaveLength(own.length);
      for (const report of own) expectSimpleRow(rows.find((r) => r['本档案网址']!.includes(`/reports/${report.data.agency}/`))!, report);
    }
    // 福州市 (3501) holds 平潭's two agencies' reports; 福建省 (35) those and 明溪 (3504)'s.
    expect(table('data/tables/regions/3501.csv')).toHaveLength(reports.filter((r) => r.data.agency.startsWith('3501')).length);
    expect(table('data/tables/regions/35.csv')).toHaveLength(reports.filter((r) => r.data.agency.startsWith('35')).length);
  });
});

describe('a metric page’s table', () => {
  it('holds every report of the page’s agencies with the value, its state and its quote', () => {
    const rows = table('data/tables/metrics/core_proactive/1.csv');
    const agencies = new Set(reports.filter((r) => coreValue(r.data, CORE_METRICS[0]!).value).map((r) => r.data.agency));
    const own = reports.filter((r) => agencies.has(r.data.agency));
    expect(rows).toHaveLength(own.length);
    for (const report of own) {
      const row = rows.find((r) => r['本档案网址']!.endsWith(`/reports/${report.data.agency}/${report.data.year}/`))!;
      const value = coreValue(report.data, CORE_METRICS[0]!).value;
      expect(row['主动公开信息总数（条）'], report.id).toBe(value ? String(value.value) : '');
      expect(row['状态']).toBe(value ? (value.approx ? '约数' : '载明') : '报告未载明');
      expect(row['原文（句子或表格行）']).toBe(value?.quote ?? '');
    }
    expect(page('/metrics/core_proactive/').querySelectorAll('.downloads a').map((a) => a.getAttribute('href'))).toContain('/data/tables/metrics/core_proactive/1.csv');
  });
});

describe('a report’s table', () => {
  it('lists every statutory item of its edition and every value it states, with state, quote and cell', () => {
    for (const report of reports) {
      const rows = table(`data/tables/reports/${report.data.agency}/${report.data.year}.csv`);
      const expected = METRICS.filter((m) => m.id in report.data.metrics || isStandardFor(m, report.data.edition)).map((m) => m.id);
      expect(rows.map((r) => r['指标 id']), report.id).toEqual(expected);
      for (const row of rows) {
        const value = report.data.metrics[row['指标 id']!];
        expect(row['指标']).toBe(getMetric(row['指标 id']!).label);
        expect(row['数值'], `${report.id} ${row['指标 id']}`).toBe(value ? String(value.value) : '');
        expect(row['状态']).toBe(value ? (value.approx ? '约数' : '载明') : '报告未载明');
        expect(row['原文（句子或表格行）']).toBe(value?.quote ?? '');
        if (value?.cell?.position) expect(row['所在的格']).toContain(`第 ${value.cell.position} 格`);
      }
    }
  });
});

describe('download links', () => {
  it('stand beside the tables of agency, year, region and report pages, and metric pages link each year', () => {
    const hrefs = (path: string) => page(path).querySelectorAll('.downloads a').map((a) => a.getAttribute('href'));
    expect(hrefs('/agencies/350128-guanweihui/')).toContain('/data/tables/agencies/350128-guanweihui.csv');
    expect(hrefs('/years/2014/')).toEqual(expect.arrayContaining(['/data/tables/years/2014.csv', '/data/reports/2014.csv']));
    expect(hrefs('/regions/3501/')).toContain('/data/tables/regions/3501.csv');
    expect(hrefs('/reports/350128-guanweihui/2021/')).toContain('/data/tables/reports/350128-guanweihui/2021.csv');
    expect(hrefs('/metrics/core_proactive/')).toContain('/data/tables/years/2014.csv');
    expect(hrefs('/metrics/requests_new/')).toContain('/data/reports/2021.csv');
    // Every linked file exists.
    for (const path of ['/agencies/350128-guanweihui/', '/years/2014/', '/regions/3501/', '/reports/350128-guanweihui/2021/', '/metrics/core_proactive/']) {
      for (const href of hrefs(path)) if (href!.endsWith('.csv') || href!.endsWith('.json')) expect(() => readFileSync(join(DIST, href!))).not.toThrow();
    }
  });

  it('say visibly which comparable values are sums, with links to their parts, and metric pages link values to their sentence', () => {
    const note = page('/years/2022/').querySelector('.derived-note')!;
    expect(note.text).toContain('不予公开');
    expect(note.querySelectorAll('a').map((a) => a.getAttribute('href'))).toContain('/metrics/core_denied/');
    const link = page('/metrics/core_proactive/').querySelector('tr[data-agency="370303-jiaoyuju"] a.quote-link')!;
    expect(link.getAttribute('href')).toMatch(/^\/reports\/370303-jiaoyuju\/2014\/#quote-\d+/);
  });

  it('metric pages name templates and metrics in words, not ids', () => {
    const meta = page('/metrics/core_requests/').querySelector('.report-meta')!.text;
    expect(meta).not.toMatch(/requests_new|applications_total|pre2019/);
    expect(meta).toContain(getMetric('requests_new').label);
  });
});
