/**
 * Plain text (as scraped) → archive Markdown: title lines taken out, artefacts
 * removed, numbered sections as headings, tab-separated tables as GFM tables,
 * hard-wrapped lines rejoined, one paragraph per line.
 */
import { removeArtefacts } from './artefacts.ts';
import { headingLevel } from './headings.ts';
import { gfmTable } from './gfm-table.ts';

export interface ConvertedText {
  title?: string;
  markdown: string;
  removed: string[];
}

/** Up to three short lines at the top that together end in 报告 are the title. */
function takeTitle(lines: string[]): { title?: string; rest: string[] } {
  const start = lines.findIndex((l) => l.trim() !== '');
  if (start === -1) return { rest: lines };
  let title = '';
  for (let i = start; i < Math.min(lines.length, start + 6); i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    title += line;
    if (title.length > 60 || /[。；]/.test(title)) break;
    if (/报告$/.test(title)) return { title, rest: lines.slice(i + 1) };
  }
  return { rest: lines };
}

const SENTENCE_END = /[。！？；：:”’）)…】》]$/;

export function textToMarkdown(text: string): ConvertedText {
  const { lines: cleaned, removed } = removeArtefacts(text.replace(/\r\n?/g, '\n').split('\n'));
  const { title, rest } = takeTitle(cleaned);
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

  for (const raw of rest) {
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
    if (paragraph && !SENTENCE_END.test(paragraph) && paragraph.length >= 15) paragraph += line;
    else {
      flushParagraph();
      paragraph = line;
    }
  }
  flushParagraph();
  flushTable();
  return { ...(title ? { title } : {}), markdown: `${blocks.join('\n\n')}\n`, removed };
}
