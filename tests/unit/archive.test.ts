import { describe, expect, it } from 'vitest';
import {
  agenciesByRegion,
  ArchiveError,
  buildArchive,
  latestReports,
  neighbours,
  regionLabel,
  type Agency,
  type Report,
} from '../../src/lib/archive.ts';
import { crossYearTable, metricPanel, table3Matrix } from '../../src/lib/tables.ts';
import { formatDate, formatValue } from '../../src/lib/format.ts';

const agency = (id: string, name: string, province: string, city?: string): Agency => ({
  id, name, shortName: name, aliases: [], province, ...(city ? { city } : {}),
  divisionCode: id.slice(0, 6), level: '县级', kind: '教育局', stub: false, file: `content/agencies/${id}.yaml`,
});

const report = (agencyId: string, year: number, metrics: Report['metrics'] = {}, extra: Partial<Report> = {}): Report => ({
  id: `${agencyId}/${year}`, file: `content/reports/${agencyId}/${year}.md`, agency: agencyId, year,
  title: `${year}年报告`, edition: year <= 2018 ? 'pre2019' : year <= 2020 ? '2019' : '2021',
  source: { file: 'x.txt', removed: [] }, metrics, categories: [], notes: [], ...extra,
});

const AGENCIES = [
  agency('370303-a', '淄博市张店区教育局', '山东省', '淄博市'),
  agency('370725-a', '潍坊市昌乐县教育局', '山东省', '潍坊市'),
  agency('140700-a', '晋中市教育局', '山西省', '晋中市'),
  agency('110109-a', '北京市门头沟区教育委员会', '北京市'),
];

