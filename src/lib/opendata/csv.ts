/**
 * The one way the site writes CSV: csv-stringify with Unix line ends, and every
 * text cell that a spreadsheet would run as a formula neutralized. Excel, WPS and
 * LibreOffice read a cell beginning with = + - @ (or a tab or carriage return
 * before one) as a formula; a report title such as =HYPERLINK(…) would then run
 * on a journalist's machine (OWASP "CSV injection"). Such a cell gets a leading
 * apostrophe, as OWASP recommends. Numbers are written as numbers: −18 stays −18.
 */
import { stringify } from 'csv-stringify/sync';
import { neutralizeCell } from './csv-cell.ts';

/** The rule, as the data page and the data package state it. */
export const CSV_FORMULA_RULE =
  '以 =、+、-、@、制表符或回车开头的文字单元格前加一个英文单引号（\'），以免电子表格把它当作公式执行；数值单元格原样写出。';

export { neutralizeCell } from './csv-cell.ts';

/** Rows as CSV text (no BOM): cells that are numbers stay numbers, text cells are neutralized. */
export function csvRows(rows: readonly (readonly (string | number | undefined)[])[]): string {
  return stringify(rows as (string | number | undefined)[][], { record_delimiter: 'unix', cast: { string: neutralizeCell } });
}
