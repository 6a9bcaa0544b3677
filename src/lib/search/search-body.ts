/**
 * A report body's HTML as the search index reads it: the text a reader sees,
 * each merged table cell once, and ids only on headings.
 *
 * Markdown has no merged cells, so a report's tables spell a merged cell out in
 * every column and row it spans: the 2021 template's table 四 says 行政复议 five
 * times and 行政诉讼 ten times in one header row, and table 三 repeats
 * 三、本年度办理结果 down 22 rows. The page keeps them (the table must line up);
 * the index reads each merged cell once, as the source shows it. Every repeat
 * was a position in the index lists of its words, which a query downloads: a
 * label in every report is in every report's list.
 *
 * The sentence marks of the page (`<span data-s>`) are left out: they change no text.
 *
 * Pagefind records every element with an id as an anchor, with its text, in each
 * result's fragment. The search page uses only the headings' (the section a
 * match falls under), so the quote ids of rows and marks are left out.
 *
 * The HTML is the archive's own renderer's output (src/lib/markdown/processor.ts,
 * serialized by rehype-stringify), so its tables are regular: rows of <th>/<td>,
 * no nested tables, the same number of cells in every row.
 */

const TABLE = /<table>[\s\S]*?<\/table>/g;
const ROW = /<tr(?:\s[^>]*)?>([\s\S]*?)<\/tr>/g;
const CELL = /<(td|th)((?:\s[^>]*)?)>([\s\S]*?)<\/\1>/g;
const HAN = /\p{Script=Han}/u;

/** A cell's text: its content without tags, whitespace collapsed. */
const cellText = (content: string): string => content.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

/**
 * A table with each flattened merged cell once: a cell that repeats the text of
 * the cell to its left, or of the cell above it, is emptied. Only cells with
 * Chinese text: a number equal to its neighbour is a value of its own (a row of
 * zeros), not a span.
 */
export function collapseMergedCells(tableHtml: string): string {
  let above: string[] = [];
  return tableHtml.replace(ROW, (row: string) => {
    const texts: string[] = [];
    const collapsed = row.replace(CELL, (cell: string, tag: string, attributes: string, content: string) => {
      const column = texts.length;
      const text = cellText(content);
      texts.push(text);
      const repeated = HAN.test(text) && (text === texts[column - 1] || text === above[column]);
      return repeated ? `<${tag}${attributes}></${tag}>` : cell;
    });
    above = texts;
    return collapsed;
  });
}

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
  return headingIdsOnly(withoutSentenceMarks(bodyHtml).replace(TABLE, collapseMergedCells));
}
