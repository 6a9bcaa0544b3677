/**
 * Table 三 (收到和处理政府信息公开申请情况) read by the template's shape, not by
 * its header words. A row is found by its label (tolerantly, see labels.ts); its
 * numbers are placed by position: 7 numbers are the six applicant columns and
 * then 总计, one number is 总计. Where the labels were lost (a PDF that printed
 * them apart from the numbers), rows of numbers are placed in template order
 * between the rows that were found, and marked uncertain: only an identity
 * (identities.ts) can confirm them.
 */
import { APPLICANT_COLUMNS, TABLE_3_GROUPS, TABLE_3_ROWS, TOTAL_COLUMN_ALIASES, TOTAL_COLUMN_LABEL, type EditionId } from '../../catalogue/index.ts';
import type { Found } from '../extract/found.ts';
import { labelCore, matchLabel } from './labels.ts';
import { agreedCell, cellOf, cellsKey, collapsedPositions, headerWidth, rowWidth, type Cell, type StatRow } from './rows.ts';
import type { Withheld } from '../evidence.ts';

const COLUMNS = [...APPLICANT_COLUMNS.map((c) => c.id), 'total'] as const;

interface TemplateRow {
  id: string;
  core: string;
  /** Core of the group label it sits under (（三）不予公开 …), '' for rows of their own. */
  group: string;
}

/** Group labels of the template (cores), by the prefix of the row ids under them. */
const GROUPS: readonly [string, string][] = TABLE_3_GROUPS.map((g) => [g.idPrefix, labelCore(g.source)]);

function template(edition: EditionId): TemplateRow[] {
  return TABLE_3_ROWS.filter((r) => r.editions.includes(edition)).map((r) => ({
    id: r.id,
    core: labelCore(r.source),
    group: GROUPS.find(([prefix]) => r.id.startsWith(prefix))?.[1] ?? '',
  }));
}

const GROUP_CORES = new Set(GROUPS.map(([, core]) => core));

/**
 * The template row a row's labels name. The last label cell is the most specific;
 * a group label among the cells (or just above) tells apart rows whose own words
 * are the same ("3.其他" under （六）其他处理).
 */
function rowOf(labels: readonly string[], rows: readonly TemplateRow[], group: string): TemplateRow | undefined {
  const cores = labels.map(labelCore).filter(Boolean);
  const ownGroup = cores.find((c) => GROUP_CORES.has(c)) ?? group;
  const inGroup = rows.filter((r) => r.group === ownGroup || r.group === '');
  for (let i = labels.length - 1; i >= 0; i--) {
    // Rows of the group in force first; then any row, if the label names exactly one.
    const found = matchLabel(labels[i]!, inGroup.map((r) => ({ core: r.core, value: r }))) ?? matchLabel(labels[i]!, rows.map((r) => ({ core: r.core, value: r })));
    if (found) return found;
  }
  return undefined;
}

export interface Placed extends Found {
  /** How the row was placed: by its label; by template order (labels lost); inferred from a row narrowed to 7 cells. */
  placement: 'label' | 'order' | 'inferred';
}

export interface Table3Read {
  found: Placed[];
  warnings: string[];
  /** Cells read but not stored: the row did not add up, or its columns could be read more than one way. */
  withheld: Withheld[];
}

/**
 * Every plausible reading of a row's value cells as the 7 columns (six applicant columns, 总计): the cells
 * as they stand; without blank cells a ragged or padded row carries at either end; without up to two leading
 * cells (a row's numbering printed as a number, "1 | 0 | 0 …"); and, where more than 7 cells remain, each way
 * of taking out cells that repeat their left neighbour (a spanned cell a grid repeated, a doubled cell). A row
 * of one number is its 总计. Which reading is right is for the row's own arithmetic to decide (`decide`).
 */
