/** An agency's core at a glance (src/lib/core-summary.ts), its sparkline (src/lib/chart.ts) and its tables by edition. */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/lib/archive.ts';
import { describePoints, sparkline } from '../../src/lib/chart.ts';
import { coreSummary } from '../../src/lib/core-summary.ts';
import { crossYearTablesByEdition } from '../../src/lib/tables.ts';

const report = (year: number, metrics: Report['metrics']): Report => ({
  id: `350128-a/${year}`, file: `content/reports/350128-a/${year}.md`, agency: '350128-a', year,
  title: `${year}年报告`, edition: year <= 2018 ? 'pre2019' : year <= 2020 ? '2019' : '2021',
  source: { file: 'x.txt', removed: [] }, metrics, categories: [], notes: [],
});
const exact = (value: number) => ({ value, approx: false });

describe('a machine import among the years', () => {
  it('says 未摘录 for what it did not read, and 报告未载明 for what a checked report does not state', () => {
    const machine = { ...report(2022, { proactive_total: exact(150) }), review: { status: 'machine' as const } };
    const rows = new Map(coreSummary([report(2021, { proactive_total: exact(120) }), machine]).map((r) => [r.core.id, r]));
    const requests = rows.get('core_requests')!;
    expect(requests.latest).toEqual({ year: 2022, machine: true });
    const words = describePoints(requests.points, '件', (v) => String(v.value), '报告未载明', '未摘录');
    expect(words).toBe('2021年报告未载明，2022年未摘录');
    const table = crossYearTablesByEdition([report(2021, { proactive_total: exact(120) }), machine])[0]!.table;
    expect(table.groups.flatMap((g) => g.rows).find((r) => r.metric.id === 'proactive_total')!.cells.map((c) => c.machine ?? false)).toEqual([false, true]);
  });
});

describe('coreSummary', () => {
  const reports = [
    report(2021, { proactive_total: exact(120), requests_new: exact(10), review_total: exact(2) }),
    report(2017, { proactive_total: exact(90), applications_total: exact(4) }),
    report(2022, { proactive_total: exact(150), requests_new: { value: 600, approx: true } }),
  ];
  const rows = new Map(coreSummary(reports).map((r) => [r.core.id, r]));

  it('takes the newest report\'s value and the change from the report before, across editions', () => {
    const proactive = rows.get('core_proactive')!;
    expect(proactive.latest).toEqual({ year: 2022, value: exact(150) });
    expect(proactive.previous).toEqual({ year: 2021, value: exact(120) });
    expect(proactive.change).toEqual({ kind: 'exact', delta: 30, percent: 25 });
    expect(proactive.points.map((p) => [p.year, p.value?.value])).toEqual([[2017, 90], [2021, 120], [2022, 150]]);
    expect(proactive.stated).toBe(3);
  });

  it('never computes a change with an approximate or unreported side, and keeps the unreported newest value unreported', () => {
    expect(rows.get('core_requests')!.change).toEqual({ kind: 'approx' });
    const reviews = rows.get('core_reviews')!;
    expect(reviews.latest).toEqual({ year: 2022 });
    expect(reviews.change).toEqual({ kind: 'absent' });
    expect(reviews.stated).toBe(1);
  });

  it('has no previous value or change for an agency with one report, and nothing for none', () => {
    const one = coreSummary([reports[0]!])[0]!;
    expect(one.latest?.year).toBe(2021);
    expect(one.previous).toBeUndefined();
    expect(one.change).toBeUndefined();
    expect(coreSummary([])[0]!.latest).toBeUndefined();
  });
});

describe('sparkline', () => {
  it('breaks the line at unreported years, marks approximate values and keeps inside its box', () => {
    const s = sparkline([
      { year: 2014, value: exact(10) }, { year: 2015, value: exact(20) }, { year: 2016 },
      { year: 2017, value: { value: 5, approx: true } }, { year: 2018, value: exact(0) },
    ]);
    expect(s.lines).toHaveLength(2);
    expect(s.dots.map((d) => d.approx)).toEqual([false, false, true, false]);
    for (const d of s.dots) {
      expect(d.x).toBeGreaterThanOrEqual(0);
      expect(d.x).toBeLessThanOrEqual(s.width);
      expect(d.y).toBeGreaterThanOrEqual(0);
      expect(d.y).toBeLessThanOrEqual(s.height);
    }
    // Larger values are higher (smaller y).
    expect(s.dots[1]!.y).toBeLessThan(s.dots[0]!.y);
    expect(sparkline([{ year: 2014, value: exact(3) }]).lines).toEqual([]);
  });
});

describe('crossYearTablesByEdition', () => {
  it('makes one table per edition, newest first, each with only the rows its reports state', () => {
    const tables = crossYearTablesByEdition([
      report(2014, { proactive_total: exact(1) }),
      report(2015, { admin_reviews: exact(2) }),
      report(2021, { requests_new: exact(3) }),
    ]);
    expect(tables.map((t) => [t.edition, t.table.years])).toEqual([['2021', [2021]], ['pre2019', [2014, 2015]]]);
    expect(tables[0]!.table.groups.flatMap((g) => g.rows).map((r) => r.metric.id)).toEqual(['requests_new']);
    expect(tables[1]!.table.groups.flatMap((g) => g.rows).map((r) => r.metric.id)).toEqual(['proactive_total', 'admin_reviews']);
  });
});
