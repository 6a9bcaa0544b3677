/**
 * A value's cell must hold the value: `cell.position` names a cell of the quoted table row, and that cell
 * must read as the value (and as approximate exactly when the value is). An editor who corrects a value
 * and not its cell, or a cell that points a column off, is caught here rather than shown to readers.
 */
import type { MetricValue } from '../metric-value.ts';
import { cellValue } from '../importer/template/rows.ts';
import type { Problem } from './problem.ts';

/** The cells of a quote as the Markdown row writes them ("a | b | c"). */
export function quoteCells(quote: string): string[] {
  return quote.split(' | ');
}

/** Why the cell `position` of `quote` does not hold `value`, or undefined when it does. */
export function cellMismatch(value: Pick<MetricValue, 'value' | 'approx' | 'quote' | 'cell'>): string | undefined {
  const position = value.cell?.position;
  if (position === undefined) return undefined;
  if (!value.quote) return 'cell.position 指的是 quote 这一行中的格，但没有 quote';
  const cells = quoteCells(value.quote);
  const text = cells[position - 1];
  if (text === undefined) return `cell.position 为 ${position}，而 quote 这一行只有 ${cells.length} 格`;
  const read = cellValue(text);
  if (!read || read.value !== value.value || read.approx !== value.approx) {
    return `cell.position ${position} 指向的格是“${text}”，不是 value ${value.approx ? '约' : ''}${value.value}：请改正 value 或 cell.position（从 1 数起）`;
  }
  return undefined;
}

/** Problems for every metric whose cell does not hold its value. */
export function checkCells(file: string, metrics: Readonly<Record<string, MetricValue>>): (Problem & { field: string })[] {
  return Object.entries(metrics).flatMap(([id, value]) => {
    const message = cellMismatch(value);
    return message ? [{ file, field: `metrics.${id}.cell.position`, severity: 'error' as const, message }] : [];
  });
}
