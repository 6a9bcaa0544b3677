import { describe, expect, it } from 'vitest';
import { CORE_METRICS, coreValue, findCoreMetric } from '../../src/lib/catalogue/core.ts';
import type { MetricValue } from '../../src/lib/metric-value.ts';
import { checkCarryOver } from '../../src/lib/quality/carryover.ts';
import { completeness } from '../../src/lib/quality/completeness.ts';
import { sentencesOf, shareIn, similarities } from '../../src/lib/quality/similarity.ts';
import { checkCategorySum, checkIdentities } from '../../src/lib/quality/sums.ts';

const v = (value: number, approx = false): MetricValue => ({ value, approx });
const metrics = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).map(([k, n]) => [k, v(n)]));

describe('core metrics across editions', () => {
  it('take one row, or add up several, only when all are reported', () => {
    const denied = findCoreMetric('core_denied')!;
    const rows = Object.fromEntries(denied.sources['2021'].metrics.map((id, i) => [id, v(i)]));
    expect(coreValue({ edition: '2021', metrics: rows }, denied).value).toEqual({ value: 28, approx: false });
    const { result_denied_query_matters: _gone, ...partial } = rows;
    expect(coreValue({ edition: '2021', metrics: partial }, denied).value).toBeUndefined();
    expect(coreValue({ edition: 'pre2019', metrics: { responses_denied: v(2) } }, denied)).toMatchObject({
      value: { value: 2 }, sourceLabel: '不予公开答复总数',
    });
  });

  it('carry approximation and say where definitions changed', () => {
    const proactive = findCoreMetric('core_proactive')!;
    expect(coreValue({ edition: 'pre2019', metrics: { proactive_total: v(600, true) } }, proactive).value).toEqual({ value: 600, approx: true });
    expect(findCoreMetric('core_requests')!.sources.pre2019.note).toContain('申请总数');
    for (const core of CORE_METRICS) for (const s of Object.values(core.sources)) expect(s.metrics.length).toBeGreaterThan(0);
  });
});

describe('sum checks', () => {
  it('compare categories with their total, with a tolerance for approximate values', () => {
    const categories = [{ label: '甲', ...v(21) }, { label: '乙', ...v(450) }];
    expect(checkCategorySum({ id: 'a', metrics: { proactive_total: v(471) }, categories })).toEqual([]);
    expect(checkCategorySum({ id: 'a', metrics: { proactive_total: v(480) }, categories })[0]!.message).toBe('主动公开：各类信息之和 471，总数印为 480');
    expect(checkCategorySum({ id: 'a', metrics: { proactive_total: v(600, true) }, categories: [...categories, { label: '丙', ...v(120, true) }] })).toEqual([]);
    expect(checkCategorySum({ id: 'a', metrics: { proactive_total: v(900, true) }, categories })[0]!.message).toContain('（含约数，相差 20% 以内才算相符）');
  });

  it('check table 三: 一 + 二 = 三（七）+ 四 in every column, each row against its 总计, （七）against the results', () => {
    const ok = metrics({ requests_new: 74, requests_carried_over: 1, result_total: 75, requests_carried_forward: 0, 'requests_new.business': 3, 'requests_carried_over.business': 0, 'result_total.business': 3, 'requests_carried_forward.business': 0 });
    expect(checkIdentities({ id: 'a', edition: '2021', metrics: ok, categories: [] })).toEqual([]);
    const bad = { ...ok, 'result_total.business': v(4) };
    expect(checkIdentities({ id: 'a', edition: '2021', metrics: bad, categories: [] })).toEqual([
      { kind: 'identity', report: 'a', message: '表三“商业企业”列：本年新收与上年结转之和 3，办理结果总计与结转下年度之和 4' },
    ]);
    const row = metrics({ 'result_granted.natural_person': 5, 'result_granted.business': 1, 'result_granted.research': 0, 'result_granted.public_interest': 0, 'result_granted.legal_service': 0, 'result_granted.other_org': 0, result_granted: 7 });
    expect(checkIdentities({ id: 'a', edition: '2021', metrics: row, categories: [] })[0]!.message).toBe('表三“予以公开”：各类申请人之和 6，总计印为 7');
  });

  it('check table 四: 总计 = the four before it; pre2019 reports have no table identities', () => {
    const four = metrics({ review_upheld: 0, review_corrected: 1, review_other: 1, review_pending: 0, review_total: 2 });
    expect(checkIdentities({ id: 'a', edition: '2019', metrics: four, categories: [] })).toEqual([]);
    expect(checkIdentities({ id: 'a', edition: '2019', metrics: { ...four, review_total: v(3) }, categories: [] })[0]!.message).toBe('表四 行政复议：各项之和 2，总计印为 3');
    expect(checkIdentities({ id: 'a', edition: 'pre2019', metrics: { ...four, review_total: v(3) }, categories: [] })).toEqual([]);
  });
});

