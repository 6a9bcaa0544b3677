/**
 * rehype plugin: mark where each front-matter `quote` stands in the rendered
 * report, so a metric can link to the sentence or table row it came from.
 *
 * A quote is found either as a table row (cells joined with " | ", as the
 * Markdown source writes them) or inside one text node, where it is wrapped in
 * `<mark class="quote" id="quote-N">`. Longer quotes go first so a shorter quote
 * inside a longer one nests in its mark.
 *
 * A table value that names its cell (`cell.position`) gets the cell itself marked,
 * `<td class="quote-cell" id="quote-N-cP">`, when that cell of the marked row holds
 * the value; otherwise the id stands at the start of the row, so a link never dangles.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { cellAnchors, quoteAnchors } from '../quotes.ts';
import { cellValue } from '../importer/template/rows.ts';

/** The text of a table row as Markdown writes it: trimmed cells joined with " | ". */
export function rowText(row: Element): string {
  return row.children
    .filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'))
    .map((cell) => toString(cell).trim())
    .join(' | ');
}

/** Every table row with its text, computed once per document (a report may quote hundreds of rows). */
function tableRows(tree: Root): { row: Element; text: string }[] {
  const rows: { row: Element; text: string }[] = [];
  visit(tree, 'element', (node) => {
    if (node.tagName === 'tr') rows.push({ row: node, text: rowText(node) });
  });
  return rows;
}

/** The row marked for `quote`, or undefined. */
function markRow(rows: readonly { row: Element; text: string }[], quote: string, id: string): Element | undefined {
  const hit = rows.find((r) => r.row.properties.id === undefined && r.text === quote) ??
    rows.find((r) => r.row.properties.id === undefined && r.text.includes(quote));
  if (!hit) return undefined;
  hit.row.properties.id = id;
  hit.row.properties.className = ['quote'];
  return hit.row;
}

/** The <mark> made around `quote` in the first text that holds it, or undefined. */
function markText(tree: Root, quote: string, id: string): Element | undefined {
  let found: Element | undefined;
  visit(tree, 'text', (node: Text, index, parent) => {
    if (found || index === undefined || !parent) return;
    const at = node.value.indexOf(quote);
    if (at === -1) return;
    const mark: Element = {
      type: 'element',
      tagName: 'mark',
      properties: { id, className: ['quote'] },
      children: [{ type: 'text', value: quote }],
    };
    const parts: ElementContent[] = [];
    if (at > 0) parts.push({ type: 'text', value: node.value.slice(0, at) });
    parts.push(mark);
    const rest = node.value.slice(at + quote.length);
    if (rest) parts.push({ type: 'text', value: rest });
    (parent.children as ElementContent[]).splice(index, 1, ...parts);
    found = mark;
    return SKIP;
  });
  return found;
}

/** Mark the cell of each table value that names one, inside the row its quote marked (`marked`: anchor id → element). */
function markCells(marked: ReadonlyMap<string, Element>, frontmatter: Record<string, unknown>, unlocated: string[]): void {
  for (const { rowId, id, position, value, approx } of cellAnchors(frontmatter)) {
    const holder = marked.get(rowId);
    if (!holder) continue; // the quote itself was not found: reported with the quotes
    if (holder.tagName === 'tr') {
      const cell = holder.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'))[position - 1];
      const read = cell ? cellValue(toString(cell)) : undefined;
      if (cell && cell.properties.id === undefined && read && read.value === value && read.approx === approx) {
        cell.properties.id = id;
        cell.properties.className = ['quote-cell'];
        continue;
      }
      if (cell?.properties.id === id) continue;
    }
    unlocated.push(`${rowId} 第 ${position} 格`);
    const at = holder.tagName === 'tr' ? (holder.children.find((c): c is Element => c.type === 'element') ?? holder) : holder;
    at.children.unshift({ type: 'element', tagName: 'span', properties: { id, className: ['cell-anchor'] }, children: [] });
  }
}

export interface QuoteAnchorData {
  /** Quotes of the front-matter that could not be found in the rendered text. */
  unlocatedQuotes?: string[];
}

export default function rehypeQuoteAnchors() {
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter ?? {};
    const anchors = [...quoteAnchors(frontmatter)].sort(([a], [b]) => b.length - a.length);
    const unlocated: string[] = [];
    const rows = anchors.length ? tableRows(tree) : [];
    const marked = new Map<string, Element>();
    for (const [quote, id] of anchors) {
      const element = markRow(rows, quote, id) ?? markText(tree, quote, id);
      if (element) marked.set(id, element);
      else unlocated.push(quote);
    }
    markCells(marked, frontmatter, unlocated);
    if (unlocated.length > 0) {
      (file.data as QuoteAnchorData).unlocatedQuotes = unlocated;
      file.message(`quote not found in the rendered text: ${unlocated.join(' / ')}`);
    }
  };
}
