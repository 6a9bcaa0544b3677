/**
 * A Markdown body as the extractors see it: tables (rows of cells, each row with
 * the text a quote uses) and sentences of prose, in order.
 */

export interface TableRow {
  cells: string[];
  /** "a | b | c": how the row stands in the Markdown source, and so its quote. */
  quote: string;
}

export interface Table {
  rows: TableRow[];
  /** All cell text of the table, for recognising which table it is. */
  text: string;
  /** The short line of text just above the table, where a PDF's layout may leave its column header. */
  above?: string;
}

export interface Sentence {
  text: string;
}

export interface Blocks {
  tables: Table[];
  sentences: Sentence[];
}

/** A GFM table's delimiter row (| --- | --- |). */
export const DELIMITER = /^\|(\s*:?-+:?\s*\|)+\s*$/;

/** The cells of a GFM table row, escaped pipes restored. */
export function splitRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replaceAll('\\|', '|'));
}

/** Sentences end at 。！？； (kept with the sentence); a line is never joined to the next. */
export function sentencesOf(line: string): string[] {
  return line
    .split(/(?<=[。！？；!?;])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function blocksOf(markdown: string): Blocks {
  const tables: Table[] = [];
  const sentences: Sentence[] = [];
  let current: TableRow[] | undefined;
  let above: string | undefined;
  let lastText: string | undefined;
  const close = () => {
    if (current?.length) tables.push({ rows: current, text: current.flatMap((r) => r.cells).join(' '), ...(above ? { above } : {}) });
    current = undefined;
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('|')) {
      if (DELIMITER.test(line)) continue;
      const cells = splitRow(line);
      if (!current) above = lastText;
      current ??= [];
      current.push({ cells, quote: cells.join(' | ') });
      continue;
    }
    close();
    if (line === '') continue;
    lastText = line.length <= 60 && !line.startsWith('#') ? line : undefined;
    if (line.startsWith('#')) continue;
    for (const text of sentencesOf(line.replace(/^(\d+\.|[-*+])\s+/, ''))) sentences.push({ text });
  }
  close();
  return { tables, sentences };
}

/** Label text compared without spaces, quote marks or bracket width. */
export function normaliseLabel(text: string): string {
  return text
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[“”"'‘’]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[:]/g, '：');
}
