/**
 * A report body as a stream of statistic rows, in document order, whatever form
 * its tables took: a Markdown table row ("（一）予以公开 | 21 | 0 | … | 21"), or a
 * line of text that ends in numbers ("（一）予以公开 21 0 0 0 0 0 21"). Each row
 * keeps its label cells, its trailing value cells and its quote (the row exactly
 * as it stands in the body). Headings are kept as label-only rows, since a
 * converter may have made a table label into one, and they set the section.
 */
import { DELIMITER, splitRow } from '../extract/blocks.ts';
import { toHalfWidth, readNumber } from './numbers.ts';

/**
 * A value cell: a number, or a cell printed blank or with a dash (not reported: `null`). `at` is the
 * cell's place in its table row (0 = the first printed cell), so a stored value can name the exact cell.
 */
export type Cell = { value: number; approx: boolean; at?: number } | null;

/** Where a found value stood: its cell's place in a table row (1 = the first cell); a text line has no cells. */
export function cellOf(cell: NonNullable<Cell>, row: Pick<StatRow, 'inTable'>): { position?: number } {
  return row.inTable && cell.at !== undefined ? { position: cell.at + 1 } : {};
}

/**
 * Where a value that several readings agree on stood: its cell when every reading took it from the same
 * one, else nothing (readings of a row of zeros agree on 0 from different cells: only the column is known).
 */
export function agreedCell(readings: readonly (Cell | undefined)[], row: Pick<StatRow, 'inTable'>): { position?: number } {
  const first = readings.find((c) => c);
  return first && new Set(readings.map((c) => c?.at)).size === 1 ? cellOf(first, row) : {};
}

/** A key for a reading of cells that ignores where each cell stood: two readings of the same numbers are one. */
export function cellsKey(cells: readonly (Cell | undefined)[]): string {
  return cells.map((c) => (c === undefined ? 'u' : c === null ? 'n' : `${c.value}/${c.approx}`)).join(',');
}

export interface StatRow {
  /** Cells before the values (label cells; several when a grid repeated spanned labels). */
  labels: string[];
  values: Cell[];
  /** How many of `values` are numbers. */
  numbers: number;
  quote: string;
  /** The text of the nearest heading above, '' before any. */
  section: string;
  /** Whether it came from a Markdown table (true) or a line of text. */
  inTable: boolean;
  /** Index of the table it belongs to (-1 for text lines). */
  table: number;
}

const BLANK = /^(?:|[-—–－/／]|—+|无)$/;

/** A value as tables print it: "21", "２１", "1,024", "21件", "9116.36". */
export function cellValue(cell: string): Cell | undefined {
  const text = toHalfWidth(cell.trim()).replace(/\s+/g, '');
  if (BLANK.test(text)) return null;
  // A change printed with its sign (表二 本年增/减: "-18"): a value, negative. Counts that may not be negative are
  // refused later by the metric's own check, with a warning.
  const negative = /^[-−－—–](\d[\d,，]*(?:\.\d+)?)$/.exec(text);
  if (negative) return { value: -Number(negative[1]!.replace(/[,，]/g, '')), approx: false };
  const number = readNumber(text.replace(/(件|条|人|人次|次|元|万元|项)$/, ''));
  return number && /^\d/.test(text.replace(/^[约近]/, '')) ? number : undefined;
}

/** Split cells into labels and the trailing run of value cells. */
function split(cells: readonly string[]): { labels: string[]; values: Cell[] } {
  let at = cells.length;
  while (at > 0 && cellValue(cells[at - 1]!) !== undefined) at--;
  return { labels: cells.slice(0, at), values: cells.slice(at).map((c, j) => placed(cellValue(c)!, at + j)) };
}

/** A cell with its place in the row. */
function placed(cell: Cell, at: number): Cell {
  return cell === null ? null : { ...cell, at };
}

/** Tokens of a text line that ends in numbers: "（一）予以公开 21 0 0 0 0 0 21". */
const TRAILING_VALUES = /((?:\s+|^)(?:\d[\d,，]*(?:\.\d+)?|[-—–－]))+\s*$/;

function textRow(line: string): { labels: string[]; values: Cell[] } | undefined {
  const half = toHalfWidth(line);
  const m = TRAILING_VALUES.exec(half);
  if (!m) return undefined;
  const label = line.slice(0, m.index).trim();
  const values = m[0].trim().split(/\s+/).map((t) => cellValue(t)!);
  // A sentence that happens to end in a number ("……共计 12") is not a row; a label wrapped mid-note
  // ("形，不计其他情形） 8 1 0 0 0 0 9") is, when a row's worth of numbers follows it.
  if (/[。；！？]/.test(label) || (/[，,]/.test(label) && values.length < 5) || label.length > 80) return undefined;
  return { labels: label ? [label] : [], values };
}

export function statRows(markdown: string): StatRow[] {
  const rows: StatRow[] = [];
  let section = '';
  let table = -1;
  let inTable = false;
  const push = (labels: string[], values: Cell[], quote: string, fromTable: boolean) =>
    rows.push({ labels, values, numbers: values.filter(Boolean).length, quote, section, inTable: fromTable, table: fromTable ? table : -1 });
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('|')) {
      if (!inTable) table++;
      inTable = true;
      if (DELIMITER.test(line)) continue;
      const cells = splitRow(line);
      const { labels, values } = split(cells);
      push(labels, values, cells.join(' | '), true);
      continue;
    }
    inTable = false;
    if (line === '') continue;
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      section = heading[1]!.trim();
      push([section], [], line, false);
      continue;
    }
    const row = textRow(line);
    if (row) push(row.labels, row.values, line, false);
    else if (line.length <= 60 && !/[。；！？]/.test(line)) push([line], [], line, false);
  }
  return rows;
}

/**
 * Each way of taking `positions.length − width` positions out (of a row's `values`) whose cell repeats its
 * left neighbour's (a spanned cell a grid repeated, a doubled cell), or, with `blanks`, is blank (the empty
 * second half a PDF printed of a spanned cell).
 */
export function collapsedPositions(values: readonly Cell[], positions: readonly number[], width: number, blanks = false): number[][] {
  const same = (a: Cell, b: Cell) => (a === null ? b === null : b !== null && a.value === b.value && a.approx === b.approx);
  const found: number[][] = [];
  const walk = (row: number[], from: number, left: number) => {
    if (left === 0) return void found.push(row);
    for (let i = Math.max(1, from); i < row.length; i++) {
      const cell = values[row[i]!]!;
      if (same(cell, values[row[i - 1]!]!) || (blanks && cell === null)) walk([...row.slice(0, i), ...row.slice(i + 1)], i, left - 1);
    }
  };
  walk([...positions], 1, positions.length - width);
  return found;
}

/** The same for a row of cells as given: each way of taking out repeated cells, as cells. */
export function collapsedReadings(cells: readonly Cell[], width: number): Cell[][] {
  return collapsedPositions(cells, cells.map((_, i) => i), width).map((kept) => kept.map((i) => cells[i]!));
}

/** Cells of a row, without the blank cells a ragged table padded it with at the end. */
export function rowWidth(row: StatRow): number {
  let values = row.values.length;
  while (values > 0 && row.values[values - 1] === null) values--;
  return row.labels.length + values;
}

/** Cells of a header row, without blank cells at its end. */
export function headerWidth(header: readonly string[]): number {
  let width = header.length;
  while (width > 0 && header[width - 1]!.trim() === '') width--;
  return width;
}

