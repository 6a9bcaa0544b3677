/**
 * Tables that a converter flattened into text: each row's label on one line and
 * its numbers on the next (or one number per line). A run of three or more such
 * rows is rebuilt as a Markdown table, so every row can be quoted as it stands
 * ("（一）予以公开 | 20 | 1 | 0 | 0 | 1 | 0 | 22"). A template section heading ends
 * a run and stays a heading.
 */
import { EDITIONS } from '../../../catalogue/index.ts';
import { gfmTable } from '../gfm-table.ts';
import { toHalfWidth } from '../../template/numbers.ts';
import { coreMatches, labelCore } from '../../template/labels.ts';

const TOKEN = '(?:[-—–－]|\\d[\\d,，]*(?:\\.\\d+)?)';
const NUMBER_LINE = new RegExp(`^${TOKEN}(?:\\s+${TOKEN})*$`);

export const isNumberLine = (line: string) => !line.includes('\t') && NUMBER_LINE.test(toHalfWidth(line.trim()));

const SECTION_CORES = [...new Set(EDITIONS.flatMap((e) => e.sections).map(labelCore))];

/** Whether a line is one of the templates' section headings ("四、政府信息公开行政复议、行政诉讼情况"), allowing a typo. */
export const isSectionHeading = (line: string) => {
  if (line.length > 60) return false;
  const core = labelCore(line);
  return SECTION_CORES.some((s) => coreMatches(core, s));
};

/** A row label: short, no sentence inside, not a template section heading. */
function isLabel(line: string): boolean {
  if (line.includes('\t')) return false; // tab-separated cells are the caller's to read
  const text = line.trim();
  return text !== '' && text.length <= 60 && !/[。；！？]/.test(text) && !isNumberLine(text) && !isSectionHeading(text);
}

/** A label line that starts a new row rather than continuing the one above (it is numbered, or the one above is closed). */
const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|[①-⑳])/;

interface Row {
  label: string;
  numbers: string[];
}

/**
 * What each line is, computed once per line. The run reader looks at the same lines from many starting
 * points; recomputing (a label's section-heading test compares it with every template heading) made a
 * text with a few thousand short lines take minutes.
 */
class LineKinds {
  private readonly label: (boolean | undefined)[] = [];
  private readonly number: (boolean | undefined)[] = [];
  readonly lines: readonly string[];
  constructor(lines: readonly string[]) {
    this.lines = lines;
  }
  isBlank = (i: number) => this.lines[i]!.trim() === '';
  isLabel = (i: number) => (this.label[i] ??= isLabel(this.lines[i]!));
  isNumber = (i: number) => (this.number[i] ??= isNumberLine(this.lines[i]!));
}

/** A label ends with a closing bracket or quote: the next label line starts a row of its own. */
const CLOSED = new Set(['）', ')', '”']);

/**
 * Rows of one run starting at `start`, and the index after it; undefined when fewer than three rows have
 * numbers. `firstBlockEnd` is where the run's first block of label (and blank) lines ends, also on failure:
 * a run started anywhere inside that block reads the same numbers, so fails the same way.
 */
function readRun(kinds: LineKinds, start: number): { rows?: Row[]; end: number; firstBlockEnd: number } {
  const { lines } = kinds;
  const rows: Row[] = [];
  let i = start;
  let end = start;
  let firstBlockEnd = -1;
  while (i < lines.length) {
    // Each label as its lines (joined once at the end: appending to one string and reading its last
    // character flattens it every time, which is quadratic in a long block).
    const parts: string[][] = [];
    let j = i;
    while (j < lines.length && (kinds.isBlank(j) || kinds.isLabel(j))) {
      const text = lines[j]!.trim();
      if (text) {
        if (parts.length && !NUMBERED.test(text) && !CLOSED.has(parts.at(-1)!.at(-1)!.at(-1)!)) parts.at(-1)!.push(text);
        else parts.push([text]);
      }
      j++;
    }
    const labels = parts.map((p) => p.join(''));
    if (firstBlockEnd < 0) firstBlockEnd = j;
    const numberLines: string[][] = [];
    while (j < lines.length && (kinds.isBlank(j) || kinds.isNumber(j))) {
      if (!kinds.isBlank(j)) numberLines.push(lines[j]!.trim().split(/\s+/));
      j++;
    }
    if (numberLines.length === 0 || labels.length === 0) break;
    if (numberLines.length === 1 || numberLines.every((l) => l.length === 1)) {
      // The label's numbers: on one line, or one number per line.
      rows.push(...labels.slice(0, -1).map((label) => ({ label, numbers: [] })), { label: labels.at(-1)!, numbers: numberLines.flat() });
    } else {
      // Several rows of numbers under a stack of labels: which label goes with which row is not
      // printed, so the rows stay unlabelled for the template reader to place (and confirm) by order.
      rows.push(...labels.map((label) => ({ label, numbers: [] })), ...numberLines.map((numbers) => ({ label: '', numbers })));
    }
    i = j;
    end = j;
  }
  return rows.filter((r) => r.numbers.length).length >= 3 ? { rows, end, firstBlockEnd } : { end, firstBlockEnd };
}

/**
 * A row as layout-preserving converters print it (pdftotext -layout): cells apart
 * by two or more spaces, ending in numbers ("（一）予以公开    20    1    0    22").
 */
function spacedRow(line: string): string[] | undefined {
  if (line.includes('\t') || line.trim().startsWith('|')) return undefined;
  const cells = line.trim().split(/\s{2,}|\u3000+/);
  if (cells.length < 2 || /[。；！？]/.test(cells[0]!)) return undefined;
  const last = cells.at(-1)!;
  return isNumberLine(last) && cells.slice(1).every((c) => isNumberLine(c) || c.length <= 30) ? cells.flatMap((c, i) => (i > 0 && isNumberLine(c) ? c.split(/\s+/) : [c])) : undefined;
}

/**
 * Lines with every run of label/number lines (or of space-separated rows)
 * replaced by one line holding the Markdown table (with newlines inside; the
 * caller writes it as a block).
 */
export function rebuildTextTables(lines: readonly string[]): string[] {
  const out: string[] = [];
  const kinds = new LineKinds(lines);
  // Lines before this index start no run: a run tried earlier failed over the same label block.
  let failedUntil = 0;
  let i = 0;
  while (i < lines.length) {
    const spaced: string[][] = [];
    for (let j = i; j < lines.length; j++) {
      const row = spacedRow(lines[j]!);
      if (!row) break;
      spaced.push(row);
    }
    if (spaced.length >= 2) {
      const width = Math.max(...spaced.map((r) => r.length));
      out.push('', gfmTable([Array.from({ length: width }, () => ''), ...spaced]), '');
      i += spaced.length;
      continue;
    }
    const run = i >= failedUntil && kinds.isLabel(i) ? readRun(kinds, i) : undefined;
    if (!run?.rows) {
      if (run) failedUntil = run.firstBlockEnd;
      out.push(lines[i]!);
      i++;
      continue;
    }
    const width = Math.max(...run.rows.map((r) => r.numbers.length));
    const grid = run.rows.map((r) => [r.label, ...Array.from({ length: width }, (_, k) => r.numbers[k] ?? '')]);
    // The first row is the table's header in Markdown: an empty one, so every row keeps its place as a body row.
    out.push('', gfmTable([Array.from({ length: width + 1 }, () => ''), ...grid]), '');
    i = run.end;
  }
  return out;
}
