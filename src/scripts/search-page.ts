/**
 * The search page in the browser: URL ⇄ form state, Pagefind for candidates,
 * and a check of every candidate against its page text before it is shown.
 */
import { fromIndexText } from '../lib/search/index-text.ts';
import type { PagefindApi, PagefindFragment, PagefindModule, PagefindResult } from '../lib/search/pagefind-api.ts';
import { isEmptyQuery, matchesQuery, needles, parseQuery, toPagefindQuery, type ParsedQuery } from '../lib/search/query.ts';
import { queryYear, scopeNote, scopeWithin, searchScope, type SearchScope } from '../lib/search/scope.ts';
import { orderResults, resultYears, type SearchShard } from '../lib/search/shards.ts';
import { resultSnippet } from '../lib/search/results/snippet.ts';
import { statusSentence } from '../lib/search/results/status.ts';
import { closestTerm } from '../lib/search/results/terms.ts';
import {
  pagefindFilters,
  SCOPE_ALL,
  SCOPE_PARAM,
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

/** Pagefind's module, from the primary index; it makes one instance per scope. */
let pagefindModule: Promise<PagefindModule> | undefined;
/** One instance per set of indexes searched (scope.ts), so a search never loads an index outside its scope. */
const instances = new Map<string, Promise<PagefindApi>>();

/**
 * The instance that searches `scope`: its newest index as the primary (every index folder carries the
 * WebAssembly and worker for that), the others merged into it.
 */
function loadPagefind(scope: SearchScope): Promise<PagefindApi> {
  const key = scope.shards.map((s) => s.dir).join('|');
  let instance = instances.get(key);
  if (!instance) {
    instance = (async () => {
      pagefindModule ??= import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`) as Promise<PagefindModule>;
      const module = await pagefindModule;
      const [primary, ...others] = scope.shards;
      const api = module.createInstance({ basePath: `${BASE}pagefind/${primary?.dir ?? ''}`, baseUrl: BASE });
      await api.init();
      await Promise.all(others.map((s) => api.mergeIndex(`${BASE}pagefind/${s.dir}`, { baseUrl: BASE })));
      return api;
    })();
    instances.set(key, instance);
    instance.catch(() => {
      pagefindModule = undefined;
      instances.delete(key); // let a later search try again
    });
  }
  return instance;
}

interface Elements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  status: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
  chips: HTMLUListElement;
  filters: HTMLDetailsElement;
  filterCount: HTMLElement;
  suggestion: HTMLElement;
  scope: HTMLElement;
  scopeChoice: HTMLInputElement;
}

/** One search in progress: its candidates, and how far they have been checked. */
interface Run {
  state: SearchState;
  scope: SearchScope;
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
    chips: document.querySelector('#search-chips')!,
    filters: document.querySelector('#search-filters')!,
    filterCount: document.querySelector('#search-filter-count')!,
    suggestion: document.querySelector('#search-suggestion')!,
    scope: document.querySelector('#search-scope')!,
    scopeChoice: document.querySelector<HTMLFormElement>('#search-form')!.elements.namedItem(SCOPE_PARAM) as HTMLInputElement,
  };
  // What works only with JavaScript is shown only with it; the filters start open where there is room for them.
  els.filters.hidden = false;
  els.filters.open = window.matchMedia('(min-width: 40rem)').matches;
  const hint = document.querySelector<HTMLElement>('#search-hint')!;
  const selects = SEARCH_FILTERS.map((key) => els.form.elements.namedItem(key) as HTMLSelectElement);
  for (const select of selects) for (const option of select.options) option.dataset['label'] = option.text;
  const shards = JSON.parse(els.form.dataset['shards'] ?? '[]') as SearchShard[];
  const recentReports = Number(els.form.dataset['recentReports'] ?? 0);
  const scopeFor = (state: SearchState, query: ParsedQuery) =>
    searchScope(shards, state.scope, state.filters['年份'], recentReports, queryYear(needles(query), shards));
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
    els.scopeChoice.value = state.scope === 'all' ? SCOPE_ALL : '';
    renderChips(state);
  };

  /** What the search searches, in words, with the one link that widens (or narrows) it. */
  function renderScope(state: SearchState, scope: SearchScope): void {
    const note = scopeNote(scope, shards, state.filters['年份']);
    els.scope.hidden = !note;
    if (!note) return;
    els.scope.replaceChildren(note.text);
    if (note.link) {
      const link = document.createElement('a');
      link.href = `${location.pathname}?${stateToParams({ ...state, scope: note.link.choice }).toString()}`;
      link.dataset['scope'] = note.link.choice;
      link.textContent = note.link.label;
      els.scope.append(' ', link);
    }
  }

  /** The chosen filters as chips; removing one searches again and keeps the keyboard on the chips. */
  function renderChips(state: SearchState): void {
    const chosen = SEARCH_FILTERS.filter((key) => state.filters[key]);
    els.chips.replaceChildren(
      ...chosen.map((key) => {
        const li = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'chip';
        button.dataset['filter'] = key;
        button.append(`${key}：${state.filters[key]}`);
        const x = document.createElement('span');
        x.setAttribute('aria-hidden', 'true');
        x.textContent = ' ×';
        const label = document.createElement('span');
        label.className = 'visually-hidden';
        label.textContent = '（移除）';
        button.append(x, label);
        li.append(button);
        return li;
      }),
    );
    els.chips.hidden = chosen.length === 0;
    els.filterCount.textContent = chosen.length ? `（已选 ${chosen.length} 项）` : '';
  }

  /** Option labels with Pagefind's count of candidate reports for each value (none while there is no query). */
  function showFacetCounts(counts: Record<string, Record<string, number>> | undefined, scope?: SearchScope): void {
    SEARCH_FILTERS.forEach((key, i) => {
      for (const option of selects[i]!.options) {
        const base = option.dataset['label'] ?? option.text;
        // A year outside the scope was not searched: no count rather than a false 0.
        const searched = key !== '年份' || !scope || scope.years.includes(Number(option.value));
        const count = option.value && counts && searched ? (counts[key]?.[option.value] ?? 0) : undefined;
        option.text = count === undefined ? base : `${base}（${count}）`;
      }
    });
  }

  /**
   * Facet counts cost every filter's data (at a nation's scale, the list of every agency), so they load only
   * when the reader reaches for the filters, not with every query.
   */
  let wantCounts = false;
  async function loadCounts(): Promise<void> {
    if (wantCounts) return;
    wantCounts = true;
    const run = current;
    if (!run) return;
    try {
      const api = await loadPagefind(run.scope);
      await api.filters();
      const response = await api.search(toPagefindQuery(run.query), { filters: pagefindFilters(run.state) });
      if (current === run) showFacetCounts(response.filters, run.scope);
    } catch {
      wantCounts = false; // counts are a help, not the search: try again on the next visit to the filters
    }
  }
  els.filters.querySelector('fieldset')!.addEventListener('focusin', () => void loadCounts());
  els.filters.querySelector('summary')!.addEventListener('click', () => {
    if (!els.filters.open) void loadCounts(); // the click is opening it
  });

  /** "是否要找：…" under a search that found nothing, from the known terms (loaded only then). */
  async function suggest(query: ParsedQuery, mine: number): Promise<void> {
    try {
      const response = await fetch(els.form.dataset['terms']!);
      const terms = (await response.json()) as string[];
      if (mine !== generation) return;
      const words = needles(query);
      const fixed = words.map((w) => closestTerm(w, terms) ?? w);
      if (fixed.every((w, i) => w === words[i])) return;
      const q = fixed.join(' ');
      const link = document.createElement('a');
      link.href = `${location.pathname}?${stateToParams({ ...readForm(), q }).toString()}`;
      link.textContent = q;
      els.suggestion.replaceChildren('是否要找：', link);
      els.suggestion.hidden = false;
    } catch {
      // No suggestion is no loss: the empty state already says what to try.
    }
  }

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
    els.suggestion.hidden = true;
    current = undefined;
    // How to write a query: said before a search and after one that found nothing, not above every result list.
    hint.hidden = !isEmptyQuery(query);
    const scope = scopeFor(state, query);
    renderScope(state, scope);
    if (isEmptyQuery(query)) {
      showFacetCounts(undefined);
      setStatus('输入关键词，在全部报告的全文中搜索。');
      return;
    }
    setStatus('正在搜索…');
    els.list.setAttribute('aria-busy', 'true');
    let api: PagefindApi;
    try {
      api = await loadPagefind(scope);
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
      showFacetCounts(wantCounts ? response.filters : undefined, scope);
      const yearOf = state.sort === 'relevance' ? undefined : await resultYears(api, pagefindQuery, filters, scope.years);
      if (mine !== generation) return;
      current = { state, scope, query, candidates: orderResults(response.results, state.sort, yearOf), next: 0, shown: 0 };
      await showMore(mine);
    } catch {
      if (mine !== generation) return;
      els.list.removeAttribute('aria-busy');
      setStatus('搜索出错，请刷新页面重试。', 'error');
    }
  }

  /**
   * Check candidates batch by batch until another page of verified results is shown. Asked for by the reader
   * ("显示更多"), the keyboard moves to the first new result, not back to the top of the page.
   */
  async function showMore(mine: number, focusNew = false): Promise<void> {
    const run = current;
    if (!run) return;
    const before = els.list.children.length;
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
    setStatus(
      statusSentence({
        query: run.state.q,
        filtered: Object.keys(run.state.filters).length > 0,
        shown: run.shown,
        checked: run.next,
        candidates: run.candidates.length,
        within: scopeWithin(run.scope, shards),
      }),
    );
    if (focusNew) els.list.children[before]?.querySelector('a')?.focus();
    if (run.shown === 0 && exhausted) {
      hint.hidden = false;
      void suggest(run.query, mine);
    }
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
    renderChips(state);
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
  els.more.addEventListener('click', () => void showMore(generation, true));
  els.scope.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-scope]');
    if (!link) return;
    event.preventDefault();
    els.scopeChoice.value = link.dataset['scope'] === 'all' ? SCOPE_ALL : '';
    const state = readForm();
    updateUrl(state, 'push');
    void search(state);
    els.scope.querySelector('a')?.focus(); // the link that took its place: the keyboard stays where it was
  });
  els.chips.addEventListener('click', (event) => {
    const chip = (event.target as Element).closest<HTMLButtonElement>('button[data-filter]');
    if (!chip) return;
    const index = [...els.chips.querySelectorAll('button')].indexOf(chip);
    (els.form.elements.namedItem(chip.dataset['filter']!) as HTMLSelectElement).value = '';
    const state = readForm();
    updateUrl(state, 'push');
    renderChips(state);
    // The keyboard stays on the chips: the one that took the removed one's place, or the last; the box when none is left.
    const chips = els.chips.querySelectorAll('button');
    (chips[Math.min(index, chips.length - 1)] ?? els.input).focus();
    void search(state);
  });
  window.addEventListener('popstate', () => {
    const state = stateFromParams(new URLSearchParams(location.search));
    writeForm(state);
    void search(state);
  });

  const initial = stateFromParams(new URLSearchParams(location.search));
  writeForm(initial);
  void search(initial);
}

/**
 * One result: the title, linking to the report at the match (the row of a table, or the sentence by a text
 * fragment); the agency, year and edition; where in the report the match stands; and the match, marked.
 */
function resultItem(fragment: PagefindFragment, text: string, query: ParsedQuery): HTMLLIElement {
  const li = document.createElement('li');
  const anchors = fragment.anchors.map((a) => (a.text ? { ...a, text: fromIndexText(a.text) } : a));
  const snippet = resultSnippet(text, anchors, query);
  const link = document.createElement('a');
  link.className = 'result-title';
  link.href = snippet.hash ? `${fragment.url}#${snippet.hash}` : fragment.url;
  link.textContent = fragment.meta['title'] ?? fragment.url;

  const meta = document.createElement('p');
  meta.className = 'result-meta';
  meta.textContent = [fragment.meta['agency'], fragment.meta['year'] && `${fragment.meta['year']}年度`, fragment.meta['edition']]
    .filter(Boolean)
    .join(' · ');

  const where = document.createElement('p');
  where.className = 'result-where';
  where.textContent = snippet.where.join(' › ');

  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  for (const part of snippet.parts) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      excerpt.append(mark);
    } else {
      excerpt.append(part.text);
    }
  }
  li.append(link, meta, ...(snippet.where.length ? [where] : []), excerpt);
  return li;
}
