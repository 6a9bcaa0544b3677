/**
 * The compare page in the browser: the chosen agencies (a type-ahead over
 * /data/agency-index.json, src/lib/agency-picker.ts) and metrics ⇄ URL, and the
 * table of a complete selection, made from the chosen agencies' data files
 * (/data/agencies/<id>.json).
 */
import { matchAgencies, type AgencyEntry, type AgencyIndex } from '../lib/agency-picker.ts';
import { cellState, compareByMetric, comparisonCsv, isComplete, MAX_AGENCIES, MIN_AGENCIES, selectionFromParams, selectionToParams, type CompareAgency, type ComparisonCell, type MetricComparison, type Selection } from '../lib/compare.ts';
import { chartSvg } from '../lib/chart-svg.ts';
import { enablePngButtons } from './chart-png.ts';
import { APPROX_MARK, APPROX_NOTE, formatNumber } from '../lib/format.ts';
import { paths, withBase } from '../lib/urls.ts';

const BASE = import.meta.env.BASE_URL;

/** Fetched once, when first needed; a failed fetch is tried again next time. */
function fetchJson<T>(cache: Map<string, Promise<T>>, path: string): Promise<T> {
  let data = cache.get(path);
  if (!data) {
    data = fetch(withBase(BASE, path)).then((r) => {
      if (!r.ok) throw new Error(`${r.status}`);
      return r.json() as Promise<T>;
    });
    data.catch(() => cache.delete(path));
    cache.set(path, data);
  }
  return data;
}

