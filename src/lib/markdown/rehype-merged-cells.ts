/**
 * rehype plugin: the full text's tables with their merged cells rebuilt, as the report printed them.
 *
 * Markdown has no merged cells, so an imported table spells a merged cell out in every column and row it
 * spans: the 2021 template's table 三 says 申请人情况 seven times across its header and
 * 三、本年度办理结果 down 22 rows. A rectangle of cells with the same Chinese text becomes one cell with
 * `colspan`/`rowspan`, so nothing repeats. Only labels merge: equal numbers side by side are values of
 * their own (a row of zeros), and so are a unit or a word answer standing in each row (件 down a 单位
 * column, 无, 是); a cell that holds an anchor (a quoted value's id) stays a cell of its own.
 *
 * A merge that starts in the header row and runs into the body (the 2021 template's corner cell spans the
 * header's three rows) moves those body rows into `<thead>`, as a `rowspan` cannot cross table sections.
 * A table whose rows have unequal numbers of cells, or that already has spans, is left as it is.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { cellsOf, elementsOf, isMergeableText, textOf } from './table-cells.ts';


interface Row {
  tr: Element;
  cells: Element[];
  texts: string[];
}

const cellText = (cell: Element): string => textOf(cell).replace(/\s+/g, ' ').trim();

/** Whether an element or anything in it carries an id (a quote's cell, or the anchor of a quoted row). */
const hasId = (node: ElementContent): boolean => node.type === 'element' && (node.properties['id'] !== undefined || node.children.some(hasId));

/** One merged cell: its top-left corner and its extent. */
export interface Span {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/**
 * The merged cells of a grid of cell texts: maximal rectangles, each grown right and then down from its
 * top-left corner over cells with the same text. `mergeable` says which cells may take part.
 */
export function mergedSpans(texts: readonly (readonly string[])[], mergeable: (row: number, column: number) => boolean): Span[] {
  const covered = texts.map((row) => row.map(() => false));
  const spans: Span[] = [];
  const same = (r: number, c: number, text: string) => !covered[r]![c] && mergeable(r, c) && texts[r]![c] === text;
  for (let r = 0; r < texts.length; r++) {
    for (let c = 0; c < texts[r]!.length; c++) {
      if (covered[r]![c] || !mergeable(r, c)) continue;
      const text = texts[r]![c]!;
      let columns = 1;
      while (c + columns < texts[r]!.length && same(r, c + columns, text)) columns++;
      let rows = 1;
      while (r + rows < texts.length && Array.from({ length: columns }, (_, k) => same(r + rows, c + k, text)).every(Boolean)) rows++;
      for (let i = 0; i < rows; i++) for (let k = 0; k < columns; k++) covered[r + i]![c + k] = true;
      if (rows > 1 || columns > 1) spans.push({ row: r, column: c, rows, columns });
    }
  }
  return spans;
}

function mergeTable(table: Element): void {
  const head = elementsOf(table, ['thead'])[0];
  const body = elementsOf(table, ['tbody'])[0];
  const sections = [head, body].filter((s): s is Element => s !== undefined);
  const rows: Row[] = sections.flatMap((section) =>
    elementsOf(section, ['tr']).map((tr) => {
      const cells = cellsOf(tr);
      return { tr, cells, texts: cells.map(cellText) };
    }),
  );
  if (rows.length === 0) return;
  const width = rows[0]!.cells.length;
  if (rows.some((r) => r.cells.length !== width || r.cells.some((c) => c.properties['colSpan'] || c.properties['rowSpan']))) return;
  const spans = mergedSpans(
    rows.map((r) => r.texts),
    (r, c) => isMergeableText(rows[r]!.texts[c]!) && !hasId(rows[r]!.cells[c]!),
  );
  if (spans.length === 0) return;

  const removed = new Set<Element>();
  for (const span of spans) {
    const cell = rows[span.row]!.cells[span.column]!;
    if (span.columns > 1) cell.properties['colSpan'] = span.columns;
    if (span.rows > 1) cell.properties['rowSpan'] = span.rows;
    for (let i = 0; i < span.rows; i++) {
      for (let k = 0; k < span.columns; k++) if (i > 0 || k > 0) removed.add(rows[span.row + i]!.cells[span.column + k]!);
    }
  }
  for (const row of rows) row.tr.children = row.tr.children.filter((c) => c.type !== 'element' || !removed.has(c));

  // Body rows that a header cell spans down into become header rows.
  const headRows = head ? elementsOf(head, ['tr']).length : 0;
  const headEnd = Math.max(headRows, ...spans.filter((s) => s.row < headRows).map((s) => s.row + s.rows));
  if (head && body && headEnd > headRows) {
    const moved = rows.slice(headRows, headEnd).map((r) => r.tr);
    for (const tr of moved) for (const cell of elementsOf(tr, ['td'])) cell.tagName = 'th';
    body.children = body.children.filter((c) => c.type !== 'element' || !moved.includes(c));
    head.children.push(...moved.flatMap((tr): ElementContent[] => [tr, { type: 'text', value: '\n' }]));
    if (elementsOf(body, ['tr']).length === 0) table.children = table.children.filter((c) => c !== body);
  }
}

/** Header cells say what they head: a column, or a group of columns when merged across several. */
function scopeHeaders(table: Element): void {
  const head = elementsOf(table, ['thead'])[0];
  for (const tr of head ? elementsOf(head, ['tr']) : []) {
    for (const th of elementsOf(tr, ['th'])) th.properties['scope'] = Number(th.properties['colSpan'] ?? 1) > 1 ? 'colgroup' : 'col';
  }
}

/** The plugin: every table of the body with its merged cells rebuilt. */
export default function rehypeMergedCells() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'table') return;
      mergeTable(node);
      scopeHeaders(node);
    });
  };
}
