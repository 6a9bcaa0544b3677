/**
 * Table 二 (主动公开政府信息情况) by the template's shape. A row is found by its
 * label (规章, 行政规范性文件, 行政许可 …); its numbers go to the template's columns
 * by the header above when the header names them, else by position when the row
 * has exactly as many numbers as the template has columns for it. A one-column
 * row that a grid repeated across a spanned cell ("10690 | 10690 | 10690") is one
 * number.
 */
import { METRICS, TABLE_2_ROW_ALIASES, type EditionId, type MetricDef } from '../../catalogue/index.ts';
import type { Found } from '../extract/found.ts';
import { labelCore, matchLabel } from './labels.ts';
import { agreedCell, cellOf, cellsKey, collapsedReadings, headerWidth, rowWidth, type Cell, type StatRow } from './rows.ts';

interface Table2Row {
  core: string;
  /** The metrics of the row, in column order, with their column cores. */
  columns: { metric: MetricDef; core: string }[];
}

/** Row names the editions spell differently (规范性文件, 行政规范性文件): each to the other. */
const SAME_ROW: Readonly<Record<string, string>> = Object.fromEntries(TABLE_2_ROW_ALIASES.flatMap(([a, b]) => [[a, b], [b, a]]));

function template(edition: EditionId): Table2Row[] {
  const rows = new Map<string, Table2Row>();
  for (const metric of METRICS) {
    const source = metric.source[edition];
    if (source?.kind !== 'cell' || source.table !== '二') continue;
    const core = labelCore(source.row);
    const row = rows.get(core) ?? { core, columns: [] };
    row.columns.push({ metric, core: labelCore(source.column) });
    rows.set(core, row);
  }
  return [...rows.values()];
}

/** "75394432.52元" and "9116.36" alike: units were already taken off by cellValue. */
export function readTable2(rows: readonly StatRow[], edition: EditionId): { found: Found[]; warnings: string[] } {
  const templateRows = template(edition);
  const candidates = templateRows.flatMap((r) => [{ core: r.core, value: r }, ...(SAME_ROW[r.core] && !templateRows.some((t) => t.core === SAME_ROW[r.core]) ? [{ core: SAME_ROW[r.core]!, value: r }] : [])]);
  const found: Found[] = [];
  const warnings: string[] = [];
  let header: string[] | undefined;
  for (const row of rows) {
    if (row.numbers === 0) {
      if (row.inTable && row.labels.length > 1) header = row.labels;
      continue;
    }
    const label = [...row.labels].reverse().find((l) => l.trim() !== '');
    const match = label === undefined ? undefined : matchLabel(label, candidates);
    if (!match) continue;
    const byHeader = header && row.inTable ? placeByHeader(row, header, match) : [];
    if (byHeader.length) {
      found.push(...byHeader);
      continue;
    }
    const readings = positionalReadings(row.values, match.columns.length);
    const numbers = row.values.filter((v) => v !== null);
    if (match.columns.length === 1 && numbers.length > 0 && numbers.every((n) => n!.value === numbers[0]!.value && n!.approx === numbers[0]!.approx)) {
      // One column: a grid repeats the one number across the spanned cells ("2293 | 2293 | 2293").
      found.push({ metric: match.columns[0]!.metric.id, value: numbers[0]!.value, approx: numbers[0]!.approx, quote: row.quote, cell: cellOf(numbers[0]!, row) });
    } else if (readings.length > 0) {
      // Without a header or an identity to decide, a cell is kept only where every plausible reading agrees.
      match.columns.forEach((column, i) => {
        const cells = new Set(readings.map((r) => (r[i] ? `${r[i]!.value}/${r[i]!.approx}` : 'blank')));
        const cell = readings[0]![i];
        if (cells.size === 1 && cell) found.push({ metric: column.metric.id, value: cell.value, approx: cell.approx, quote: row.quote, cell: agreedCell(readings.map((r) => r[i]), row) });
        else if (cells.size > 1) warnings.push(`表二“${row.quote}”的数可以按 ${readings.length} 种方式对齐到各列，“${column.metric.label}”在各种对齐下不同，未采用`);
      });
    } else {
      warnings.push(`表二“${row.quote}”有 ${row.values.length} 个数，而模板这一行有 ${match.columns.length} 列，无法确定各列，未采用`);
    }
  }
  return { found, warnings };
}

/**
 * The plausible readings of a row's cells as `width` columns, when no header names them: blank cells at
 * either end taken off (a ragged row's padding, or a shifted row: which of them, if any, was a real blank
 * cell cannot be told, so a row left short is not placed); up to two leading cells taken off (a numbering
 * printed as a number); cells that repeat their left neighbour taken out (a spanned cell a grid repeated).
 */
function positionalReadings(values: readonly Cell[], width: number): Cell[][] {
  let start = 0;
  let end = values.length;
  while (start < end && values[start] === null) start++;
  while (end > start && values[end - 1] === null) end--;
  const core = values.slice(start, end);
  const out = new Map<string, Cell[]>();
  for (let lead = 0; lead <= 2; lead++) {
    const cells = core.slice(lead);
    if (cells.length === width) out.set(cellsKey(cells), cells);
    else if (cells.length > width && cells.length <= width + 2) for (const r of collapsedReadings(cells, width)) out.set(cellsKey(r), r);
  }
  return [...out.values()];
}

/** Values under header cells that name the row's columns; a spanned header repeats, so each metric is taken once. */
function placeByHeader(row: StatRow, header: readonly string[], match: Table2Row): Found[] {
  // The header names this row's cells only when the row is as wide as it: a row a cell short or long (a cell
  // lost or doubled, a numbering printed as a number) would be read a column off.
  if (rowWidth(row) !== headerWidth(header)) return [];
  const offset = row.labels.length;
  const seen = new Set<string>();
  const found: Found[] = [];
  row.values.forEach((cell, j) => {
    const column = header[offset + j];
    if (column === undefined) return;
    const target = match.columns.find((c) => c.core === labelCore(column));
    if (!target || seen.has(target.metric.id)) return;
    seen.add(target.metric.id);
    if (cell) found.push({ metric: target.metric.id, value: cell.value, approx: cell.approx, quote: row.quote, cell: cellOf(cell, row) });
  });
  return found;
}
