/**
 * Text that a converter already produced (from a PDF or a Word file): page chrome,
 * titles wrapped over lines, a stray 正文, pipe tables, label lines with number
 * lines. The body keeps the report's words; the tables come out as tables.
 */
import { describe, expect, it } from 'vitest';
import { removePageChrome } from '../../src/lib/importer/inputs/text/page-chrome.ts';
import { rebuildTextTables } from '../../src/lib/importer/inputs/text/text-tables.ts';
import { textToMarkdown } from '../../src/lib/importer/inputs/text/text-to-markdown.ts';
import { extractMetrics } from '../../src/lib/importer/extract/index.ts';

describe('page chrome', () => {
  it('removes page numbers, the running header beside them and a leading 正文, and lists them', () => {
    const lines = ['正文', '某某县人民政府', '2022年政府信息公开', '工作年度报告', '一、总体情况', '某某县政务公开办', '— 1 —', '正文续写。', '某某县政务公开办', '- 2 -', '更多正文。', '某某县政务公开办', '第 3 页 共 9 页', '结尾。'];
    const { lines: kept, removed } = removePageChrome(lines);
    expect(kept).toEqual(['某某县人民政府', '2022年政府信息公开', '工作年度报告', '一、总体情况', '正文续写。', '更多正文。', '结尾。']);
    expect(removed).toEqual(expect.arrayContaining(['正文', '— 1 —', '- 2 -', '第 3 页 共 9 页', '某某县政务公开办']));
  });

  it('keeps a lone number and a 正文 that is part of the text', () => {
    const { lines } = removePageChrome(['标题报告', '正文如下。', '正文', '12']);
    expect(lines).toEqual(['标题报告', '正文如下。', '正文', '12']);
  });
});

describe('tables flattened into text', () => {
  it('rebuilds label lines followed by number lines, and one number per line, as a table', () => {
    const out = rebuildTextTables(['三、本年度办理结果', '（一）予以公开', '20 1 0 0 1 0 22', '（二）部分公开（区分处理的，只计这一情形，不计其他', '情形）', '5 0 0 0 0 0 5', '（七）总计', '25', '1', '0', '0', '1', '0', '27', '结转情况如下。']);
    const table = out.find((l) => l.includes('|'))!;
    expect(table).toContain('| （一）予以公开 | 20 | 1 | 0 | 0 | 1 | 0 | 22 |');
    expect(table).toContain('| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 5 | 0 | 0 | 0 | 0 | 0 | 5 |');
    expect(table).toContain('| （七）总计 | 25 | 1 | 0 | 0 | 1 | 0 | 27 |');
    expect(out.at(-1)).toBe('结转情况如下。');
  });

  it('leaves rows of numbers under a stack of labels unlabelled, for the reader to place by order', () => {
    const out = rebuildTextTables(['（一）予以公开', '（二）部分公开', '（七）总计', '20 1 0 0 1 0 22', '5 0 0 0 0 0 5', '25 1 0 0 1 0 27']).join('\n');
    expect(out).toContain('|  | 20 | 1 | 0 | 0 | 1 | 0 | 22 |');
    expect(out).not.toContain('| （七）总计 | 20');
  });

  it('does not take prose or a section heading for a table', () => {
    const lines = ['四、政府信息公开行政复议、行政诉讼情况', '本年度共收到申请。', '12'];
    expect(rebuildTextTables(lines)).toEqual(lines);
  });
});

describe('converted text end to end', () => {
  const text = [
    '正文',
    '某某市某某区教育局',
    '2022年政府信息公开工作',
    '年度报告',
    '一、总体情况',
    '本年度，区教育局认真贯彻《中华人民共和国政府信息公开条例》，全年主动公开政府信息',
    '1234条，进一步提升了透明度。',
    '— 1 —',
    '三、收到和处理政府信息公开申请情况',
    '| 项目 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    '| 一、本年新收政府信息公开申请数量 | 10 | 1 | 0 | 0 | 0 | 0 | 11 |',
    '| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议',
    '0 0 0 0 0',
    '未经复议直接起诉',
    '1 0 0 0 1',
    '复议后起诉',
    '0 0 0 0 0',
    '— 2 —',
  ].join('\n');

  it('gives the title as printed, the body without chrome, and the numbers of its tables', () => {
    const converted = textToMarkdown(text);
    expect(converted.title).toBe('某某市某某区教育局2022年政府信息公开工作年度报告');
    expect(converted.markdown).not.toMatch(/正文|— 1 —/);
    expect(converted.markdown).toContain('全年主动公开政府信息1234条，进一步提升了透明度。');
    expect(converted.removed).toEqual(expect.arrayContaining(['正文', '— 1 —', '— 2 —']));
    const { metrics } = extractMetrics(converted.markdown, '2021', 2022);
    const value = (id: string) => metrics.find((m) => m.metric === id)?.value;
    expect(value('proactive_total')).toBe(1234);
    expect(value('requests_new')).toBe(11);
    expect(value('requests_new.business')).toBe(1);
    expect(value('litigation_direct_total')).toBe(1);
    expect(value('review_total')).toBe(0);
    for (const m of metrics) expect(converted.markdown).toContain(m.quote);
  });
});

describe('text as pdftotext -layout writes it', () => {
  it('reads rows whose labels a neighbouring cell ran into, or that wrap mid-note, and keeps the rows apart', () => {
    const text = [
      '某某县教育局2022年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量           11 1 0 0        0    0 12',
      '二、上年结转政府信息公开申请数量           1 0 0 0         0    0 1',
      '三、本年',
      '度办理结 （一）予以公开               8 1 0 0        0    0 9',
      '果',
      '三、本年 （二）部分公开（区分处理的，只计这一情',
      '度办理结 形，不计其他情形）             2 0 0 0         0    0 2',
      '果',
    ].join('\n');
    const { markdown } = textToMarkdown(text);
    const { metrics } = extractMetrics(markdown, '2021', 2022);
    const value = (id: string) => metrics.find((m) => m.metric === id)?.value;
    expect(value('requests_new')).toBe(12);
    expect(value('result_granted')).toBe(9);
    expect(value('result_granted.business')).toBe(1);
    // Its label is cut in two and no row after it was found, so its place cannot be known: left out, not guessed.
    // (In a whole table the rows around it fix its place; the pdftotext-layout variant of the eval measures that.)
    expect(value('result_partial')).toBeUndefined();
    for (const m of metrics) expect(markdown).toContain(m.quote);
  });
});
