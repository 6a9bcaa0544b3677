import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBodyRenderer } from '../../src/lib/markdown/processor.ts';
import { searchDocument } from '../../src/lib/search/document.ts';
import { collapseMergedCells, headingIdsOnly, searchBody, withoutSentenceMarks } from '../../src/lib/search/search-body.ts';
import { parseYaml, splitFrontMatter } from '../../src/lib/validate/front-matter.ts';

const text = (html: string) => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('collapseMergedCells: each merged cell once, as the source shows it', () => {
  it('empties a label that repeats the cell to its left or above it, and keeps repeated numbers', () => {
    const table =
      '<table><thead><tr><th>行政复议</th><th>行政复议</th><th>行政诉讼</th></tr></thead><tbody>' +
      '<tr><td>结果维持</td><td>总计</td><td>结果维持</td></tr>' +
      '<tr class="quote" id="quote-1"><td>0</td><td>0</td><td>0</td></tr>' +
      '<tr><td>结果维持</td><td>结果维持</td><td>7</td></tr></tbody></table>';
    expect(collapseMergedCells(table)).toBe(
      '<table><thead><tr><th>行政复议</th><th></th><th>行政诉讼</th></tr></thead><tbody>' +
        '<tr><td>结果维持</td><td>总计</td><td>结果维持</td></tr>' +
        '<tr class="quote" id="quote-1"><td>0</td><td>0</td><td>0</td></tr>' +
        // Not under 结果维持 (a row of numbers between), but the second repeats the first.
        '<tr><td>结果维持</td><td></td><td>7</td></tr></tbody></table>',
    );
  });

  it('compares a cell with the text of its neighbours as written, not as collapsed, and ignores markup and spacing', () => {
    const table =
      '<table><tr><td>三、本年度办理结果</td><td><mark id="quote-2">三、本年度办理结果</mark></td><td>（一）予以公开</td></tr>' +
      '<tr><td>三、本年度办理结果 </td><td>三、本年度办理结果</td><td>（二）部分公开</td></tr></table>';
    expect(text(collapseMergedCells(table))).toBe('三、本年度办理结果（一）予以公开（二）部分公开');
  });
});

describe('headingIdsOnly', () => {
  it('keeps the ids of headings, which search results link to, and drops the rest', () => {
    expect(headingIdsOnly('<h2 id="一概述">一、概述</h2><p>共<mark id="quote-3" class="quote">11起</mark></p><tr id="quote-4" class="quote"><td>1</td></tr><h3 id="x">x</h3>')).toBe(
      '<h2 id="一概述">一、概述</h2><p>共<mark class="quote">11起</mark></p><tr class="quote"><td>1</td></tr><h3 id="x">x</h3>',
    );
  });
});

describe('searchBody of a real report (2024, 2021 template)', () => {
  const file = 'content/reports/350128-guanweihui/2024.md';
  const { frontMatter, body } = splitFrontMatter(readFileSync(file, 'utf8'));
  const data = parseYaml(frontMatter!).data as Record<string, unknown>;

  it('reads each merged label of the statutory tables once, keeps every number and every sentence, and only headings keep ids', async () => {
    const { html } = await createBodyRenderer()(body, data);
    const indexed = searchBody(html);
    // Table 四's header spans 行政复议 over five columns and 行政诉讼 over ten; table 三 spans its row group down 22 rows.
    expect(count(text(html), '行政诉讼')).toBeGreaterThanOrEqual(10);
    expect(count(text(indexed), '行政复议行政诉讼') + count(text(indexed), '行政复议 行政诉讼')).toBe(1);
    expect(count(text(html), '三、本年度办 理结果')).toBe(22);
    expect(count(text(indexed), '三、本年度办 理结果')).toBe(1);
    // Numbers are values, not spans: the digits of every cell are still there.
    const digits = (h: string) => (h.match(/<t[dh][^>]*>\d+(?:\.\d+)?<\/t[dh]>/g) ?? []).length;
    expect(digits(indexed)).toBe(digits(html));
    // Paragraphs are untouched but for the page's sentence marks.
    expect(html).toContain('<span data-s=');
    expect(indexed).not.toContain('data-s=');
    for (const paragraph of html.match(/<p>[\s\S]*?<\/p>/g) ?? []) expect(indexed).toContain(headingIdsOnly(withoutSentenceMarks(paragraph)));
    expect([...indexed.matchAll(/\sid="/g)].length).toBe([...html.matchAll(/<h[1-6] id="/g)].length);
  });

  it('is what the search document holds', async () => {
    const { html } = await createBodyRenderer()(body, data);
    const agency = { id: 'a', name: '平潭综合实验区管理委员会', province: '福建省', aliases: [] } as never;
    const doc = searchDocument({ ...data, id: 'x', year: 2024, edition: '2021', title: 't', agency: 'a' } as never, agency, html);
    expect(doc).toContain(searchBody(html));
  });
});
