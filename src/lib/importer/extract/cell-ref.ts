/**
 * The cell a table value came from, named as a reader can find it: the template's table, row and column
 * for the official tables of 2019 and later, the printed row label and column header for a pre-2019
 * appendix, and the cell's place in the quoted row.
 */
import { findMetric, type EditionId } from '../../catalogue/index.ts';
import type { CellRef } from '../../metric-value.ts';
import type { Found } from './found.ts';

/** The full cell reference of a value a table reader found, or undefined for prose. */
export function cellRef(found: Pick<Found, 'metric' | 'quote' | 'cell'>, edition: EditionId): CellRef | undefined {
  if (!found.cell) return undefined;
  const source = findMetric(found.metric)?.source[edition];
  const position = found.cell.position !== undefined ? { position: found.cell.position } : {};
  if (source?.kind === 'cell') {
    const row = source.section ? `${source.section} ${source.row}` : source.row;
    return { table: `表${source.table}`, row, column: source.column, ...position };
  }
  return { table: '统计表', row: found.cell.row ?? found.quote.split(' | ')[0]!, column: found.cell.column ?? '数值', ...position };
}
