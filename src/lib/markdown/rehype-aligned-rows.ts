/**
 * rehype plugin: rows with fewer label cells than the rest of their table, realigned.
 *
 * A converter that flattened a table reads a label spanning two label columns as one cell, so an imported row
 * can carry one label cell where its neighbours carry two ("（一）予以公开 | 21 | 3 | 24 |" beside
 * "（三）不予公开 | 1.属于国家秘密 | 0 | 1 | 1"). The Markdown keeps the row as read, padded with blank cells on
 * the right (the importer names each value's cell by its place in that row); drawn as it is, each value
 * would stand one column to the left of its header. Such a row's values move right, under their columns,
 * and its last label is repeated into the gap (merged back into one cell by rehype-merged-cells.ts).
 *
 * Only when it fits exactly: the row ends in blank cells, and moving its values by that many cells puts its
 * labels in the table's label columns (as many as its complete rows have) and its values in the value
 * columns. Any other row stays as written: a blank at the end of a row can be a blank in the source.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { cellsOf, isValueText, textOf } from './table-cells.ts';

interface Shape {
  tr: Element;
  cells: Element[];
  /** Cells before the first value. */
  labels: number;
  /** Blank cells at the end. */
  blanks: number;
}

function shapeOf(tr: Element): Shape {
  const cells = cellsOf(tr);
  const texts = cells.map((c) => textOf(c).trim());
  let blanks = 0;
  while (blanks < texts.length && texts[texts.length - 1 - blanks] === '') blanks++;
  return { tr, cells, labels: texts.findIndex(isValueText), blanks };
}

/** The number of label columns: the most common among rows that end in a value. */
function labelColumns(shapes: readonly Shape[]): number | undefined {
  const counts = new Map<number, number>();
  for (const s of shapes) if (s.blanks === 0 && s.labels > 0) counts.set(s.labels, (counts.get(s.labels) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function alignRows(table: Element): void {
  const body = table.children.find((c): c is Element => c.type === 'element' && c.tagName === 'tbody');
  if (!body) return;
  const shapes = body.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'tr').map(shapeOf);
  const labels = labelColumns(shapes);
  if (labels === undefined) return;
  for (const s of shapes) {
    if (s.blanks === 0 || s.labels <= 0 || s.labels + s.blanks !== labels) continue;
    const values = s.cells.slice(s.labels, s.cells.length - s.blanks);
    if (!values.every((c) => isValueText(textOf(c)) || textOf(c).trim() === '')) continue;
    const last = s.cells[s.labels - 1]!;
    const copies: Element[] = Array.from({ length: s.blanks }, () => ({ type: 'element', tagName: last.tagName, properties: {}, children: [{ type: 'text', value: textOf(last).trim() }] }));
    const blanks = new Set(s.cells.slice(s.cells.length - s.blanks));
    const kept = s.tr.children.filter((c) => c.type !== 'element' || !blanks.has(c));
    const at = kept.indexOf(last) + 1;
    s.tr.children = [...kept.slice(0, at), ...copies, ...kept.slice(at)];
  }
}

export default function rehypeAlignedRows() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'table') alignRows(node);
    });
  };
}