export function readingsOf(values: readonly Cell[]): Reading[] {
  if (values.length === 1) return [{ cells: [undefined, undefined, undefined, undefined, undefined, undefined, values[0]!], speculative: false, onlyBlanks: true }];
  const out = new Map<string, Reading>();
  const add = (positions: readonly number[], speculative: boolean) => {
    const cells = positions.map((i) => values[i]!);
    // What the reading took out between its first and last cell: only blank cells, or printed ones too.
    const onlyBlanks = values.every((c, i) => i <= positions[0]! || i >= positions.at(-1)! || positions.includes(i) || c === null);
    const key = cellsKey(cells);
    const known = out.get(key);
    if (!known || (known.speculative && !speculative)) out.set(key, { cells, speculative, onlyBlanks });
  };
  let trailing = 0;
  while (trailing < values.length && values[values.length - 1 - trailing] === null) trailing++;
  const leadingBlanks = leadingNulls(values);
  const all = values.map((_, i) => i);
  // Blank cells in front of the first printed one are the label's side of the row (a PDF's empty label cell)
  // whenever enough cells follow them: they are taken off, never read as a blank first column.
  const from = values.length - leadingBlanks >= 7 ? leadingBlanks : 0;
  for (let lead = from; lead <= from + 2; lead++) {
    for (let trail = 0; trail <= Math.min(trailing, 3); trail++) {
      const core = all.slice(lead, values.length - trail);
      // Taking off a printed number (not a blank) is a guess: a reading made so must add up to count.
      const dropsNumber = lead > leadingBlanks;
      if (core.length === 7) add(core, dropsNumber);
      else if (core.length > 7 && core.length <= 9) for (const collapsed of collapsedPositions(values, core, 7, true)) add(collapsed, true);
    }
  }
  return [...out.values()];
}

/** One way of reading a row's cells as the 7 columns; `speculative` when it took out a printed cell (a guess to be proven). */
export interface Reading {
  cells: (Cell | undefined)[];
  speculative: boolean;
  /** Whether it took out, between its first and last cell, only blank cells (a PDF's empty half of a spanned cell). */
  onlyBlanks: boolean;
}

/** How many blank cells stand before a row's first printed cell. */
function leadingNulls(values: readonly Cell[]): number {
  let n = 0;
  while (n < values.length && values[n] === null) n++;
  return n;
}



/**
 * The tables whose wide rows (more cells than columns) the arithmetic resolved, at least two of them, each
 * only by taking out blank cells: the blank is the empty half of a spanned cell. Their undecided rows (all
 * zeros, which add up whichever cell goes) are read the same way.
 */
export function blankSpanTables(rows: readonly StatRow[]): Set<number> {
  const seen = new Map<number, { blanks: number; other: number }>();
  for (const row of rows) {
    if (!row.inTable || row.values.length - leadingNulls(row.values) < 8) continue;
    const deciding = readingsOf(row.values).filter((r) => arithmetic(r.cells) === 'adds-up' && r.cells[6]!.value > 0);
    if (deciding.length === 0) continue;
    const entry = seen.get(row.table) ?? { blanks: 0, other: 0 };
    if (deciding.every((r) => r.onlyBlanks)) entry.blanks++;
    else entry.other++;
    seen.set(row.table, entry);
  }
  return new Set([...seen].filter(([, e]) => e.blanks >= 2 && e.other === 0).map(([table]) => table));
}

/** Whether a reading states all 7 cells as exact numbers, and if so whether its six columns add up to its 总计. */
function arithmetic(cells: readonly (Cell | undefined)[]): 'adds-up' | 'does-not' | 'unknown' {
  if (cells.some((c) => !c || c.approx)) return 'unknown';
  const sum = cells.slice(0, 6).reduce((a, c) => a + c!.value, 0);
  return sum === cells[6]!.value ? 'adds-up' : 'does-not';
}

const COLUMN_CORES = new Map<string, string>([
  ...APPLICANT_COLUMNS.map((c) => [labelCore(c.label), c.id] as [string, string]),
  ...[TOTAL_COLUMN_LABEL, ...TOTAL_COLUMN_ALIASES].map((l) => [labelCore(l), 'total'] as [string, string]),
]);

/**
 * Column ids for a row's value cells from the header rows above it in the same
 * table: for each cell, the lowest header cell that names an applicant column or
 * 总计 (a blank cell or a group label such as 法人或其他组织 looks further up).
 * Used when every column is named; a column a grid repeated across a span
 * ("商业企业 | 商业企业") keeps its value only when the repeats agree.
 */
function columnsByHeader(row: StatRow, headers: readonly StatRow[]): (Cell | undefined)[] | undefined {
  if (headers.length === 0) return undefined;
  // Only a row as wide as its header is read by it (a cell lost or doubled would put every later cell a column off).
  if (rowWidth(row) !== headerWidth(headers.at(-1)!.labels)) return undefined;
  const offset = row.labels.length;
  const ids = row.values.map((_, j) => {
    for (let h = headers.length - 1; h >= 0; h--) {
      const id = COLUMN_CORES.get(labelCore(headers[h]!.labels[offset + j] ?? ''));
      if (id) return id;
    }
    return undefined;
  });
  if (COLUMNS.some((c) => !ids.includes(c))) return undefined;
  return COLUMNS.map((column) => {
    const cells = row.values.filter((_, j) => ids[j] === column);
    const first = cells[0];
    return cells.every((c) => c?.value === first?.value && c?.approx === first?.approx) ? first : undefined;
  });
}