describe('buildArchive', () => {
  it('sorts agencies by pinyin and each agency’s reports by year', () => {
    const archive = buildArchive(AGENCIES, [report('370303-a', 2016), report('370303-a', 2014), report('140700-a', 2014)]);
    expect(archive.agencies.map((a) => a.name)).toEqual(['北京市门头沟区教育委员会', '晋中市教育局', '潍坊市昌乐县教育局', '淄博市张店区教育局']);
    expect(archive.reportsByAgency.get('370303-a')!.map((r) => r.year)).toEqual([2014, 2016]);
    expect(archive.years).toEqual([2014, 2016]);
  });

  it('refuses unknown agencies and duplicates, listing every problem at once', () => {
    let error: unknown;
    try {
      buildArchive(AGENCIES, [report('999999-x', 2014), report('370303-a', 2014), { ...report('370303-a', 2014), file: 'content/reports/370303-a/2014-b.md' }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArchiveError);
    const problems = (error as ArchiveError).problems;
    expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining(['agency', 'year']));
    expect((error as Error).message).toContain('content/reports/999999-x/2014.md agency: 未知机构“999999-x”');
  });

  it('finds the previous and next year of the same agency, skipping gaps', () => {
    const archive = buildArchive(AGENCIES, [report('370303-a', 2012), report('370303-a', 2014), report('370303-a', 2017), report('140700-a', 2013)]);
    const middle = archive.reports.find((r) => r.id === '370303-a/2014')!;
    expect(neighbours(archive, middle).previous?.year).toBe(2012);
    expect(neighbours(archive, middle).next?.year).toBe(2017);
    expect(neighbours(archive, archive.reports.find((r) => r.id === '140700-a/2013')!)).toEqual({});
  });

  it('lists the latest reports first', () => {
    const archive = buildArchive(AGENCIES, [report('370303-a', 2014), report('370725-a', 2017), report('140700-a', 2014, {}, { published: '2017-12-06' })]);
    expect(latestReports(archive, 2).map((r) => r.id)).toEqual(['370725-a/2017', '140700-a/2014']);
  });

  it('groups agencies by province and city; agencies without a city come first in their province', () => {
    const groups = agenciesByRegion(AGENCIES);
    expect(groups.map((g) => g.province)).toEqual(['北京市', '山东省', '山西省']);
    expect(groups[0]!.cities).toEqual([{ agencies: [AGENCIES[3]] }]);
    expect(groups[1]!.cities.map((c) => c.city)).toEqual(['潍坊市', '淄博市']);
    expect(regionLabel(AGENCIES[0]!)).toBe('山东省 淄博市');
  });
});

describe('metric tables', () => {
  it('shows every statutory metric of the edition, absent ones without a value, and extra stated metrics', () => {
    const panel = metricPanel(report('370303-a', 2014, {
      proactive_total: { value: 600, approx: true, quote: '共计600余条' },
      applications_total: { value: 0, approx: false, quote: '未收到此类申请' },
      website_visits: { value: 300000, approx: true },
    }));
    const rows = panel.flatMap((g) => g.rows);
    const row = (id: string) => rows.find((r) => r.metric.id === id);
    expect(row('proactive_total')).toMatchObject({ value: { value: 600, approx: true }, anchor: 'quote-1' });
    expect(row('applications_total')).toMatchObject({ value: { value: 0 }, anchor: 'quote-2' });
    expect(row('proactive_fulltext_electronic')!.value).toBeUndefined();
    expect(row('website_visits')!.value!.value).toBe(300000);
    expect(row('concerns_responded')).toBeUndefined();
    expect(row('requests_new')).toBeUndefined();
    expect(panel.map((g) => g.group)[0]).toBe('主动公开');
  });

  it('shows table 三 applicant columns as a matrix, not as list rows', () => {
    const r = report('350128-a', 2022, {
      requests_new: { value: 74, approx: false, quote: 'row' },
      'requests_new.natural_person': { value: 71, approx: false, quote: 'row' },
    });
    const rows = metricPanel(r).flatMap((g) => g.rows).map((x) => x.metric.id);
    expect(rows).toContain('requests_new');
    expect(rows).not.toContain('requests_new.natural_person');
    const matrix = table3Matrix(r)!;
    expect(matrix.columns).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(matrix.rows).toHaveLength(25);
    expect(matrix.rows[0]!.cells.map((c) => c.value?.value)).toEqual([71, undefined, undefined, undefined, undefined, undefined, 74]);
    expect(matrix.rows[0]!.cells[0]!.anchor).toBe('quote-1');
    expect(table3Matrix(report('350128-a', 2022, { requests_new: { value: 74, approx: false } }))).toBeUndefined();
  });

  it('builds a cross-year table with absent values kept absent', () => {
    const table = crossYearTable([
      report('370303-a', 2015, { admin_reviews: { value: 2, approx: false } }),
      report('370303-a', 2014, { proactive_total: { value: 600, approx: true, quote: 'q' } }, {
        categories: [{ label: '政策法规', value: 21, approx: false }],
      }),
    ]);
    expect(table.years).toEqual([2014, 2015]);
    const rows = table.groups.flatMap((g) => g.rows);
    expect(rows.map((r) => r.metric.id)).toEqual(['proactive_total', 'admin_reviews']);
    expect(rows[0]!.cells).toEqual([{ year: 2014, value: { value: 600, approx: true, quote: 'q' }, anchor: 'quote-1' }, { year: 2015 }]);
    expect(rows[1]!.cells[0]).toEqual({ year: 2014 });
    expect(table.categories).toEqual([{ label: '政策法规', cells: [{ year: 2014, value: { label: '政策法规', value: 21, approx: false } }, { year: 2015 }] }]);
  });

  it('has a row only for metrics some year states', () => {
    const table = crossYearTable([report('350421-a', 2014, { staff_part_time: { value: 1, approx: false } })]);
    expect(table.groups.flatMap((g) => g.rows).map((r) => r.metric.id)).toEqual(['staff_part_time']);
  });
});

describe('formatting', () => {
  it('marks approximate values and formats dates the Chinese way', () => {
    expect(formatValue({ value: 600, approx: true })).toBe('约600');
    expect(formatValue({ value: 1106, approx: false })).toBe('1,106');
    expect(formatValue({ value: 0.000125, approx: false })).toBe('0.000125');
    expect(formatDate('2018-03-12')).toBe('2018年3月12日');
  });
});
