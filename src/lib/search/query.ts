/**
 * Parsing and checking search queries. Pagefind finds candidates; these pure
 * functions decide which candidates really contain the query, so no result is
 * shown that does not (Pagefind's Chinese matching alone can return pages that
 * merely share single characters with the query).
 *
 * - A quoted phrase ("行政复议") must occur as written.
 * - Every unquoted term (text between spaces) must occur as written.
 * Whitespace is ignored on both sides: Chinese text carries no meaningful spaces,
 * and typed spaces inside a phrase are not part of what the user looks for.
 */

import { needleTokens } from './index-text.ts';

export interface ParsedQuery {
  /** Quoted phrases, without quotes. */
  phrases: string[];
  /** Unquoted terms, split on whitespace. */
  terms: string[];
}

/** Straight and typographic double quotes, and Chinese corner brackets, delimit phrases. */
const PHRASE = /"([^"]*)"|“([^”]*)”|「([^」]*)」/g;

export function parseQuery(raw: string): ParsedQuery {
  const phrases: string[] = [];
  const rest = raw.replace(PHRASE, (_, a?: string, b?: string, c?: string) => {
    const phrase = (a ?? b ?? c ?? '').trim();
    if (phrase) phrases.push(phrase);
    return ' ';
  });
  // An unbalanced quote is treated as text, not as the start of a phrase.
  const terms = rest.replace(/["“”「」]/g, ' ').split(/\s+/).filter(Boolean);
  return { phrases, terms };
}

export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.phrases.length === 0 && q.terms.length === 0;
}

/** Lower-cased, whitespace removed: the form text and needles are compared in. */
export function normaliseForMatch(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/** The strings a matching page must contain, normalised. */
export function needles(q: ParsedQuery): string[] {
  return [...q.phrases, ...q.terms].map(normaliseForMatch).filter(Boolean);
}

/** Whether `text` contains every phrase and every term of the query. */
export function matchesQuery(text: string, q: ParsedQuery): boolean {
  const haystack = normaliseForMatch(text);
  return needles(q).every((n) => haystack.includes(n));
}

/**
 * The query string to give Pagefind, in the index's tokens (see index-text.ts).
 * Pagefind honours one quoted phrase per query (two return nothing), so the needle
 * with the most tokens goes as the phrase and the others as plain tokens, which
 * Pagefind requires too; a trailing lone character is a plain token, as a
 * prefix. That finds every page containing the query and maybe a few more;
 * `matchesQuery` removes those.
 */
export function toPagefindQuery(q: ParsedQuery): string {
  const [first, ...others] = needles(q)
    .map(needleTokens)
    .sort((a, b) => b.exact.length - a.exact.length);
  if (!first) return '';
  const phrase = first.exact.length > 1 ? [`"${first.exact.join(' ')}"`] : first.exact;
  const plain = [first.prefix, ...others.flatMap((t) => [...t.exact, t.prefix])].filter((t): t is string => Boolean(t));
  return [...new Set([...phrase, ...plain])].join(' ');
}
