/**
 * Character-level tokens for Chinese search.
 *
 * Pagefind segments Chinese into words with one segmenter when indexing and
 * another (the browser's Intl.Segmenter) when searching; where they disagree a
 * word inside a longer indexed word is never found (复议 in 行政复议, 门头沟 in
 * 门头沟区教委; upstream Pagefind issue #1237). Putting a space around every Han
 * character, in the text Pagefind indexes and in the queries it receives, makes
 * every Chinese token a single character on both sides; a quoted sequence of
 * them then matches exactly where the text contains the query.
 */

const HAN = /(\p{Script=Han})/gu;

/** "行政复议11起" → "行 政 复 议 11 起" (Latin words and numbers stay whole). */
export function spaceCjk(text: string): string {
  return text.replace(HAN, ' $1 ').replace(/\s+/g, ' ').trim();
}

/** The same, applied to the text between tags of an HTML document; tags and attributes are left alone. */
export function spaceCjkInHtml(html: string): string {
  return html.replace(/>([^<]+)</g, (_, text: string) => `>${text.replace(HAN, ' $1 ')}<`);
}

/** Undo `spaceCjk` for display: whitespace next to a Han character goes. */
export function unspaceCjk(text: string): string {
  return text.replace(/\s+(?=\p{Script=Han})|(?<=\p{Script=Han})\s+/gu, '');
}
