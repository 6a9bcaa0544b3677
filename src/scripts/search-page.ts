/**
 * The search page in the browser: URL ⇄ form state, Pagefind for candidates,
 * and a check of every candidate against its page text before it is shown.
 */
import { buildExcerpt, firstMatchIndex } from '../lib/search/excerpt.ts';
import { fromIndexText } from '../lib/search/index-text.ts';
import type { PagefindApi, PagefindFragment, PagefindResult } from '../lib/search/pagefind-api.ts';
import { isEmptyQuery, matchesQuery, parseQuery, toPagefindQuery, type ParsedQuery } from '../lib/search/query.ts';
import { sectionOf } from '../lib/search/section.ts';
import { orderResults, resultYears, type SearchShard } from '../lib/search/shards.ts';
import {
  pagefindFilters,
  SEARCH_FILTERS,
  stateFromParams,
  stateToParams,
  type SearchState,
} from '../lib/search/state.ts';

/** Verified results shown per page of results. */
const PAGE_SIZE = 10;
/** Candidates whose text is fetched at once. */
const BATCH = 10;
const TYPING_DELAY_MS = 300;

const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

let pagefind: Promise<PagefindApi> | undefined;

/** The index: the primary one (pagefind/) and any merged into it (pagefind/<first>-<last>/). */
function loadPagefind(shards: readonly SearchShard[]): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const api = (await import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`)) as PagefindApi;
    await api.options({ baseUrl: BASE });
    await api.init();
    await Promise.all(shards.filter((s) => s.dir !== '').map((s) => api.mergeIndex(`${BASE}pagefind/${s.dir}`, { baseUrl: BASE })));
    return api;
  })();
  pagefind.catch(() => {
    pagefind = undefined; // let a later search try again
  });
  return pagefind;
}

interface Elements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  status: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
}

/** One search in progress: its candidates, and how far they have been checked. */
interface Run {
  state: SearchState;
  query: ParsedQuery;
  candidates: PagefindResult[];
  next: number;
  shown: number;
}

export function startSearchPage(): void {
  const els: Elements = {
    form: document.querySelector('#search-form')!,
    input: document.querySelector('#search-q')!,
    status: document.querySelector('#search-status')!,
    list: document.querySelector('#search-results')!,
    more: document.querySelector('#search-more')!,
  };
  const shards = JSON.parse(els.form.dataset['shards'] ?? '[]') as SearchShard[];
  let current: Run | undefined;
  let generation = 0;
  let typingTimer: number | undefined;

  const readForm = (): SearchState => stateFromParams(new URLSearchParams(new FormData(els.form) as unknown as Record<string, string>));

  const writeForm = (state: SearchState) => {
    els.input.value = state.q;
    for (const key of SEARCH_FILTERS) {
      const select = els.form.elements.namedItem(key) as HTMLSelectElement;
      select.value = state.filters[key] ?? '';
    }
    (els.form.elements.namedItem('sort') as HTMLSelectElement).value = state.sort;
  };

  const setStatus = (text: string, kind: 'info' | 'error' = 'info') => {
    els.status.textContent = text;
    els.status.classList.toggle('error', kind === 'error');
  };

  const updateUrl = (state: SearchState, mode: 'push' | 'replace') => {
    const query = stateToParams(state).toString();
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (url === `${location.pathname}${location.search}`) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  async function search(state: SearchState): Promise<void> {
    const mine = ++generation;
    const query = parseQuery(state.q);
    els.list.replaceChildren();
    els.more.hidden = true;
    current = undefined;
    if (isEmptyQuery(query)) {
      setStatus('输入关键词，在全部报告的全文中搜索。');
      return;
    }
    setStatus('正在搜索…');
    els.list.setAttribute('aria-busy', 'true');
    let api: PagefindApi;
    try {
      api = await loadPagefind(shards);
    } catch {
      if (mine !== generation) return;
      els.list.removeAttribute('aria-busy');
      setStatus(
        import.meta.env.DEV
          ? '开发模式下没有搜索索引：请运行 npm run build 后用 npm run preview 查看搜索。'
          : '搜索索引加载失败，请检查网络后刷新页面重试。',
        'error',
      );
      return;
    }
    try {
      const pagefindQuery = toPagefindQuery(query);
      const filters = pagefindFilters(state);
      const response = await api.search(pagefindQuery, { filters });
      const yearOf = state.sort === 'relevance' ? undefined : await resultYears(api, pagefindQuery, filters, shards.flatMap((s) => s.years));
      if (mine !== generation) return;
      current = { state, query, candidates: orderResults(response.results, state.sort, yearOf), next: 0, shown: 0 };
      await showMore(mine);
    } catch {
      if (mine !== generation) return;
      els.list.removeAttribute('aria-busy');
      setStatus('搜索出错，请刷新页面重试。', 'error');
    }
  }

  /** Check candidates batch by batch until another page of verified results is shown. */
  async function showMore(mine: number): Promise<void> {
    const run = current;
    if (!run) return;
    const target = run.shown + PAGE_SIZE;
    els.list.setAttribute('aria-busy', 'true');
    while (run.shown < target && run.next < run.candidates.length) {
      const batch = run.candidates.slice(run.next, run.next + BATCH);
      run.next += batch.length;
      const fragments = await Promise.all(batch.map((c) => c.data()));
      if (mine !== generation) return;
      for (const fragment of fragments) {
        const text = fromIndexText(fragment.content);
        if (!matchesQuery(text, run.query)) continue;
        els.list.append(resultItem(fragment, text, run.query));
        run.shown++;
      }
    }
    els.list.removeAttribute('aria-busy');
    const exhausted = run.next >= run.candidates.length;
    els.more.hidden = exhausted;
    setStatus(statusText(run, exhausted));
  }

  function statusText(run: Run, exhausted: boolean): string {
    const filtered = Object.keys(run.state.filters).length > 0;
    if (run.shown === 0 && exhausted) {
      return `没有找到包含“${run.state.q}”的报告。${filtered ? '可以去掉部分筛选条件再试。' : '可以减少关键词，或换一种说法再试。'}`;
    }
    // The index finds candidates; each is checked against its text before it is shown. Until all are checked,
    // their number is an upper bound, said as one.
    return exhausted
      ? `找到 ${run.shown} 份报告。`
      : `找到至多 ${run.candidates.length} 份报告：已核对前 ${run.next} 份，显示其中包含查询词的 ${run.shown} 份。`;
  }

  els.form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(typingTimer);
    const state = readForm();
    updateUrl(state, 'push');
    void search(state);
  });
  els.form.addEventListener('change', (event) => {
    if (event.target === els.input) return;
    const state = readForm();
    updateUrl(state, 'push');
    void search(state);
  });
  els.input.addEventListener('input', () => {
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(() => {
      const state = readForm();
      updateUrl(state, 'replace');
      void search(state);
    }, TYPING_DELAY_MS);
  });
  els.more.addEventListener('click', () => void showMore(generation));
  window.addEventListener('popstate', () => {
    const state = stateFromParams(new URLSearchParams(location.search));
    writeForm(state);
    void search(state);
  });

  const initial = stateFromParams(new URLSearchParams(location.search));
  writeForm(initial);
  void search(initial);
}

/** One result: title linking to the report at the section of the first match, meta line, marked excerpt. */
function resultItem(fragment: PagefindFragment, text: string, query: ParsedQuery): HTMLLIElement {
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.className = 'result-title';
  const anchors = fragment.anchors.map((a) => (a.text ? { ...a, text: fromIndexText(a.text) } : a));
  const section = sectionOf(text, anchors, firstMatchIndex(text, query));
  link.href = section ? `${fragment.url}#${encodeURIComponent(section)}` : fragment.url;
  link.textContent = fragment.meta['title'] ?? fragment.url;

  const meta = document.createElement('p');
  meta.className = 'result-meta';
  meta.textContent = [fragment.meta['agency'], fragment.meta['year'] && `${fragment.meta['year']}年度`, fragment.meta['edition']]
    .filter(Boolean)
    .join(' · ');

  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  for (const part of buildExcerpt(text, query)) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      excerpt.append(mark);
    } else {
      excerpt.append(part.text);
    }
  }
  li.append(link, meta, excerpt);
  return li;
}
