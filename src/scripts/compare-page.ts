/** The compare page in the browser: checkboxes ⇄ URL, and the static matrix filtered to the selection. */
import { isComplete, MAX_AGENCIES, selectionFromParams, selectionToParams, type Selection } from '../lib/compare.ts';

export function startComparePage(): void {
  const form = document.querySelector<HTMLFormElement>('#compare-form')!;
  const status = document.querySelector<HTMLElement>('#compare-status')!;
  const table = document.querySelector<HTMLTableElement>('#compare-matrix table')!;
  const boxes = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
  const agencies = boxes('a').map((b) => b.value);
  const metrics = boxes('m').map((b) => b.value);

  const fromUrl = () => selectionFromParams(new URLSearchParams(location.search), agencies, metrics);
  const fromForm = (): Selection => ({ agencies: boxes('a').filter((b) => b.checked).map((b) => b.value), metrics: boxes('m').filter((b) => b.checked).map((b) => b.value) });

  function apply(selection: Selection): void {
    for (const b of boxes('a')) b.checked = selection.agencies.includes(b.value);
    for (const b of boxes('m')) b.checked = selection.metrics.includes(b.value);
    const full = selection.agencies.length >= MAX_AGENCIES;
    for (const b of boxes('a')) b.disabled = full && !b.checked;
    const complete = isComplete(selection);
    for (const row of table.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
      row.hidden = complete && !selection.agencies.includes(row.dataset['agency']!);
    }
    for (const cell of table.querySelectorAll<HTMLElement>('[data-metric]')) {
      cell.hidden = complete && !selection.metrics.includes(cell.dataset['metric']!);
    }
    status.textContent = complete
      ? `正在比较 ${selection.agencies.length} 个机构的 ${selection.metrics.length} 个指标。`
      : `请选择 2–${MAX_AGENCIES} 个机构和至少 1 个指标（已选 ${selection.agencies.length} 个机构、${selection.metrics.length} 个指标）；下表为全部数据。`;
  }

  form.addEventListener('change', () => {
    const selection = fromForm();
    history.pushState(null, '', `${location.pathname}?${selectionToParams(selection)}`);
    apply(selection);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  window.addEventListener('popstate', () => apply(fromUrl()));
  apply(fromUrl());
}
