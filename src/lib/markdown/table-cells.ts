/**
 * What a cell of a report's table holds, as the table plugins (rehype-aligned-rows, rehype-merged-cells,
 * rehype-table-scroll) and the search's table reader (search/results/table-rows.ts) tell it: a value, a label, or a
 * value word; and the id both give a table's row. Browser-safe, without the plugins' dependencies.
 */
import type { Element, ElementContent } from 'hast';

const HAN = /\p{Script=Han}/u;
/** A value: a number (约, 余 and thousands separators allowed) or a dash for none. */
const VALUE = /^(?:[-—–－]|约?\d[\d,，]*(?:\.\d+)?[余多]?)$/;
/** A cell that is a value or a unit of its own row, not a label: only unit characters and word answers. */
const VALUE_WORD = /^[约余件条个次人万亿元篇期项份场家批天日户套台间所无是否有]{1,4}$/u;

/** Whether a cell's text is a value (a number or a dash). */
export const isValueText = (text: string): boolean => VALUE.test(text.trim());

/** Whether a cell's text is a label, which may merge with its neighbours': Chinese text, not a value word (件, 无). */
export const isMergeableText = (text: string): boolean => HAN.test(text) && !VALUE_WORD.test(text);

/** A node's text, tags left out. */
export function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

/** The anchor id of row `row` of table `table` of a report body, both counted from 1 in document order (rehype-row-anchors.ts). */
export const rowAnchorId = (table: number, row: number): string => `t${table}-r${row}`;

/** The child elements of `parent` named `names` (a table's sections, a section's rows, a row's cells). */
export const elementsOf = (parent: Element, names: readonly string[]): Element[] =>
  parent.children.filter((c): c is Element => c.type === 'element' && names.includes(c.tagName));

/** A row's cells, header and data. */
export const cellsOf = (tr: Element): Element[] => elementsOf(tr, ['td', 'th']);

/** A table's rows in document order, over its sections. */
export const rowsOf = (table: Element): Element[] => elementsOf(table, ['thead', 'tbody', 'tfoot']).flatMap((section) => elementsOf(section, ['tr']));
