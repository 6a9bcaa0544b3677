/** What the bytes of one search are spent on (npm run bench), by the Pagefind file they came from. */

export type QueryPart = 'runtime' | 'meta' | 'filter' | 'index' | 'fragment' | 'other';
export interface QueryBytes { total: number; parts: Record<QueryPart, number> }

/** Which part of the search bundle a request of a query is for, from its URL. */
export function queryPart(url: string): QueryPart {
  const path = new URL(url).pathname;
  // Every group (pagefind/<first>-<last>/) carries the worker and WebAssembly, to be searched alone (scope.ts).
  if (/\/pagefind\/(\d{4}-\d{4}\/)?(pagefind(-worker)?\.js|wasm\.)/.test(path)) return 'runtime';
  // An older group has its own entry file, metadata and chunks.
  if (/\/pagefind\/(\d{4}-\d{4}\/)?(pagefind-entry\.json|pagefind\.[^/]*\.pf_meta)$/.test(path)) return 'meta';
  const dir = /\/pagefind\/(?:\d{4}-\d{4}\/)?(filter|index|fragment)\//.exec(path)?.[1];
  return (dir as QueryPart | undefined) ?? 'other';
}

