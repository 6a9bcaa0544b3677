/**
 * The full text's tables in the search index, row by row, and back.
 *
 * Pagefind keeps a page's text, not its tables: a result from a table read as number soup
 * ("…0.政府信息公开专栏页面访问量0.附表四…"). So the indexed document writes each table as marked text
 * (`indexTable`): a row starts with ROW (HEAD in the header), cells are divided by CELL, and a cell that a
 * merged cell covers is written as LEFT or UP. The marks are Unicode control pictures, which no report
 * contains and which divide words, so a query never matches across two cells. The browser reads the marks
 * back (`readTables`) and shows a row as a reader would read it: "行政复议数：0 件" under its table's name
 * (`tableSnippet`), linked to the row (rehype-row-anchors.ts numbers rows the same way).
 *
 * Browser-safe: no Node modules.
 */
import { isValueText, rowAnchorId } from '../../markdown/table-cells.ts';

export const MARKS = { table: '␂', end: '␃', head: '␝', row: '␞', cell: '␟', left: '⇠', up: '⇡' } as const;
const ANY_MARK = /[␂␃␝␞␟⇠⇡]/g;

/** Text with the table marks taken out (for a prose excerpt that runs into a table). */
export const withoutMarks = (text: string): string => text.replace(ANY_MARK, ' ').replace(/\s+/g, ' ');

const ROW = /<tr(?:\s[^>]*)?>([\s\S]*?)<\/tr>/g;
const CELL = /<(td|th)((?:\s[^>]*)?)>([\s\S]*?)<\/\1>/g;
const span = (attributes: string, name: string): number => Number(new RegExp(`\\s${name}="(\\d+)"`).exec(attributes)?.[1] ?? 1);
/** A cell's content as text (its entities kept, as it goes back into the HTML), whitespace collapsed. */
const cellHtml = (content: string): string => content.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

/**
 * A rendered table (the archive's own renderer's output: rows of <th>/<td>, spans as colspan/rowspan) as
 * marked text, one block per row, every row as wide as the table.
 */
export function indexTable(tableHtml: string): string {
  const bodyAt = tableHtml.search(/<tbody[\s>]/);
  const rows: { head: boolean; cells: string[] }[] = [];
  const pending: number[] = []; // per column: the rows a cell from above still covers
  for (const match of tableHtml.matchAll(ROW)) {
    const cells: string[] = [];
    let column = 0;
    const fillFromAbove = () => {
      while ((pending[column] ?? 0) > 0) {
        pending[column]!--;
        cells.push(MARKS.up);
        column++;
      }
    };
    for (const cell of match[1]!.matchAll(CELL)) {
      fillFromAbove();
      const columns = span(cell[2]!, 'colspan');
      const rowsDown = span(cell[2]!, 'rowspan');
      for (let k = 0; k < columns; k++) {
        cells.push(k === 0 ? cellHtml(cell[3]!) : MARKS.left);
        pending[column + k] = rowsDown - 1;
      }
      column += columns;
    }
    fillFromAbove();
    rows.push({ head: bodyAt !== -1 && match.index! < bodyAt, cells });
  }
  if (rows.length === 0) return '';
  const lines = rows.map((r, i) => `<p>${i === 0 ? `${MARKS.table} ` : ''}${r.head ? MARKS.head : MARKS.row} ${r.cells.join(` ${MARKS.cell} `)}${i === rows.length - 1 ? ` ${MARKS.end}` : ''}</p>`);
  return `<div>${lines.join('')}</div>`;
}

/** One row read back: its cells (a covered cell holds the text of the cell covering it) and where it stands. */
export interface IndexedRow {
  head: boolean;
  cells: string[];
  /** Whether each cell is the covering cell itself (false: covered by the cell to its left or above). */
  own: boolean[];
  /** Offsets of the row in the text: [start, end). */
  start: number;
  end: number;
}

export interface IndexedTable {
  /** The table's number in the body, from 1. */
  number: number;
  start: number;
  end: number;
  rows: IndexedRow[];
}

/** Pagefind ends a block whose text ends in a letter or digit with ". "; a cell never ends so. */
const blockEnd = (cell: string): string => cell.trim().replace(/(?<=\d)\.$/, '').trim();

