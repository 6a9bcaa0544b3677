import { describe, expect, it } from 'vitest';
import { formatChange, yearChange } from '../../src/lib/change.ts';
import { cellState, compareByMetric, comparisonCsv, isComplete, selectionFromParams, selectionToParams } from '../../src/lib/compare.ts';

const v = (value: number, approx = false) => ({ value, approx });

describe('year-over-year change', () => {
  it('is computed only between two exact values', () => {
    expect(yearChange(v(100), v(125))).toEqual({ kind: 'exact', delta: 25, percent: 25 });
    expect(formatChange(yearChange(v(100), v(125)))).toBe('+25（+25.0%）');
    expect(formatChange(yearChange(v(40), v(10)))).toBe('−30（−75.0%）');
    // A small base gets no percentage: +18 on a base of 1 is not "+1800.0%".
    expect(formatChange(yearChange(v(1), v(19)))).toBe('+18');
    expect(formatChange(yearChange(v(19), v(1)))).toBe('−18');
    expect(formatChange(yearChange(v(20), v(21)))).toBe('+1（+5.0%）');
    expect(formatChange(yearChange(v(0), v(3)))).toBe('+3');
    expect(formatChange(yearChange(v(600, true), v(700)))).toBe('含近似值，不计算');
    expect(formatChange(yearChange(undefined, v(700)))).toBe('报告未载明，不计算');
  });
});


describe('compare selection in the URL', () => {
  const agencies = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const metrics = ['core_proactive', 'core_requests'];

  it('keeps known, distinct values, at most six agencies, and round-trips', () => {
    const s = selectionFromParams(new URLSearchParams('a=b&a=a&a=b&a=zz&m=core_requests&m=bogus'), agencies, metrics);
    expect(s).toEqual({ agencies: ['b', 'a'], metrics: ['core_requests'] });
    expect(selectionToParams(s).toString()).toBe('a=b&a=a&m=core_requests');
    expect(isComplete(s)).toBe(true);
    expect(selectionFromParams(new URLSearchParams(agencies.map((a) => `a=${a}`).join('&')), agencies, metrics).agencies).toHaveLength(6);
    expect(isComplete({ agencies: ['a'], metrics })).toBe(false);
    expect(isComplete({ agencies: ['a', 'b'], metrics: [] })).toBe(false);
  });
});

import { citation, plainCitation } from '../../src/lib/citation.ts';

describe('citation', () => {
  it('follows GB/T 7714 for electronic resources, with the source URL when known', () => {
    expect(citation({ title: '晋中市教育局2014年政府信息公开年度报告', published: '2017-12-06', source: {} }, { name: '晋中市教育局' }, 'https://x/reports/140700-jiaoyuju/2014/', '2026-11-23'))
      .toBe('晋中市教育局. 晋中市教育局2014年政府信息公开年度报告[EB/OL]. (2017-12-06)[2026-11-23]. https://x/reports/140700-jiaoyuju/2014/.');
    // The permalink is the access path (portals delete pages); the original address follows.
    expect(citation({ title: 'T', source: { url: 'https://gov/1.htm' } }, { name: 'A' }, 'https://x/', '2026-11-23')).toBe('A. T[EB/OL]. [2026-11-23]. https://x/. 原文：https://gov/1.htm.');
    expect(plainCitation({ title: 'T', published: '2017-12-06', source: { url: 'https://gov/1.htm' } }, { name: 'A' }, 'https://x/', '2026-11-23')).toBe('A：《T》（2017-12-06 发布）。年报档案：https://x/；原文：https://gov/1.htm。2026-11-23访问。');
  });
});

describe('compareByMetric', () => {
  const a = { id: 'a', shortName: '甲局', reports: [{ year: 2015, core: { core_proactive: { value: 600, approx: true } }, review: { status: 'machine' } }, { year: 2014, core: { core_proactive: { value: 0 } }, review: { status: 'reviewed' } }] };
  const b = { id: 'b', shortName: '乙局', reports: [{ year: 2014, core: {} }, { year: 2016, core: { core_proactive: { value: 9 } } }] };

  it('reads across: every year either reported as a row, the agencies as chosen as columns, each cell in its state (never 0)', () => {
    const c = compareByMetric([b, a], 'core_proactive');
    expect(c.agencies).toEqual([{ id: 'b', name: '乙局' }, { id: 'a', name: '甲局' }]);
    expect(c.rows).toEqual([
      { year: 2014, cells: [{ kind: 'missing', machine: false, year: 2014 }, { kind: 'value', value: { value: 0, approx: false }, year: 2014 }] },
      { year: 2015, cells: [{ kind: 'no-report' }, { kind: 'value', value: { value: 600, approx: true }, year: 2015 }] },
      { year: 2016, cells: [{ kind: 'value', value: { value: 9, approx: false }, year: 2016 }, { kind: 'no-report' }] },
    ]);
    expect(c.shared).toEqual([2014]);
    // A machine import's missing value is 未摘录.
    expect(compareByMetric([a], 'core_requests').rows.map((r) => cellState(r.cells[0]!))).toEqual(['报告未载明', '未摘录']);
    expect(compareByMetric([{ ...a, reports: [a.reports[0]!] }, { ...b, reports: [b.reports[1]!] }], 'core_proactive').shared).toEqual([]);
  });

  it('exports as CSV with Chinese headers, a state per cell and the report’s address', () => {
    const csv = comparisonCsv([compareByMetric([b, a], 'core_proactive')], () => ({ label: '主动公开信息总数', unit: '条' }), (agency, year) => `https://x/reports/${agency}/${year}/`);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).trim().split('\n')).toEqual([
      '指标,单位,年度,机构,数值,状态,本档案网址',
      '主动公开信息总数,条,2014,乙局,,报告未载明,https://x/reports/b/2014/',
      '主动公开信息总数,条,2014,甲局,0,载明,https://x/reports/a/2014/',
      '主动公开信息总数,条,2015,乙局,,无报告,',
      '主动公开信息总数,条,2015,甲局,600,约数,https://x/reports/a/2015/',
      '主动公开信息总数,条,2016,乙局,9,载明,https://x/reports/b/2016/',
      '主动公开信息总数,条,2016,甲局,,无报告,',
    ]);
  });
});
