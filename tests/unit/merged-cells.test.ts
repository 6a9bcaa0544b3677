/**
 * The full text's tables as published: merged cells rebuilt from the repeated cells of the Markdown grid
 * (rehype-merged-cells.ts), each table in a scrolling box with its first column marked (rehype-table-scroll.ts),
 * and imported rows with fewer label cells aligned under the right columns (rehype-aligned-rows.ts).
 */
import { describe, expect, it } from 'vitest';
import { parse, type HTMLElement } from 'node-html-parser';
import { createBodyRenderer } from '../../src/lib/markdown/processor.ts';
import { mergedSpans } from '../../src/lib/markdown/rehype-merged-cells.ts';

const renderer = createBodyRenderer();
const render = async (markdown: string, frontmatter: Record<string, unknown> = {}) => {
  return parse((await renderer(markdown, frontmatter)).html);
};

/** The 2021 template's table 三, its header and first rows as an import writes them: every merged cell spelled out. */
const TABLE_3 = [
  '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | 申请人情况 | 申请人情况 |',
  '| --- | --- | --- | --- | --- | --- |',
  '| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 | 法人或其他组织 | 总计 |',
  '| 一、本年新收政府信息公开申请数量 | 一、本年新收政府信息公开申请数量 | 一、本年新收政府信息公开申请数量 | 20 | 3 | 23 |',
  '| 三、本年度办理结果 | （一）予以公开 | （一）予以公开 | 5 | 0 | 5 |',
  '| 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 |',
  '| 三、本年度办理结果 | （三）不予公开 | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 |',
].join('\n');

const ROW = '一、本年新收政府信息公开申请数量 | 一、本年新收政府信息公开申请数量 | 一、本年新收政府信息公开申请数量 | 20 | 3 | 23';
const spans = (cell: HTMLElement | null) => [cell?.getAttribute('colspan') ?? '1', cell?.getAttribute('rowspan') ?? '1'];
const cellWith = (doc: HTMLElement, text: string) => [...doc.querySelectorAll('td, th')].find((c) => c.textContent === text) ?? null;

