/**
 * The statistics appendices of pre2019 reports, read by row label. (Tables 二, 三
 * and 四 of the 2019 and 2021 editions are read by the template's shape, in
 * ../template/.) Labels come from the metric catalogue only.
 */
import { METRICS, UNITS, type MetricDef } from '../../catalogue/index.ts';
import { readNumber, toHalfWidth } from '../template/numbers.ts';
import { normaliseLabel, type Table } from './blocks.ts';
import type { Found } from './found.ts';

const numberIn = (cell: string | undefined) => (cell === undefined || cell.trim() === '' ? undefined : readNumber(toHalfWidth(cell)));
const isNumber = (cell: string | undefined) => numberIn(cell) !== undefined;

/** pre2019 appendix labels → metric ("其中：1.当面申请数" reads as 当面申请数). */
const stripRowPrefix = (label: string) => normaliseLabel(label).replace(/^其中：?/, '').replace(/^\d+[.、．]/, '');

function appendixIndex(): Map<string, MetricDef> {
  const index = new Map<string, MetricDef>();
  for (const m of METRICS) {
    const s = m.source.pre2019;
    if (s?.kind === 'row') for (const label of s.labels) index.set(stripRowPrefix(label), m);
  }
  return index;
}

const UNIT_WORDS = new Set<string>([...UNITS, '起', '场', '份']);

/** A row's metric by its label: the label cells before the unit or the first number, joined, or the last of them. */
function labelOf(cells: readonly string[], index: ReadonlyMap<string, MetricDef>): MetricDef | undefined {
  const labels = labelCells(cells);
  return index.get(stripRowPrefix(labels.join(''))) ?? index.get(stripRowPrefix(labels.at(-1) ?? ''));
}

/** The non-blank label cells of a row: those before its unit or first number. */
function labelCells(cells: readonly string[]): string[] {
  let end = cells.findIndex((c, i) => i > 0 && (UNIT_WORDS.has(c.trim()) || isNumber(c)));
  if (end < 0) end = cells.length;
  return cells.slice(0, end).filter((c) => c.trim() !== '');
}

/**
 * The value columns a header line above the table names ("指标名称 计量单位 2014 年度 历年累计"): how many, and
 * which one is the report year. Undefined when the line is not such a header.
 */
function headerAbove(table: Table, year: number): { columns: number; year: number } | undefined {
  if (!table.above || table.rows[0]?.cells.some((c) => c.trim() !== '')) return undefined;
  const tokens = table.above.replace(new RegExp(`(${year})\\s+(年度?)`, 'g'), '$1$2').split(/\s+/).filter(Boolean);
  const unit = tokens.findIndex((t) => /单位$/.test(t));
  if (unit < 0) return undefined;
  const columns = tokens.slice(unit + 1);
  const at = columns.findIndex((t) => t.includes(String(year)) || /^本年/.test(t));
  return columns.length >= 2 && at >= 0 ? { columns: columns.length, year: at } : undefined;
}

export interface AppendixRead {
  found: Found[];
  warnings: string[];
}

/**
 * A pre2019 appendix: label | unit | number [| number …]. With more than one
 * number column, the column whose header names the report year (or 本年) is used;
 * when none does, the row is left out with a warning rather than guessed.
 */
export function readAppendix(table: Table, year: number): AppendixRead {
  const index = appendixIndex();
  const found: Found[] = [];
  const warnings: string[] = [];
  let yearColumn: number | undefined;
  let yearHeader: string | undefined;
  /** The last row of the table without numbers and with several cells: its column headers. */
  let headerCells: readonly string[] = [];
  const header = headerAbove(table, year);
  for (const row of table.rows) {
    const headerAt = row.cells.findIndex((c) => c.includes(String(year)) || /^本年/.test(c));
    if (headerAt > 0 && !row.cells.some(isNumber)) {
      yearColumn = headerAt;
      yearHeader = row.cells[headerAt]!.trim();
    }
    if (!row.cells.some(isNumber) && row.cells.filter((c) => c.trim() !== '').length > 1) headerCells = row.cells;
    const metric = labelOf(row.cells, index);
    if (!metric) continue;
    const unitAt = row.cells.findIndex((c, i) => i > 0 && UNIT_WORDS.has(c.trim()));
    const numbers = row.cells.map((c, i) => ({ i, n: numberIn(c) })).filter((x) => x.i > 0 && x.n);
    if (numbers.length === 0) continue;
    const unit = unitAt > 0 ? row.cells[unitAt]!.trim() : undefined;
    if (unit && unit !== metric.unit && !(metric.altUnits ?? []).includes(unit)) {
      warnings.push(`附表“${row.quote}”的单位“${unit}”与指标 ${metric.id}（${metric.unit}）不符，未采用`);
      continue;
    }
    // A header above the table (a PDF's layout put it on a line of its own) names the value columns in order:
    // the row's numbers are read by it only when the row has one number for each of them.
    const byHeader = yearColumn === undefined && header && numbers.length === header.columns ? numbers[header.year] : undefined;
    if (yearColumn === undefined && header && numbers.length !== header.columns) {
      warnings.push(`附表“${row.quote}”有 ${numbers.length} 个数，而表头“${table.above}”有 ${header.columns} 个数值列，无法确定哪一个是本年度，未采用`);
      continue;
    }
    const pick = byHeader ?? (numbers.length === 1 ? numbers[0] : numbers.find((x) => x.i === yearColumn));
    if (!pick) {
      warnings.push(`附表“${row.quote}”有 ${numbers.length} 个数，无法确定哪一列是本年度，未采用`);
      continue;
    }
    const column = pick.i === yearColumn ? yearHeader : byHeader ? table.above!.split(/\s+/).find((t) => t.includes(String(year))) : headerCells[pick.i]?.replace(/\s+/g, '') || undefined;
    const cell = { position: pick.i + 1, row: labelCells(row.cells).join(' '), ...(column ? { column } : {}) };
    found.push({ metric: metric.id, value: pick.n!.value, approx: pick.n!.approx, quote: row.quote, priority: 2, cell });
  }
  return { found, warnings };
}
