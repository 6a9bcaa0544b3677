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

import { spaceCjk } from './cjk.ts';

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
 * The query string to give Pagefind, in character tokens like the index (see
 * cjk.ts). Pagefind honours one quoted phrase per query (two return nothing), so
 * the longest needle goes as the phrase and the others as plain tokens, which
 * Pagefind requires too: "行政复议 2014" → "\"行 政 复 议\" 2014". That finds every
 * page containing the query and maybe a few more; `matchesQuery` removes those.
 */
export function toPagefindQuery(q: ParsedQuery): string {
  const [longest, ...others] = [...q.phrases, ...q.terms]
    .map(spaceCjk)
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  if (!longest) return '';
  const phrase = longest.includes(' ') ? `"${longest}"` : longest;
  const tokens = [...new Set(others.flatMap((t) => t.split(' ')))];
  return [phrase, ...tokens].join(' ');
}
