import { describe, expect, it } from 'vitest';
import { withoutSentenceMarks } from '../../src/lib/search/search-body.ts';
import { createBodyRenderer } from '../../src/lib/markdown/processor.ts';

const renderer = createBodyRenderer();

/** The body as HTML, without the sentence marks (tests/unit/sentence-marks.test.ts tests those). */
const render = async (markdown: string, frontmatter: Record<string, unknown> = {}) => withoutSentenceMarks((await renderer(markdown, frontmatter)).html);

describe('report Markdown pipeline', () => {
  it('removes scripts, event handlers, javascript: links and iframes but keeps their harmless text', async () => {
    const html = await render(
      [
        '前文<script>alert(1)</script>后文',
        '',
        '<img src="x" onerror="alert(2)"> <a href="javascript:alert(3)">链接文字</a>',
        '',
        '<iframe src="https://evil.example/"></iframe><b>加粗</b><style>body{display:none}</style>',
        '',
        '[点我](javascript:alert(4)) <svg><script>alert(5)</script></svg>',
      ].join('\n'),
    );
    expect(html).not.toMatch(/<script|onerror|javascript:|<iframe|<style|<svg/i);
    expect(html).toContain('前文');
    expect(html).toContain('后文');
    expect(html).toContain('链接文字');
    expect(html).toContain('<b>加粗</b>');
    expect(html).toContain('点我');
  });

  it('drops images and media, so report text loads nothing', async () => {
    const html = await render('<img src="https://tracker.example/p.gif"> ![x](https://tracker.example/q.png) <video src="v.mp4"></video>文字');
    expect(html).not.toMatch(/<img|<video|tracker/);
    expect(html).toContain('文字');
  });

  it('renders GFM tables', async () => {
    const html = await render('| 指标 | 数量 |\n| --- | --- |\n| 主动公开信息数 | 380 |\n');
    expect(html).toContain('<table>');
    // The first cell of each row carries the row's anchor (rehype-row-anchors.ts); the table scrolls in its box.
    expect(html).toContain('<td class="label first-col"><span id="t1-r2" class="row-anchor"></span>主动公开信息数</td>');
    expect(html).toMatch(/^<div class="table-scroll" tabindex="0"><table>/);
  });

  it('gives Chinese headings readable ids', async () => {
    const { headings } = await renderer('## 一、概述\n\n### （一）加强领导,责任到人\n', {});
    expect(headings.map((h) => h.slug)).toEqual(['一概述', '一加强领导责任到人']);
  });

  it('keeps quotes, dashes and ellipses as printed (no smartypants)', async () => {
    const html = await render('他说"公开为原则"--以及...“三安全一稳定”');
    expect(html).toContain('"公开为原则"--以及...“三安全一稳定”');
  });

  it('does not turn addresses in Chinese prose into links', async () => {
    // GFM's autolink literal runs on to the next whitespace in Chinese prose; unlinking gives back the source text.
    const html = await render('原域名：http://jyj.changle.gov.cn予以关停。\n\n见[官网](https://www.gov.cn/)。');
    expect(html).toContain('原域名：http://jyj.changle.gov.cn予以关停。');
    expect(html).not.toContain('href="http://jyj.changle.gov.cn');
    expect(html).toContain('<a href="https://www.gov.cn/">官网</a>');
  });

  it('marks each quote where it stands: text in a <mark>, a table row by its id', async () => {
    const html = await render(
      '本年度共主动公开信息共2384条。其中，机构设置及人事信息42条。\n\n| 指标 | 单位 | 数量 |\n| --- | --- | --- |\n| 主动公开信息数 | 条 | 380 |\n',
      {
        metrics: {
          proactive_total: { value: 2384, quote: '本年度共主动公开信息共2384条。' },
          applications_total: { value: 380, quote: '主动公开信息数 | 条 | 380' },
        },
        categories: [{ label: '机构设置及人事信息', value: 42, quote: '其中，机构设置及人事信息42条' }],
      },
    );
    expect(html).toContain('<mark id="quote-1" class="quote">本年度共主动公开信息共2384条。</mark>');
    expect(html).toContain('<tr id="quote-2" class="quote">');
    expect(html).toContain('<mark id="quote-3" class="quote">其中，机构设置及人事信息42条</mark>');
  });

  it('marks the cell a table value names, not only its row, and falls back to the row when the cell does not hold it', async () => {
    const row = '一、本年新收政府信息公开申请数量 | 20 | 5 | 0 | 0 | 2 | 1 | 0 | 28';
    const body = `| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 空 | 总计 |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n| ${row} |\n`;
    const cell = (column: string, position: number) => ({ table: '表三', row: '一、本年新收政府信息公开申请数量', column, position });
    const html = await render(body, {
      metrics: {
        requests_new: { value: 28, quote: row, cell: cell('总计', 9) },
        'requests_new.natural_person': { value: 20, quote: row, cell: cell('自然人', 2) },
        // Points a column off: the cell holds 5, not 2.
        'requests_new.legal_service': { value: 2, quote: row, cell: cell('法律服务机构', 3) },
      },
    });
    expect(html).toContain('<tr id="quote-1" class="quote">');
    expect(html).toContain('<td id="quote-1-c9" class="quote-cell">28</td>');
    expect(html).toContain('<td id="quote-1-c2" class="quote-cell">20</td>');
    // The wrong cell is not marked; its link still lands on the row.
    expect(html).toContain('<td>5</td>');
    expect(html).toMatch(/<tr id="quote-1" class="quote">\s*<td class="label first-col"><span id="t1-r2" class="row-anchor"><\/span><span id="quote-1-c3" class="cell-anchor"><\/span>一、本年新收/);
  });

  it('nests a shorter quote inside a longer one and reuses one anchor for a repeated quote', async () => {
    const html = await render('2014年度,我局接受行政复议11起,没有行政诉讼情况。', {
      metrics: {
        admin_reviews: { value: 11, quote: '2014年度,我局接受行政复议11起,没有行政诉讼情况。' },
        admin_litigations: { value: 0, quote: '2014年度,我局接受行政复议11起,没有行政诉讼情况。' },
        hotline_tickets: { value: 11, quote: '行政复议11起' },
      },
    });
    expect(html).toBe(
      '<p><mark id="quote-1" class="quote">2014年度,我局接受<mark id="quote-2" class="quote">行政复议11起</mark>,没有行政诉讼情况。</mark></p>',
    );
  });

  it('leaves a quote it cannot find unmarked (the build tests catch it)', async () => {
    const html = await render('没有这句话。', { metrics: { proactive_total: { value: 1, quote: '共1条' } } });
    expect(html).not.toContain('quote-1');
  });
});
