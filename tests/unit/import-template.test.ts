/**
 * Tables read by the template's shape: every form a table 三 or 四 takes after a
 * converter (grids, generic headers, a table per row group, text lines, lost
 * labels), placed by position, with the template's arithmetic as evidence.
 */
import { describe, expect, it } from 'vitest';
import { APPLICANT_COLUMNS, TABLE_3_ROWS } from '../../src/lib/catalogue/index.ts';
import { extractMetrics } from '../../src/lib/importer/extract/index.ts';
import { coreMatches, foldCharacters, labelCore, matchLabel, ownLabel } from '../../src/lib/importer/template/labels.ts';
import { statRows } from '../../src/lib/importer/template/rows.ts';
import { readTable3 } from '../../src/lib/importer/template/table3.ts';

const ROWS_2021 = TABLE_3_ROWS.filter((r) => r.editions.includes('2021'));

/** A consistent table 三 of the 2021 edition: each row's applicant columns, then 总计. */
function table3Values(): Map<string, number[]> {
  const v = new Map<string, number[]>();
  const row = (id: string, cols: number[]) => v.set(id, [...cols, cols.reduce((a, b) => a + b, 0)]);
  for (const r of ROWS_2021) row(r.id, [0, 0, 0, 0, 0, 0]);
  row('requests_new', [40, 3, 0, 1, 2, 0]);
  row('requests_carried_over', [2, 0, 0, 0, 0, 0]);
  row('result_granted', [20, 1, 0, 0, 1, 0]);
  row('result_partial', [5, 0, 0, 0, 0, 0]);
  row('result_denied_process_info', [2, 0, 0, 0, 0, 0]);
  row('result_unable_not_held', [10, 2, 0, 1, 1, 0]);
  row('result_other_other', [3, 0, 0, 0, 0, 0]);
  row('result_total', [40, 3, 0, 1, 2, 0]);
  row('requests_carried_forward', [2, 0, 0, 0, 0, 0]);
  return v;
}

const values = table3Values();
const metricsOf = (markdown: string, edition: '2019' | '2021' = '2021') => extractMetrics(markdown, edition, 2022);
const valueOf = (markdown: string, id: string) => metricsOf(markdown).metrics.find((m) => m.metric === id)?.value;

