/**
 * The review's writing side, without a browser: front-matter edits that change only their own lines
 * (review/edit-front-matter.ts), and an editor's decisions as edits (review/decisions.ts).
 */
import { describe, expect, it } from 'vitest';
import { reviewPlan } from '../../src/lib/review/decisions.ts';
import { editFrontMatter, FrontMatterEditError } from '../../src/lib/review/edit-front-matter.ts';
import { reportSchema } from '../../src/lib/schema/report.ts';
import { parseYaml, splitFrontMatter } from '../../src/lib/validate/front-matter.ts';

const FILE = `---
agency: 350128-guanweihui
year: 2021
title: "平潭综合实验区2021年度政府信息公开工作年度报告"   # as printed
edition: '2021'
review:
  status: machine
imported:
  at: '2026-12-07'
  withheld:
    - metric: requests_new
      value: 71
      quote: 一、本年新收政府信息公开申请数量 | 64 | 0 | 0 | 0 | 2 | 0 | 4 | 71
      cell: { table: 表三, row: 一、本年新收政府信息公开申请数量, column: 总计, position: 9 }
      reason: 不符
    - metric: requests_new.other_org
      value: 4
      quote: 一、本年新收政府信息公开申请数量 | 64 | 0 | 0 | 0 | 2 | 0 | 4 | 71
      reason: 不符
source:
  file: in.txt
metrics:
  proactive_total:
    value: 2645
    quote: 全年主动公开政府信息2645条。
  rules_issued: {value: 0, quote: "规章 | 0 | 0 | 0", cell: {table: 表二, row: 规章, column: 本年制发件数, position: 2}}
---

全年主动公开政府信息2645条。

| 规章 | 0 | 0 | 0 |
| --- | --- | --- | --- |
| 一、本年新收政府信息公开申请数量 | 64 | 0 | 0 | 0 | 2 | 0 | 4 | 71 |
`;

const data = () => reportSchema.parse(parseYaml(splitFrontMatter(FILE).frontMatter!).data);

describe('editFrontMatter', () => {
  it('changes only the lines of the entries it edits: comments, quoting and flow style elsewhere stay', () => {
    const out = editFrontMatter(FILE, [{ op: 'set', path: ['metrics', 'proactive_total', 'value'], value: 2600 }]);
    expect(out).toBe(FILE.replace('    value: 2645\n', '    value: 2600\n'));
  });

  it('adds entries at the mapping’s indentation, quotes dates, and removes list items and emptied lists', () => {
    const out = editFrontMatter(FILE, [
      { op: 'set', path: ['review'], value: { status: 'reviewed', by: '张三', at: '2026-12-08' } },
      { op: 'delete', path: ['imported', 'withheld', 1] },
      { op: 'delete', path: ['imported', 'withheld', 0] },
      { op: 'set', path: ['metrics', 'requests_new'], value: { value: 70, quote: 'x' } },
    ]);
    expect(out).toContain('review:\n  status: reviewed\n  by: 张三\n  at: "2026-12-08"\nimported:\n  at: \'2026-12-07\'\nsource:');
    expect(out).not.toContain('withheld');
    expect(out).toContain('  rules_issued: {value: 0, quote: "规章 | 0 | 0 | 0", cell: {table: 表二, row: 规章, column: 本年制发件数, position: 2}}\n  requests_new:\n    value: 70\n    quote: x\n---\n');
    expect(out).toContain('title: "平潭综合实验区2021年度政府信息公开工作年度报告"   # as printed');
    expect(splitFrontMatter(out).body).toBe(splitFrontMatter(FILE).body);
  });

  it('replaces a flow mapping entry whole, and refuses a file without front-matter', () => {
    const out = editFrontMatter(FILE, [{ op: 'delete', path: ['metrics', 'rules_issued'] }]);
    expect(out).not.toContain('rules_issued');
    expect(out).toContain('    quote: 全年主动公开政府信息2645条。\n---\n');
    expect(() => editFrontMatter('正文', [])).toThrow(FrontMatterEditError);
  });
});

describe('reviewPlan', () => {
  it('turns corrections, rejections and taken withheld values into edits, withheld items last to first', () => {
    const plan = reviewPlan(data(), {
      values: { proactive_total: { kind: 'correct', value: 2600, approx: true }, rules_issued: { kind: 'reject' } },
      withheld: { 0: { kind: 'correct', value: 70, approx: false }, 1: { kind: 'reject' } },
      markReviewed: true,
      reviewer: '张三',
      today: '2026-12-08',
    });
    expect(plan.problems).toEqual([]);
    const out = editFrontMatter(FILE, plan.edits);
    const after = reportSchema.parse(parseYaml(splitFrontMatter(out).frontMatter!).data);
    expect(after.metrics['proactive_total']).toMatchObject({ value: 2600, approx: true, note: '审核改正：导入值为 2645' });
    expect(after.metrics['rules_issued']).toBeUndefined();
    // Taken and corrected: the cell that held 71 no longer names its position.
    expect(after.metrics['requests_new']).toMatchObject({ value: 70, cell: { table: '表三', column: '总计' } });
    expect(after.metrics['requests_new']!.cell!.position).toBeUndefined();
    expect(after.imported?.withheld).toEqual([]);
    expect(after.review).toEqual({ status: 'reviewed', by: '张三', at: '2026-12-08' });
  });

  it('refuses to mark reviewed with undecided withheld values or without a reviewer, and a second value for a metric', () => {
    const plan = reviewPlan(data(), { values: {}, withheld: { 0: { kind: 'accept' } }, markReviewed: true, today: '2026-12-08' });
    expect(plan.problems).toEqual(['还有 1 个导入时未采用的数值没有决定（采用、改正或否决）：决定后才能标记为已核对', '标记为已核对须写明核对人']);
    const twice = reviewPlan(data(), { values: {}, withheld: { 0: { kind: 'accept' } }, markReviewed: false, today: '2026-12-08' });
    expect(twice.problems).toEqual([]);
    const clash = reviewPlan({ ...data(), metrics: { ...data().metrics, requests_new: { value: 70, approx: false } } }, { values: {}, withheld: { 0: { kind: 'accept' } }, markReviewed: false, today: '2026-12-08' });
    expect(clash.problems[0]).toContain('requests_new 已有数值 70');
  });
});
