/**
 * A search excerpt built from the page text around the first occurrence of the
 * query, with every needle marked. Built as segments (not HTML) so the UI can
 * render it as text nodes.
 */
import { needles, type ParsedQuery } from '../query.ts';

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * Map each character of the whitespace-free, lower-cased form back to its index
 * in `text`, so matches found in the normalised form can be cut from the original.
 */
function normalisedIndex(text: string): { normal: string; origin: number[] } {
  let normal = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) continue;
    normal += ch.toLowerCase();
    origin.push(i);
  }
  return { normal, origin };
}

/** Character ranges [start, end) in `text` where any needle occurs, merged. */
export function matchRanges(text: string, q: ParsedQuery): [number, number][] {
  const { normal, origin } = normalisedIndex(text);
  const ranges: [number, number][] = [];
  for (const needle of needles(q)) {
    for (let at = normal.indexOf(needle); at !== -1; at = normal.indexOf(needle, at + needle.length)) {
      ranges.push([origin[at]!, origin[at + needle.length - 1]! + 1]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/**
 * About `radius` characters either side of the first match, with matches marked;
 * the start of the text when nothing matches (which the caller should not show).
 */
export function buildExcerpt(text: string, q: ParsedQuery, radius = 40): ExcerptPart[] {
  const ranges = matchRanges(text, q);
  const first = ranges[0];
  const start = first ? Math.max(0, first[0] - radius) : 0;
  const end = first ? Math.min(text.length, first[1] + radius * 2) : Math.min(text.length, radius * 3);
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '…', mark: false });
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    const from = Math.max(s, start);
    const to = Math.min(e, end);
    if (from > at) parts.push({ text: text.slice(at, from), mark: false });
    parts.push({ text: text.slice(from, to), mark: true });
    at = to;
  }
  if (at < end) parts.push({ text: text.slice(at, end), mark: false });
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts.map((p) => ({ ...p, text: p.mark ? p.text : p.text.replace(/\s+/g, ' ') }));
}
