import { describe, expect, it } from 'vitest';
import { spaceCjk, spaceCjkInHtml, unspaceCjk } from '../../src/lib/search/cjk.ts';
import { buildExcerpt, firstMatchIndex } from '../../src/lib/search/excerpt.ts';
import { isEmptyQuery, matchesQuery, parseQuery, toPagefindQuery } from '../../src/lib/search/query.ts';
import { sectionOf } from '../../src/lib/search/section.ts';
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

describe('character tokens for Pagefind', () => {
  it('spaces every Han character and keeps numbers and Latin words whole', () => {
    expect(spaceCjk('行政复议11起 Pagefind')).toBe('行 政 复 议 11 起 Pagefind');
  });

  it('spaces text between tags only, leaving attributes alone', () => {
    expect(spaceCjkInHtml('<h1 data-pagefind-meta="title:年报">年报</h1><p>共12条</p>')).toBe(
      '<h1 data-pagefind-meta="title:年报"> 年  报 </h1><p> 共 12 条 </p>',
    );
  });

  it('undoes the spacing for display', () => {
    expect(unspaceCjk(spaceCjk('2014年度,我局接受行政复议11起。'))).toBe('2014年度,我局接受行政复议11起。');
  });

  it('sends the longest needle as the one quoted phrase and the others as tokens', () => {
    expect(toPagefindQuery(parseQuery('"行政复议" 2014 门头沟'))).toBe('"行 政 复 议" 门 头 沟 2014');
    expect(toPagefindQuery(parseQuery('舆情 微信'))).toBe('"舆 情" 微 信');
    expect(toPagefindQuery(parseQuery('复'))).toBe('复');
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
