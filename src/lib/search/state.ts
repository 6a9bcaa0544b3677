/**
 * The search page's state and its URL form, so results are shareable,
 * reload-safe and the back button works: /search/?q=…&年份=2014&sort=year-desc&范围=全部
 */

import type { ScopeChoice } from './scope.ts';
import type { ResultOrder } from './shards.ts';

/** Filters the index carries, in the order the page shows them. Keys are the Pagefind filter names. */
export const SEARCH_FILTERS = ['省份', '地市', '机构', '年份', '版式', '层级'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** The orders the page offers (`orderResults` in shards.ts; within a year, by relevance). */
export const SORTS = {
  relevance: { label: '相关度' },
  'year-desc': { label: '年份（新→旧）' },
  'year-asc': { label: '年份（旧→新）' },
} as const satisfies Record<ResultOrder, { label: string }>;
export type SortId = keyof typeof SORTS;

export interface SearchState {
  q: string;
  filters: Partial<Record<SearchFilter, string>>;
  sort: SortId;
  /** The newest years (the default) or all of them: scope.ts. */
  scope: ScopeChoice;
}

/** The URL parameter, and its one value, that asks for every year (scope.ts). */
export const SCOPE_PARAM = '范围';
export const SCOPE_ALL = '全部';

export function stateFromParams(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const key of SEARCH_FILTERS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const sort = params.get('sort');
  return {
    q: params.get('q')?.trim() ?? '',
    filters,
    sort: sort && sort in SORTS ? (sort as SortId) : 'relevance',
    scope: params.get(SCOPE_PARAM) === SCOPE_ALL ? 'all' : 'recent',
  };
}

export function stateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of SEARCH_FILTERS) {
    const value = state.filters[key];
    if (value) params.set(key, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.scope === 'all') params.set(SCOPE_PARAM, SCOPE_ALL);
  return params;
}

/** Pagefind's `filters` option for a state. */
export function pagefindFilters(state: SearchState): Record<string, string> {
  return Object.fromEntries(Object.entries(state.filters).filter(([, v]) => v));
}
