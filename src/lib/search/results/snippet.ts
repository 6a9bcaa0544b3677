/**
 * What a search result shows under its title, and where its link opens the report.
 *
 * - A match in a table: the row as a reader reads it ("行政复议数：0 件"), under its section, table and group
 *   (table-rows.ts); the link opens the report at that row (`#tN-rM`).
 * - A match in prose: its sentence, under its section's headings; the link opens the section with a text
 *   fragment on the match (`#section:~:text=prefix-,match`), which browsers that support it scroll to and
 *   highlight, and the others read as the section's anchor.
 *
 * Every occurrence of the query in the shown text is marked.
 */
import { buildExcerpt, matchRanges, type ExcerptPart } from './excerpt.ts';
import type { ParsedQuery } from '../query.ts';
import { tableSnippet, withoutMarks } from './table-rows.ts';

/** An element with an id, as Pagefind records it in a result's fragment (its text decoded). */
export interface Anchor {
  element: string;
  id: string;
  text?: string;
}

export interface ResultSnippet {
  /** Where the match stands, outermost first (section, table, group). */
  where: string[];
  /** The text shown, with the query marked. */
  parts: ExcerptPart[];
  /** The URL fragment, without '#', that opens the report at the match ('' when none). */
  hash: string;
}

const SENTENCE_END = /[。！？；]/;
const BLOCK = /[␂␃]/;
/** A sentence longer than this is cut around the match. */
const LONGEST = 160;

/** A text fragment directive's text: percent-encoded, with the characters the directive uses ("-", ",", "&") encoded too. */
const directiveText = (text: string): string => encodeURIComponent(text).replace(/-/g, '%2D');

/** The sentence around offsets [from, to) of `text`, not reaching back past `floor`. */
function sentenceAround(text: string, from: number, to: number, floor: number): { start: number; end: number } {
  let start = from;
  while (start > floor && !SENTENCE_END.test(text[start - 1]!) && !BLOCK.test(text[start - 1]!)) start--;
  let end = to;
  while (end < text.length && !SENTENCE_END.test(text[end]!) && !BLOCK.test(text[end]!)) end++;
  if (end < text.length && SENTENCE_END.test(text[end]!)) end++;
  return { start, end };
}

/** The headings a section stands under and its own, outermost first ("二、主动公开政府信息情况", "（三）主要形式"). */
export function headingPath(anchors: readonly Anchor[], section: string | undefined): string[] {
  if (section === undefined) return [];
  const open: { level: number; text: string }[] = [];
  for (const anchor of anchors) {
    const level = /^h([1-6])$/i.exec(anchor.element)?.[1];
    if (!level || !anchor.text) continue;
    while (open.length > 0 && open.at(-1)!.level >= Number(level)) open.pop();
    // A heading that repeats the one above it (a report's own numbering, printed twice) is said once.
    if (open.at(-1)?.text !== anchor.text) open.push({ level: Number(level), text: anchor.text });
    if (anchor.id === section) return open.map((h) => h.text);
  }
  return [];
}

interface HeadingSpan {
  id: string;
  /** [start, end) offsets of the heading's text in the page text. */
  start: number;
  end: number;
}

/** Where the headings (h1–h6) stand in the page text, in order: each found after the one before it. */
function headingSpans(text: string, anchors: readonly Anchor[]): HeadingSpan[] {
  const spans: HeadingSpan[] = [];
  let from = 0;
  for (const anchor of anchors) {
    if (!/^h[1-6]$/i.test(anchor.element) || !anchor.text) continue;
    const at = text.indexOf(anchor.text, from);
    if (at === -1) continue;
    spans.push({ id: anchor.id, start: at, end: at + anchor.text.length });
    from = at + anchor.text.length;
  }
  return spans;
}

/** The id of the section (the last heading starting at or before offset `at`), or undefined before any heading. */
export function sectionAt(text: string, anchors: readonly Anchor[], at: number): string | undefined {
  return headingSpans(text, anchors).findLast((h) => h.start <= at)?.id;
}

/** The snippet of a result: `text` is its page text (decoded), `anchors` its headings (text decoded). */
export function resultSnippet(text: string, anchors: readonly Anchor[], q: ParsedQuery): ResultSnippet {
  // The first match in the text proper: a match in a heading is already said by the heading line.
  const ranges = matchRanges(text, q);
  const headings = headingSpans(text, anchors);
  const match = ranges.find(([s, e]) => !headings.some((h) => s >= h.start && e <= h.end)) ?? ranges[0];
  if (!match) return { where: [], parts: buildExcerpt(withoutMarks(text), q), hash: '' };
  const [at, matchEnd] = match;
  const heading = headings.findLast((h) => h.start <= at);
  const section = heading?.id;
  const path = headingPath(anchors, section);
  const table = tableSnippet(text, at);
  if (table) return { where: [...new Set([...path, ...table.where])], parts: buildExcerpt(table.text, q, table.text.length), hash: table.anchor };

  // The sentence, starting after the section's heading when the match follows it in the same run of text.
  const floor = heading && heading.end <= at ? heading.end : 0;
  let { start, end } = sentenceAround(text, at, matchEnd, floor);
  const cutBefore = end - start > LONGEST && at - start > 60;
  const cutAfter = end - start > LONGEST && end - matchEnd > 100;
  if (cutBefore) start = at - 60;
  if (cutAfter) end = matchEnd + 100;
  const sentence = text.slice(start, end).trim();
  const parts: ExcerptPart[] = [
    ...(cutBefore ? [{ text: '…', mark: false }] : []),
    ...buildExcerpt(sentence, q, sentence.length),
    ...(cutAfter ? [{ text: '…', mark: false }] : []),
  ];
  const prefix = text.slice(Math.max(start, at - 8), at);
  const directive = `${/^\S+$/.test(prefix) ? `${directiveText(prefix)}-,` : ''}${directiveText(text.slice(at, matchEnd))}`;
  return { where: path, parts, hash: `${section ? encodeURIComponent(section) : ''}:~:text=${directive}` };
}
