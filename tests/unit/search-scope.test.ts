import { describe, expect, it } from 'vitest';
import { queryYear, recentReports, recentShards, scopeNote, scopeWithin, searchScope, yearRange } from '../../src/lib/search/scope.ts';
import { searchShards } from '../../src/lib/search/shards.ts';

// 2011–2024, 10 reports a year, in indexes of at most 30: 2011–2013, 2014–2016, …, 2023–2024.
const archive = searchShards(new Map(Array.from({ length: 14 }, (_, i) => [2011 + i, 10])), 30);
const dirs = (shards: readonly { dir: string }[]) => shards.map((s) => s.dir);

describe('the default scope: the newest indexes', () => {
  it('takes the newest index, and older ones until it holds the minimum', () => {
    expect(dirs(archive)).toEqual(['2011-2013/', '2014-2016/', '2017-2019/', '2020-2022/', '']);
    expect(dirs(recentShards(archive, 1))).toEqual(['']);
    expect(dirs(recentShards(archive, 20))).toEqual(['']);
    // The newest index is a remainder of 20 reports: the next older one joins it.
    expect(dirs(recentShards(archive, 21))).toEqual(['', '2020-2022/']);
    expect(dirs(recentShards(archive, 1000))).toEqual(dirs([...archive].reverse()));
    expect(recentShards([], 10)).toEqual([]);
  });
});

describe('what one search loads', () => {
  it('loads the newest years by default, and says which', () => {
    const scope = searchScope(archive, 'recent', undefined, 15);
    expect(scope).toMatchObject({ kind: 'recent', years: [2023, 2024], reports: 20 });
    expect(dirs(scope.shards)).toEqual(['']);
    expect(scopeNote(scope, archive)).toEqual({
      text: '搜索范围：最近的 2023–2024 年度（全部 140 份报告中的 20 份）。',
      link: { label: '搜索全部 2011–2024 年度', choice: 'all' },
    });
  });

  it('loads every index, newest first, when the reader asks for every year', () => {
    const scope = searchScope(archive, 'all', undefined, 15);
    expect(scope).toMatchObject({ kind: 'all', reports: 140 });
    expect(scope.years).toEqual(Array.from({ length: 14 }, (_, i) => 2011 + i));
    expect(dirs(scope.shards)).toEqual(['', '2020-2022/', '2017-2019/', '2014-2016/', '2011-2013/']);
    expect(scopeNote(scope, archive)).toEqual({
      text: '搜索范围：全部 2011–2024 年度的 140 份报告。',
      link: { label: '只搜索最近的年度（更快）', choice: 'recent' },
    });
  });

  it('loads only the index that holds a chosen year, whatever the choice of scope', () => {
    for (const choice of ['recent', 'all'] as const) {
      const scope = searchScope(archive, choice, '2015', 15);
      expect(scope).toMatchObject({ kind: 'year', years: [2014, 2015, 2016], reports: 30 });
      expect(dirs(scope.shards)).toEqual(['2014-2016/']);
      expect(scopeNote(scope, archive, '2015')).toEqual({ text: '搜索范围：2015 年度。移除“年份”筛选可搜索其他年度。' });
    }
    // A year no index holds (a hand-made URL) loads the newest index alone, which finds nothing for it.
    expect(dirs(searchScope(archive, 'recent', '1999', 15).shards)).toEqual(['']);
  });

  it('loads the index of a year typed in the query, unless the reader chose every year', () => {
    expect(queryYear(['河长县人民政府', '2014'], archive)).toBe('2014');
    expect(queryYear(['837条', '1999', '12345'], archive)).toBeUndefined();
    const scope = searchScope(archive, 'recent', undefined, 15, '2015');
    expect(scope).toMatchObject({ kind: 'year', typed: true, years: [2014, 2015, 2016], reports: 30 });
    expect(dirs(scope.shards)).toEqual(['2014-2016/']);
    expect(scopeNote(scope, archive)).toEqual({
      text: '搜索范围：包含查询中年份的 2014–2016 年度（30 份报告）。',
      link: { label: '搜索全部 2011–2024 年度', choice: 'all' },
    });
    expect(searchScope(archive, 'all', undefined, 15, '2015').kind).toBe('all');
    // The year filter wins over a typed year.
    expect(dirs(searchScope(archive, 'recent', '2012', 15, '2015').shards)).toEqual(['2011-2013/']);
  });

  it('names the years searched for a "nothing found" sentence only when they are not all', () => {
    expect(scopeWithin(searchScope(archive, 'recent', undefined, 15), archive)).toBe('最近的 2023–2024 年度');
    expect(scopeWithin(searchScope(archive, 'recent', undefined, 15, '2015'), archive)).toBe('2014–2016 年度');
    // A year the reader filtered on: the sentence's own advice (remove filters) says it.
    expect(scopeWithin(searchScope(archive, 'recent', '2015', 15), archive)).toBeUndefined();
    expect(scopeWithin(searchScope(archive, 'all', undefined, 15), archive)).toBeUndefined();
    const one = searchShards(new Map([[2014, 5]]), 30);
    expect(scopeWithin(searchScope(one, 'recent', undefined, 15, '2014'), one)).toBeUndefined();
  });

  it('searches everything, and says nothing, when the default would hold every index anyway', () => {
    const small = searchShards(new Map([[2014, 5], [2015, 5]]), 30);
    expect(searchScope(small, 'recent', undefined, 15)).toMatchObject({ kind: 'all', reports: 10 });
    expect(scopeNote(searchScope(small, 'recent', undefined, 15), small)).toBeUndefined();
    const two = searchShards(new Map([[2014, 20], [2015, 20]]), 30);
    expect(searchScope(two, 'recent', undefined, 40).kind).toBe('all');
    expect(scopeNote(searchScope(two, 'recent', undefined, 40), two)?.text).toBe('搜索范围：全部 2014–2015 年度的 40 份报告。');
  });

  it('writes a year range with an en dash, a single year alone, and counts in Chinese digit groups', () => {
    expect(yearRange([2014])).toBe('2014');
    expect(yearRange([2011, 2012, 2024])).toBe('2011–2024');
    expect(yearRange([])).toBe('');
    const big = searchShards(new Map([[2023, 6000], [2024, 7143]]), 6000);
    expect(scopeNote(searchScope(big, 'recent', undefined, 3000), big)?.text).toBe('搜索范围：最近的 2024 年度（全部 13,143 份报告中的 7,143 份）。');
  });
});

describe('the size of the default scope', () => {
  it('is at least half of one index', () => {
    expect(recentReports(6000)).toBe(3000);
    expect(recentReports(5)).toBe(3);
    expect(recentReports(1)).toBe(1);
  });
});
