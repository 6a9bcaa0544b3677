/**
 * A report body's HTML as the search index reads it: the text a reader sees,
 * its tables row by row (results/table-rows.ts), and ids only on headings.
 *
 * The page rebuilds the tables' merged cells (rehype-merged-cells.ts), so each
 * merged cell's text is read once, as the source shows it: a label spelled out
 * in every column it spans was a position in the index lists of its words for
 * every repeat, which a query downloads. The index's table text marks rows and
 * cells, so a result can show the row it found ("行政复议数：0 件").
 *
 * The sentence marks of the page (`<span data-s>`) are left out: they change no text.
 *
 * Pagefind records every element with an id as an anchor, with its text, in each
 * result's fragment. The search page uses only the headings' (the section a
 * match falls under), so the quote ids of rows and marks are left out.
 *
 * The HTML is the archive's own renderer's output (src/lib/markdown/processor.ts,
 * serialized by rehype-stringify), so its tables are regular: rows of <th>/<td>,
 * spans as colspan/rowspan, no nested tables.
 */
import { indexTable } from './results/table-rows.ts';

const TABLE = /<table(?:\s[^>]*)?>[\s\S]*?<\/table>/g;

/** Ids removed from every element but headings (h1–h6). */
export function headingIdsOnly(html: string): string {
  return html.replace(/<(?!h[1-6][\s>])([a-z][a-z0-9]*)(\s[^>]*?)?\sid="[^"]*"/gi, (_, name: string, before: string | undefined) => `<${name}${before ?? ''}`);
}

/** The body without the sentence marks the page uses for "same as last year" (rehype-sentence-marks.ts): they wrap text only. */
export function withoutSentenceMarks(html: string): string {
  return html.replace(/<span data-s="[^"]*">([^<]*)<\/span>/g, '$1');
}

/** A rendered report body as the search index reads it (see the module comment). */
export function searchBody(bodyHtml: string): string {
  return headingIdsOnly(withoutSentenceMarks(bodyHtml).replace(TABLE, indexTable));
}
