/** The parts of Pagefind's browser API (pagefind.js) the search page uses. */

export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  location: number;
}

export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: PagefindAnchor[];
}

export interface PagefindResult {
  id: string;
  data(): Promise<PagefindFragment>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** Per filter, per value: how many of this search's results have it. */
  filters?: Record<string, Record<string, number>>;
}

export interface PagefindApi {
  options(options: { baseUrl?: string; basePath?: string; excerptLength?: number }): Promise<void>;
  mergeIndex(indexPath: string, options?: { baseUrl?: string }): Promise<void>;
  init(): Promise<void>;
  search(query: string, options?: { filters?: Record<string, string> }): Promise<PagefindResponse>;
  /** Loads every filter's data; after it, each search's response counts results per filter value. */
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** The module pagefind.js: one instance per set of indexes (`createInstance`), each with its own primary. */
export interface PagefindModule {
  createInstance(options: { basePath: string; baseUrl?: string }): PagefindApi;
}
