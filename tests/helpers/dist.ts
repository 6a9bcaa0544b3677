/** Reading the built site in dist/ for build tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { ROOT } from './content.ts';

export const DIST = join(ROOT, 'dist');

export function requireDist(): void {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/ has no built site: run `npm test` (which builds first) or `npm run build`.');
  }
}

/** The page at a site path ("/reports/x/2014/"), parsed; fails the test when the file is missing. */
export function page(path: string): HTMLElement {
  const file = join(DIST, path, path.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`No page for ${path} (expected ${relative(ROOT, file)})`);
  return parse(readFileSync(file, 'utf8'));
}

/** Every HTML file of the site, as site-relative paths. */
export function htmlFiles(): string[] {
  return (readdirSync(DIST, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split('\\').join('/'));
}

/** Text of an element with whitespace collapsed. */
export function text(el: HTMLElement | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * A rendered table's rows as the Markdown wrote them: each merged cell (colspan, rowspan) spelled out again in
 * every column and row it covers, the cells of a row joined with " | ", as a quote of a table row reads.
 */
export function writtenRows(table: HTMLElement): string[] {
  const grid: string[][] = [];
  const rows = table.querySelectorAll('tr');
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    let column = 0;
    for (const cell of tr.querySelectorAll('td,th')) {
      while (grid[r]![column] !== undefined) column++;
      const columns = Number(cell.getAttribute('colspan') ?? 1);
      const rowSpan = Number(cell.getAttribute('rowspan') ?? 1);
      for (let i = 0; i < rowSpan; i++) for (let k = 0; k < columns; k++) (grid[r + i] ??= [])[column + k] = cell.textContent.trim();
      column += columns;
    }
  });
  return grid.map((cells) => cells.join(' | '));
}

/** The written row (writtenRows) that `tr` is, in its table. */
export function writtenRow(tr: HTMLElement): string {
  let table = tr.parentNode;
  while (table && table.tagName !== 'TABLE') table = table.parentNode;
  return writtenRows(table!)[table!.querySelectorAll('tr').indexOf(tr)]!;
}
