/**
 * Table 四 (政府信息公开行政复议、行政诉讼情况): 15 numbers in template order, three
 * sections (行政复议, 未经复议直接起诉, 复议后起诉) of five (结果维持, 结果纠正, 其他结果,
 * 尚未审结, 总计). Read from one row of 15, a row of 10 under 行政诉讼, or rows of 5
 * named by their section; three unnamed rows of 5 in a row are placed in template
 * order and marked uncertain, for an identity to confirm.
 */
import { METRICS, TABLE_4_SECTIONS, type EditionId } from '../../catalogue/index.ts';
import type { Placed } from './table3.ts';
import { labelCore } from './labels.ts';
import { cellOf, type Cell, type StatRow } from './rows.ts';

const SECTIONS = TABLE_4_SECTIONS.map((s) => labelCore(s.source));

/** The 15 metrics in template order. */
function template(edition: EditionId): string[] {
  return METRICS.filter((m) => m.editions.includes(edition) && Object.values(m.source).some((s) => s?.kind === 'cell' && s.table === '四')).map((m) => m.id);
}

/** Whether a row stands in table 四: under its heading, or in a table that names its columns. */
function inTable4(row: StatRow, tableText: ReadonlyMap<number, string>): boolean {
  if (/行政复议|行政诉讼/.test(row.section) && !/收到和处理/.test(row.section)) return true;
  return row.table >= 0 && /尚未审结/.test(tableText.get(row.table) ?? '') && /复议/.test(tableText.get(row.table) ?? '');
}

export function readTable4(rows: readonly StatRow[], edition: EditionId): { found: Placed[]; warnings: string[] } {
  const metrics = template(edition);
  const tableText = new Map<number, string>();
  for (const row of rows) if (row.table >= 0) tableText.set(row.table, `${tableText.get(row.table) ?? ''} ${row.labels.join(' ')}`);
  const found: Placed[] = [];
  const warnings: string[] = [];
  const put = (first: number, cells: readonly Cell[], row: StatRow, placement: Placed['placement']) =>
    cells.forEach((cell, i) => cell && found.push({ metric: metrics[first + i]!, value: cell.value, approx: cell.approx, quote: row.quote, placement, cell: cellOf(cell, row) }));

  const unnamed: number[] = [];
  rows.forEach((row, at) => {
    if (row.numbers === 0 || !inTable4(row, tableText)) return;
    const cores = row.labels.map(labelCore);
    const values = trimLeadingBlanks(row.values, [15, 10, 5]);
    if (values.length === 15) return put(0, values, row, 'label');
    if (values.length === 10 && cores.some((c) => c.includes('行政诉讼'))) return put(5, values, row, 'label');
    if (values.length === 5) {
      // The litigation sections first: "行政诉讼（复议后起诉）" names 复议 too.
      const section = [1, 2, 0].find((k) => cores.some((c) => c.includes(SECTIONS[k]!)));
      if (section !== undefined) return put(section * 5, values, row, 'label');
      unnamed.push(at);
      return;
    }
    warnings.push(`表四“${row.quote}”有 ${row.values.length} 个数，不是 15、10 或 5 个，无法确定各列，未采用`);
  });
  if (unnamed.length === 3 && found.length === 0) unnamed.forEach((at, k) => put(k * 5, rows[at]!.values.slice(-5), rows[at]!, 'order'));
  return { found, warnings };
}

/** Values without blank cells in front that make the row longer than a known width. */
function trimLeadingBlanks(values: readonly Cell[], widths: readonly number[]): Cell[] {
  let cells = [...values];
  while (cells.length > 0 && cells[0] === null && !widths.includes(cells.length)) cells = cells.slice(1);
  return cells;
}
