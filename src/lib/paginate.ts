/**
 * Lists that grow with the archive are cut into numbered pages, so that no page
 * grows with it: at 100,000 reports a year has about 6,000 reports and a metric
 * about 5,500 agencies. The first page keeps the list's own URL
 * (`/years/2023/`); page n is `/years/2023/page/n/`. Pages are cut by a fixed
 * number of items, so a page's URL and content change only when items before or
 * on it do.
 */

/** One page of a list. */
export interface Page<T> {
  /** 1-based. */
  number: number;
  /** How many pages the list has (at least 1: an empty list is one empty page). */
  count: number;
  /** How many items the whole list has. */
  total: number;
  /** 0-based index of this page's first item in the whole list. */
  start: number;
  items: T[];
}

/** Cut `items` into pages of at most `size` items; an empty list is one empty page. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, got ${size}`);
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    count,
    total: items.length,
    start: i * size,
    items: items.slice(i * size, (i + 1) * size),
  }));
}

/** The path of page `n` of the list at `base` ("/years/2023/"): the base itself for page 1. */
export function pagePath(base: string, n: number): string {
  return n <= 1 ? base : `${base}page/${n}/`;
}

/**
 * The value of a rest parameter (`[...page]`) for page `n`: undefined for the first page, so that
 * its URL is the list's own, and `page/n` after it.
 */
export function pageParam(n: number): string | undefined {
  return n <= 1 ? undefined : `page/${n}`;
}

/** The pages a pager links to: the first, the last, and two either side of the current; `null` marks a gap. */
export function pagerNumbers(current: number, count: number): (number | null)[] {
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, count])]
    .filter((n) => n >= 1 && n <= count)
    .sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1]! > 1 ? [null, n] : [n]));
}

/** Items per page of each paginated list: each is small enough to keep its page well under 150 KB gzip. */
export const PAGE_SIZES = {
  /** Reports of a year: a list line and a row of core metrics each. */
  yearReports: 100,
  /** Agencies of a metric's cross-year table: a row with one cell per year. */
  metricAgencies: 100,
  /** Agencies of a region: a list line and a row of core metrics each. */
  regionAgencies: 100,
  /** Agencies side by side on a region's comparison of one metric: a column each (as many as the compare page allows). */
  comparisonAgencies: 6,
  /** Quality findings: one line each. */
  findings: 200,
} as const;

/** A page's title: the list's own for page 1, "（第 n 页）" after it, so that no two pages share a title. */
export function pageTitle(title: string, page: Pick<Page<unknown>, 'number'>): string {
  return page.number <= 1 ? title : `${title}（第 ${page.number} 页）`;
}

/** The previous and next page's paths, for `<link rel="prev|next">`. */
export function pageLinks(base: string, page: Pick<Page<unknown>, 'number' | 'count'>): { prev?: string; next?: string } {
  return {
    ...(page.number > 1 ? { prev: pagePath(base, page.number - 1) } : {}),
    ...(page.number < page.count ? { next: pagePath(base, page.number + 1) } : {}),
  };
}

/**
 * Up to this many agencies, the home page and the agency index list every agency by name; past it they list
 * provinces and cities with counts, and each region's page lists its agencies a page at a time.
 */
export const AGENCIES_LISTED_INLINE = 100;
