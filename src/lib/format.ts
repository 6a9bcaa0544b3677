/** How numbers and values are written on pages. */
import type { MetricValue } from './metric-value.ts';

const NUMBER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 });

/** 1106 → "1,106"; 0.000125 → "0.000125". */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** What a page shows for a metric that the report does not state. */
export const NOT_REPORTED = '报告未载明';
/** A value a machine import did not read (or withheld): the report may state it; not yet known. */
export const NOT_EXTRACTED = '未摘录';

/** How a value stands, in the words of the downloads: stated exactly, stated as an approximation, not stated, not yet read. */
export type ValueState = '载明' | '约数' | typeof NOT_REPORTED | typeof NOT_EXTRACTED;

/** A value's state; a missing value of a machine import is 未摘录, of a checked report 报告未载明. */
export function valueState(value: Pick<MetricValue, 'approx'> | undefined, machine: boolean): ValueState {
  if (value) return value.approx ? '约数' : '载明';
  return machine ? NOT_EXTRACTED : NOT_REPORTED;
}

/** "表三 · 一、本年新收政府信息公开申请数量 · 总计，第 9 格": where a table value stands. */
export function describeCell(cell: NonNullable<MetricValue['cell']>): string {
  return `${[cell.table, cell.row, cell.column].join(' · ')}${cell.position ? `，第 ${cell.position} 格` : ''}`;
}

/** What a page shows for an approximate value, before the number. */
export const APPROX_MARK = '约';

/** What the approximate mark means, wherever it is explained (a tooltip, a schema). */
export const APPROX_NOTE = '原文为近似值（余、多、约、近、左右）';

/** "约600" for an approximate value, "380" for an exact one. */
export function formatValue(value: Pick<MetricValue, 'value' | 'approx'>): string {
  return `${value.approx ? APPROX_MARK : ''}${formatNumber(value.value)}`;
}

/** "2018年3月12日" from "2018-03-12". */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A share (0–1) as a whole percentage: "72%". */
export const percent = (share: number): string => `${Math.round(share * 100)}%`;