/** The tables of an indexed page's text (index-text.ts's `fromIndexText` of a fragment), in order. */
export function readTables(text: string): IndexedTable[] {
  const tables: IndexedTable[] = [];
  let at = text.indexOf(MARKS.table);
  while (at !== -1) {
    const end = text.indexOf(MARKS.end, at);
    const stop = end === -1 ? text.length : end;
    const rows: IndexedRow[] = [];
    const rowMark = /[␝␞]/g;
    rowMark.lastIndex = at;
    const starts: { at: number; head: boolean }[] = [];
    for (let m = rowMark.exec(text); m && m.index < stop; m = rowMark.exec(text)) starts.push({ at: m.index, head: m[0] === MARKS.head });
    starts.forEach((s, i) => {
      const rowEnd = starts[i + 1]?.at ?? stop;
      const raw = text.slice(s.at + 1, rowEnd).split(MARKS.cell).map(blockEnd);
      const above = rows.at(-1);
      const cells: string[] = [];
      const own: boolean[] = [];
      raw.forEach((cell, c) => {
        if (cell === MARKS.left) {
          cells.push(cells[c - 1] ?? '');
          own.push(false);
        } else if (cell === MARKS.up) {
          cells.push(above?.cells[c] ?? '');
          own.push(false);
        } else {
          cells.push(cell);
          own.push(true);
        }
      });
      rows.push({ head: s.head, cells, own, start: s.at, end: rowEnd });
    });
    tables.push({ number: tables.length + 1, start: at, end: stop, rows });
    at = end === -1 ? -1 : text.indexOf(MARKS.table, end);
  }
  return tables;
}

const isDataRow = (row: IndexedRow): boolean => row.cells.some(isValueText);
/** A row whose one text spans the whole table: a group's title ("第二十条第（五）项"), not a header of columns. */
const isTitleRow = (row: IndexedRow): boolean => row.cells.length > 1 && new Set(row.cells).size === 1 && row.cells[0] !== '';

/** What a search result shows for a match in a table. */
export interface TableSnippet {
  /** Where the row stands, outermost first: the table's title, its group ("第二十条第（五）项"), as known. */
  where: string[];
  /** The row: its labels and its values, "label：column value，…" ("行政复议数：0 件"). */
  text: string;
  /** The row's anchor in the report page. */
  anchor: string;
}

/** The header rows that name row `index`'s columns: the table's header, or the text rows just above it in the body. */
function headerRows(table: IndexedTable, index: number): IndexedRow[] {
  const above: IndexedRow[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const row = table.rows[i]!;
    if (row.head || isDataRow(row)) break;
    above.unshift(row);
  }
  const columns = above.filter((r) => !isTitleRow(r));
  return columns.length > 0 ? columns : table.rows.filter((r) => r.head && !isTitleRow(r));
}

/** A column of units: headed 单位 or 计量单位. */
const isUnitHeader = (text: string): boolean => /^(?:计量)?单位$/.test(text);

/** The rows that name row `index`'s columns (headerRows), and the table's header too when it names a unit column. */
function namingRows(table: IndexedTable, index: number): IndexedRow[] {
  const rows = headerRows(table, index);
  const head = table.rows.filter((r) => r.head && !rows.includes(r) && r.cells.some(isUnitHeader));
  return [...head, ...rows];
}

/** The last distinct header text over column `c` (its leaf name), skipping headers that also stand over the label columns. */
function columnName(headers: readonly IndexedRow[], c: number, labelColumns: number): string {
  const labelTexts = new Set(headers.flatMap((r) => r.cells.slice(0, labelColumns)));
  const names = headers.map((r) => r.cells[c] ?? '').filter((t) => t !== '' && !labelTexts.has(t));
  return names.at(-1) ?? '';
}

const MAX_VALUES = 8;

/** A data row as "labels：name value，…", with a unit column's unit after its value. */
function rowText(row: IndexedRow, headers: readonly IndexedRow[], columns?: [number, number]): string {
  const firstValue = row.cells.findIndex(isValueText);
  const labelEnd = firstValue === -1 ? row.cells.length : firstValue;
  const labels = [...new Set(row.cells.slice(0, labelEnd).filter((t) => t !== ''))];
  if (firstValue === -1) return labels.join(' · ');
  const unitColumn = Math.max(-1, ...headers.map((r) => r.cells.findIndex(isUnitHeader)));
  const unit = unitColumn !== -1 && unitColumn < labelEnd ? row.cells[unitColumn] : undefined;
  const labelOnly = labels.filter((l) => l !== unit);
  const [from, to] = columns ?? [labelEnd, row.cells.length - 1];
  const values: string[] = [];
  let last = '';
  for (let c = Math.max(from, labelEnd); c <= to; c++) {
    if (c === unitColumn) continue;
    const name = columnName(headers, c, labelEnd);
    const item = `${name && name !== '数量' ? `${name} ` : ''}${row.cells[c]}${unit ? ` ${unit}` : ''}`;
    if (item === last || (!row.own[c] && row.cells[c] === row.cells[c - 1])) continue; // a value spelled out over a merged column
    values.push(item);
    last = item;
  }
  const shown = values.length > MAX_VALUES ? [...values.slice(0, MAX_VALUES), '…'] : values;
  return `${labelOnly.join(' › ')}${labelOnly.length ? '：' : ''}${shown.join('，')}`;
}

