import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_METRICS } from '../../src/lib/catalogue/core.ts';
import { contentReports, type ContentReport } from '../helpers/content.ts';
import { DIST, htmlFiles, page, requireDist, text } from '../helpers/dist.ts';

let reports: ContentReport[];
beforeAll(async () => {
  requireDist();
  reports = await contentReports();
});

describe('comparison pages', () => {
  it('indexes the metrics by section, each with the editions that print it, its unit and how many reports state it', async () => {
    const { EDITIONS, findMetric } = await import('../../src/lib/catalogue/index.ts');
    const doc = page('/metrics/');
    const sections = doc.querySelectorAll('section h2').map(text);
    expect(sections[0]).toBe('可比口径');
    expect(sections).toContain('主动公开');
    expect(sections).toContain('行政复议与诉讼');
    let checked = 0;
    for (const tr of doc.querySelectorAll('table.metric-index tbody tr')) {
      const id = tr.getAttribute('data-metric')!;
      const metric = findMetric(id);
      if (!metric) continue; // a core metric: its count is checked on its own page
      const cells = tr.querySelectorAll('td').map(text);
      expect(cells[1], id).toBe(metric.unit);
      expect(cells[2], id).toBe(`${reports.filter((r) => r.data.metrics[id] !== undefined).length} 份`);
      expect(cells[0], id).toBe(EDITIONS.filter((e) => metric.editions.includes(e.id)).map((e) => e.label).join('、'));
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
    // Two rows with similar names stand in the same section, told apart by their editions.
    const rules = doc.querySelectorAll('table.metric-index tbody tr').filter((tr) => text(tr.querySelector('th')).startsWith('规章：'));
    expect(new Set(rules.map((tr) => text(tr.querySelectorAll('td')[0])))).not.toEqual(new Set([text(rules[0]?.querySelectorAll('td')[0])]));
  });

  it('has a page per core metric with agencies × years, a ranking per year and charts', () => {
    for (const core of CORE_METRICS) {
      const doc = page(`/metrics/${core.id}/`);
      expect(text(doc.querySelector('h1'))).toContain(core.label);
    }
    const doc = page('/metrics/core_proactive/');
    expect(doc.querySelectorAll('table.cross-year tbody tr').length).toBeGreaterThan(0);
    const ranking2014 = doc.querySelector('.ranking[data-year="2014"]')!;
    const values = ranking2014.querySelectorAll('.value').map((v) => Number(v.getAttribute('data-value')));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // Small multiples, one per agency, on one stated scale: every chart's top tick is the same.
    const charts = doc.querySelectorAll('figure.small-multiple svg[role="img"]');
    expect(charts.length).toBe(doc.querySelectorAll('table.cross-year tbody tr').length);
    const tops = charts.map((svg) => svg.querySelectorAll('text').map((t) => t.text).filter((t) => /^[\d,]+$/.test(t)));
    expect(new Set(charts.map((svg) => svg.querySelectorAll('line')[2]?.getAttribute('y1'))).size).toBe(1);
    expect(tops.length).toBeGreaterThan(0);
    expect(text(doc.querySelector('main'))).toContain('各小图纵轴刻度相同');
  });

  it('shows the 2019 core value from the summed table 三 rows and says where it came from', () => {
    const doc = page('/years/2022/');
    const cell = doc.querySelector('tr[data-report="350128-guanweihui/2022"] td[data-metric="core_denied"]')!;
    expect(cell.getAttribute('title')).toContain('不予公开：属于国家秘密 + ');
    expect(cell.querySelector('.value')!.getAttribute('data-value')).toBe('4');
  });

  it('has region pages for provinces and cities, linking down to agencies', () => {
    expect(text(page('/regions/35/').querySelector('h1'))).toBe('福建省');
    const city = page('/regions/3501/');
    expect(text(city.querySelector('h1'))).toBe('福州市');
    expect(city.querySelectorAll('.agency-list a').map(text)).toEqual(['平潭县人民政府', '平潭综合实验区管理委员会']);
    // One year at a time: the year in which the most of its agencies reported (the latest of those), every row a
    // report of that year, and how many agencies reported it.
    const own = reports.filter((r) => r.data.agency.startsWith('3501'));
    const years = [...new Set(own.map((r) => r.data.year))];
    const agenciesIn = (y: number) => new Set(own.filter((r) => r.data.year === y).map((r) => r.data.agency)).size;
    const most = Math.max(...years.map(agenciesIn));
    const year = Math.max(...years.filter((y) => agenciesIn(y) === most));
    expect(text(city.querySelector('#region-year'))).toBe(`可比指标（${year} 年度）`);
    expect(text(city.querySelector('.region-year-count'))).toContain(`本地区 2 个机构中，${most} 个有 ${year} 年度报告`);
    expect(city.querySelectorAll('table.core-table tbody tr').map((tr) => tr.getAttribute('data-report')).sort()).toEqual(own.filter((r) => r.data.year === year).map((r) => r.id).sort());
    // Every other year has its page, linked from the year picker with its count; the region's own year links back to it.
    const picker = city.querySelectorAll('.year-picker a').map((a) => [a.getAttribute('href'), text(a)]);
    expect(picker).toEqual(years.filter((y) => y !== year).sort((a, b) => b - a).map((y) => [`/regions/3501/years/${y}/`, `${y}（${agenciesIn(y)}）`]));
    for (const y of years.filter((y) => y !== year)) {
      const other = page(`/regions/3501/years/${y}/`);
      expect(other.querySelectorAll('table.core-table tbody tr').map((tr) => tr.getAttribute('data-report')).sort()).toEqual(own.filter((r) => r.data.year === y).map((r) => r.id).sort());
      expect(other.querySelector('.year-picker a[href="/regions/3501/"]')).not.toBeNull();
    }
  });

  it('leads agency pages with the core metrics: newest value, change from the report before (never across approximate or missing values), sparkline', () => {
    const doc = page('/agencies/350128-guanweihui/');
    const rows = doc.querySelectorAll('table.core-summary tbody tr');
    expect(rows.map((r) => r.getAttribute('data-metric'))).toEqual(CORE_METRICS.map((c) => c.id));
    const newest = Math.max(...reports.filter((r) => r.data.agency === '350128-guanweihui').map((r) => r.data.year));
    expect(text(doc.querySelector('table.core-summary thead th:nth-child(2)'))).toBe(`${newest}年`);
    expect(rows.map((r) => text(r.querySelector('td.change'))).some((c) => /^[+−±][\d,]+/.test(c))).toBe(true);
    const label = doc.querySelector('table.core-summary svg.sparkline')!.getAttribute('aria-label')!;
    expect(label).toMatch(/\d{4}年/);
    // Across all agencies, a change with a missing or approximate side is named, not computed.
    const changes = [...new Set(reports.map((r) => r.data.agency))].flatMap((a) => page(`/agencies/${a}/`).querySelectorAll('table.core-summary td.change').map(text));
    expect(changes.some((c) => c === '报告未载明，不计算' || c === '含近似值，不计算')).toBe(true);
    // The full table is behind a disclosure, one table per template edition, without a change line in every cell.
    const all = doc.querySelector('details.all-metrics')!;
    expect(all.querySelectorAll('table.cross-year').length).toBeGreaterThan(1);
    expect(all.querySelectorAll('.change')).toHaveLength(0);
    // 报告未载明, 未摘录, 约, 出处.
    expect(doc.querySelectorAll('.legend dt')).toHaveLength(4);
  });

  it('lists quality findings together and on report pages', () => {
    const quality = page('/quality/');
    const total = quality.querySelectorAll('[data-kind]:not([data-kind="all"]) strong').map((s) => Number(text(s))).reduce((a, b) => a + b, 0);
    expect(Number(text(quality.querySelector('[data-kind="all"] strong')))).toBe(total);
    const all = page('/quality/all/');
    expect(all.querySelectorAll('ul.findings li').length).toBe(total);
    expect(all.querySelectorAll('ul.findings li a').map(text)).toContain('平潭综合实验区 2011年度');
    expect(text(page('/reports/350128-renminzhengfu/2011/').querySelector('.quality'))).toContain('文字高度重复（1 项）');
    // Grouped by severity, most serious first; missing statutory items, one line per report, folded away beside the others.
    const groups = all.querySelectorAll('section.finding-group').map((g) => g.getAttribute('data-severity'));
    expect(groups).toEqual(['text', 'missing']);
    expect(text(all.querySelector('section[data-severity="text"] .finding-group-title'))).toMatch(/^文字高度重复（\d+ 项）$/);
    const missing = all.querySelector('section[data-severity="missing"]')!;
    expect(missing.querySelector('details > summary .finding-group-title')).not.toBeNull();
    const missingReports = missing.querySelectorAll('li').map((li) => li.getAttribute('data-report'));
    expect(new Set(missingReports).size).toBe(missingReports.length);
    // On its own list the group is not folded: it is all there is.
    expect(page('/quality/completeness/').querySelector('section[data-severity="missing"] details')).toBeNull();
    expect(page('/reports/370303-jiaoyuju/2014/').querySelectorAll('.checklist li')).toHaveLength(6);
  });
});

describe('feed, sitemap, canonical, citation', () => {
  it('has an Atom feed entry for each of the newest reports (all of them here) and a sitemap URL for every report', () => {
    const feed = readFileSync(join(DIST, 'feed.xml'), 'utf8');
    expect(feed.match(/<entry>/g)).toHaveLength(reports.length);
    const map = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
    for (const r of reports) expect(map).toContain(`/reports/${r.data.agency}/${r.data.year}/</loc>`);
  });

  it('gives every page a canonical URL and every report a GB/T 7714 citation that reads without JavaScript', () => {
    for (const file of htmlFiles()) expect(page(file).querySelector('link[rel="canonical"]')?.getAttribute('href'), file).toMatch(/^https?:\/\//);
    const cite = text(page('/reports/140700-jiaoyuju/2014/').querySelector('#citation-text'));
    // The access date is the reader's: a placeholder in the page, today's date once the script runs.
    expect(cite).toMatch(/^晋中市教育局\. 晋中市教育局2014年政府信息公开年度报告\[EB\/OL\]\. \(2017-12-06\)\[引用日期\]\. http/);
    expect(page('/reports/140700-jiaoyuju/2014/').querySelector('button[data-copy]')!.hasAttribute('hidden')).toBe(true);
  });

  it('explains every CSV column on the data page, once, in folded groups, after what to download', () => {
    const header = readFileSync(join(DIST, 'data/reports.csv'), 'utf8').replace(/^\uFEFF/, '').split('\n')[0]!.split(',');
    const data = page('/data/');
    const documented = data.querySelectorAll('details.column-group tbody th code').map(text);
    expect([...documented].sort()).toEqual([...header].sort());
    expect(documented).toHaveLength(header.length);
    // The first section says what to download, with each year's 简表.
    expect(text(data.querySelector('main h2'))).toBe('按需下载');
    expect(data.querySelectorAll('.quick-downloads a[href^="/data/tables/years/"]').length).toBeGreaterThan(0);
  });
});