export function startComparePage(): void {
  const form = document.querySelector<HTMLFormElement>('#compare-form')!;
  const status = document.querySelector<HTMLElement>('#compare-status')!;
  const matrix = document.querySelector<HTMLElement>('#compare-matrix')!;
  const chosenList = document.querySelector<HTMLUListElement>('#chosen-agencies')!;
  const picker = document.querySelector<HTMLElement>('#agency-picker')!;
  const input = document.querySelector<HTMLInputElement>('#agency-q')!;
  const options = document.querySelector<HTMLUListElement>('#agency-options')!;
  const boxes = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
  const metrics = new Map(boxes('m').map((b) => [b.value, { label: b.parentElement!.textContent!.trim(), unit: b.dataset['unit'] ?? '' }]));
  picker.hidden = false;

  const agencyFiles = new Map<string, Promise<CompareAgency>>();
  const indexFile = new Map<string, Promise<AgencyIndex>>();
  const loadIndex = () => fetchJson(indexFile, '/data/agency-index.json');
  let known = new Map<string, AgencyEntry>();
  let chosen: string[] = [];

  const say = (text: string, error = false) => {
    status.textContent = text;
    status.classList.toggle('error', error);
  };

  function renderChosen(): void {
    chosenList.replaceChildren(...chosen.map((id) => {
      const name = known.get(id)?.[1] ?? id;
      const remove = element('button', { type: 'button', 'aria-label': `移除${name}` }, '×');
      remove.addEventListener('click', () => {
        const at = chosen.indexOf(id);
        commit({ agencies: chosen.filter((a) => a !== id), metrics: checkedMetrics() });
        // The keyboard stays with the chosen agencies: on the one that took this one's place, or the last; the input when none is left.
        const buttons = chosenList.querySelectorAll<HTMLButtonElement>('button');
        (buttons[Math.min(at, buttons.length - 1)] ?? input).focus();
      });
      return element('li', { 'data-agency': id }, name, element('input', { type: 'hidden', name: 'a', value: id }), remove);
    }));
    input.disabled = chosen.length >= MAX_AGENCIES;
    input.placeholder = input.disabled ? `已选 ${MAX_AGENCIES} 个机构（最多）` : '';
  }

  const checkedMetrics = () => boxes('m').filter((b) => b.checked).map((b) => b.value);

  let generation = 0;
  async function apply(selection: Selection): Promise<void> {
    const mine = ++generation;
    chosen = [...selection.agencies];
    renderChosen();
    for (const b of boxes('m')) b.checked = selection.metrics.includes(b.value);
    if (!isComplete(selection)) {
      matrix.replaceChildren();
      say(`请选择 ${MIN_AGENCIES}–${MAX_AGENCIES} 个机构和至少 1 个指标（已选 ${selection.agencies.length} 个机构、${selection.metrics.length} 个指标）。`);
      return;
    }
    say('正在读取所选机构的数据…');
    matrix.setAttribute('aria-busy', 'true');
    try {
      const data = await Promise.all(selection.agencies.map((id) => fetchJson(agencyFiles, `/data/agencies/${encodeURIComponent(id)}.json`)));
      if (mine !== generation) return;
      const comparisons = selection.metrics.map((id) => compareByMetric(data, id));
      matrix.replaceChildren(...comparisonViews(comparisons, (id) => metrics.get(id)!));
      enablePngButtons(matrix);
      say(`正在比较 ${selection.agencies.length} 个机构的 ${selection.metrics.length} 个指标。`);
    } catch {
      if (mine !== generation) return;
      matrix.replaceChildren();
      say('读取机构数据失败，请检查网络后重试。', true);
    } finally {
      if (mine === generation) matrix.removeAttribute('aria-busy');
    }
  }

  /** The selection in the URL, its agencies checked against the index (read first when the URL names any). */
  async function fromUrl(): Promise<Selection> {
    const params = new URLSearchParams(location.search);
    if (params.getAll('a').length) {
      say('正在读取机构列表…');
      known = new Map((await loadIndex()).agencies.map((e) => [e[0], e]));
    }
    return selectionFromParams(params, [...known.keys()], [...metrics.keys()]);
  }

  // Every change shows at once; the button is for those who submit with the keyboard.
  function commit(selection: Selection): void {
    history.pushState(null, '', `${location.pathname}?${selectionToParams(selection)}`);
    void apply(selection);
  }

  // The type-ahead: options under the input, chosen with the arrow keys and Enter, or a tap.
  let matches: AgencyEntry[] = [];
  let active = -1;
  function showOptions(): void {
    options.replaceChildren(...matches.map(([id, shortName, name, , , province], i) =>
      element('li', { role: 'option', id: `agency-option-${i}`, 'data-agency': id, 'aria-selected': String(i === active) },
        shortName, element('span', { class: 'meta' }, `${name === shortName ? '' : `${name} · `}${province}`))));
    const open = matches.length > 0;
    options.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (active >= 0) input.setAttribute('aria-activedescendant', `agency-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
  }
  function close(): void {
    matches = [];
    active = -1;
    showOptions();
  }
  function choose(id: string): void {
    input.value = '';
    close();
    if (chosen.includes(id) || chosen.length >= MAX_AGENCIES) return;
    commit({ agencies: [...chosen, id], metrics: checkedMetrics() });
    input.focus();
  }
  let typed = 0;
  input.addEventListener('input', async () => {
    const mine = ++typed;
    let index: AgencyIndex;
    try {
      index = await loadIndex();
    } catch {
      say('机构列表读取失败，请检查网络后重试。', true);
      return;
    }
    if (mine !== typed) return;
    known = new Map(index.agencies.map((e) => [e[0], e]));
    matches = matchAgencies(index, input.value).filter(([id]) => !chosen.includes(id));
    active = matches.length ? 0 : -1;
    showOptions();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!matches.length) return;
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
      showOptions();
      document.getElementById(`agency-option-${active}`)?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter' && active >= 0 && matches[active]) {
      event.preventDefault();
      choose(matches[active]![0]);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  // mousedown, not click: the input keeps its focus, and the option is still there when the event arrives.
  options.addEventListener('mousedown', (event) => {
    const option = (event.target as HTMLElement).closest<HTMLElement>('[role="option"]');
    if (!option) return;
    event.preventDefault();
    choose(option.dataset['agency']!);
  });
  input.addEventListener('blur', () => window.setTimeout(close, 0));

  form.addEventListener('change', (event) => {
    if (event.target === input) return;
    commit({ agencies: chosen, metrics: checkedMetrics() });
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    commit({ agencies: chosen, metrics: checkedMetrics() });
  });
  const fromUrlAndApply = () => fromUrl().then(apply, () => say('机构列表读取失败，请检查网络后刷新页面重试。', true));
  window.addEventListener('popstate', () => void fromUrlAndApply());
  void fromUrlAndApply();
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const reportUrl = (agency: string, year: number) => new URL(withBase(BASE, paths.report(agency, year)), location.href).href;

/** A link that downloads `text` as a file (a data: URL: the CSP allows no blob: pages, and nothing is uploaded). */
function downloadLink(label: string, name: string, type: string, text: string): HTMLAnchorElement {
  return element('a', { href: `data:${type};charset=utf-8,${encodeURIComponent(text)}`, download: name }, label);
}

/** A value as the site's MetricValue component shows it (约600 条; 报告未载明, 未摘录 or 无报告, never 0), linked to its report. */
function valueCell(cell: ComparisonCell, agency: string, unit: string): HTMLTableCellElement {
  if (cell.kind === 'no-report') return element('td', {}, element('span', { class: 'meta' }, '无报告'));
  const link = element('a', { href: withBase(BASE, paths.report(agency, cell.year)) });
  if (cell.kind === 'missing') {
    link.append(element('span', { class: cell.machine ? 'not-extracted' : 'not-reported' }, cellState(cell)));
    return element('td', {}, link);
  }
  const value = element('span', { class: 'value', 'data-value': String(cell.value.value), ...(cell.value.approx ? { 'data-approx': 'true' } : {}) });
  if (cell.value.approx) value.append(element('abbr', { class: 'approx', title: APPROX_NOTE }, APPROX_MARK));
  value.append(element('span', { class: 'num' }, formatNumber(cell.value.value)), ' ', element('span', { class: 'unit' }, unit));
  link.append(value);
  return element('td', {}, link);
}

/** Each metric read across: a note when the agencies share no year, a chart of all of them, years × agencies; then the CSV of it all. */
function comparisonViews(comparisons: readonly MetricComparison[], metricOf: (id: string) => { label: string; unit: string }): HTMLElement[] {
  const views = comparisons.map((c) => {
    const { label, unit } = metricOf(c.metric);
    const section = element('section', { class: 'comparison', 'data-metric': c.metric });
    section.append(element('h2', {}, element('a', { href: withBase(BASE, paths.metric(c.metric)) }, label)));
    if (c.shared.length === 0) section.append(element('p', { class: 'notice', role: 'note' }, '所选机构没有同一年度的报告：下表与图中各机构的年度互不重合，请注意比较的是不同年份。'));
    const svg = chartSvg({
      title: `${label}：${c.agencies.map((a) => a.name).join('、')}`,
      unit,
      points: [],
      series: c.agencies.map((a, i) => ({ name: a.name, points: c.rows.flatMap((r) => { const cell = r.cells[i]!; return cell.kind === 'value' ? [{ year: r.year, value: cell.value }] : cell.kind === 'missing' ? [{ year: r.year }] : []; }) })),
      source: '来源：各机构政府信息公开工作年度报告（可比口径）',
      permalink: location.href,
    });
    const figure = element('figure', { class: 'chart-figure' });
    figure.innerHTML = `<div class="chart-scroll">${svg}</div>`; // our own SVG, every text in it escaped
    figure.append(element('figcaption', { class: 'chart-tools' },
      downloadLink('下载 SVG', `比较-${label}.svg`, 'image/svg+xml', `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`),
      ' · ', element('button', { type: 'button', class: 'link-button', 'data-png': `比较-${label}`, hidden: '' }, '下载 PNG')));
    const head = element('tr', {}, element('th', { scope: 'col' }, '年度'), ...c.agencies.map((a) => element('th', { scope: 'col', 'data-agency': a.id }, element('a', { href: withBase(BASE, paths.agency(a.id)) }, a.name))));
    const body = c.rows.map((row) => element('tr', { 'data-year': String(row.year) }, element('th', { scope: 'row' }, `${row.year}年`), ...row.cells.map((cell, i) => valueCell(cell, c.agencies[i]!.id, unit))));
    const table = element('table', { class: 'comparison-table' }, element('caption', {}, `${label}（${unit}）：年度 × 机构；点数值进入该年度的报告`), element('thead', {}, head), element('tbody', {}, ...body));
    section.append(figure, element('div', { class: 'table-scroll' }, table));
    return section;
  });
  const csv = comparisonCsv(comparisons, metricOf, reportUrl);
  const exports = element('p', { class: 'downloads' }, element('span', { class: 'downloads-label' }, '下载：'), downloadLink('本次比较 CSV（中文表头，每个数值附状态和报告网址）', '比较.csv', 'text/csv', csv));
  return [exports, ...views];
}
