/**
 * A PDF page's positioned text → lines of text, with tables rebuilt from the
 * geometry: items on one baseline make a line; a wide gap splits a line into
 * segments; runs of lines whose segments end in numbers are a table, whose
 * columns are the x positions the numbers share, so a blank cell stays blank;
 * a label wrapped inside its cell is joined to the row it belongs to; a table
 * that runs over a page break continues. Page numbers and the running header or
 * footer beside them are left to the text converter (page-chrome.ts).
 *
 * Pure over plain data, so it is tested with made-up pages; pdf.ts reads real ones.
 */
import { gfmTable } from '../gfm-table.ts';
import { toHalfWidth } from '../../template/numbers.ts';
import { isSectionHeading } from '../text/text-tables.ts';
import { isPageNumber } from '../text/page-chrome.ts';

export interface TextItem {
  str: string;
  /** Left edge and baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size. */
  size: number;
}

export interface Page {
  items: TextItem[];
  /** Page height in PDF units, for the header and footer bands (optional in made-up pages). */
  height?: number;
}

interface Segment {
  text: string;
  x: number;
  right: number;
}

interface Line {
  y: number;
  page: number;
  size: number;
  segments: Segment[];
}

const NUMBER = /^(?:\d[\d,，]*(?:\.\d+)?|[-—–－])$/;
const isNumber = (s: Segment) => NUMBER.test(toHalfWidth(s.text.trim()));

/** Items on one baseline (within a third of the font size), left to right, as segments split at gaps of a space or more. */
function linesOf(page: Page, index: number): Line[] {
  const items = page.items.filter((i) => i.str !== '' && i.size > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; items: TextItem[] }[] = [];
  // Items come top to bottom, so a line further above the item than any font size's third can take no later
  // item either: the search starts past those (from the first line, thousands of baselines were quadratic).
  const reach = items.reduce((max, i) => Math.max(max, i.size), 0) / 3;
  let start = 0;
  for (const item of items) {
    while (start < lines.length && lines[start]!.y - item.y > reach) start++;
    let line: (typeof lines)[number] | undefined;
    for (let k = start; k < lines.length && !line; k++) if (Math.abs(lines[k]!.y - item.y) <= Math.max(lines[k]!.size, item.size) / 3) line = lines[k];
    if (line) line.items.push(item);
    else lines.push({ y: item.y, size: item.size, items: [item] });
  }
  return lines
    .map((l) => {
      const sorted = l.items.filter((i) => i.str.trim() !== '').sort((a, b) => a.x - b.x); // a space is a gap, not text
      // A row of a table: two or more numbers apart. There a number starts a cell of its own even where
      // a cramped label runs right up to it ("（二）部分公开（区分" + "8").
      const numeric = sorted.filter((i) => NUMBER.test(toHalfWidth(i.str.trim())));
      const tabular = numeric.length >= 2;
      const segments: Segment[] = [];
      for (const item of sorted) {
        const last = segments.at(-1);
        const gap = last ? item.x - last.right : Infinity;
        const ownCell = tabular && last !== undefined && NUMBER.test(toHalfWidth(item.str.trim())) !== NUMBER.test(toHalfWidth(last.text.trim()));
        if (last && gap < l.size * 0.3 && !ownCell) {
          last.text += item.str;
          last.right = Math.max(last.right, item.x + item.width);
        } else {
          segments.push({ text: item.str, x: item.x, right: item.x + item.width });
        }
      }
      for (const s of segments) s.text = s.text.replace(/\s+/g, ' ').trim();
      return { y: l.y, page: index, size: l.size, segments: segments.filter((s) => s.text !== '').flatMap(splitNumberRun) };
    })
    .filter((l) => l.segments.length > 0)
    .sort((a, b) => b.y - a.y);
}

/** "0 0 0" printed as one run: one segment per number, placed along the run by character offset. */
function splitNumberRun(segment: Segment): Segment[] {
  const parts = [...segment.text.matchAll(/\S+/g)];
  if (parts.length < 2 || !parts.every((p) => NUMBER.test(toHalfWidth(p[0])))) return [segment];
  const perChar = (segment.right - segment.x) / segment.text.length;
  return parts.map((p) => ({ text: p[0], x: segment.x + p.index * perChar, right: segment.x + (p.index + p[0].length) * perChar }));
}

/** A line of a table: its label segments and its number segments (the trailing run). */
function split(line: Line): { labels: Segment[]; numbers: Segment[] } {
  let at = line.segments.length;
  while (at > 0 && isNumber(line.segments[at - 1]!)) at--;
  return { labels: line.segments.slice(0, at), numbers: line.segments.slice(at) };
}

const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|[①-⑳])/;

