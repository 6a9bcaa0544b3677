import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../src/cli/bench/generate.ts';
import { spread, queryTable } from '../../src/cli/bench/query-set-measure.ts';
import { querySet } from '../../src/cli/bench/query-set.ts';

describe('the search bench query set', () => {
  it('has at least 20 queries of every kind, from the archive\'s own names, the same for the same archive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-query-set-'));
    try {
      await generateArchive(dir, 60, 1);
      const set = querySet(dir);
      expect(set.length).toBeGreaterThanOrEqual(20);
      expect(new Set(set.map((q) => q.kind))).toEqual(new Set(['机构', '地名', '常用词', '较少见的词', '短语', '单字', '两个词', '带筛选']));
      expect(set.filter((q) => q.filters).map((q) => Object.keys(q.filters!)[0])).toEqual(['年份', '省份', '层级', '版式']);
      expect(set[0]!.q).toMatch(/局|政府|委员会/);
      expect(querySet(dir)).toEqual(set);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('summarises bytes and times by median, 95th percentile and maximum', () => {
    expect(spread([5, 1, 3])).toEqual({ median: 3, p95: 5, max: 5 });
    expect(spread(Array.from({ length: 20 }, (_, i) => i + 1))).toEqual({ median: 10.5, p95: 19, max: 20 });
    const table = queryTable([
      { query: { kind: '常用词', q: '行政复议' }, bytes: 2048, parts: { runtime: 1024, meta: 512, filter: 0, index: 256, fragment: 256, other: 0 }, firstResultMs: 1500, status: '找到 3 份报告。', scope: '搜索范围：最近的 2023–2024 年度（全部 140 份报告中的 20 份）。 搜索全部 2011–2024 年度' },
      { query: { kind: '带筛选', q: '保密审查', filters: { 年份: '2021' } }, bytes: 1024, parts: { runtime: 1024, meta: 0, filter: 0, index: 0, fragment: 0, other: 0 }, firstResultMs: undefined, status: '没有找到', scope: '' },
    ]);
    expect(table).toContain('| 常用词 | 行政复议 | 2.0 | 0.5 / 0.3 / 0.0 / 0.3 | 1.50 | 找到 3 份报告。 | 最近的 2023–2024 年度（全部 140 份报告中的 20 份） |');
    // An archive of one index says nothing about its scope: it searches everything.
    expect(table).toContain('| 带筛选 | 保密审查（年份=2021） | 1.0 | 0.0 / 0.0 / 0.0 / 0.0 | 无结果 | 没有找到 | 全部 |');
    expect(table).toContain('2 个查询：传输量中位数 1.5 KB，p95 2.0 KB，最大 2.0 KB');
    expect(table).toContain('首个结果中位数 1.50 s');
  });
});
