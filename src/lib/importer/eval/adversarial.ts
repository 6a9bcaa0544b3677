/**
 * Adversarial layouts: a reviewed report's tables rewritten in the forms that
 * fool a reader that places numbers by position, each with one corruption of the
 * kind real conversions make. The reviewed values stay the answer: a corruption
 * never makes a wrong number right, so every value the importer keeps must still
 * equal the reviewed one (a missed value is allowed; a wrong one is not).
 *
 * Forms: tab-separated rows, pipe tables, space-aligned text (where a blank cell
 * vanishes), label lines each followed by a line of numbers, HTML grids. Label styles: one label cell per row, or every row with
 * its own label cells (1 to 3: 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密),
 * so rows of one table carry different numbers of label cells. Corruptions: a
 * value cell dropped or doubled, a row's values shifted by blank cells either way,
 * a row's numbering printed as a number cell, two rows swapped, the labels of a
 * run of rows lost and two of its number rows swapped, a blank cell that vanishes.
 */
import { isData, pieces, type Piece, type Row } from './pieces.ts';

export const FORMS = ['tab', 'pipe', 'spaced', 'label-lines', 'html'] as const;
export type Form = (typeof FORMS)[number];

export const LABEL_STYLES = ['one-label', 'ragged'] as const;
export type LabelStyle = (typeof LABEL_STYLES)[number];

export const CORRUPTIONS = ['none', 'drop-cell', 'double-cell', 'shift-left', 'shift-right', 'numbering-cell', 'swap-rows', 'unlabelled-swap', 'blank-vanishes'] as const;
export type Corruption = (typeof CORRUPTIONS)[number];

export interface Layout {
  /** form/labels/corruption/seed, for messages. */
  name: string;
  /** File name to import it as (.txt or .html). */
  path: string;
  text: string;
}

/** A small deterministic generator, so a failing layout can be made again from its name. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Apply one corruption to the data rows of a table (in place), at places the generator picks. */
function corrupt(rows: Row[], corruption: Corruption, next: () => number): void {
  const data = rows.filter(isData);
  if (data.length === 0) return;
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const row = pick(data);
  const index = Math.floor(next() * row.values.length);
  switch (corruption) {
    case 'none':
      return;
    case 'drop-cell':
      row.values.splice(index, 1);
      return;
    case 'double-cell':
      row.values.splice(index, 0, row.values[index]!);
      return;
    case 'shift-left':
      row.values.push(...Array.from({ length: 1 + Math.floor(next() * 2) }, () => ''));
      return;
    case 'shift-right':
      row.values.unshift(...Array.from({ length: 1 + Math.floor(next() * 2) }, () => ''));
      return;
    case 'numbering-cell': {
      const numbered = data.filter((r) => /^\d+[.、．]/.test(r.labels.at(-1) ?? ''));
      const target = numbered.length ? pick(numbered) : row;
      const m = /^(\d+)[.、．]\s*(.*)$/.exec(target.labels.at(-1) ?? '');
      if (m) {
        target.labels[target.labels.length - 1] = m[2]!;
        target.values.unshift(m[1]!);
      } else {
        target.values.unshift(String(1 + Math.floor(next() * 3)));
      }
      return;
    }
    case 'swap-rows': {
      const at = rows.indexOf(row);
      const other = rows[at + 1] && isData(rows[at + 1]!) ? at + 1 : at - 1;
      if (other >= 0 && rows[other]) [rows[at], rows[other]] = [rows[other]!, rows[at]!];
      return;
    }
    case 'unlabelled-swap': {
      // A run of rows printed apart from their labels (labels lost), two of its number rows swapped.
      const at = data.indexOf(row);
      const run = data.slice(at, at + 4);
      for (const r of run) r.labels = [];
      if (run.length >= 2) [run[0]!.values, run[1]!.values] = [run[1]!.values, run[0]!.values];
      return;
    }
    case 'blank-vanishes':
      // A cell printed blank (so not stated); in space-aligned text it leaves nothing behind, and the row is a cell short.
      row.values[index] = '';
      return;
  }
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function tableLines(rows: readonly Row[], form: Form, style: LabelStyle): string[] {
  const cells = rows.filter((r) => isData(r) || r.labels.length).map((r) => [...(style === 'ragged' ? r.labels : r.labels.slice(-1)), ...r.values]);
  switch (form) {
    case 'tab':
      return ['', ...cells.map((c) => c.join('\t')), ''];
    case 'spaced':
      // Blank cells leave nothing behind in space-aligned text.
      return ['', ...cells.map((c) => c.filter((x) => x !== '').join('    ')), ''];
    case 'label-lines':
      // Each label on a line of its own, then the row's numbers on one line (a blank cell as "-").
      return rows
        .filter((r) => isData(r) || r.labels.length)
        .flatMap((r) => [...(style === 'ragged' ? r.labels : r.labels.slice(-1)), ...(r.values.length ? [r.values.map((v) => v || '-').join(' ')] : [])]);
    case 'pipe': {
      const width = Math.max(...cells.map((c) => c.length));
      const line = (c: readonly string[]) => `| ${c.map((x) => x.replaceAll('|', '\\|')).join(' | ')} |`;
      // Rows keep their own number of cells: a converter that writes ragged pipe rows.
      return ['', line(Array.from({ length: width }, () => '')), line(Array.from({ length: width }, () => '---')), ...cells.map(line), ''];
    }
    case 'html':
      return [`<table>${cells.map((c) => `<tr>${c.map((x) => `<td>${escapeHtml(x)}</td>`).join('')}</tr>`).join('')}</table>`];
  }
}

/** One layout of a report. */
export function adversarialLayout(title: string, body: string, form: Form, style: LabelStyle, corruption: Corruption, seed: number): Layout {
  const next = random(seed * 7919 + CORRUPTIONS.indexOf(corruption) * 104729 + FORMS.indexOf(form) * 31 + LABEL_STYLES.indexOf(style));
  const lines: string[] = [];
  const all = pieces(body);
  const tables = all.filter((p): p is Extract<Piece, { kind: 'table' }> => p.kind === 'table');
  // One table gets the corruption: the generator picks which.
  const victim = tables.length ? tables[Math.floor(next() * tables.length)] : undefined;
  for (const piece of all) {
    if (piece.kind === 'text') {
      lines.push(form === 'html' ? `<p>${escapeHtml(piece.line)}</p>` : piece.line);
      continue;
    }
    const rows = piece.rows.map((r) => ({ labels: [...r.labels], values: [...r.values] }));
    if (piece === victim) corrupt(rows, corruption, next);
    lines.push(...tableLines(rows, form, style));
  }
  const name = `${form}/${style}/${corruption}/${seed}`;
  const text =
    form === 'html'
      ? `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${lines.join('\n')}</body></html>`
      : `${[title, ...lines].join('\n')}\n`;
  return { name, path: `layout.${form === 'html' ? 'html' : 'txt'}`, text };
}

/** Every layout of a report: each form × label style × corruption × seed. */
export function* adversarialLayouts(title: string, body: string, seeds = 3): Generator<Layout> {
  for (const form of FORMS) {
    for (const style of LABEL_STYLES) {
      for (const corruption of CORRUPTIONS) {
        for (let seed = 1; seed <= (corruption === 'none' ? 1 : seeds); seed++) yield adversarialLayout(title, body, form, style, corruption, seed);
      }
    }
  }
}
