import { describe, expect, it } from 'vitest';
import { decodeHan, encodeHan, fromIndexText, needleTokens, toIndexHtml, toIndexText } from '../../src/lib/search/index-text.ts';
import { buildExcerpt, matchRanges } from '../../src/lib/search/results/excerpt.ts';
import { isEmptyQuery, matchesQuery, parseQuery, toPagefindQuery } from '../../src/lib/search/query.ts';
import { sectionAt } from '../../src/lib/search/results/snippet.ts';
import { archiveShards, maxReportsPerIndex, MAX_REPORTS_PER_INDEX, orderResults, reportsPerYear, resultYears, searchShards } from '../../src/lib/search/shards.ts';
import { pagefindFilters, stateFromParams, stateToParams } from '../../src/lib/search/state.ts';

describe('parseQuery', () => {
  it('separates quoted phrases (straight, typographic, corner brackets) from terms', () => {
    expect(parseQuery('"行政复议" 2014 “依申请公开” 「门头沟」 主动公开')).toEqual({
      phrases: ['行政复议', '依申请公开', '门头沟'],
      terms: ['2014', '主动公开'],
    });
  });

  it('treats an unbalanced quote as text and an empty query as empty', () => {
    expect(parseQuery('"行政复议')).toEqual({ phrases: [], terms: ['行政复议'] });
    expect(isEmptyQuery(parseQuery('  ""  '))).toBe(true);
  });
});

describe('matchesQuery: a result must contain the query', () => {
  const text = '2014年度,我局接受行政复议11起,没有行政诉讼情况。';

  it('requires every unquoted term as written', () => {
    expect(matchesQuery(text, parseQuery('行政复议 2014'))).toBe(true);
    expect(matchesQuery(text, parseQuery('行政复议 申诉'))).toBe(false);
  });

  it('rejects text that only shares single characters with the query', () => {
    expect(matchesQuery('量的变化，子女入学，纠正，超过，导向，体制', parseQuery('量子纠缠超导体'))).toBe(false);
    expect(matchesQuery('依法行政，复核意见', parseQuery('行政复议'))).toBe(false);
  });

  it('requires a quoted phrase contiguously, ignoring whitespace and Latin case', () => {
    expect(matchesQuery(text, parseQuery('"行政 复议"'))).toBe(true);
    expect(matchesQuery(text, parseQuery('"复议行政"'))).toBe(false);
    expect(matchesQuery('访问 HTTP://WWW.GOV.CN', parseQuery('http://www.gov.cn'))).toBe(true);
  });
});

describe('pair tokens for Pagefind', () => {
  const t = (han: string) => [...han].map(encodeHan).join('');

  it('writes each Han character as four letters, reversibly, across the CJK blocks', () => {
    for (const char of ['行', '〇', '⺀', '㐀', '龥', '𠀀', '𰀀', '𲎯']) expect(decodeHan(encodeHan(char))).toBe(char);
    expect(encodeHan('行')).toMatch(/^[a-z]{4}$/);
    expect(new Set(['行', '政', '复', '议'].map(encodeHan)).size).toBe(4);
  });

  it('makes every Han character a token of itself and the next Han character; Latin and digits get a leading 0', () => {
    expect(toIndexText('行政复议11起 Pagefind').split(/\s+/).filter(Boolean)).toEqual([t('行政'), t('政复'), t('复议'), t('议'), '011', t('起'), '0Pagefind']);
    // A pair spans whitespace, as a phrase does when whitespace is ignored.
    expect(toIndexText('目 录').split(/\s+/).filter(Boolean)).toEqual([t('目录'), t('录')]);
  });

  it('encodes text between tags only, pairing across inline and block tags, leaving attributes and entities alone', () => {
    const html = '<h1 data-pagefind-meta="title:年报">年报</h1><p>共<mark>12</mark>条&amp;x</p>';
    expect(toIndexHtml(html)).toBe(`<h1 data-pagefind-meta="title:年报"> ${t('年报')}  ${t('报共')} </h1><p> ${t('共')} <mark>012</mark> ${t('条')} &amp;0x</p>`);
    expect(toIndexHtml('<p>&CounterClockwiseContourIntegral;&#x884C;</p>')).toBe('<p>&CounterClockwiseContourIntegral;&#x884C;</p>');
    // A Latin word goes on through an inline tag, but not through a block tag.
    expect(toIndexHtml('<p>ab<b>cd</b></p><p>ef</p>')).toBe('<p>0ab<b>cd</b></p><p>0ef</p>');
  });

  it('decodes Pagefind\'s text back to the page text exactly, whatever Latin words the page has', () => {
    const page = '2014年度,我局接受行政复议11起。访问 http://www.gov.cn 下载 word 文件 abcdefgh 0123 x_y';
    // Whitespace next to Chinese goes, as before (it carries nothing in Chinese text).
    expect(fromIndexText(toIndexText(page))).toBe('2014年度,我局接受行政复议11起。访问http://www.gov.cn下载word文件abcdefgh 0123 x_y');
    // Pagefind's text of an encoded page is its encoded text without the tags.
    expect(fromIndexText(toIndexHtml('<p>共<mark>12</mark>条 PDF</p><p>word</p>').replace(/<[^>]*>/g, ' ').trim())).toBe('共12条PDF  word');
  });

  it('gives a needle\'s tokens, leaving out or making a prefix of its last character', () => {
    expect(needleTokens('行政复议')).toEqual({ exact: [t('行政'), t('政复'), t('复议')] });
    expect(needleTokens('2019年')).toEqual({ exact: ['02019'], prefix: t('年') });
    expect(needleTokens('复')).toEqual({ exact: [], prefix: t('复') });
    expect(needleTokens('年12')).toEqual({ exact: [t('年'), '012'] });
  });

  it('sends the needle with most tokens as the one quoted phrase and the others as plain tokens', () => {
    expect(toPagefindQuery(parseQuery('"行政复议" 2014 门头沟'))).toBe(`"${t('行政')} ${t('政复')} ${t('复议')}" ${t('门头')} ${t('头沟')} 02014`);
    expect(toPagefindQuery(parseQuery('舆情 微信'))).toBe(`${t('舆情')} ${t('微信')}`);
    expect(toPagefindQuery(parseQuery('2019年'))).toBe(`02019 ${t('年')}`);
    expect(toPagefindQuery(parseQuery('复'))).toBe(t('复'));
    expect(toPagefindQuery(parseQuery('""'))).toBe('');
  });
});

