/**
 * rehype plugin: each table of the full text in its own scrolling box. A published table is often wider than
 * a phone; in its box it scrolls sideways with a shadow at the edge that has more columns (`.table-scroll`
 * in global.css), instead of being cut at the screen's edge. The box takes keyboard focus, so it can be
 * scrolled without a pointer. Row labels are marked for a phone's layout (markLabels).
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { cellsOf, isMergeableText, isValueText, rowsOf, textOf } from './table-cells.ts';

const addClass = (cell: Element, name: string) => {
  const classes = Array.isArray(cell.properties['className']) ? cell.properties['className'] : [];
  cell.properties['className'] = [...classes, name];
};

/** Each cell with the column it starts in, spans from above taken into account. */
function placed(table: Element): { cell: Element; column: number; row: number }[][] {
  const taken: number[] = []; // per column: rows still covered from above
  return rowsOf(table).map((tr, row) => {
    const out: { cell: Element; column: number; row: number }[] = [];
    let column = 0;
    for (const cell of cellsOf(tr)) {
      while ((taken[column] ?? 0) > 0) column++;
      out.push({ cell, column, row });
      const columns = Number(cell.properties['colSpan'] ?? 1);
      for (let k = 0; k < columns; k++) taken[column + k] = Number(cell.properties['rowSpan'] ?? 1);
      column += columns;
    }
    for (let c = 0; c < taken.length; c++) if ((taken[c] ?? 0) > 0) taken[c]!--;
    return out;
  });
}

/**
 * Mark the row labels of a table (`label`: the cells before a row's first value or unit) and, when the rows
 * have one label column, the cells of the first column (`first-col`), which a phone keeps in view while the
 * values scroll. A table with labels over several columns (the 2021 template's table 三) keeps them all
 * scrolling: pinned, they would fill a phone's width.
 */
export function markLabels(table: Element): void {
  const rows = placed(table);
  let labelColumns = 0;
  for (const row of rows) {
    // A row of values: its labels are the cells before the first cell that is not a label (a value, or a unit such as 件).
    if (!row.some((p) => isValueText(textOf(p.cell)))) continue;
    const first = row.find((p) => !isMergeableText(textOf(p.cell).trim()))!;
    for (const p of row) if (p.column < first.column) addClass(p.cell, 'label');
    labelColumns = Math.max(labelColumns, first.column);
  }
  if (labelColumns !== 1) return;
  for (const row of rows) for (const p of row) if (p.column === 0) addClass(p.cell, 'first-col');
}

export default function rehypeTableScroll() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      markLabels(node);
      const box: Element = { type: 'element', tagName: 'div', properties: { className: ['table-scroll'], tabIndex: 0 }, children: [node] };
      parent.children[index] = box;
      return [SKIP, index + 1];
    });
  };
}