/**
 * What to show for a match at offset `at` of an indexed page's text, if it falls in a table: the row it is in
 * (a match in a header: the first row of values under that header cell), named by the table's own title when
 * the text just before it gives one, and by its group.
 */
export function tableSnippet(text: string, at: number): TableSnippet | undefined {
  const table = readTables(text).find((t) => at >= t.start && at < t.end);
  if (!table) return undefined;
  const index = Math.max(0, table.rows.findIndex((r) => at >= r.start && at < r.end));
  const row = table.rows[index]!;
  const where = [tableName(text, table.start)].filter((w): w is string => Boolean(w));
  // The group title just above (a body row spanning the whole table).
  for (let i = index; i >= 0; i--) {
    const r = table.rows[i]!;
    if (isTitleRow(r)) {
      if (!where.includes(r.cells[0]!)) where.push(r.cells[0]!);
      break;
    }
    if (r.head) break;
  }
  if (isDataRow(row) || isTitleRow(row)) {
    return { where, text: isTitleRow(row) ? row.cells[0]! : rowText(row, namingRows(table, index)), anchor: rowAnchorId(table.number, index + 1) };
  }
  // A header (or a body row naming columns): the cell matched, over the first row of values below it.
  const pieces = text.slice(row.start + 1, row.end).split(MARKS.cell);
  let column = 0;
  for (let from = row.start + 1; column < pieces.length - 1 && at >= from + pieces[column]!.length; column++) from += pieces[column]!.length + 1;
  const name = row.cells[column] ?? '';
  let first = column;
  let last = column;
  while (first > 0 && row.cells[first - 1] === name && !row.own[first]) first--;
  while (last + 1 < row.cells.length && row.cells[last + 1] === name && !row.own[last + 1]) last++;
  const dataIndex = table.rows.findIndex((r, i) => i > index && isDataRow(r));
  if (dataIndex === -1) return { where, text: row.cells.filter((c, i) => c !== '' && row.own[i]).join(' · '), anchor: rowAnchorId(table.number, index + 1) };
  const data = table.rows[dataIndex]!;
  const headers = namingRows(table, dataIndex);
  const values = rowText(data, headers, [first, last]);
  // The row's own labels name it when it has any ("一、本年新收…：自然人 217"). Otherwise the headers over the
  // matched cell do ("行政复议：结果维持 2，…", "行政复议 › 结果纠正：1").
  const hasLabels = data.cells.slice(0, data.cells.findIndex(isValueText)).some((t) => t !== '');
  if (hasLabels) return { where, text: values, anchor: rowAnchorId(table.number, dataIndex + 1) };
  const upTo = table.rows.slice(0, index + 1).filter((r) => !isTitleRow(r));
  const path = [...new Set(upTo.map((r) => r.cells[first] ?? '').filter((t) => t !== '' && !isValueText(t)))];
  const single = first === last || values.split('，').length === 1;
  const shown = single ? values.replace(new RegExp(`^${escapeRegExp(path.at(-1) ?? '')} `), '') : values;
  return { where, text: `${path.join(' › ')}：${shown}`, anchor: rowAnchorId(table.number, dataIndex + 1) };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The table's own title, when the text just before it names a table ("附表四：复议、诉讼、申诉情况统计表"). */
function tableName(text: string, tableStart: number): string | undefined {
  const before = text.slice(Math.max(0, tableStart - 60), tableStart);
  let tail = before.split(/[。！？；␃]/).at(-1)!.trim();
  // A line above without a full stop (a signature's date) runs into the title: it starts at 附件 or 附表 when it says so.
  const appendix = Math.max(tail.lastIndexOf('附件'), tail.lastIndexOf('附表'));
  if (appendix > 0) tail = tail.slice(appendix);
  return tail.length > 0 && tail.length <= 40 && /表/.test(tail) ? tail : undefined;
}
