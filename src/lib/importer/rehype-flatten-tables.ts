/**
 * rehype plugin: rewrite every table as a plain grid of text cells, expanding
 * rowspan and colspan by repeating the spanned cell's text, and nested tables
 * and paragraphs inside cells into text. GFM tables have no spans; repeating the
 * text keeps every row self-contained (a row of table 三 reads
 * "三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 0 | …"), so it can be quoted.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';

const cellText = (cell: Element) => toString(cell).replace(/[\s\u00a0\u3000]+/g, ' ').trim();

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  visit(table, 'element', (node) => {
    if (node !== table && node.tagName === 'table') return SKIP; // nested tables become text of their cell
    if (node.tagName === 'tr') rows.push(node);
    return undefined;
  });
  return rows;
}

const span = (cell: Element, name: 'rowSpan' | 'colSpan') => {
  const n = Number(cell.properties[name] ?? 1);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 100) : 1;
};

/** The table as a grid of texts, spans expanded. */
export function tableGrid(table: Element): string[][] {
  const grid: string[][] = [];
  rowsOf(table).forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row.children) {
      if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      while (grid[r]![c] !== undefined) c++;
      const text = cellText(cell);
      const rows = span(cell, 'rowSpan');
      const cols = span(cell, 'colSpan');
      for (let dr = 0; dr < rows; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cols; dc++) grid[r + dr]![c + dc] = text;
      }
      c += cols;
    }
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  return grid
    .map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''))
    .filter((r) => r.some((c) => c !== ''));
}

const el = (tagName: string, children: ElementContent[]): Element => ({ type: 'element', tagName, properties: {}, children });

export default function rehypeFlattenTables() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || index === undefined || !parent) return undefined;
      const grid = tableGrid(node);
      if (grid.length === 0) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      const row = (cells: string[], tag: 'th' | 'td') => el('tr', cells.map((t) => el(tag, [{ type: 'text', value: t }])));
      const flat = el('table', [el('thead', [row(grid[0]!, 'th')]), el('tbody', grid.slice(1).map((r) => row(r, 'td')))]);
      parent.children.splice(index, 1, flat);
      return SKIP;
    });
  };
}
