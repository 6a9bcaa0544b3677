/**
 * PDF and Word inputs. The PDF fixture was printed by Chromium from
 * tests/fixtures/import/printed-2022.html: its title wraps over two lines, a
 * converter's 正文 stands first, page numbers are printed, table 三 runs over a
 * page break and one of its cells is blank. The Word fixture is a minimal .docx
 * with a spanned label cell and a number split across runs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/importer/import-report.ts';
import { layoutText, type TextItem } from '../../src/lib/importer/inputs/pdf/pdf-layout.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
const valueOf = (report: Awaited<ReturnType<typeof importFile>>, id: string) => report.metrics.find((m) => m.metric === id)?.value;

describe('PDF', () => {
  it('imports a printed report: title rejoined, chrome gone, the table read across the page break, a blank cell not reported', async () => {
    const report = await importFile('printed-2022.pdf', fixture('printed-2022.pdf'), { agencies: [] });
    expect(report.encoding).toBe('pdf');
    expect(report.title).toBe('扬州市广陵区教育局2022年政府信息公开工作年度报告');
    expect(report.body).not.toMatch(/— \d —|^正文/m);
    expect(report.removed).toEqual(expect.arrayContaining(['正文', '— 1 —', '— 2 —']));
    expect(valueOf(report, 'requests_new')).toBe(13);
    expect(valueOf(report, 'requests_new.research')).toBe(0);
    expect(report.metrics.map((m) => m.metric)).not.toContain('requests_new.public_interest');
    expect(valueOf(report, 'result_unable_not_held')).toBe(2); // first row after the page break
    expect(valueOf(report, 'requests_carried_forward')).toBe(1);
    expect(report.metrics.find((m) => m.metric === 'result_total')?.confirmedBy).toContain('t3_balance');
    expect(report.newAgency).toMatchObject({ name: '扬州市广陵区教育局', place: { divisionCode: '321002' } });
    for (const m of report.metrics) expect(report.body).toContain(m.quote);
  });

  it('refuses a file that is not a PDF, saying so', async () => {
    await expect(importFile('broken.pdf', new TextEncoder().encode('not a pdf'), { agencies: [] })).rejects.toThrow('PDF 文件无法打开');
  });
});

/** Items of one line: [text, x] pairs at baseline y. */
const line = (y: number, ...cells: [string, number][]): TextItem[] => cells.map(([str, x]) => ({ str, x, y, width: str.length * 6, size: 12 }));

describe('PDF layout from positions', () => {
  it('rebuilds rows by baseline and columns by shared position, keeping a blank cell blank', () => {
    const { text } = layoutText([{ items: [
      ...line(700, ['（一）予以公开', 40], ['20', 300], ['1', 340], ['0', 380], ['1', 460], ['0', 500], ['22', 540]),
      ...line(680, ['（二）部分公开', 40], ['5', 300], ['0', 340], ['0', 380], ['0', 420], ['0', 460], ['0', 500], ['5', 540]),
    ] }]);
    expect(text).toContain('| （一）予以公开 | 20 | 1 | 0 |  | 1 | 0 | 22 |');
    expect(text).toContain('| （二）部分公开 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |');
  });

  it('joins a label wrapped in its cell to its row, and continues a table over a page break past the page number', () => {
    const { text } = layoutText([
      { items: [
        ...line(700, ['1.申请人无正当理由逾期不补正、行政', 40]),
        ...line(693, ['2', 300], ['0', 340], ['2', 380]),
        ...line(686, ['机关不再处理其政府信息公开申请', 40]),
        ...line(660, ['（七）总计', 40], ['9', 300], ['1', 340], ['10', 380]),
        ...line(40, ['—', 280], ['1', 296], ['—', 306]),
      ] },
      { items: [...line(760, ['四、结转下年度继续办理', 40], ['0', 300], ['0', 340], ['0', 380])] },
    ]);
    expect(text).toContain('| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 2 | 0 | 2 |');
    expect(text).toContain('| （七）总计 | 9 | 1 | 10 |\n| 四、结转下年度继续办理 | 0 | 0 | 0 |');
  });

  it('drops a running header and footer that come back on every page, and lists them', () => {
    const page = (n: number) => ({ height: 800, items: [...line(780, ['扬州市广陵区教育局信息公开年报', 200]), ...line(400, [`第${n}页正文。`, 40]), ...line(20, [`第 ${n} 页`, 280])] });
    const { text, removed } = layoutText([page(1), page(2), page(3)]);
    expect(text.split('\n')).toEqual(['第1页正文。', '第2页正文。', '第3页正文。']);
    expect(removed).toEqual(['扬州市广陵区教育局信息公开年报', '第 1 页', '第 2 页', '第 3 页']);
  });

  it('keeps prose as lines and a lone row of numbers as text', () => {
    const { text } = layoutText([{ items: [...line(700, ['全年主动公开政府信息1234条。', 40]), ...line(680, ['0', 40], ['1', 60])] }]);
    expect(text.split('\n')).toEqual(['全年主动公开政府信息1234条。', '0 1']);
  });
});

describe('Word', () => {
  it('imports a .docx through mammoth: title from the first line, spanned cells, a number split across runs', async () => {
    const report = await importFile('word-2021.docx', fixture('word-2021.docx'), { agencies: [] });
    expect(report.encoding).toBe('docx');
    expect(report.title).toBe('无锡市梁溪区教育局2021年政府信息公开工作年度报告');
    expect(valueOf(report, 'proactive_total')).toBe(345);
    expect(valueOf(report, 'requests_new')).toBe(13);
    expect(valueOf(report, 'result_unable_not_held')).toBe(2);
    expect(report.metrics.find((m) => m.metric === 'requests_new')?.confirmedBy).toContain('t3_balance');
  });

  it('refuses an old .doc and a broken .docx with what to do', async () => {
    await expect(importFile('old.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), { agencies: [] })).rejects.toThrow('另存为 .docx 或 PDF');
    await expect(importFile('broken.docx', new TextEncoder().encode('zip?'), { agencies: [] })).rejects.toThrow('Word 文件无法读取');
  });
});
