/**
 * Which heading of a report a match falls under, so a result links to the
 * report scrolled to that section (Pagefind records every element with an id
 * as an anchor, with its text and position).
 */
import { normaliseForMatch } from '../query.ts';

export interface Anchor {
  element: string;
  id: string;
  text?: string;
}

const HEADING = /^h[2-6]$/i;

/**
 * The id of the last heading that starts at or before `matchAt` (an index into the
 * whitespace-free, lower-cased page text), or `undefined` when the match comes before any heading.
 */
export function sectionOf(content: string, anchors: readonly Anchor[], matchAt: number): string | undefined {
  const text = normaliseForMatch(content);
  let from = 0;
  let section: string | undefined;
  for (const anchor of anchors) {
    if (!HEADING.test(anchor.element) || !anchor.text) continue;
    const at = text.indexOf(normaliseForMatch(anchor.text), from);
    if (at === -1) continue;
    if (at > matchAt) break;
    section = anchor.id;
    from = at;
  }
  return section;
}
