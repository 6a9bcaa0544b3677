/**
 * What one search searches, and the sentence that says so.
 *
 * Every index a query touches costs it the index's metadata and a chunk per
 * word, and a word's chunk grows with the reports of its index: over all 18
 * indexes of 100,000 reports, a median query cost a phone 4.4 MB
 * (docs/performance.md). So a search without a year searches the newest
 * years only, about one index's worth, and the page says which years and
 * offers all of them in one click (`范围=全部`). A year filter searches the
 * index that holds that year, and nothing else.
 */

import type { SearchShard } from './shards.ts';

/** What the reader chose: the default (the newest years) or every year. */
export type ScopeChoice = 'recent' | 'all';

export interface SearchScope {
  /** `year`: a year filter; `recent`: the default; `all`: every index (or an archive of one index). */
  kind: 'year' | 'recent' | 'all';
  /** The indexes to load, newest first: the first is the one the others merge into. */
  shards: SearchShard[];
  /** The years searched, oldest first. */
  years: number[];
  /** How many reports those indexes hold. */
  reports: number;
  /** For `year`: whether the year came from the query's words ("河长县 2014") rather than the year filter. */
  typed?: boolean;
}

/**
 * The newest indexes, newest first, until they hold at least `minReports`
 * reports: the default scope. Indexes are grouped from the oldest year, so
 * the newest may be a small remainder; adding the next older ones keeps the
 * default from being a thin slice.
 */
export function recentShards(shards: readonly SearchShard[], minReports: number): SearchShard[] {
  const chosen: SearchShard[] = [];
  let reports = 0;
  for (const shard of [...shards].reverse()) {
    if (chosen.length && reports >= minReports) break;
    chosen.push(shard);
    reports += shard.reports;
  }
  return chosen;
}

function scopeOf(kind: SearchScope['kind'], shards: SearchShard[]): SearchScope {
  return {
    kind,
    shards,
    years: shards.flatMap((s) => s.years).sort((a, b) => a - b),
    reports: shards.reduce((sum, s) => sum + s.reports, 0),
  };
}

/**
 * The indexes a search loads: the one holding `year` when a year is chosen (the newest when none holds
 * it, so the search answers "none" from the smallest load); the one holding `typedYear` (`queryYear`)
 * unless the reader chose all; every index when the reader chose all, or when the default would hold
 * them all anyway; otherwise the newest years (`recentShards`).
 */
export function searchScope(
  shards: readonly SearchShard[],
  choice: ScopeChoice,
  year: string | undefined,
  minReports: number,
  typedYear?: string,
): SearchScope {
  const newestFirst = [...shards].reverse();
  if (year) {
    const holder = shards.find((s) => s.years.includes(Number(year))) ?? newestFirst[0];
    return scopeOf('year', holder ? [holder] : []);
  }
  const typed = choice !== 'all' && typedYear ? shards.find((s) => s.years.includes(Number(typedYear))) : undefined;
  if (typed) return { ...scopeOf('year', [typed]), typed: true };
  const recent = recentShards(shards, minReports);
  if (choice === 'all' || recent.length === shards.length) return scopeOf('all', newestFirst);
  return scopeOf('recent', recent);
}

/**
 * The fewest reports the default scope holds: half of what one index takes (`maxReportsPerIndex`), so
 * it is never a thin remainder and never costs much more than one full index.
 */
export function recentReports(maxReportsPerIndex: number): number {
  return Math.ceil(maxReportsPerIndex / 2);
}

/**
 * A year the reader typed among the query's words ("河长县人民政府 2014"), when an index holds it: the search
 * then loads that year's index, as a year filter would, instead of the newest years, which cannot hold it.
 */
export function queryYear(words: readonly string[], shards: readonly SearchShard[]): string | undefined {
  return words.find((w) => /^\d{4}$/.test(w) && shards.some((s) => s.years.includes(Number(w))));
}

/** "2019–2024" or "2024". */
export function yearRange(years: readonly number[]): string {
  const first = years[0];
  const last = years.at(-1);
  if (first === undefined || last === undefined) return '';
  return first === last ? String(first) : `${first}–${last}`;
}

const count = (n: number) => n.toLocaleString('zh-CN');

/**
 * The years searched, for a "nothing found" sentence, when the scope, not the reader's year filter, left
 * years out: "最近的 2018–2025 年度". A chosen year says itself (the sentence then suggests removing filters).
 */
export function scopeWithin(scope: SearchScope, archive: readonly SearchShard[]): string | undefined {
  if (scope.kind === 'all' || (scope.kind === 'year' && !scope.typed) || archive.length <= 1) return undefined;
  return scope.kind === 'recent' ? `最近的 ${yearRange(scope.years)} 年度` : `${yearRange(scope.years)} 年度`;
}

/** The sentence above the results that says what is searched, and the link that widens or narrows it (to `choice`). */
export interface ScopeNote {
  text: string;
  link?: { label: string; choice: ScopeChoice };
}

/**
 * What was searched, in words, for an archive of `archive` (every index) and the chosen `year`.
 * Nothing to say for an archive of one index: every search searches everything.
 */
export function scopeNote(scope: SearchScope, archive: readonly SearchShard[], year?: string): ScopeNote | undefined {
  if (archive.length <= 1) return undefined;
  const all = scopeOf('all', [...archive]);
  if (scope.kind === 'recent') {
    return {
      text: `搜索范围：最近的 ${yearRange(scope.years)} 年度（全部 ${count(all.reports)} 份报告中的 ${count(scope.reports)} 份）。`,
      link: { label: `搜索全部 ${yearRange(all.years)} 年度`, choice: 'all' },
    };
  }
  if (scope.kind === 'all') {
    return {
      text: `搜索范围：全部 ${yearRange(all.years)} 年度的 ${count(all.reports)} 份报告。`,
      link: { label: '只搜索最近的年度（更快）', choice: 'recent' },
    };
  }
  if (scope.typed) {
    return {
      text: `搜索范围：包含查询中年份的 ${yearRange(scope.years)} 年度（${count(scope.reports)} 份报告）。`,
      link: { label: `搜索全部 ${yearRange(all.years)} 年度`, choice: 'all' },
    };
  }
  return { text: `搜索范围：${year ?? yearRange(scope.years)} 年度。移除“年份”筛选可搜索其他年度。` };
}
