/** Reading the search page of a built site in the browser. */
import type { Page } from 'playwright-core';

export interface Shown {
  status: string;
  ids: string[];
  hrefs: string[];
}

export async function waitForSearch(p: Page): Promise<void> {
  await p.waitForFunction(() => {
    const status = document.querySelector('#search-status')?.textContent ?? '';
    return status !== '' && !status.includes('正在搜索') && !document.querySelector('#search-results[aria-busy]');
  });
}

/** Every result of the search: presses “显示更多” until all candidates are checked. */
export async function shown(p: Page): Promise<Shown> {
  while (await p.isVisible('#search-more')) {
    await p.click('#search-more');
    await waitForSearch(p);
  }
  const hrefs = await p.$$eval('#search-results a.result-title', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  return {
    status: (await p.textContent('#search-status')) ?? '',
    hrefs,
    ids: hrefs.map((h) => /\/reports\/([^/]+\/\d{4})\//.exec(h)?.[1] ?? h),
  };
}