/**
 * The cells of a row, from its plausible readings (the header's, where it names every column, and the
 * positional ones). A printed 总计 must agree with its row: readings whose six columns add up to the 总计
 * are the evidence; where there are any, only they count, and a cell is kept when all of them agree on it
 * (`t3_row` confirms it: the alternatives failed or said the same). Where every complete reading fails, the
 * row does not add up in any layout, and no cell of it is stored. Where none can be checked (a blank 总计),
 * a cell is kept only when every reading agrees on it.
 */
function place(rowId: string, row: StatRow, placement: Placed['placement'], found: Placed[], warnings: string[], withheld: Withheld[], headers: readonly StatRow[] = [], spans: ReadonlySet<number> = new Set()): void {
  const byHeader = columnsByHeader(row, headers);
  let readings: Reading[] = [...(byHeader ? [{ cells: byHeader, speculative: false, onlyBlanks: true }] : []), ...readingsOf(row.values)];
  // A wide row the arithmetic cannot decide (all zeros) is read as the table's other wide rows were proven to
  // read: by taking out only the blank cells.
  const undecided = !readings.some((r) => arithmetic(r.cells) === 'adds-up' && r.cells[6]!.value > 0);
  if (spans.has(row.table) && undecided && readings.some((r) => r.onlyBlanks)) readings = readings.filter((r) => r.onlyBlanks).map((r) => ({ ...r, speculative: false }));
  if (readings.length === 0) {
    warnings.push(`表三“${row.quote}”一行有 ${row.values.length} 个数，既不是 7 列（6 类申请人和总计）也不是只有总计，无法确定各列，未采用`);
    return;
  }
  const checked = readings.map(({ cells, speculative }) => ({ cells, speculative, outcome: arithmetic(cells) }));
  const adding = checked.filter((r) => r.outcome === 'adds-up');
  const failing = checked.filter((r) => r.outcome === 'does-not');
  const metricOf = (i: number) => (COLUMNS[i] === 'total' ? rowId : `${rowId}.${COLUMNS[i]}`);
  if (adding.length === 0 && failing.length > 0) {
    const cells = failing[0]!.cells;
    const sum = cells.slice(0, 6).reduce((a, c) => a + c!.value, 0);
    const reason = `表三这一行各类申请人之和（${sum}）与所印总计（${cells[6]!.value}）不符${readings.length > 1 ? '，换一种列的对齐方式也不相符' : ''}：一行算不平时无法确定各数属于哪一列，整行未采用，请对照原文`;
    cells.forEach((cell, i) => cell && withheld.push({ found: { metric: metricOf(i), value: cell.value, approx: cell.approx, quote: row.quote, placement, cell: cellOf(cell, row) }, reason }));
    return;
  }
  // A reading that adds up to a 总计 above 0 is evidence; one that adds up only because every cell is 0 is
  // not (0 = 0 whichever column is which), so then the readings that cannot be checked still count.
  const decisive = adding.some((r) => r.cells[6]!.value > 0);
  // Without a deciding total every reading counts, and a cell is kept only where they all agree; but readings
  // that all guessed (took out a printed cell) and none of which adds up are no evidence at all.
  const usable = decisive ? adding : checked.filter((r) => r.outcome !== 'does-not');
  if (!decisive && !usable.some((r) => r.outcome === 'adds-up' || !r.speculative)) {
    const cells = checked[0]!.cells;
    const reason = '这一行的数只有去掉某个格才能对齐到 7 列，而总计为空或与各列之和无从核对：无法确定各数属于哪一列，整行未采用';
    cells.forEach((cell, i) => cell && withheld.push({ found: { metric: metricOf(i), value: cell.value, approx: cell.approx, quote: row.quote, placement, cell: cellOf(cell, row) }, reason }));
    return;
  }
  for (let i = 0; i < 7; i++) {
    const values = new Set(usable.map((r) => (r.cells[i] ? `${r.cells[i]!.value}/${r.cells[i]!.approx}` : 'blank')));
    const cell = usable[0]!.cells[i];
    if (values.size > 1) {
      const first = usable.find((r) => r.cells[i])?.cells[i];
      if (first) {
        withheld.push({
          found: { metric: metricOf(i), value: first.value, approx: first.approx, quote: row.quote, placement, cell: cellOf(first, row) },
          reason: `这一行的数可以按 ${usable.length} 种方式对齐到各列${decisive ? '且都与总计相符' : '（总计为空或全为 0，无法据总计核对）'}，“${metricOf(i)}”在各种对齐下的值不同，未采用`,
        });
      }
      continue;
    }
    if (!cell) continue; // blank, dash or absent: not reported
    found.push({ metric: metricOf(i), value: cell.value, approx: cell.approx, quote: row.quote, placement, cell: agreedCell(usable.map((r) => r.cells[i]), row), ...(adding.length && usable.every((r) => r.outcome === 'adds-up') ? { confirmedBy: [`t3_row.${rowId}`] } : {}) });
  }
}

