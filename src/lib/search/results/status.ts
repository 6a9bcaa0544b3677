/**
 * The one sentence that says how many reports a search found.
 *
 * Pagefind's candidates are checked one by one against their text before they are shown (query.ts), so until
 * every candidate is checked the number is an estimate: the share of checked candidates that matched,
 * applied to all of them, said as "约 N 份". Once all are checked it is exact.
 */
export interface SearchProgress {
  query: string;
  /** Whether filters narrowed the search. */
  filtered: boolean;
  /** Results shown (checked and matching). */
  shown: number;
  /** Candidates checked so far. */
  checked: number;
  /** All candidates Pagefind gave. */
  candidates: number;
  /**
   * The years searched when they are not all the archive's ("最近的 2018–2025 年度", scope.ts): a search that
   * finds nothing there must not read as if the archive had nothing.
   */
  within?: string | undefined;
}

/** The estimate while checking: at least what is shown, at most every candidate. */
export function estimatedCount(p: SearchProgress): number {
  if (p.checked === 0) return p.candidates;
  return Math.min(p.candidates, Math.max(p.shown, Math.round((p.candidates * p.shown) / p.checked)));
}

export function statusSentence(p: SearchProgress): string {
  const exhausted = p.checked >= p.candidates;
  if (p.shown === 0 && exhausted) {
    // A quoted phrase keeps its own quotes.
    const said = /^["“「].*["”」]$/.test(p.query) ? p.query : `“${p.query}”`;
    if (p.within) return `在${p.within}中没有找到包含${said}的报告。可以搜索全部年度，${p.filtered ? '或去掉部分筛选条件' : '或减少关键词'}再试。`;
    return `没有找到包含${said}的报告。${p.filtered ? '可以去掉部分筛选条件再试。' : '可以减少关键词，或换一种说法再试。'}`;
  }
  if (exhausted) return `找到 ${p.shown} 份报告。`;
  return `找到约 ${estimatedCount(p)} 份报告，已显示 ${p.shown} 份。`;
}
