/**
 * The HTML of `npm run review`: the list of reports with pending items, and one report's review form.
 * Every value stands beside its source, a table row with the value's cell marked or the sentence with the
 * number marked, so the editor compares the two without opening the file. Plain forms, no script: the page
 * works as served. Every text from a file is escaped.
 */
import { getMetric, findMetric } from '../catalogue/index.ts';
import type { MetricValue } from '../metric-value.ts';
import type { ReportData } from '../schema/report.ts';
import { quoteCells } from '../validate/cells.ts';
import { describeCell } from '../format.ts';
import { escapeXml as escape } from '../escape.ts';


export interface PendingReport {
  agency: string;
  year: number;
  title: string;
  values: number;
  withheld: number;
  warnings: number;
}

function page(title: string, main: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escape(title)} · 年报档案核对</title>
<link rel="stylesheet" href="/review.css">
</head>
<body>
<header><a href="/">年报档案 · 核对</a></header>
<main>
${main}
</main>
</body>
</html>
`;
}

export function indexPage(reports: readonly PendingReport[]): string {
  const rows = reports
    .map((r) => `<li><a href="/r/${escape(r.agency)}/${r.year}">${escape(r.title)}</a> <span class="counts">${r.values} 个数值待核对${r.withheld ? `，${r.withheld} 个未采用的数值待决定` : ''}${r.warnings ? `，${r.warnings} 条导入提示` : ''}</span></li>`)
    .join('\n');
  return page(
    '待核对的报告',
    `<h1>待核对的报告（${reports.length} 份）</h1>
<p class="hint">这里列出 review.status 为 machine（机器导入，尚未人工核对）的报告。核对时把每个数值与原文对照：原文中数值所在的格或数字已标出。</p>
${reports.length ? `<ol class="pending">\n${rows}\n</ol>` : '<p>没有待核对的报告。</p>'}`,
  );
}

/** The source of a value: its table row with the cell marked, or its sentence with the number marked. */
export function sourceHtml(value: Pick<MetricValue, 'value' | 'quote' | 'cell'>): string {
  if (!value.quote) return '<span class="no-quote">（没有出处）</span>';
  if (value.quote.includes(' | ')) {
    const cells = quoteCells(value.quote);
    const at = value.cell?.position;
    const tds = cells.map((c, i) => (i + 1 === at ? `<td class="cell"><mark>${escape(c)}</mark></td>` : `<td>${escape(c)}</td>`)).join('');
    return `<div class="row-scroll"><table class="source-row"><tr>${tds}</tr></table></div>`;
  }
  const number = String(value.value);
  const at = value.quote.indexOf(number);
  if (at < 0) return `<q>${escape(value.quote)}</q>`;
  return `<q>${escape(value.quote.slice(0, at))}<mark>${escape(number)}</mark>${escape(value.quote.slice(at + number.length))}</q>`;
}

const cellLine = (value: Pick<MetricValue, 'cell'>) =>
  value.cell ? `<span class="cell-name">${escape(describeCell(value.cell))}</span>` : '';

function decisionControls(name: string, options: readonly ('accept' | 'correct' | 'reject' | 'undecided')[], checked: string, value: number, approx: boolean): string {
  const labels = { accept: '采用', correct: '改正为', reject: '否决', undecided: '暂不决定' } as const;
  const radios = options
    .map((o) => `<label><input type="radio" name="${name}" value="${o}"${o === checked ? ' checked' : ''}> ${labels[o]}</label>${o === 'correct' ? ` <input type="number" step="any" name="${name}.value" value="${value}" aria-label="改正后的数值"> <label><input type="checkbox" name="${name}.approx"${approx ? ' checked' : ''}> 约数</label>` : ''}`)
    .join(' ');
  return `<fieldset class="decision"><legend class="visually-hidden">决定</legend>${radios}</fieldset>`;
}

export interface ReportFormInput {
  agency: string;
  year: number;
  report: ReportData;
  /** The SHA-256 of the file as shown: a save against a changed file is refused. */
  digest: string;
  token: string;
  /** Messages to show above the form (saved, or what stopped the save). */
  notices?: readonly { kind: 'ok' | 'error'; text: string }[];
  reviewer?: string;
}

export function reportPage(input: ReportFormInput): string {
  const { report } = input;
  const withheld = report.imported?.withheld ?? [];
  // The withheld values are listed with their controls below; their warnings would only repeat them.
  const warnings = (report.imported?.warnings ?? []).filter((w) => !w.startsWith('未采用 '));
  const values = Object.entries(report.metrics)
    .map(([id, v]) => {
      const label = findMetric(id)?.label ?? id;
      return `<tr id="v-${escape(id)}">
<th scope="row">${escape(label)}<br><code>${escape(id)}</code></th>
<td class="value"><span class="num">${v.approx ? "约" : ""}${v.value}</span>${v.confirmedBy?.length ? `<br><span class="confirmed" title="${escape(v.confirmedBy.join('、'))}">恒等式已核</span>` : ''}</td>
<td>${sourceHtml(v)}${cellLine(v)}</td>
<td>${decisionControls(`v.${escape(id)}`, ['accept', 'correct', 'reject'], 'accept', v.value, v.approx)}</td>
</tr>`;
    })
    .join('\n');
  const held = withheld
    .map((w, i) => `<tr id="w-${i}">