/**
 * A row that can only be placed by its numbers: 7 values, and no label, or a label
 * that names no template row (cut up by a PDF's wrapping, or run into a neighbour).
 */
const bareNumbers = (row: StatRow) => row.values.length >= 7 && row.numbers > 0 && readingsOf(row.values).length > 0;

export function readTable3(rows: readonly StatRow[], edition: EditionId): Table3Read {
  const templateRows = template(edition);
  const numbered = templateRows; // every template row of table 三 carries numbers
  const found: Placed[] = [];
  const warnings: string[] = [];
  const withheld: Withheld[] = [];
  /** Rows found by label (with their template index), and runs of bare number rows between them. */
  const anchors: { index: number; at: number }[] = [];
  const bare: number[] = [];
  let group = '';
  let pending: { row: TemplateRow; at: number } | undefined;
  let headers: StatRow[] = [];
  const spans = blankSpanTables(rows);
  rows.forEach((row, at) => {
    if (row.inTable && row.numbers === 0 && row.values.length === 0) headers = headers[0]?.table === row.table ? [...headers, row] : [row];
    const tableHeaders = headers[0]?.table === row.table ? headers : [];
    const cores = row.labels.map(labelCore);
    const named = cores.find((c) => GROUP_CORES.has(c));
    if (named && row.numbers === 0) group = named;
    const match = row.labels.length ? rowOf(row.labels, templateRows, group) : undefined;
    if (match && (row.values.length > 0 || row.numbers > 0)) {
      place(match.id, row, 'label', found, warnings, withheld, tableHeaders, spans);
      anchors.push({ index: numbered.indexOf(match), at });
      pending = undefined;
      if (match.group) group = match.group;
      return;
    }
    if (match) {
      // A label whose numbers follow on the next row (labels and numbers on separate lines).
      pending = { row: match, at };
      if (match.group) group = match.group;
      return;
    }
    if (bareNumbers(row)) {
      if (pending && pending.at === at - 1) {
        place(pending.row.id, row, 'label', found, warnings, withheld, [], spans);
        anchors.push({ index: numbered.indexOf(pending.row), at });
        pending = undefined;
        return;
      }
      bare.push(at);
    }
  });
  placeByOrder(rows, bare, anchors, numbered, found, withheld, spans);
  return { found, warnings, withheld };
}

/**
 * Bare number rows between two found rows (or before the first, or after the last)
 * whose count is exactly the number of template rows between them are placed in
 * template order. With no row found by label at all, a run of exactly as many rows
 * as the template has is placed whole.
 */
function placeByOrder(rows: readonly StatRow[], bare: readonly number[], anchors: readonly { index: number; at: number }[], template: readonly TemplateRow[], found: Placed[], withheld: Withheld[], spans: ReadonlySet<number>): void {
  if (bare.length === 0) return;
  const bounds = [{ index: -1, at: -1 }, ...anchors, { index: template.length, at: rows.length }];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const from = bounds[k]!;
    const to = bounds[k + 1]!;
    const between = bare.filter((at) => at > from.at && at < to.at);
    const gap = to.index - from.index - 1;
    if (between.length === 0 || between.length !== gap) continue;
    // Only an unbroken run is placed: its rows follow each other, and the rows found by label around it.
    const chain = [...(from.at >= 0 ? [from.at] : []), ...between, ...(to.at < rows.length ? [to.at] : [])];
    if (chain.some((at, i) => i > 0 && !consecutive(rows, chain[i - 1]!, at))) continue;
    between.forEach((at, i) => place(template[from.index + 1 + i]!.id, rows[at]!, 'order', found, [], withheld, [], spans));
  }
}

/** Whether only rows without numbers (labels, blank cells) or none stand between two rows of the stream. */
function consecutive(rows: readonly StatRow[], a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (rows[i]!.numbers > 0) return false;
  return true;
}
