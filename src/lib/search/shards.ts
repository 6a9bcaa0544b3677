/**
 * How the search index is split, and how results of the split index are put in
 * order.
 *
 * Pagefind cannot update an index, and one index of a whole national archive
 * neither fits one process's memory nor re-indexes quickly after an edit. So
 * the reports are indexed in groups of consecutive years, each group at most
 * `MAX_REPORTS_PER_INDEX` reports, merged in the browser with Pagefind's
 * `mergeIndex`. A rebuild re-indexes only the groups whose search documents
 * changed.
 *
 * Every index a query touches costs it one chunk per word (Pagefind's chunks
 * have a fixed size, whatever the index's), so an archive that fits one index
 * stays one index: splitting 1,000 reports by year made a query 6.6 times as
 * large (npm run bench:search -- --layouts one,years).
 *
 * Groups start from the oldest year, so an edit or a new report of the newest
 * years leaves the older groups, and their kept indexes, as they were.
 *
 *   pagefind/                  the newest group (the primary index, with Pagefind's runtime)
 *   pagefind/<first>-<last>/   each older group
 */

/** The search filter that holds a report's year (searchFilters in document.ts). */
const YEAR_FILTER = '年份';

/**
 * The most reports one index takes. Measured at 10,000 reports in one index:
 * Pagefind's indexer peaked at 4.3 GB, about 0.43 MB a report, so 6,000
 * keep it near 2.6 GB, under the 4 GB a CI runner's process can count on.
 */
export const MAX_REPORTS_PER_INDEX = 6000;

/** The most reports one index takes: NIANBAO_SEARCH_MAX_REPORTS of `env`, or `MAX_REPORTS_PER_INDEX`. */
export function maxReportsPerIndex(env: Readonly<Record<string, string | undefined>>): number {
  const value = env['NIANBAO_SEARCH_MAX_REPORTS'];
  if (value === undefined || value === '') return MAX_REPORTS_PER_INDEX;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`NIANBAO_SEARCH_MAX_REPORTS 应为正整数，收到 “${value}”`);
  return n;
}

/** How many reports each year has. */
export function reportsPerYear(reports: Iterable<{ year: number }>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { year } of reports) counts.set(year, (counts.get(year) ?? 0) + 1);
  return counts;
}

/** One index: the years it holds, how many reports, and its folder under pagefind/ ('' for the primary). */
export interface SearchShard {
  years: number[];
  reports: number;
  dir: string;
}

/**
 * The indexes of an archive with `reportsPerYear` reports each year: consecutive
 * years, oldest first, each group at most `maxReports` reports (a larger year
 * alone); the newest group is the primary.
 */
export function searchShards(reportsPerYear: ReadonlyMap<number, number>, maxReports = MAX_REPORTS_PER_INDEX): SearchShard[] {
  const years = [...reportsPerYear.keys()].sort((a, b) => a - b);
  const groups: { years: number[]; reports: number }[] = [];
  for (const year of years) {
    const count = reportsPerYear.get(year)!;
    const last = groups.at(-1);
    if (last && last.reports + count <= maxReports) {
      last.years.push(year);
      last.reports += count;
    } else {
      groups.push({ years: [year], reports: count });
    }
  }
  return groups.map((group, i) => ({
    ...group,
    dir: i === groups.length - 1 ? '' : `${group.years[0]}-${group.years.at(-1)}/`,
  }));
}

/** The indexes of an archive of `reports`, with the limit of `env`: the indexer and the search page both list them so. */
export function archiveShards(reports: Iterable<{ year: number }>, env: Readonly<Record<string, string | undefined>>): SearchShard[] {
  return searchShards(reportsPerYear(reports), maxReportsPerIndex(env));
}

/**
 * The year of each result of `query`, from one search per year with a year filter: by then the
 * words' chunks are loaded, so these cost the year filter's data, not the text of every result.
 */
export async function resultYears(
  api: { search(query: string, options: { filters: Record<string, string> }): Promise<{ results: readonly { id: string }[] }> },
  query: string,
  filters: Readonly<Record<string, string>>,
  years: readonly number[],
): Promise<Map<string, number>> {
  const asked = filters[YEAR_FILTER];
  const yearOf = new Map<string, number>();
  await Promise.all(
    years
      .filter((year) => !asked || String(year) === asked)
      .map(async (year) => {
        const { results } = await api.search(query, { filters: { ...filters, [YEAR_FILTER]: String(year) } });
        for (const result of results) yearOf.set(result.id, year);
      }),
  );
  return yearOf;
}

export type ResultOrder = 'relevance' | 'year-desc' | 'year-asc';

/**
 * Results in the order asked for. Relevance is Pagefind's order. The years
 * come from `yearOf` (result id → year, `resultYears`): Pagefind's own sort ranks each merged index
 * separately, so the years of two indexes would interleave. Within a year,
 * by relevance; a result of no known year last. Stable.
 */
export function orderResults<T extends { id: string }>(results: readonly T[], order: ResultOrder, yearOf: ReadonlyMap<string, number> = new Map()): T[] {
  if (order === 'relevance') return [...results];
  const direction = order === 'year-desc' ? -1 : 1;
  const unknown = order === 'year-desc' ? -Infinity : Infinity;
  return results
    .map((result, i) => ({ result, i, year: yearOf.get(result.id) ?? unknown }))
    .sort((a, b) => direction * (a.year - b.year) || a.i - b.i)
    .map((k) => k.result);
}
