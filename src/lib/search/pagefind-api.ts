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
}

export interface PagefindApi {
  options(options: { baseUrl?: string; basePath?: string; excerptLength?: number }): Promise<void>;
  mergeIndex(indexPath: string, options?: { baseUrl?: string }): Promise<void>;
  init(): Promise<void>;
  search(query: string, options?: { filters?: Record<string, string> }): Promise<PagefindResponse>;
}
