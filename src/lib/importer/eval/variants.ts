/**
 * The layout-variant set: a reviewed 2019 or 2021 report rewritten into the forms
 * other converters and portals produce, to measure the importer on forms it was
 * not written on. Each variant keeps the report's words and numbers; only the
 * layout changes, so the reviewed values are the answer (less the 总计 cells a
 * variant blanks). The PDF variant is made elsewhere (Chromium prints the report).
 */
import { cellValue } from '../template/rows.ts';
import { isData, pieces, type Row } from './pieces.ts';

export const TEXT_VARIANTS = ['pipe-generic', 'tab-rows', 'label-lines', 'wrapped-text', 'blank-totals'] as const;
export type TextVariant = (typeof TEXT_VARIANTS)[number];

/** Blank the 总计 cells of table 三 (the last of its 7 values, or 8 where a grid repeated a cell) and table 四 (every fifth of 15). */
function blankTotals(r: Row): Row {
  if (r.values.length === 7 || r.values.length === 8) return { ...r, values: [...r.values.slice(0, -1), ''] };
  if (r.values.length === 15) return { ...r, values: r.values.map((v, i) => (i % 5 === 4 ? '' : v)) };
  return r;
}

function pipe(rows: readonly Row[]): string[] {
  const width = Math.max(...rows.map((r) => r.values.length));
  const header = ['项目', ...Array.from({ length: width }, (_, i) => (i === width - 1 && width > 1 ? '总计' : `数据${i + 1}`))];
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map((r) => line([r.labels.at(-1) ?? '', ...Array.from({ length: width }, (_, i) => r.values[i] ?? '')]))];
}

/** One small pipe table per row group (a new group starts where the first label changes), with generic headers. */
function pipeGeneric(rows: readonly Row[]): string[] {
  const out: string[] = [];
  let group: Row[] = [];
  let key = '';
  const flush = () => {
    if (group.length) out.push('', ...pipe(group), '');
    group = [];
  };
  for (const r of rows.filter(isData)) {
    const first = r.labels.length > 1 ? r.labels[0]! : '';
    if (first !== key) flush();
    key = first;
    group.push(r);
  }
  flush();
  return out;
}

/** Label lines and number lines; a group label gets its own line where it changes. */
function labelLines(rows: readonly Row[]): string[] {
  const out: string[] = [];
  let groups: string[] = [];
  for (const r of rows.filter(isData)) {
    const own = r.labels.slice(0, -1);
    own.forEach((g, i) => {
      if (groups[i] !== g) out.push(g);
    });
    groups = own;
    out.push(r.labels.at(-1) ?? '', r.values.map((v) => v || '-').join(' '));
  }
  return out;
}

/** Hard-wrap a line at `width` characters, as a PDF's text comes out. */
const wrap = (line: string, width: number) => line.match(new RegExp(`.{1,${width}}`, 'gu')) ?? [line];

/** The report as a variant text file (title first, as converters write it). */
export function textVariant(title: string, body: string, variant: TextVariant): string {
  const lines: string[] = variant === 'wrapped-text' ? ['正文', ...wrap(title, Math.ceil(title.length / 2))] : [title];
  for (const piece of pieces(body)) {
    if (piece.kind === 'text') {
      lines.push(...(variant === 'wrapped-text' ? wrap(piece.line, 36) : [piece.line]));
      continue;
    }
    const rows = variant === 'blank-totals' ? piece.rows.map(blankTotals) : piece.rows;
    if (variant === 'pipe-generic' || variant === 'blank-totals') lines.push(...pipeGeneric(rows));
    else if (variant === 'tab-rows') lines.push('', ...rows.filter(isData).map((r) => [r.labels.at(-1) ?? '', ...r.values].join('\t')), '');
    else if (variant === 'label-lines') lines.push(...labelLines(rows));
    // As a PDF's text: label and numbers on one line, apart.
    else lines.push(...rows.filter(isData).map((r) => `${r.labels.at(-1) ?? ''}  ${r.values.map((v) => v || ' ').join('  ')}`));
  }
  if (variant === 'wrapped-text') {
    // Page numbers every 40 lines.
    const paged: string[] = [];
    lines.forEach((l, i) => {
      paged.push(l);
      if (i > 0 && i % 40 === 0) paged.push(`— ${i / 40} —`);
    });
    return `${paged.join('\n')}\n`;
  }
  return `${lines.join('\n')}\n`;
}

/** Metrics a variant cannot have: the 总计 cells it blanked. */
export function blankedMetrics(variant: TextVariant, metricIds: readonly string[]): Set<string> {
  if (variant !== 'blank-totals') return new Set();
  return new Set(metricIds.filter((id) => (id.startsWith('requests_') || id.startsWith('result_')) && !id.includes('.') ? true : /_total$/.test(id) && /^(review|litigation)/.test(id)));
}

/** A grid row as a table row, with runs of equal label cells (a span the grid repeated) merged back into one cell. */
function gridRowHtml(cells: readonly string[]): string {
  const tds: string[] = [];
  for (let i = 0; i < cells.length; ) {
    let span = 1;
    while (i + span < cells.length && cells[i + span] === cells[i] && cellValue(cells[i]!) === undefined) span++;
    tds.push(`<td${span > 1 ? ` colspan="${span}"` : ''}>${escape(cells[i]!)}</td>`);
    i += span;
  }
  return `<tr>${tds.join('')}</tr>`;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The report as a printable page (title, paragraphs, headings, tables with their spans expanded), for Chromium to print to PDF. */
export function printableHtml(title: string, body: string): string {
  const html: string[] = [];
  for (const piece of pieces(body)) {
    if (piece.kind === 'text') html.push(/^[一二三四五六七八九十]+、/.test(piece.line) && piece.line.length <= 40 ? `<h2>${escape(piece.line)}</h2>` : `<p>${escape(piece.line)}</p>`);
    else html.push(`<table>${piece.cells.map(gridRowHtml).join('')}</table>`);
  }
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title><style>
body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:14px;line-height:1.6;margin:2cm}
h1{font-size:20px;text-align:center}h2{font-size:16px}
table{border-collapse:collapse;width:100%;font-size:12px}td{border:1px solid #000;padding:3px 5px}
</style></head><body><h1>${escape(title)}</h1>${html.join('\n')}</body></html>`;
}