/**
 * Columns shared by the numbers of a run of rows. Numbers of one column line up
 * on their left edges, centres or right edges (as the table aligned them), so
 * each anchor is clustered (within 0.4 of a font size); the one that never puts
 * two numbers of a row in one column, with the fewest columns, wins. A "column"
 * with one number in a run of rows is a digit of a wrapped label, not a column.
 * Returns each column's position and how to measure a segment against it.
 */
function columnsOf(rows: readonly Line[]): { at: number; anchor: (s: Segment) => number }[] {
  const numbers = rows.flatMap((r) => split(r).numbers);
  const numberRows = rows.filter((r) => split(r).numbers.length > 0).length;
  const size = Math.max(...rows.map((r) => r.size));
  const anchors = [(s: Segment) => s.x, (s: Segment) => (s.x + s.right) / 2, (s: Segment) => s.right];
  const clusterings = anchors.map((anchor) => {
    const values = numbers.map((s) => ({ s, v: anchor(s) })).sort((a, b) => a.v - b.v);
    const clusters: Segment[][] = [];
    const clusterOf = new Map<Segment, number>();
    let lastValue = -Infinity;
    for (const { s, v } of values) {
      if (clusters.length && v - lastValue <= size * 0.4) clusters.at(-1)!.push(s);
      else clusters.push([s]);
      clusterOf.set(s, clusters.length - 1);
      lastValue = v;
    }
    // Two numbers of one row in one cluster: two columns merged, so this anchor is wrong for the table.
    const merged = rows.filter((r) => new Set(split(r).numbers.map((s) => clusterOf.get(s))).size < split(r).numbers.length).length;
    const kept = clusters.filter((c) => c.length >= 2 || numberRows <= 2).map((c) => c.map(anchor));
    return { anchor, kept, total: clusters.length, merged };
  });
  const best = clusterings.reduce((a, b) => (b.merged < a.merged || (b.merged === a.merged && b.total < a.total) ? b : a));
  return best.kept.map((xs) => ({ at: xs.reduce((a, b) => a + b, 0) / xs.length, anchor: best.anchor }));
}

interface TableRow {
  labels: string[];
  cells: string[];
}

/**
 * A run of table lines as rows: number lines get the label lines that belong to
 * them (a numbered label goes with the numbers after it, a continuation with the
 * nearest numbers; a label line far from any numbers is a row of its own), and
 * each number goes to its column.
 */
function tableRows(run: readonly Line[]): TableRow[] {
  const columns = columnsOf(run);
  const numbered = run.map((l) => split(l).numbers.length > 0);
  // A label line belongs to the numbers within about two lines of it (a label wrapped in its cell,
  // numbers centred beside it); further away it is a row of its own (a group or header row).
  const near = (k: number, line: Line) => k >= 0 && run[k]!.page === line.page && Math.abs(run[k]!.y - line.y) <= line.size * 2.2;
  // The nearest number line before and after each line, found in two passes (a search from every
  // label line was quadratic in a table that runs over hundreds of pages).
  const prevNumbered: number[] = [];
  const nextNumbered: number[] = new Array(run.length);
  for (let k = 0, last = -1; k < run.length; k++) {
    prevNumbered.push(last);
    if (numbered[k]) last = k;
  }
  for (let k = run.length - 1, last = -1; k >= 0; k--) {
    nextNumbered[k] = last;
    if (numbered[k]) last = k;
  }
  const owner = run.map((line, i) => {
    if (numbered[i]) return i;
    const text = split(line).labels.map((s) => s.text).join('');
    const next = nextNumbered[i]!;
    const prev = prevNumbered[i]!;
    const candidates = (NUMBERED.test(text) ? [next] : [prev, next]).filter((k) => near(k, line));
    if (candidates.length === 0) return -1 - i; // its own row
    return candidates.reduce((a, b) => (Math.abs(run[a]!.y - line.y) <= Math.abs(run[b]!.y - line.y) ? a : b));
  });
  const owned = new Map<number, Line[]>();
  run.forEach((line, k) => {
    const row = owner[k]! < 0 ? -1 - owner[k]! : owner[k]!;
    const list = owned.get(row);
    if (list) list.push(line);
    else owned.set(row, [line]);
  });
  const rows: TableRow[] = [];
  run.forEach((line, i) => {
    if (!numbered[i] && owner[i] !== -1 - i) return;
    const labelLines = owned.get(i) ?? [];
    const labelSegments = labelLines.map((l) => split(l).labels);
    // Label segments by position: segments at the same x across the row's lines are one cell.
    const cells: Segment[][] = [];
    for (const segs of labelSegments) {
      for (const s of segs) {
        const cell = cells.find((c) => Math.abs(c[0]!.x - s.x) < line.size * 2);
        if (cell) cell.push(s);
        else cells.push([s]);
      }
    }
    cells.sort((a, b) => a[0]!.x - b[0]!.x);
    const values = columns.map(() => '');
    for (const s of split(line).numbers) {
      let best = 0;
      columns.forEach((c, k) => { if (Math.abs(c.at - c.anchor(s)) < Math.abs(columns[best]!.at - columns[best]!.anchor(s))) best = k; });
      values[best] = values[best] ? `${values[best]} ${s.text}` : s.text;
    }
    rows.push({ labels: cells.map((c) => c.map((s) => s.text).join('')), cells: values });
  });
  return rows;
}

