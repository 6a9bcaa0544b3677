/**
 * The compare page in the browser: checkboxes ⇄ URL, and the table of a complete
 * selection, made from the chosen agencies' data files (/data/agencies/<id>.json).
 */
import { compareRows, isComplete, MAX_AGENCIES, MIN_AGENCIES, selectionFromParams, selectionToParams, type CompareAgency, type CompareCell, type Selection } from '../lib/compare.ts';
import { APPROX_MARK, APPROX_NOTE, formatNumber, NOT_REPORTED } from '../lib/format.ts';
import { paths, withBase } from '../lib/urls.ts';

const BASE = import.meta.env.BASE_URL;

export function startComparePage(): void {
  const form = document.querySelector<HTMLFormElement>('#compare-form')!;
  const status = document.querySelector<HTMLElement>('#compare-status')!;
  const matrix = document.querySelector<HTMLElement>('#compare-matrix')!;
  const boxes = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
  const agencies = boxes('a').map((b) => b.value);
  const metrics = new Map(boxes('m').map((b) => [b.value, { label: b.parentElement!.textContent!.trim(), unit: b.dataset['unit'] ?? '' }]));

  const loaded = new Map<string, Promise<CompareAgency>>();
  const load = (id: string): Promise<CompareAgency> => {
    let data = loaded.get(id);
    if (!data) {
      data = fetch(withBase(BASE, `/data/agencies/${encodeURIComponent(id)}.json`)).then((r) => {
        if (!r.ok) throw new Error(`${r.status}`);
        return r.json() as Promise<CompareAgency>;
      });
      data.catch(() => loaded.delete(id)); // a failed file is fetched again next time
      loaded.set(id, data);
    }
    return data;
  };

  const fromUrl = () => selectionFromParams(new URLSearchParams(location.search), agencies, [...metrics.keys()]);
  const fromForm = (): Selection => ({ agencies: boxes('a').filter((b) => b.checked).map((b) => b.value), metrics: boxes('m').filter((b) => b.checked).map((b) => b.value) });
  const say = (text: string, error = false) => {
    status.textContent = text;
    status.classList.toggle('error', error);
  };

  let generation = 0;
  async function apply(selection: Selection): Promise<void> {
    const mine = ++generation;
    for (const b of boxes('a')) b.checked = selection.agencies.includes(b.value);
    for (const b of boxes('m')) b.checked = selection.metrics.includes(b.value);
    const full = selection.agencies.length >= MAX_AGENCIES;
    for (const b of boxes('a')) b.disabled = full && !b.checked;
    if (!isComplete(selection)) {
      matrix.replaceChildren();
      say(`请选择 ${MIN_AGENCIES}–${MAX_AGENCIES} 个机构和至少 1 个指标（已选 ${selection.agencies.length} 个机构、${selection.metrics.length} 个指标）。`);
      return;
    }
    say('正在读取所选机构的数据…');
    matrix.setAttribute('aria-busy', 'true');
    try {
      const data = await Promise.all(selection.agencies.map(load));
      if (mine !== generation) return;
      matrix.replaceChildren(compareTable(compareRows(data, selection.metrics), selection.metrics.map((id) => ({ id, ...metrics.get(id)! }))));
      say(`正在比较 ${selection.agencies.length} 个机构的 ${selection.metrics.length} 个指标。`);
    } catch {
      if (mine !== generation) return;
      matrix.replaceChildren();
      say('读取机构数据失败，请检查网络后重试。', true);
    } finally {
      if (mine === generation) matrix.removeAttribute('aria-busy');
    }
  }

  // Every change shows at once; the button is for those who submit with the keyboard.
  const choose = () => {
    const selection = fromForm();
    history.pushState(null, '', `${location.pathname}?${selectionToParams(selection)}`);
    void apply(selection);
  };
  form.addEventListener('change', choose);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    choose();
  });
  window.addEventListener('popstate', () => void apply(fromUrl()));
  void apply(fromUrl());
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A value as the site's MetricValue component shows it: 约600 条, or 未报告 (never 0). */
function valueCell(cell: CompareCell, unit: string): HTMLTableCellElement {
  if (!cell.value) return element('td', { 'data-metric': cell.metric }, element('span', { class: 'not-reported' }, NOT_REPORTED));
  const value = element('span', { class: 'value', 'data-value': String(cell.value.value), ...(cell.value.approx ? { 'data-approx': 'true' } : {}) });
  if (cell.value.approx) value.append(element('abbr', { class: 'approx', title: APPROX_NOTE }, APPROX_MARK));
  value.append(element('span', { class: 'num' }, formatNumber(cell.value.value)), ' ', element('span', { class: 'unit' }, unit));
  return element('td', { 'data-metric': cell.metric }, value);
}

function compareTable(rows: ReturnType<typeof compareRows>, metrics: { id: string; label: string; unit: string }[]): HTMLElement {
  const head = element('tr', {}, element('th', { scope: 'col' }, '机构'), element('th', { scope: 'col' }, '年度'),
    ...metrics.map((m) => element('th', { scope: 'col', 'data-metric': m.id }, element('a', { href: withBase(BASE, paths.metric(m.id)) }, m.label))));
  const body = rows.map((row) =>
    element('tr', { 'data-agency': row.agency, 'data-report': `${row.agency}/${row.year}` },
      element('th', { scope: 'row' }, element('a', { href: withBase(BASE, paths.report(row.agency, row.year)) }, row.agencyName)),
      element('td', {}, String(row.year)),
      ...row.cells.map((cell, i) => valueCell(cell, metrics[i]!.unit))));
  const table = element('table', { class: 'core-table' }, element('caption', {}, '机构 × 年度 × 可比口径指标'), element('thead', {}, head), element('tbody', {}, ...body));
  return element('div', { class: 'table-scroll' }, table);
}