<th scope="row">${escape(findMetric(w.metric) ? getMetric(w.metric).label : w.metric)}<br><code>${escape(w.metric)}</code></th>
<td class="value">${w.approx ? '约' : ''}${w.value}</td>
<td>${sourceHtml({ value: w.value, quote: w.quote, cell: w.cell })}${cellLine({ cell: w.cell })}<p class="reason">未采用的理由：${escape(w.reason)}</p></td>
<td>${decisionControls(`w.${i}`, ['undecided', 'accept', 'correct', 'reject'], 'undecided', w.value, w.approx ?? false)}</td>
</tr>`)
    .join('\n');
  const notices = (input.notices ?? []).map((n) => `<p class="notice ${n.kind}" role="${n.kind === 'error' ? 'alert' : 'status'}">${escape(n.text)}</p>`).join('\n');
  const status = report.review?.status === 'reviewed' ? `已人工核对（${escape(report.review.by ?? '')}，${escape(report.review.at ?? '')}）` : '机器导入，尚未人工核对';
  return page(
    report.title,
    `<h1>${escape(report.title)}</h1>
<p class="status">${status} · <code>content/reports/${escape(input.agency)}/${input.year}.md</code></p>
${notices}
<form method="post" action="/r/${escape(input.agency)}/${input.year}">
<input type="hidden" name="token" value="${escape(input.token)}">
<input type="hidden" name="digest" value="${escape(input.digest)}">
${warnings.length ? `<details class="warnings"><summary>导入提示（${warnings.length} 条）</summary><ul>${warnings.map((w) => `<li>${escape(w)}</li>`).join('')}</ul></details>` : ''}
${withheld.length ? `<section><h2>读到但未采用的数值（${withheld.length} 个）</h2>
<p class="hint">导入程序读到、但证据不足而没有采用的数值。对照原文：采用、改正或否决；标记为已核对之前每一项都须决定。</p>
<div class="table-scroll"><table class="review"><thead><tr><th scope="col">指标</th><th scope="col">读到的值</th><th scope="col">原文（数值所在处已标出）</th><th scope="col">决定</th></tr></thead><tbody>
${held}
</tbody></table></div></section>` : ''}
<section><h2>已摘录的数值（${Object.keys(report.metrics).length} 个）</h2>
<p class="hint">默认“采用”。与原文不符的，选“改正为”并填写原文所印的数；原文没有这个数的，选“否决”。</p>
<div class="table-scroll"><table class="review"><thead><tr><th scope="col">指标</th><th scope="col">数值</th><th scope="col">原文（数值所在处已标出）</th><th scope="col">决定</th></tr></thead><tbody>
${values}
</tbody></table></div></section>
<section class="finish"><h2>保存</h2>
<p><label>核对人 <input name="reviewer" autocomplete="name" value="${escape(input.reviewer ?? '')}"></label></p>
<p class="hint">标记为已核对后，本报告没有列出的法定项目在网站上显示为“报告未载明”：请确认原文确实没有载明它们。</p>
<p><button type="submit" name="action" value="save">保存决定</button> <button type="submit" name="action" value="reviewed">保存并标记为已核对</button></p>
</section>
</form>`,
  );
}

export function messagePage(title: string, text: string): string {
  return page(title, `<h1>${escape(title)}</h1>\n<p>${escape(text)}</p>\n<p><a href="/">返回列表</a></p>`);
}

export const REVIEW_CSS = `body { font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif; margin: 0; color: #1d1d1d; line-height: 1.55; }
header { background: #1f3b5a; padding: 0.5rem 1rem; } header a { color: #fff; text-decoration: none; font-weight: bold; }
main { max-width: 75rem; margin: 0 auto; padding: 0 1rem 3rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
.hint, .counts, .status, .reason, .cell-name { color: #555; font-size: 0.9rem; }
.cell-name { display: block; }
table.review { border-collapse: collapse; width: 100%; }
table.review th, table.review td { border-top: 1px solid #ddd; padding: 0.4rem; vertical-align: top; text-align: left; }
table.review .value { font-variant-numeric: tabular-nums; white-space: nowrap; font-weight: bold; }
.table-scroll, .row-scroll { overflow-x: auto; }
table.source-row { border-collapse: collapse; font-size: 0.9rem; }
table.source-row td { border: 1px solid #ccc; padding: 0.15rem 0.35rem; white-space: nowrap; max-width: 14rem; overflow: hidden; text-overflow: ellipsis; }
table.source-row td.cell { outline: 3px solid #c98a00; }
mark { background: #ffd45e; }
.decision { border: 0; padding: 0; margin: 0; } .decision label { white-space: nowrap; margin-right: 0.4rem; }
.decision input[type=number] { width: 7rem; }
.notice { padding: 0.5rem 0.75rem; border-radius: 4px; } .notice.ok { background: #e3f4e1; } .notice.error { background: #fbe3e1; }
.confirmed { color: #2c6e2f; font-size: 0.8rem; font-weight: normal; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
button { font-size: 1rem; padding: 0.4rem 0.9rem; }
/* On a phone each value is a card; the source row inside it stays a row. */
@media (max-width: 40rem) { table.review, table.review > tbody { display: block; } .row-scroll { max-width: calc(100vw - 2rem); } table.review > thead { display: none; } table.review > tbody > tr { display: block; border-top: 1px solid #ddd; padding: 0.4rem 0; } table.review > tbody > tr > th, table.review > tbody > tr > td { display: block; border: 0; } }
`;