describe('carry-over across years', () => {
  it('finds a carried-forward count that the next year does not carry over', () => {
    const y2021 = { id: 'x/2021', year: 2021, metrics: metrics({ requests_carried_forward: 2 }) };
    expect(checkCarryOver([y2021, { id: 'x/2022', year: 2022, metrics: metrics({ requests_carried_over: 2 }) }])).toEqual([]);
    expect(checkCarryOver([{ id: 'x/2022', year: 2022, metrics: metrics({ requests_carried_over: 1 }) }, y2021])).toEqual([
      { kind: 'carryover', report: 'x/2022', message: '表三“总计”列：上年结转印为 1 件，2021 年度报告的结转下年度继续办理印为 2 件' },
    ]);
    expect(checkCarryOver([y2021, { id: 'x/2023', year: 2023, metrics: metrics({ requests_carried_over: 9 }) }])).toEqual([]);
  });
});

describe('statutory completeness', () => {
  it('uses the law of the report year and lists what the text covers', () => {
    const old = completeness(2014, '主动公开……未收到申请……未收费……没有行政复议……存在的问题');
    expect(old.map((i) => i.found)).toEqual([true, true, true, true, true, false]);
    expect(old).toHaveLength(6);
    expect(completeness(2022, '主动公开 收到和处理政府信息公开申请 行政复议 问题 其他需要报告的事项').every((i) => i.found)).toBe(true);
    expect(completeness(2022, '')).toHaveLength(5);
  });
});

describe('similarity', () => {
  const a = '我局高度重视政府信息公开工作。成立了政府信息公开工作领导小组。本年度主动公开信息共计一百条。';
  const b = '我局高度重视政府信息公开工作。成立了政府信息公开工作领导小组。本年度主动公开信息共计两百条。';
  const c = '全新的一份报告文字与前面完全不同。';

  it('measures the share of sentences one text repeats from another', () => {
    expect(sentencesOf(a).size).toBe(3);
    expect(shareIn(sentencesOf(a), sentencesOf(b))).toBeCloseTo(2 / 3);
    expect(shareIn(sentencesOf(c), sentencesOf(a))).toBe(0);
  });

  it('finds the previous report of the same agency and the most similar report of another', () => {
    const result = similarities([
      { id: 'x/2013', agency: 'x', year: 2013, sentences: sentencesOf(a) },
      { id: 'x/2014', agency: 'x', year: 2014, sentences: sentencesOf(b) },
      { id: 'y/2014', agency: 'y', year: 2014, sentences: sentencesOf(a) },
      { id: 'z/2014', agency: 'z', year: 2014, sentences: sentencesOf(c) },
    ]);
    expect(result.get('x/2014')!.previous).toEqual({ id: 'x/2013', share: 2 / 3 });
    expect(result.get('x/2013')!.previous).toBeUndefined();
    expect(result.get('y/2014')!.otherAgency).toEqual({ id: 'x/2013', share: 1 });
    expect(result.get('z/2014')).toEqual({});
  });
});
