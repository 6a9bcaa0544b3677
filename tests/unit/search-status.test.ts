import { describe, expect, it } from 'vitest';
import { estimatedCount, statusSentence } from '../../src/lib/search/results/status.ts';

describe('the count of a search, in one sentence', () => {
  it('says 约 N while candidates are being checked, and the exact number once all are', () => {
    // 17 candidates, 12 checked, 10 of them matched: about 14.
    expect(statusSentence({ query: '行政复议', filtered: false, shown: 10, checked: 12, candidates: 17 })).toBe('找到约 14 份报告，已显示 10 份。');
    expect(statusSentence({ query: '行政复议', filtered: false, shown: 13, checked: 17, candidates: 17 })).toBe('找到 13 份报告。');
  });

  it('never estimates fewer than shown nor more than the candidates', () => {
    expect(estimatedCount({ query: 'x', filtered: false, shown: 10, checked: 10, candidates: 400 })).toBe(400);
    expect(estimatedCount({ query: 'x', filtered: false, shown: 1, checked: 30, candidates: 31 })).toBe(1);
  });

  it('says what to try when nothing is found, filters first when there are any', () => {
    expect(statusSentence({ query: '行政复义', filtered: false, shown: 0, checked: 3, candidates: 3 })).toBe('没有找到包含“行政复义”的报告。可以减少关键词，或换一种说法再试。');
    expect(statusSentence({ query: '行政复议', filtered: true, shown: 0, checked: 0, candidates: 0 })).toBe('没有找到包含“行政复议”的报告。可以去掉部分筛选条件再试。');
    // A quoted phrase is said with its own quotes, not two pairs.
    expect(statusSentence({ query: '“政务微信公众号”', filtered: false, shown: 0, checked: 0, candidates: 0 })).toMatch(/^没有找到包含“政务微信公众号”的报告。/);
  });

  it('says which years found nothing when only some were searched, and that all of them can be', () => {
    expect(statusSentence({ query: '河长县', filtered: false, shown: 0, checked: 2, candidates: 2, within: '最近的 2018–2025 年度' })).toBe(
      '在最近的 2018–2025 年度中没有找到包含“河长县”的报告。可以搜索全部年度，或减少关键词再试。',
    );
    expect(statusSentence({ query: '河长县', filtered: true, shown: 0, checked: 0, candidates: 0, within: '2014 年度' })).toBe(
      '在2014 年度中没有找到包含“河长县”的报告。可以搜索全部年度，或去掉部分筛选条件再试。',
    );
    // Results found read the same whatever the scope: the scope line above them says which years.
    expect(statusSentence({ query: '河长县', filtered: false, shown: 2, checked: 2, candidates: 2, within: '最近的 2018–2025 年度' })).toBe('找到 2 份报告。');
  });
});
