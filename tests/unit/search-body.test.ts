import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBodyRenderer } from '../../src/lib/markdown/processor.ts';
import { searchDocument } from '../../src/lib/search/document.ts';
import { headingIdsOnly, searchBody, withoutSentenceMarks } from '../../src/lib/search/search-body.ts';
import { indexTable } from '../../src/lib/search/results/table-rows.ts';
import { parseYaml, splitFrontMatter } from '../../src/lib/validate/front-matter.ts';

const text = (html: string) => html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('indexTable: a table as marked rows, every row as wide as the table', () => {
  it('writes each cell once, a covered cell as ⇠ (from the left) or ⇡ (from above), header rows apart', () => {
    const table =
      '<table><thead><tr><th colspan="2">行政复议</th><th>行政诉讼</th></tr></thead><tbody>' +
      '<tr><td rowspan="2">结果维持</td><td>总计</td><td>7</td></tr>' +
      '<tr class="quote" id="quote-1"><td>0</td><td>0</td></tr></tbody></table>';
    expect(text(indexTable(table))).toBe('␂ ␝ 行政复议 ␟ ⇠ ␟ 行政诉讼␞ 结果维持 ␟ 总计 ␟ 7␞ ⇡ ␟ 0 ␟ 0 ␃');
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

  it('reads each merged label of the statutory tables once, row by row, keeps every number and every sentence, and only headings keep ids', async () => {
    const { html } = await createBodyRenderer()(body, data);
    const indexed = searchBody(html);
    // Table 四's header spans 行政复议 over five columns and 行政诉讼 over ten; table 三 spans its row group down 22
    // rows. The page shows each once (rehype-merged-cells.ts), and the index reads them once, the covered cells marked.
    expect(count(text(html), '三、本年度办 理结果')).toBe(1);
    expect(html).toMatch(/<th colspan="5"[^>]*>(?:<span[^>]*><\/span>)?行政复议<\/th>\s*<th colspan="10"[^>]*>行政诉讼<\/th>/);
    expect(text(indexed)).toContain('␝ 行政复议 ␟ ⇠ ␟ ⇠ ␟ ⇠ ␟ ⇠ ␟ 行政诉讼 ␟ ⇠');
    expect(count(text(indexed), '三、本年度办 理结果')).toBe(1);
    expect(text(indexed)).toContain('␞ ⇡ ␟ （三）不予公开 ␟ 1.属于国家秘密 ␟ 4 ␟ 0');
    // Numbers are values, not spans: the digits of every cell are still there.
    const digits = (h: string) => (h.match(/<t[dh][^>]*>(?:<span[^>]*><\/span>)*\d+(?:\.\d+)?<\/t[dh]>/g) ?? []).length;
    expect((text(indexed).match(/(?<=[␝␞␟] )\d+(?:\.\d+)?(?= [␟␃]|(?=␞))/g) ?? []).length).toBe(digits(html));
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
