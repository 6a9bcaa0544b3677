import { describe, expect, it } from 'vitest';
import { decodeHan, encodeHan, fromIndexText, needleTokens, toIndexHtml, toIndexText } from '../../src/lib/search/index-text.ts';
import { buildExcerpt, firstMatchIndex } from '../../src/lib/search/excerpt.ts';
import { isEmptyQuery, matchesQuery, parseQuery, toPagefindQuery } from '../../src/lib/search/query.ts';
import { sectionOf } from '../../src/lib/search/section.ts';
import { decodeScore, MAX_SHARDS, orderResults, searchShards } from '../../src/lib/search/shards.ts';
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

  it('locates the first match in the normalised text', () => {
    expect(firstMatchIndex('甲 乙行政复议', parseQuery('复议'))).toBe(4);
    expect(firstMatchIndex('甲乙', parseQuery('复议'))).toBe(-1);
  });
});

describe('sectionOf', () => {
  const content = '前言文字。一、概述 概述文字。二、行政复议情况 接受行政复议11起。';
  const anchors = [
    { element: 'h2', id: '一概述', text: '一、概述' },
    { element: 'mark', id: 'quote-1', text: '接受行政复议11起' },
    { element: 'h2', id: '二行政复议情况', text: '二、行政复议情况' },
  ];

  it('gives the heading of the section where the first match stands', () => {
    expect(sectionOf(content, anchors, firstMatchIndex(content, parseQuery('11起')))).toBe('二行政复议情况');
    expect(sectionOf(content, anchors, firstMatchIndex(content, parseQuery('概述文字')))).toBe('一概述');
  });

  it('gives nothing for a match before the first heading', () => {
    expect(sectionOf(content, anchors, firstMatchIndex(content, parseQuery('前言')))).toBeUndefined();
  });
});

describe('search state in the URL', () => {
  it('round-trips query, filters and sort', () => {
    const params = new URLSearchParams('q=行政复议&年份=2014&省份=山东省&sort=year-desc&unknown=1');
    const state = stateFromParams(params);
    expect(state).toEqual({ q: '行政复议', filters: { 省份: '山东省', 年份: '2014' }, sort: 'year-desc' });
    expect(stateFromParams(stateToParams(state))).toEqual(state);
    expect(pagefindFilters(state)).toEqual({ 省份: '山东省', 年份: '2014' });
  });

  it('falls back to relevance for an unknown sort and omits defaults from the URL', () => {
    const state = stateFromParams(new URLSearchParams('q=x&sort=bogus&年份='));
    expect(state).toEqual({ q: 'x', filters: {}, sort: 'relevance' });
    expect(stateToParams(state).toString()).toBe('q=x');
  });
});

describe('yearly search indexes (shards)', () => {
  it('makes one index per year, the newest as the primary in pagefind/ and the others in pagefind/<year>/', () => {
    const shards = searchShards([2014, 2011, 2014, 2024]);
    expect(shards.map((s) => [s.year, s.dir])).toEqual([[2011, '2011/'], [2014, '2014/'], [2024, '']]);
    expect(shards.map((s) => s.indexWeight)).toEqual([1e-10, 1, 1e10]);
    expect(searchShards([2020])).toEqual([{ year: 2020, dir: '', indexWeight: 1 }]);
  });

  it('keeps every weight a finite, non-zero double up to the most years it takes, and refuses more', () => {
    const years = Array.from({ length: MAX_SHARDS }, (_, i) => 1990 + i);
    const weights = searchShards(years).map((s) => s.indexWeight);
    expect(weights.every((w) => Number.isFinite(w) && w > 0 && Number.isFinite(w * 1e5) && w * 1e-5 > 0)).toBe(true);
    expect(() => searchShards([...years, 1990 + MAX_SHARDS])).toThrow(`at most ${MAX_SHARDS} years`);
  });

  it('decodes a weighted score into its year and its relevance, for relevances far outside what Pagefind gives', () => {
    const shards = searchShards(Array.from({ length: MAX_SHARDS }, (_, i) => 1990 + i));
    for (const [k, shard] of shards.entries()) {
      for (const relevance of [1e-4, 0.37, 1, 6.96, 1234.5, 9e4]) {
        const decoded = decodeScore(relevance * shard.indexWeight, shards);
        expect(decoded.shard).toBe(k);
        expect(decoded.relevance).toBeCloseTo(relevance, 9);
      }
    }
  });

  it('orders results by year either way (relevance within a year), or by relevance alone, stably', () => {
    const shards = searchShards([2011, 2014, 2017]);
    const hit = (id: string, year: number, relevance: number) => ({ id, score: relevance * shards.find((s) => s.year === year)!.indexWeight });
    // Pagefind's merged order: by weighted score.
    const merged = [hit('a17', 2017, 1.2), hit('b17', 2017, 1.2), hit('c14', 2014, 5), hit('d14', 2014, 0.5), hit('e11', 2011, 9)];
    const ids = (order: Parameters<typeof orderResults>[2]) => orderResults(merged, shards, order).map((r) => r.id);
    expect(ids('year-desc')).toEqual(['a17', 'b17', 'c14', 'd14', 'e11']);
    expect(ids('year-asc')).toEqual(['e11', 'c14', 'd14', 'a17', 'b17']);
    expect(ids('relevance')).toEqual(['e11', 'c14', 'a17', 'b17', 'd14']);
    expect(orderResults([], shards, 'relevance')).toEqual([]);
  });
});