/** Whether a line belongs to a table run: it ends in numbers, or is a short label line between such lines. */
const tableLine = (line: Line) => !pageNumberLike(line) && split(line).numbers.length > 0 && split(line).labels.every((s) => !/[。；]/.test(s.text) && s.text.length <= 60);

/**
 * Running headers and footers: lines in the top or bottom 7% of a page whose text
 * (digits aside, so "第 3 页" counts as one) comes back on at least two pages and
 * half of them.
 */
function runningLines(pages: readonly Page[], lines: readonly Line[]): Set<Line> {
  const key = (l: Line) => l.segments.map((s) => s.text).join(' ').replace(/\d+/g, '#');
  const inBand = (l: Line) => {
    const height = pages[l.page]!.height;
    return height !== undefined && (l.y > height * 0.93 || l.y < height * 0.07);
  };
  const pagesOf = new Map<string, Set<number>>();
  for (const l of lines.filter(inBand)) pagesOf.set(key(l), (pagesOf.get(key(l)) ?? new Set()).add(l.page));
  const repeated = new Set([...pagesOf].filter(([, p]) => p.size >= 2 && p.size * 2 >= pages.length).map(([k]) => k));
  return new Set(lines.filter((l) => inBand(l) && repeated.has(key(l))));
}

export interface PdfText {
  /** Lines for the text converter: paragraphs' lines as printed, tables as pipe rows. */
  text: string;
  /** Running headers and footers taken out, for `source.removed`. */
  removed: string[];
}

export function layoutText(pages: readonly Page[]): PdfText {
  const all = pages.flatMap((p, i) => linesOf(p, i));
  const running = runningLines(pages, all);
  const lines = all.filter((l) => !running.has(l));
  const removed = [...new Set([...running].map((l) => l.segments.map((s) => s.text).join(' ')))];
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!tableLine(lines[i]!)) {
      out.push(lines[i]!.segments.map((s) => s.text).join(' '));
      i++;
      continue;
    }
    // A run: table lines, with short label lines (wrapped labels, group labels) between them.
    let end = i;
    let k = i;
    while (k < lines.length) {
      const line = lines[k]!;
      const short = split(line).numbers.length === 0 && line.segments.every((s) => s.text.length <= 40 && !/[。；：:]/.test(s.text)) && !pageNumberLike(line);
      // A template section heading ends a table: table 三 and table 四 are two tables.
      if (k > i && isSectionHeading(line.segments.map((s) => s.text).join(''))) break;
      if (tableLine(line)) end = k + 1;
      else if (!short && !pageNumberLike(line)) break;
      k++;
    }
    // Label lines just above the run that are numbered belong to it (a label printed above its numbers).
    let start = i;
    while (start > 0 && out.length && split(lines[start - 1]!).numbers.length === 0 && NUMBERED.test(lines[start - 1]!.segments[0]!.text) && lines[start - 1]!.segments.every((s) => s.text.length <= 40) && lines[start - 1]!.page === lines[i]!.page) {
      start--;
      out.pop();
    }
    const run = lines.slice(start, end).filter((l) => !pageNumberLike(l));
    const rows = tableRows(run);
    if (rows.length >= 2) {
      const width = Math.max(...rows.map((r) => r.labels.length));
      const grid = rows.map((r) => [...Array.from({ length: width }, (_, c) => r.labels[c] ?? ''), ...r.cells]);
      out.push('', gfmTable([grid[0]!.map(() => ''), ...grid]), '');
      // Page numbers the table ran past: after it, for the text converter to remove and record.
      out.push(...lines.slice(start, end).filter(pageNumberLike).map((l) => l.segments.map((s) => s.text).join(' ')));
    } else {
      for (const l of run) out.push(l.segments.map((s) => s.text).join(' '));
    }
    i = end;
  }
  return { text: out.join('\n'), removed };
}

/** A page number ("— 1 —", printed as three items), skipped inside a table so the table continues over the page break. */
const pageNumberLike = (line: Line) => isPageNumber(line.segments.map((s) => s.text).join(' '));