describe('tables as published', () => {
  it('rebuilds merged cells so no label repeats, and keeps every value', async () => {
    const doc = await render(TABLE_3);
    const texts = [...doc.querySelectorAll('td, th')].map((c) => c.textContent);
    for (const label of ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况', '三、本年度办理结果', '（三）不予公开', '（一）予以公开', '一、本年新收政府信息公开申请数量']) {
      expect(texts.filter((t) => t === label), label).toHaveLength(1);
    }
    expect(spans(cellWith(doc, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'))).toEqual(['3', '2']);
    expect(spans(cellWith(doc, '申请人情况'))).toEqual(['3', '1']);
    expect(spans(cellWith(doc, '一、本年新收政府信息公开申请数量'))).toEqual(['3', '1']);
    expect(spans(cellWith(doc, '三、本年度办理结果'))).toEqual(['1', '3']);
    expect(spans(cellWith(doc, '（一）予以公开'))).toEqual(['2', '1']);
    expect(spans(cellWith(doc, '（三）不予公开'))).toEqual(['1', '2']);
    // The numbers stay one per cell, zeros side by side included: 3 per data row.
    expect(texts.filter((t) => /^\d+$/.test(t ?? ''))).toEqual(['20', '3', '23', '5', '0', '5', '0', '0', '0', '0', '0', '0']);
    // The corner spans the header's two rows, so the second one moved into <thead> (a rowspan cannot cross sections).
    expect(doc.querySelectorAll('thead tr')).toHaveLength(2);
    expect(doc.querySelector('thead')?.textContent).toContain('自然人');
    expect(doc.querySelector('tbody tr')?.textContent).toContain('一、本年新收');
    // Each row's cells plus the cells spanning into it from above fill the table's six columns.
    const rows = [...doc.querySelectorAll('tr')];
    const filled = rows.map(() => 0);
    rows.forEach((tr, r) => {
      for (const cell of tr.querySelectorAll('td, th')) {
        const [columns, rowSpan] = spans(cell).map(Number);
        for (let k = 0; k < rowSpan!; k++) filled[r + k]! += columns!;
      }
    });
    expect(filled).toEqual(rows.map(() => 6));
  });

  it('keeps units and word answers in every row, and numbers never merge', async () => {
    const doc = await render('| 指标 | 单位 | 数量 |\n| --- | --- | --- |\n| 行政复议数 | 件 | 0 |\n| 行政诉讼数 | 件 | 0 |\n| 是否收费 | 无 | 无 |\n');
    const texts = [...doc.querySelectorAll('td')].map((c) => c.textContent);
    expect(texts).toEqual(['行政复议数', '件', '0', '行政诉讼数', '件', '0', '是否收费', '无', '无']);
    expect(doc.querySelector('[rowspan], [colspan]')).toBeNull();
  });

  it('leaves a quoted cell and a label holding a row anchor as cells of their own', async () => {
    const cell = (column: string, position: number) => ({ table: '表三', row: '一、本年新收政府信息公开申请数量', column, position });
    const doc = await render(TABLE_3, {
      metrics: {
        'requests_new.natural_person': { value: 20, quote: ROW, cell: cell('自然人', 4) },
        requests_new: { value: 999, quote: ROW, cell: cell('总计', 6) },
      },
    });
    expect(doc.querySelector('td.quote-cell')?.textContent).toBe('20');
    // The total's cell does not hold 999: its anchor sits in the row's first label cell, which therefore does not merge.
    const anchored = doc.querySelector('.cell-anchor')?.closest('td');
    expect(anchored?.textContent).toBe('一、本年新收政府信息公开申请数量');
    expect(anchored?.hasAttribute('colspan')).toBe(false);
    expect(doc.querySelector('tr.quote')?.querySelectorAll('td')).toHaveLength(5);
  });

  it('boxes each table for scrolling and marks its row labels, pinning the first column only when it is the one label column', async () => {
    const doc = await render(TABLE_3);
    const box = doc.querySelector('div.table-scroll');
    expect(box?.getAttribute('tabindex')).toBe('0');
    expect(box?.querySelector('table')?.parentNode).toBe(box);
    // Labels over three columns: all marked as labels (spans from above taken into account), none pinned.
    expect([...doc.querySelectorAll('.label')].map((c) => c.textContent)).toEqual([
      '一、本年新收政府信息公开申请数量',
      '三、本年度办理结果',
      '（一）予以公开',
      '（三）不予公开',
      '1.属于国家秘密',
      '2.其他法律行政法规禁止公开',
    ]);
    expect(doc.querySelectorAll('.first-col')).toHaveLength(0);
    const simple = await render('| 指标 | 单位 | 数量 |\n| --- | --- | --- |\n| 行政复议数 | 件 | 0 |\n| 行政诉讼数 | 件 | 1 |\n');
    expect(simple.querySelectorAll('.first-col').map((c) => c.textContent)).toEqual(['指标', '行政复议数', '行政诉讼数']);
  });

  it('finds the largest rectangles of equal labels, right then down', () => {
    const grid = [
      ['甲', '甲', '乙'],
      ['甲', '甲', '丙'],
      ['丁', '1', '1'],
    ];
    expect(mergedSpans(grid, (r, c) => /\p{Script=Han}/u.test(grid[r]![c]!))).toEqual([{ row: 0, column: 0, rows: 2, columns: 2 }]);
  });
});

describe('imported rows aligned', () => {
  it('moves the values of a row with fewer label cells under their columns, its last label spanning the gap', async () => {
    // As an import writes a tab table whose 予以公开 row had one label cell where others have two: blank padding on the right.
    const doc = await render(
      [
        '| | | 自然人 | 法人 | 总计 |',
        '| --- | --- | --- | --- | --- |',
        '| （三）不予公开 | 1.属于国家秘密 | 0 | 1 | 1 |',
        '| （一）予以公开 | 21 | 3 | 24 | |',
      ].join('\n'),
    );
    const last = doc.querySelectorAll('tbody tr').at(-1)!;
    expect(last.querySelectorAll('td').map((c) => [c.textContent, c.getAttribute('colspan') ?? null])).toEqual([
      ['（一）予以公开', '2'],
      ['21', null],
      ['3', null],
      ['24', null],
    ]);
  });

  it('leaves a row alone when moving it would not fill the value columns exactly', async () => {
    const markdown = ['| 指标 | 一月 | 二月 | 三月 |', '| --- | --- | --- | --- |', '| 甲 | 1 | 2 | 3 |', '| 乙 | 4 | | |'].join('\n');
    const doc = await render(markdown);
    expect(doc.querySelectorAll('tbody tr').at(-1)!.querySelectorAll('td').map((c) => c.textContent)).toEqual(['乙', '4', '', '']);
  });
});
