/**
 * rehype plugin: an anchor in every row of the full text's tables, so a search result (or any link) can open
 * the report at the row it quotes. The anchor is an empty `<span id="tN-rM" class="row-anchor">` at the start
 * of the row's first cell: table N of the body and row M of that table, both counted from 1 in document
 * order, over the rows as rendered (after merged cells are rebuilt). The search index reads the same tables
 * in the same order and names the same rows (src/lib/search/results/table-rows.ts), so the two never need to share
 * ids; the row's own id stays free for a quote.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { cellsOf, rowAnchorId } from './table-cells.ts';

export default function rehypeRowAnchors() {
  return (tree: Root) => {
    let table = 0;
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'table') return;
      table++;
      let row = 0;
      visit(node, 'element', (tr: Element) => {
        if (tr.tagName !== 'tr') return;
        row++;
        cellsOf(tr)[0]?.children.unshift({ type: 'element', tagName: 'span', properties: { id: rowAnchorId(table, row), className: ['row-anchor'] }, children: [] });
      });
    });
  };
}