describe('labels', () => {
  it('compares labels without numbering, notes, bracket width, quotes or look-alike characters', () => {
    expect(labelCore('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('部分公开');
    expect(labelCore('2、部分公开')).toBe('部分公开');
    expect(labelCore('(七)总计')).toBe('总计');
    expect(labelCore('3.危及"三安全一稳定"')).toBe(labelCore('3.危及“三安全一稳定”'));
    expect(labelCore('① 属于国家秘密')).toBe('属于国家秘密');
    expect(foldCharacters('⾏政复议')).toBe('行政复议');
    expect(labelCore('本年度行政事业性收费（单位：万元）')).toBe('本年度行政事业性收费');
  });

  it('finds a row’s own label after text a converter ran into it from the cells beside it', () => {
    expect(ownLabel('度办理结 （一）予以公开')).toBe('（一）予以公开');
    expect(ownLabel('度办理结 予公开 1.属于国家秘密')).toBe('1.属于国家秘密');
    expect(ownLabel('（一）予以公开')).toBeUndefined();
    expect(matchLabel('度办理结 （一）予以公开', [{ core: '予以公开', value: 'granted' }, { core: '部分公开', value: 'partial' }])).toBe('granted');
  });

  it('accepts a long label cut short by a line break or one character off, never a short one', () => {
    expect(coreMatches('申请人无正当理由逾期不补正行政机关不再处理其政府信息公开', '申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请')).toBe(true);
    expect(coreMatches('本机关不掌握相关政府信患', '本机关不掌握相关政府信息')).toBe(true);
    expect(coreMatches('其他', '其他处理')).toBe(false);
    expect(coreMatches('重复', '重复申请')).toBe(false);
  });
});

describe('table 三 by shape', () => {
  it('reads a grid with the official labels', () => {
    const md = ROWS_2021.map((r) => `| ${r.source} | ${values.get(r.id)!.join(' | ')} |`).join('\n');
    const { metrics, withheld } = metricsOf(`| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n| - | - | - | - | - | - | - | - |\n${md}\n`);
    expect(withheld).toEqual([]);
    expect(metrics.find((m) => m.metric === 'requests_new')?.value).toBe(46);
    expect(metrics.find((m) => m.metric === 'requests_new.legal_service')?.value).toBe(2);
    expect(metrics.find((m) => m.metric === 'result_other_other')?.value).toBe(3);
    expect(metrics.filter((m) => m.metric.startsWith('result_') || m.metric.startsWith('requests_'))).toHaveLength(ROWS_2021.length * 7);
  });

  it('reads one small table per row group with generic headers (数据1 … 数据6 | 总计) and renumbered labels', () => {
    const groups = [ROWS_2021.slice(0, 2), ROWS_2021.slice(2, 12), ROWS_2021.slice(12, 20), ROWS_2021.slice(20)];
    const md = groups
      .map((g) => ['| 项目 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |', '| --- | --- | --- | --- | --- | --- | --- | --- |', ...g.map((r, i) => `| ${i + 1}、${labelCore(r.source)} | ${values.get(r.id)!.join(' | ')} |`)].join('\n'))
      .join('\n\n');
    expect(valueOf(md, 'result_granted')).toBe(22);
    expect(valueOf(md, 'result_unable_not_held.business')).toBe(2);
    expect(valueOf(md, 'requests_carried_forward')).toBe(2);
  });

  it('reads text lines that end in the numbers, and a row with one number as 总计', () => {
    const md = ['（一）予以公开 20 1 0 0 1 0 22', '', '（二）部分公开 5', ''].join('\n');
    const { found } = readTable3(statRows(md), '2021');
    expect(found.filter((f) => f.metric.startsWith('result_granted'))).toHaveLength(7);
    expect(found.filter((f) => f.metric.startsWith('result_partial')).map((f) => [f.metric, f.value])).toEqual([['result_partial', 5]]);
  });

  it('takes blank cells and dashes as not reported, and a printed 0 as 0', () => {
    const md = '| （一）予以公开 | 20 | - | — |  | 0 | 0 | 20 |\n';
    const { found } = readTable3(statRows(md), '2021');
    const ids = found.map((f) => f.metric);
    expect(ids).toContain('result_granted.natural_person');
    expect(ids).not.toContain('result_granted.business');
    expect(ids).not.toContain('result_granted.research');
    expect(ids).not.toContain('result_granted.public_interest');
    expect(found.find((f) => f.metric === 'result_granted.legal_service')?.value).toBe(0);
  });

  it('never invents a blank 总计', () => {
    const md = '| （一）予以公开 | 20 | 1 | 0 | 0 | 1 | 0 |  |\n';
    const { found } = readTable3(statRows(md), '2021');
    expect(found.map((f) => f.metric)).not.toContain('result_granted');
    expect(found).toHaveLength(6);
  });

  it('maps columns by the header where a grid repeated a spanned cell', () => {
    const md = [
      '| 项目 | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 |',
      '| - | - | - | - | - | - | - | - | - |',
      '| 项目 | 自然人 | 法人或其他组织 | 法人或其他组织 | 法人或其他组织 | 法人或其他组织 | 法人或其他组织 | 法人或其他组织 | 总计 |',
      '| 项目 |  | 商业企业 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
      '| 一、本年新收政府信息公开申请数量 | 64 | 0 | 0 | 0 | 2 | 0 | 4 | 70 |',
    ].join('\n');
    const { found } = readTable3(statRows(md), '2021');
    expect(Object.fromEntries(found.map((f) => [f.metric, f.value]))).toEqual({
      'requests_new.natural_person': 64, 'requests_new.business': 0, 'requests_new.research': 0, 'requests_new.public_interest': 2,
      'requests_new.legal_service': 0, 'requests_new.other_org': 4, requests_new: 70,
    });
  });

  it('refuses a row whose numbers cannot be placed, with a warning', () => {
    const { found, warnings } = readTable3(statRows('| （一）予以公开 | 20 | 1 | 22 |\n'), '2021');
    expect(found).toEqual([]);
    expect(warnings[0]).toContain('无法确定各列');
  });
});

describe('lost labels and arithmetic as evidence', () => {
  /** The numbers of table 三 as bare rows: the PDF printed the labels elsewhere. */
  const bare = (v: Map<string, number[]>) =>
    ['## 三、收到和处理政府信息公开申请情况', '', '| 申请人情况 | | | | | | |', '| - | - | - | - | - | - | - |', ...ROWS_2021.map((r) => `| ${v.get(r.id)!.join(' | ')} |`)].join('\n');

  /** Every kept value of table 三 equals the table it was read from: nothing placed a row off. */
  const noneWrong = (metrics: readonly { metric: string; value: number }[], table: Map<string, number[]>) => {
    const columns: string[] = APPLICANT_COLUMNS.map((c) => c.id);
    for (const m of metrics) {
      const [row, column] = m.metric.split('.');
      if (!table.has(row!)) continue;
      expect(m.value, m.metric).toBe(table.get(row!)![column ? columns.indexOf(column) : 6]);
    }
  };

  it('places rows by template order only where the arithmetic tells a row from its neighbours, and records what confirmed each value', () => {
    const { metrics, withheld } = metricsOf(bare(values));
    noneWrong(metrics, values);
    // （七）总计 and 四 are told apart from their neighbours: swapping either with the next row breaks an identity.
    const total = metrics.find((m) => m.metric === 'result_total')!;
    expect(total.value).toBe(46);
    expect(total.confirmedBy).toEqual(expect.arrayContaining(['t3_balance', 't3_results', 't3_row.result_total']));
    expect(metrics.find((m) => m.metric === 'requests_carried_forward')?.value).toBe(2);
    // 一 and 二 both stand on the left of 一 + 二 = 三（七）+ 四: swapped, the identity still holds, so it proves nothing.
    expect(metrics.find((m) => m.metric === 'requests_new')).toBeUndefined();
    expect(withheld.find((w) => w.metric === 'requests_new')?.reason).toContain('与相邻一行对调后仍然成立');
    // A row of zeros between rows of zeros is the same whichever of them it is.
    expect(metrics.find((m) => m.metric === 'result_not_processed_repeated')?.value).toBe(0);
  });

  it('withholds rows placed by order when the arithmetic does not confirm them, and says why', () => {
    const broken = new Map(values);
    broken.set('result_granted', [21, 1, 0, 0, 1, 0, 23]); // (一) no longer adds up to (七)
    const { metrics, withheld, warnings } = metricsOf(bare(broken));
    expect(metrics.find((m) => m.metric === 'result_granted')).toBeUndefined();
    expect(withheld.some((w) => w.metric === 'result_granted' && w.value === 23)).toBe(true);
    expect(warnings.some((w) => w.includes('result_granted') && w.includes('模板顺序'))).toBe(true);
    noneWrong(metrics, broken);
  });

  it('stores no cell of a row whose printed 总计 disagrees with its columns, and says so', () => {
    const md = `| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 5 |\n`;
    const { metrics, withheld } = metricsOf(md);
    expect(metrics.filter((m) => m.metric.startsWith('requests_new'))).toEqual([]);
    expect(withheld.find((w) => w.metric === 'requests_new')).toMatchObject({ value: 5, reason: expect.stringContaining('各类申请人之和（1）与所印总计（5）不符') });
  });

  it('keeps labelled rows as printed when the report does not add up across rows', () => {
    const md = [
      '| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
      '| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '| （七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |',
      '| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    ].join('\n');
    const { metrics } = metricsOf(md);
    expect(metrics.find((m) => m.metric === 'requests_new')).toMatchObject({ value: 1, confirmedBy: ['t3_row.requests_new'] });
    expect(metrics.find((m) => m.metric === 'result_total')?.value).toBe(3);
  });

  it('fills the rows between labelled ones when exactly that many bare rows stand there, keeping what the arithmetic tells apart', () => {
    const lines = ROWS_2021.map((r, i) => (i === 0 || i === ROWS_2021.length - 1 ? `| ${r.source} | ${values.get(r.id)!.join(' | ')} |` : `|  | ${values.get(r.id)!.join(' | ')} |`));
    const { metrics, withheld } = metricsOf(lines.join('\n'));
    noneWrong(metrics, values);
    expect(metrics.find((m) => m.metric === 'requests_new')?.value).toBe(46);
    expect(metrics.find((m) => m.metric === 'result_total')?.value).toBe(46);
    // 部分公开 (5) between 予以公开 (22) and a row of zeros: which result row is which, no sum can tell.
    expect(withheld.find((w) => w.metric === 'result_partial')?.reason).toContain('对调');
  });
});

describe('table 四 by shape', () => {
  const heading = '## 四、政府信息公开行政复议、行政诉讼情况\n\n';
  it('reads three rows of five named by their section', () => {
    const md = `${heading}| 行政复议 | 1 | 0 | 0 | 0 | 1 |\n| - | - | - | - | - | - |\n| 行政诉讼（未经复议直接起诉） | 0 | 2 | 0 | 1 | 3 |\n| 复议后起诉 | 0 | 0 | 0 | 0 | 0 |\n`;
    const { metrics } = metricsOf(md);
    expect(metrics.find((m) => m.metric === 'review_total')?.value).toBe(1);
    expect(metrics.find((m) => m.metric === 'litigation_direct_corrected')?.value).toBe(2);
    expect(metrics.find((m) => m.metric === 'litigation_after_review_total')?.value).toBe(0);
  });

  it('places three unnamed rows of five in order only where a cell is the same whichever section it is', () => {
    const rows = (a: string) => `${heading}| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n| - | - | - | - | - |\n${a}`;
    // Each section adds up whichever order the rows stand in: the sums cannot tell the sections apart.
    const good = metricsOf(rows('| 1 | 0 | 0 | 0 | 1 |\n| 0 | 2 | 0 | 1 | 3 |\n| 0 | 0 | 0 | 0 | 0 |\n'));
    expect(good.metrics.find((m) => m.metric === 'litigation_direct_total')).toBeUndefined();
    expect(good.withheld.find((w) => w.metric === 'litigation_direct_total')?.reason).toContain('对调');
    expect(good.metrics.find((m) => m.metric === 'litigation_direct_other')?.value).toBe(0);
    const bad = metricsOf(rows('| 1 | 0 | 0 | 0 | 1 |\n| 0 | 2 | 0 | 1 | 4 |\n| 0 | 0 | 0 | 0 | 0 |\n'));
    expect(bad.metrics.find((m) => m.metric.startsWith('litigation_direct') && m.metric !== 'litigation_direct_other')).toBeUndefined();
    // Here the sums do tell: with 行政复议's numbers in the next row, 行政复议 would fail (that row does not add up).
    expect(bad.metrics.find((m) => m.metric === 'review_total')?.value).toBe(1);
  });
});
