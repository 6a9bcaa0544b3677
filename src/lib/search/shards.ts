/**
 * The search index is one Pagefind index per report year, merged in the
 * browser with Pagefind's `mergeIndex`. A rebuild then re-indexes only the
 * years whose reports changed, and no indexing process holds more than one
 * year of the archive.
 *
 * Merged results come back as one list ordered by score, and Pagefind's own
 * sort cannot order across indexes (each index scores its results by rank, so
 * the years of two indexes interleave). So the page never asks Pagefind to
 * sort. Each year's index gets an `indexWeight` of a different power of
 * WEIGHT_BASE instead: a result's score then says which year it came from (its
 * order of magnitude) and how relevant it is (what is left). The page orders
 * by year or by relevance from those two (`orderResults`).
 *
 *   pagefind/          the newest year (the primary index: Pagefind's runtime and its entry file)
 *   pagefind/<year>/   each other year
 */

/** One year's index: where it is under pagefind/ ('' for the primary), and its weight. */
export interface SearchShard {
  year: number;
  /** Folder under pagefind/, '' or `2014/`. */
  dir: string;
  indexWeight: number;
}

/**
 * Powers of this separate the years. Pagefind's relevance scores lie far inside
 * 10^-5 … 10^5 (`RAW_SCORE_RANGE`), so ten orders of magnitude per year keep
 * them apart, and 60 years still fit a double (10^±300).
 */
const WEIGHT_EXPONENT = 10;
export const MAX_SHARDS = 60;

/** The shards of an archive with reports in `years`: one per year, the newest as the primary. */
export function searchShards(years: readonly number[]): SearchShard[] {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  if (sorted.length > MAX_SHARDS) throw new Error(`the search index takes at most ${MAX_SHARDS} years; the archive has ${sorted.length}`);
  const centre = (sorted.length - 1) / 2;
  return sorted.map((year, k) => ({
    year,
    dir: k === sorted.length - 1 ? '' : `${year}/`,
    indexWeight: 10 ** (WEIGHT_EXPONENT * (k - centre)),
  }));
}

/** The shard a merged score came from, and the relevance Pagefind gave it in that shard. */
export function decodeScore(score: number, shards: readonly SearchShard[]): { shard: number; relevance: number } {
  const centre = (shards.length - 1) / 2;
  const exponent = score > 0 && Number.isFinite(score) ? Math.log10(score) / WEIGHT_EXPONENT : -Infinity;
  const shard = Math.min(shards.length - 1, Math.max(0, Math.round(exponent + centre)));
  return { shard, relevance: score / shards[shard]!.indexWeight };
}

export type ResultOrder = 'relevance' | 'year-desc' | 'year-asc';

/**
 * Merged results in the order asked for: by relevance, or by year and then by
 * relevance within a year. Stable: equal keys keep Pagefind's order.
 */
export function orderResults<T extends { score: number }>(results: readonly T[], shards: readonly SearchShard[], order: ResultOrder): T[] {
  const keyed = results.map((result, i) => ({ result, i, ...decodeScore(result.score, shards) }));
  const byYear = order === 'year-desc' ? -1 : order === 'year-asc' ? 1 : 0;
  keyed.sort((a, b) => byYear * (a.shard - b.shard) || b.relevance - a.relevance || a.i - b.i);
  return keyed.map((k) => k.result);
}
