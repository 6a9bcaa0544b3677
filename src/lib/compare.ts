/** The compare page's selection, in the URL: /compare/?a=<agency>&a=<agency>&m=<metric>… */
export const MIN_AGENCIES = 2;
export const MAX_AGENCIES = 6;

export interface Selection {
  agencies: string[];
  metrics: string[];
}

/** Known, distinct values in URL order; agencies beyond six are dropped. */
export function selectionFromParams(params: URLSearchParams, agencies: readonly string[], metrics: readonly string[]): Selection {
  const pick = (key: string, valid: readonly string[]) => [...new Set(params.getAll(key))].filter((v) => valid.includes(v));
  return { agencies: pick('a', agencies).slice(0, MAX_AGENCIES), metrics: pick('m', metrics) };
}

export function selectionToParams(selection: Selection): URLSearchParams {
  const params = new URLSearchParams();
  for (const a of selection.agencies) params.append('a', a);
  for (const m of selection.metrics) params.append('m', m);
  return params;
}

/** Whether the selection can be shown: 2–6 agencies and at least one metric. */
export function isComplete(selection: Selection): boolean {
  return selection.agencies.length >= MIN_AGENCIES && selection.agencies.length <= MAX_AGENCIES && selection.metrics.length > 0;
}