describe('buildExcerpt', () => {
  it('cuts around the first match and marks every occurrence of every needle', () => {
    const text = `${'前'.repeat(60)}接受行政复议11起，没有行政诉讼，行政复议中${'后'.repeat(100)}`;
    const parts = buildExcerpt(text, parseQuery('行政复议 诉讼'), 10);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['行政复议', '诉讼', '行政复议']);
    expect(parts.at(-1)).toEqual({ text: '…', mark: false });
    expect(parts.map((p) => p.text).join('')).toContain('接受行政复议11起');
  });

  it('finds matches across spaces in the text and marks the original characters', () => {
    const parts = buildExcerpt('指 标 行政 复议数 件', parseQuery('"行政复议"'));
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['行政 复议']);
  });

  it('locates the first match in the text itself, across its spaces', () => {
    expect(matchRanges('甲 乙行政复议', parseQuery('复议'))[0]).toEqual([5, 7]);
    expect(matchRanges('甲 乙行政 复议', parseQuery('政复'))[0]).toEqual([4, 7]);
    expect(matchRanges('甲乙', parseQuery('复议'))).toEqual([]);
  });
});

describe('sectionAt', () => {
  const content = '前言文字。一、概述 概述文字。二、行政复议情况 接受行政复议11起。';
  const anchors = [
    { element: 'h2', id: '一概述', text: '一、概述' },
    { element: 'mark', id: 'quote-1', text: '接受行政复议11起' },
    { element: 'h2', id: '二行政复议情况', text: '二、行政复议情况' },
  ];

  it('gives the heading of the section where the first match stands', () => {
    const first = (q: string) => matchRanges(content, parseQuery(q))[0]![0];
    expect(sectionAt(content, anchors, first('11起'))).toBe('二行政复议情况');
    expect(sectionAt(content, anchors, first('概述文字'))).toBe('一概述');
  });

  it('gives nothing for a match before the first heading', () => {
    expect(sectionAt(content, anchors, matchRanges(content, parseQuery('前言'))[0]![0])).toBeUndefined();
  });
});

describe('search state in the URL', () => {
  it('round-trips query, filters and sort', () => {
    const params = new URLSearchParams('q=行政复议&年份=2014&省份=山东省&sort=year-desc&unknown=1');
    const state = stateFromParams(params);
    expect(state).toEqual({ q: '行政复议', filters: { 省份: '山东省', 年份: '2014' }, sort: 'year-desc', scope: 'recent' });
    expect(stateFromParams(stateToParams(state))).toEqual(state);
    expect(pagefindFilters(state)).toEqual({ 省份: '山东省', 年份: '2014' });
  });

  it('keeps the choice of every year in the URL (范围=全部), and only that value', () => {
    const all = stateFromParams(new URLSearchParams('q=x&范围=全部'));
    expect(all.scope).toBe('all');
    expect(stateToParams(all).toString()).toBe(`q=x&${encodeURIComponent('范围')}=${encodeURIComponent('全部')}`);
    expect(stateFromParams(new URLSearchParams('q=x&范围=all')).scope).toBe('recent');
    expect(stateFromParams(new URLSearchParams('q=x&范围=')).scope).toBe('recent');
  });

  it('falls back to relevance for an unknown sort and omits defaults from the URL', () => {
    const state = stateFromParams(new URLSearchParams('q=x&sort=bogus&年份='));
    expect(state).toEqual({ q: 'x', filters: {}, sort: 'relevance', scope: 'recent' });
    expect(stateToParams(state).toString()).toBe('q=x');
  });
});

