/**
 * What a search result shows: a table row read as "label：column value", under its section and table, linked to
 * the row; a prose match in its sentence under its heading, linked by a text fragment. The text is the report's
 * search document as the browser reads Pagefind's fragment back: tags gone, whitespace by Chinese gone, and
 * ". " after a block that ends in a digit (what Pagefind's text has).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { createBodyRenderer } from '../../src/lib/markdown/processor.ts';
import { parseQuery } from '../../src/lib/search/query.ts';
import { searchBody } from '../../src/lib/search/search-body.ts';
import { resultSnippet } from '../../src/lib/search/results/snippet.ts';
import { readTables } from '../../src/lib/search/results/table-rows.ts';
import { parseYaml, splitFrontMatter } from '../../src/lib/validate/front-matter.ts';

async function report(id: string) {
  const { frontMatter, body } = splitFrontMatter(readFileSync(`content/reports/${id}.md`, 'utf8'));
  const { html } = await createBodyRenderer()(body, parseYaml(frontMatter!).data as Record<string, unknown>);
  const indexed = searchBody(html).replace(/(\d)<\/p>/g, '$1. </p>');
  const anchors = [...indexed.matchAll(/<(h[2-6]) id="([^"]*)">([\s\S]*?)<\/\1>/g)].map((m) => ({ element: m[1]!, id: m[2]!, text: m[3]!.replace(/<[^>]*>/g, '') }));
  const text = indexed.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').replace(/\s+(?=\p{Script=Han})|(?<=\p{Script=Han})\s+/gu, '');
  const shown = (query: string) => {
    const s = resultSnippet(text, anchors, parseQuery(query));
    return { where: s.where.join(' › '), text: s.parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join(''), hash: s.hash };
  };
  return { page: parse(html), text, shown };
}

describe('search result snippets', () => {
  it('reads a row of table 三 with its labels and column headers, and links to that row', async () => {
    const r = await report('350128-guanweihui/2024');
    const s = r.shown('属于国家秘密');
    expect(s.where).toBe('三、收到和处理政府信息公开申请情况');
    expect(s.text).toBe('三、本年度办理结果 › （三）不予公开 › 1.[属于国家秘密]：自然人 4，商业企业 0，科研机构 0，社会公益组织 0，法律服务机构 0，其他 0，总计 4');
    // The anchor is the row's in the report page: the row that says 1.属于国家秘密 and 4.
    const row = r.page.querySelector(`#${s.hash}`)!.closest('tr')!;
    expect(row.textContent).toContain('1.属于国家秘密');
    expect(row.querySelectorAll('td').map((c) => c.textContent.trim())).toContain('4');
    // A row label found: the whole row, its total included (Pagefind's ". " after it is not part of it).
    expect(r.shown('上年结转').text).toBe('二、[上年结转]政府信息公开申请数量：自然人 0，商业企业 0，科研机构 0，社会公益组织 0，法律服务机构 0，其他 0，总计 0');
  });

  it('reads a match in a header over the first row of values under it', async () => {
    const r = await report('350128-guanweihui/2024');
    expect(r.shown('申请人情况').text).toBe('一、本年新收政府信息公开申请数量：自然人 217，商业企业 1，科研机构 0，社会公益组织 0，法律服务机构 0，其他 0，总计 218');
    // Table 四 has no row labels: the header names the values.
    expect(r.shown('结果纠正').text).toBe('行政复议 › [结果纠正]：1');
    expect(r.shown('未经复议直接起诉').text).toBe('行政诉讼 › [未经复议直接起诉]：结果维持 0，结果纠正 0，其他结果 0，尚未审结 0，总计 0');
    // A group title row of table 二 names the group of the rows under it.
    const fee = r.shown('行政事业性收费');
    expect(fee.where).toBe('二、主动公开政府信息情况 › 第二十条第（八）项');
    expect(fee.text).toMatch(/^\[行政事业性收费\]：本年收费金额（单位：万元） [\d.]+$/);
  });

  it('reads the 2013 appendix under its own title, the unit after the value', async () => {
    const r = await report('350128-guanweihui/2013');
    const s = r.shown('行政复议数');
    expect(s.where).toContain('平潭综合实验区政府信息公开情况统计表');
    expect(s.text).toMatch(/^\[行政复议数\]：2013年度 \d+ 件，历年累计 \d+ 件$/);
  });

  it('names an appendix by its own title, not the date line run into it', async () => {
    const r = await report('350128-renminzhengfu/2011');
    expect(r.shown('行政复议数').where).toMatch(/ › 附件1：平潭县人民政府2011年政府信息公开情况统计表$/);
  });

  it('shows a prose match in its sentence under its heading, linked by a text fragment', async () => {
    const r = await report('350128-guanweihui/2013');
    const s = r.shown('公众查阅点');
    expect(s.where).toBe('二、主动公开政府信息情况 › （三）主动公开政府信息的主要形式');
    expect(s.text).toMatch(/^[^。]*\[公众查阅点\][^。]*。?$/);
    const [section, directive] = s.hash.split(':~:text=');
    expect(r.page.querySelector(`[id="${decodeURIComponent(section!)}"]`)?.textContent).toBe('（三）主动公开政府信息的主要形式');
    const [prefix, match] = (directive!.includes('-,') ? directive!.split('-,') : ['', directive!]).map(decodeURIComponent);
    expect(match).toBe('公众查阅点');
    // The prefix is the text just before the match in the page itself, so the browser finds that occurrence.
    expect(r.page.textContent.replace(/\s+/g, '')).toContain(`${prefix}${match}`);
  });

  it('reads every table of a report back with every row as wide as the table', async () => {
    for (const id of ['350128-guanweihui/2024', '350128-guanweihui/2013', '350128-guanweihui/2019']) {
      const r = await report(id);
      const tables = readTables(r.text);
      expect(tables.length, id).toBe(r.page.querySelectorAll('table').length);
      for (const t of tables) expect(new Set(t.rows.map((row) => row.cells.length)).size, `${id} table ${t.number}`).toBe(1);
    }
  });
});

describe('是否要找', () => {
  it('suggests the known term one edit away from a query word that found nothing', async () => {
    const { closestTerm, searchTerms } = await import('../../src/lib/search/results/terms.ts');
    const agencies = [{ id: 'a', name: '北京市门头沟区教育委员会', shortName: '门头沟区教委', aliases: [], province: '北京市', city: '北京市', county: '门头沟区' }];
    const terms = searchTerms({ agencies } as never);
    expect(closestTerm('行政复义', terms)).toBe('行政复议');
    expect(closestTerm('依申情公开', terms)).toBe('依申请公开');
    expect(closestTerm('门头钩', terms)).toBe('门头沟');
    // A known term, a word too short to tell, and a word nothing is near get no suggestion.
    expect(closestTerm('行政复议', terms)).toBeUndefined();
    expect(closestTerm('复义', terms)).toBeUndefined();
    expect(closestTerm('天气预报', terms)).toBeUndefined();
  });
});
