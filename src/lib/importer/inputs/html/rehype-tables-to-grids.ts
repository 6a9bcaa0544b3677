/**
 * rehype plugin: take every table out of the tree as a grid of cell texts
 * (rowspan and colspan expanded by repeating the cell), leaving a placeholder
 * paragraph; `html-to-markdown.ts` writes each grid as a GFM table in its place.
 *
 * Repeating spanned cells keeps every row self-contained ("三、本年度办理结果 |
 * （三）不予公开 | 1.属于国家秘密 | 0 | …"), so a row can be quoted. Writing the grid
 * directly, rather than through mdast, is five times faster on Word-exported
 * pages, where tables are most of the nodes.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

const cellText = (cell: Element) => toString(cell).replace(/[\s\u00a0\u3000]+/g, ' ').trim();

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  visit(table, 'element', (node) => {
    if (node !== table && node.tagName === 'table') return SKIP; // a nested table is text of its cell
    if (node.tagName === 'tr') rows.push(node);
    return undefined;
  });
  return rows;
}

const span = (cell: Element, name: 'rowSpan' | 'colSpan') => {
  const n = Number(cell.properties[name] ?? 1);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 100) : 1;
};

/** The table as a grid of texts, spans expanded, empty rows dropped. */
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
  return grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')).filter((r) => r.some((c) => c !== ''));
}

/** The placeholder text for grid `n`: letters and digits only, so Markdown leaves it alone. */
const placeholder = (n: number) => `NIANBAOTABLEGRID${n}X`;

/** Matches a placeholder; group 1 is the grid's index. */
export const PLACEHOLDER = /NIANBAOTABLEGRID(\d+)X/g;

export interface GridData {
  grids?: string[][][];
}

export default function rehypeTablesToGrids() {
  return (tree: Root, file: VFile) => {
    const grids: string[][][] = [];
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || index === undefined || !parent) return undefined;
      const grid = tableGrid(node);
      const replacement: ElementContent[] = grid.length
        ? [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: placeholder(grids.push(grid) - 1) }] }]
        : [];
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });
    (file.data as GridData).grids = grids;
  };
}
