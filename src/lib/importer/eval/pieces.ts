/**
 * A reviewed report's body as the layout generators see it: paragraphs, and
 * tables as rows of distinct label cells and value cells (a grid repeats a
 * spanned label; here it is one), with the grid of cells it was.
 */
import { blocksOf, type TableRow } from '../extract/blocks.ts';
import { cellValue } from '../template/rows.ts';

export interface Row {
  /** Distinct label cells, in order (a grid repeats spanned labels). */
  labels: string[];
  values: string[];
}

export function rowOf(row: TableRow): Row {
  let at = row.cells.length;
  while (at > 0 && cellValue(row.cells[at - 1]!) !== undefined) at--;
  const labels = row.cells.slice(0, at).filter((c, i, all) => c !== '' && all.indexOf(c) === i);
  return { labels, values: row.cells.slice(at) };
}

export type Piece = { kind: 'text'; line: string } | { kind: 'table'; rows: Row[]; cells: string[][] };

/** The body split into paragraphs and tables (as rows, and as the grid of cells it was), in order. */
export function pieces(body: string): Piece[] {
  const out: Piece[] = [];
  const tables = blocksOf(body).tables;
  let t = 0;
  let inTable = false;
  for (const line of body.split('\n')) {
    if (line.trim().startsWith('|')) {
      if (!inTable) {
        const table = tables[t++]!;
        out.push({ kind: 'table', rows: table.rows.map(rowOf), cells: table.rows.map((r) => r.cells) });
      }
      inTable = true;
      continue;
    }
    inTable = false;
    if (line.trim() !== '') out.push({ kind: 'text', line: line.replace(/^#+\s*/, '').trim() });
  }
  return out;
}

/** Rows of a table with values; a row with labels only stays a header. */
export const isData = (r: Row) => r.values.some((v) => cellValue(v));