describe('split search index (shards)', () => {
  const counts = (entries: [number, number][]) => new Map(entries);

  it('keeps an archive that fits one index in one index, the primary', () => {
    expect(searchShards(counts([[2014, 5], [2011, 2], [2024, 1]]))).toEqual([{ years: [2011, 2014, 2024], reports: 8, dir: '' }]);
    expect(searchShards(reportsPerYear([{ year: 2014 }, { year: 2011 }, { year: 2014 }]))).toEqual([{ years: [2011, 2014], reports: 3, dir: '' }]);
    expect(searchShards(new Map())).toEqual([]);
  });

  it('groups consecutive years from the oldest, each group at most the cap, a larger year alone; the newest group is the primary', () => {
    const shards = searchShards(counts([[2011, 2], [2012, 2], [2013, 2], [2014, 5], [2015, 1], [2017, 2], [2019, 1], [2024, 1]]), 4);
    expect(shards).toEqual([
      { years: [2011, 2012], reports: 4, dir: '2011-2012/' },
      { years: [2013], reports: 2, dir: '2013-2013/' },
      { years: [2014], reports: 5, dir: '2014-2014/' },
      { years: [2015, 2017, 2019], reports: 4, dir: '2015-2019/' },
      { years: [2024], reports: 1, dir: '' },
    ]);
    // More reports of the newest year leave the older groups as they were.
    expect(searchShards(counts([[2011, 2], [2012, 2], [2013, 2], [2014, 5], [2015, 1], [2017, 2], [2019, 1], [2024, 4]]), 4).slice(0, 4)).toEqual(shards.slice(0, 4));
  });

  it('reads the cap from NIANBAO_SEARCH_MAX_REPORTS, and refuses what is not a positive whole number', () => {
    expect(maxReportsPerIndex({})).toBe(MAX_REPORTS_PER_INDEX);
    expect(maxReportsPerIndex({ NIANBAO_SEARCH_MAX_REPORTS: '' })).toBe(MAX_REPORTS_PER_INDEX);
    expect(maxReportsPerIndex({ NIANBAO_SEARCH_MAX_REPORTS: '4' })).toBe(4);
    expect(() => maxReportsPerIndex({ NIANBAO_SEARCH_MAX_REPORTS: '0' })).toThrow('NIANBAO_SEARCH_MAX_REPORTS 应为正整数，收到 “0”');
    expect(() => maxReportsPerIndex({ NIANBAO_SEARCH_MAX_REPORTS: 'many' })).toThrow('收到 “many”');
    // What the indexer and the search page both list.
    const reports = [2011, 2011, 2012, 2014, 2014, 2014].map((year) => ({ year }));
    expect(archiveShards(reports, { NIANBAO_SEARCH_MAX_REPORTS: '3' })).toEqual([{ years: [2011, 2012], reports: 3, dir: '2011-2012/' }, { years: [2014], reports: 3, dir: '' }]);
    expect(archiveShards(reports, {})).toEqual([{ years: [2011, 2012, 2014], reports: 6, dir: '' }]);
  });

  it('orders by relevance as Pagefind does, or by year either way with relevance within a year, stably, a result of no known year last', () => {
    const merged = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'e' }];
    const yearOf = new Map([['a', 2014], ['b', 2017], ['c', 2011], ['d', 2017]]);
    const ids = (order: Parameters<typeof orderResults>[1]) => orderResults(merged, order, yearOf).map((r) => r.id);
    expect(ids('relevance')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ids('year-desc')).toEqual(['b', 'd', 'a', 'c', 'e']);
    expect(ids('year-asc')).toEqual(['c', 'a', 'b', 'd', 'e']);
  });

  it('finds the year of each result with one search per year, keeping the other filters, or only the year asked for', async () => {
    const asked: Record<string, string>[] = [];
    const index: Record<string, string[]> = { '2011': ['c'], '2014': ['a'], '2017': ['b', 'd'] };
    const api = {
      search: async (_query: string, options: { filters: Record<string, string> }) => {
        asked.push(options.filters);
        return { results: (index[options.filters['年份']!] ?? []).map((id) => ({ id })) };
      },
    };
    const all = await resultYears(api, 'q', { 省份: '山东省' }, [2011, 2014, 2017]);
    expect([...all].sort()).toEqual([['a', 2014], ['b', 2017], ['c', 2011], ['d', 2017]]);
    expect(asked.every((f) => f['省份'] === '山东省')).toBe(true);
    asked.length = 0;
    expect([...(await resultYears(api, 'q', { 年份: '2017' }, [2011, 2014, 2017]))]).toEqual([['b', 2017], ['d', 2017]]);
    expect(asked).toEqual([{ 年份: '2017' }]);
  });
});
