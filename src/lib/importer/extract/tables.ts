/**
 * Reading the statistics tables: tables 二, 三 and 四 of the 2019 and 2021
 * editions by row and column label, and the appendices of pre2019 reports by row
 * label. Labels come from the metric catalogue only.
 */
import {
  APPLICANT_COLUMNS,
  METRICS,
  TABLE_3_ROWS,
  UNITS,
  type EditionId,
  type MetricDef,
} from '../../catalogue/index.ts';
import { readNumber, toHalfWidth } from '../numbers.ts';
import { normaliseLabel, type Table } from './blocks.ts';
import type { Found } from './found.ts';

const numberIn = (cell: string | undefined) => (cell === undefined || cell.trim() === '' ? undefined : readNumber(toHalfWidth(cell)));
const isNumber = (cell: string | undefined) => numberIn(cell) !== undefined;

/** Table 二: (row, column) labels → metric, for one edition. */
function table2Index(edition: EditionId): Map<string, MetricDef> {
  const index = new Map<string, MetricDef>();
  for (const m of METRICS) {
    const s = m.source[edition];
    if (s?.kind === 'cell' && s.table === '二') index.set(`${normaliseLabel(s.row)}|${normaliseLabel(s.column)}`, m);
  }
  return index;
}

/** "75394432.52元" → "75394432.52" when 元 is the metric's unit (or one it is printed in). */
function withoutUnit(cell: string, metric: MetricDef): string {
  const units = [metric.unit, ...(metric.altUnits ?? [])].sort((a, b) => b.length - a.length);
  const unit = units.find((u) => cell.trim().endsWith(u));
  return unit ? cell.trim().slice(0, -unit.length) : cell;
}

export function readTable2(table: Table, edition: EditionId): Found[] {
  const index = table2Index(edition);
  const found: Found[] = [];
  let header: string[] | undefined;
  for (const row of table.rows) {
    const [label, ...rest] = row.cells;
    if (label === undefined) continue;
    if (rest.length > 0 && rest.every((c) => !isNumber(c))) {
      header = rest;
      continue;
    }
    if (!header) continue;
    const seen = new Set<string>();
    rest.forEach((cell, i) => {
      const metric = index.get(`${normaliseLabel(label)}|${normaliseLabel(header![i] ?? '')}`);
      const n = metric && numberIn(withoutUnit(cell, metric));
      if (!metric || !n || seen.has(metric.id)) return;
      seen.add(metric.id); // a colspan repeats the same cell
      found.push({ metric: metric.id, value: n.value, approx: n.approx, quote: row.quote });
    });
  }
  return found;
}

/** Table 三: the row label of the edition → row id. */
function table3Index(edition: EditionId): Map<string, string> {
  return new Map(TABLE_3_ROWS.filter((r) => r.editions.includes(edition)).map((r) => [normaliseLabel(r.source), r.id]));
}

const TABLE_3_COLUMNS = [...APPLICANT_COLUMNS.map((c) => c.id), 'total'] as const;

export function readTable3(table: Table, edition: EditionId): Found[] {
  const index = table3Index(edition);
  const found: Found[] = [];
  for (const row of table.rows) {
    const values = row.cells.slice(-TABLE_3_COLUMNS.length);
    if (values.length < TABLE_3_COLUMNS.length || !values.every(isNumber)) continue;
    const labels = row.cells.slice(0, -TABLE_3_COLUMNS.length).map(normaliseLabel);
    const rowId = [...labels].reverse().map((l) => index.get(l)).find(Boolean);
    if (!rowId) continue;
    values.forEach((cell, i) => {
      const n = numberIn(cell)!;
      const column = TABLE_3_COLUMNS[i]!;
      found.push({ metric: column === 'total' ? rowId : `${rowId}.${column}`, value: n.value, approx: n.approx, quote: row.quote });
    });
  }
  return found;
}

const TABLE_4 = METRICS.filter((m) => Object.values(m.source).some((s) => s?.kind === 'cell' && s.table === '四'));

/** Table 四: the one row of 15 numbers, in template order (复议, 未经复议直接起诉, 复议后起诉 × 5 columns). */
export function readTable4(table: Table, edition: EditionId): Found[] {
  if (!/行政复议/.test(table.text) || !/尚未审结/.test(table.text)) return [];
  const metrics = TABLE_4.filter((m) => m.editions.includes(edition));
  for (const row of table.rows) {
    if (row.cells.length === metrics.length && row.cells.every(isNumber)) {
      return row.cells.map((cell, i) => {
        const n = numberIn(cell)!;
        return { metric: metrics[i]!.id, value: n.value, approx: n.approx, quote: row.quote };
      });
    }
  }
  return [];
}

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
  for (const row of table.rows) {
    const headerAt = row.cells.findIndex((c) => c.includes(String(year)) || /^本年/.test(c));
    if (headerAt > 0 && !row.cells.some(isNumber)) yearColumn = headerAt;
    const metric = index.get(stripRowPrefix(row.cells[0] ?? ''));
    if (!metric) continue;
    const unitAt = row.cells.findIndex((c, i) => i > 0 && UNIT_WORDS.has(c.trim()));
    const numbers = row.cells.map((c, i) => ({ i, n: numberIn(c) })).filter((x) => x.i > 0 && x.n);
    if (numbers.length === 0) continue;
    const unit = unitAt > 0 ? row.cells[unitAt]!.trim() : undefined;
    if (unit && unit !== metric.unit && !(metric.altUnits ?? []).includes(unit)) {
      warnings.push(`附表“${row.quote}”的单位“${unit}”与指标 ${metric.id}（${metric.unit}）不符，未采用`);
      continue;
    }
    const pick = numbers.length === 1 ? numbers[0] : numbers.find((x) => x.i === yearColumn);
    if (!pick) {
      warnings.push(`附表“${row.quote}”有 ${numbers.length} 个数，无法确定哪一列是本年度，未采用`);
      continue;
    }
    found.push({ metric: metric.id, value: pick.n!.value, approx: pick.n!.approx, quote: row.quote, priority: 2 });
  }
  return { found, warnings };
}
