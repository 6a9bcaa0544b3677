/**
 * "是否要找：行政复议": the closest known term to a query that found nothing.
 *
 * The known terms are the words every report is made of and people search for: the templates' section
 * headings, table rows and columns, the metrics' names, and the archive's places (`searchTerms`, written to
 * /search/terms.json at build time). A query word that found nothing is compared
 * with every stretch of those terms one character shorter, as long or one longer (`closestTerm`); one edit
 * away (a character mistyped, missing or extra) is a suggestion.
 */
import type { Archive } from '../../archive.ts';
import { APPLICANT_COLUMNS, EDITIONS, METRICS, TABLE_3_ROWS } from '../../catalogue/index.ts';
import { editDistance } from '../../suggest.ts';

/** The known terms of an archive, each once. */
export function searchTerms(archive: Archive): string[] {
  const labels = METRICS.flatMap((m) => [
    m.label,
    ...Object.values(m.source).flatMap((s) => (s.kind === 'row' ? s.labels : [s.row, s.column, s.section ?? ''])),
  ]);
  const words = [
    ...labels,
    ...EDITIONS.flatMap((e) => e.sections),
    ...TABLE_3_ROWS.map((r) => r.source),
    ...APPLICANT_COLUMNS.map((c) => c.label),
    // Places, not agency names: places are bounded (about 3,000 counties), a nation's agencies are not.
    ...archive.agencies.flatMap((a) => [a.province, a.city ?? '', a.county ?? '']),
  ];
  // Labels carry numbering and notes ("（三）不予公开", "一、本年新收…"): the words themselves are what people type.
  const pieces = words.flatMap((w) => w.split(/[\s、，,：:（）()。；;“”"《》]+/));
  return [...new Set(pieces.map((p) => p.replace(/^\d+[.．]/, '').trim()).filter((p) => p.length >= 2))].sort();
}

/** The stretch of a known term closest to `needle`, one edit away; undefined when none is, or the needle is known. */
export function closestTerm(needle: string, terms: readonly string[]): string | undefined {
  const chars = [...needle];
  if (chars.length < 3) return undefined;
  const counts = new Map<string, number>();
  for (const term of terms) {
    const t = [...term];
    for (const length of [chars.length - 1, chars.length, chars.length + 1]) {
      for (let i = 0; i + length <= t.length; i++) {
        const piece = t.slice(i, i + length).join('');
        counts.set(piece, (counts.get(piece) ?? 0) + 1);
      }
    }
  }
  if (counts.has(needle)) return undefined;
  let best: { piece: string; count: number } | undefined;
  for (const [piece, count] of counts) {
    if (!/\p{Script=Han}/u.test(piece) || editDistance(needle, piece) !== 1) continue;
    // The most common stretch wins (行政复议 over 行政复核); then the same length as the needle; then the first in order.
    if (!best || count > best.count || (count === best.count && piece.length === needle.length && best.piece.length !== needle.length)) best = { piece, count };
  }
  return best?.piece;
}
