/**
 * Plain text (as scraped, or as a PDF converter wrote it) → archive Markdown:
 * artefacts and page chrome removed, title lines taken out (rejoined where they
 * were wrapped), numbered sections as headings, tables as GFM tables (tab-separated
 * rows, pipe tables as written, label lines with number lines rebuilt),
 * hard-wrapped lines rejoined, one paragraph per line.
 */
import { removeArtefacts } from '../artefacts.ts';
import { headingLevel } from './headings.ts';
import { gfmTable } from '../gfm-table.ts';
import { removePageChrome } from './page-chrome.ts';
import { titlePastChrome } from './web-chrome.ts';
import { isNumberLine, rebuildTextTables } from './text-tables.ts';
import { foldRadicals } from '../../template/labels.ts';

export interface ConvertedText {
  title?: string;
  /** The publication date a printed web page states under its title. */
  published?: string;
  markdown: string;
  removed: string[];
}

/** Up to six short lines at the top that together end in 报告 (or 年报, perhaps with a note such as （全文）) are the title. */
export function takeTitle(lines: string[]): { title?: string; rest: string[] } {
  const start = lines.findIndex((l) => l.trim() !== '');
  if (start === -1) return { rest: lines };
  let title = '';
  for (let i = start; i < Math.min(lines.length, start + 6); i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    title += line;
    if (title.length > 80 || /[。；]/.test(title)) break;
    if (/(报告|年报)([（(][^）)]{1,8}[）)])?$/.test(title)) return { title, rest: lines.slice(i + 1) };
  }
  return { rest: lines };
}

const SENTENCE_END = /[。！？；：:”’）)…】》]$/;

export function textToMarkdown(text: string): ConvertedText {
  const artefacts = removeArtefacts(foldRadicals(text).replace(/\r\n?/g, '\n').split('\n'));
  const chrome = removePageChrome(artefacts.lines);
  let removed = [...new Set([...artefacts.removed, ...chrome.removed])];
  let { title, rest: untitled } = takeTitle(chrome.lines);
  let published: string | undefined;
  if (!title) {
    // A web page printed or copied whole: the title stands past the site's menus.
    const page = titlePastChrome(chrome.lines);
    if (page) {
      ({ title, rest: untitled, published } = page);
      removed = [...new Set([...removed, ...page.removed])];
    }
  }
  const rest = rebuildTextTables(untitled);
  const blocks: string[] = [];
  let table: string[][] | undefined;
  let cells: string[] = [];
  let paragraph = '';

  const flushParagraph = () => {
    if (paragraph) blocks.push(paragraph);
    paragraph = '';
  };
  const flushTable = () => {
    if (cells.length) table?.push(cells);
    cells = [];
    if (table?.length) blocks.push(gfmTable(table));
    table = undefined;
  };

  let pipeTable: string[] = [];
  const flushPipeTable = () => {
    if (pipeTable.length) blocks.push(pipeTable.join('\n'));
    pipeTable = [];
  };

  for (const raw of rest) {
    // A Markdown table, as a converter wrote it or as rebuilt above: kept as it is.
    if (raw.trim().startsWith('|')) {
      flushParagraph();
      flushTable();
      pipeTable.push(raw.trim());
      continue;
    }
    flushPipeTable();
    if (/\t/.test(raw) && raw.trim() !== '') {
      // A tab-separated row, or one cell per line each starting with a tab (rows end at a blank line).
      flushParagraph();
      table ??= [];
      const parts = raw.split('\t').map((c) => c.trim());
      if (raw.startsWith('\t') && parts.length === 2) cells.push(parts[1]!);
      else {
        if (cells.length) table.push(cells);
        cells = [];
        table.push(parts.filter((c, i) => c !== '' || i > 0));
      }
      continue;
    }
    const line = raw.trim();
    if (table) {
      if (line === '') {
        if (cells.length) table.push(cells);
        cells = [];
        continue;
      }
      flushTable();
    }
    if (line === '') {
      flushParagraph();
      continue;
    }
    const level = headingLevel(line);
    if (level) {
      flushParagraph();
      blocks.push(`${'#'.repeat(level)} ${line}`);
      continue;
    }
    // A line that stops mid-sentence and is followed by more text was wrapped by the scraper.
    // A line of numbers only is a table row whose labels stand elsewhere: never part of a sentence.
    // Nor is a line that ends in a spaced number (a row of a table a converter laid out with spaces).
    if (paragraph && !SENTENCE_END.test(paragraph) && paragraph.length >= 15 && !isNumberLine(line) && !isNumberLine(paragraph) && !/\s\d[\d.,]*$/.test(paragraph)) paragraph += line;
    else {
      flushParagraph();
      paragraph = line;
    }
  }
  flushParagraph();
  flushTable();
  flushPipeTable();
  return { ...(title ? { title } : {}), ...(published ? { published } : {}), markdown: `${blocks.join('\n\n')}\n`, removed };
}
