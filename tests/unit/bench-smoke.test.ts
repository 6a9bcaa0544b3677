/**
 * Smoke test of the benchmark script at a small size: it generates a valid
 * archive, builds it, measures and runs the baselines. No timing is asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../src/cli/bench/generate.ts';
import { childEnv } from '../../src/cli/child-env.ts';
import { readContentFiles } from '../../src/build/content-files.ts';
import { validateContent } from '../../src/lib/validate/validate-content.ts';
import { ROOT } from '../helpers/content.ts';

/** Processes whose working directory or environment points into `dir` (Linux /proc). */
function processesUsing(dir: string): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`).startsWith(dir) || readFileSync(`/proc/${pid}/environ`, 'utf8').includes(dir);
      } catch {
        return false; // gone, or not ours to read
      }
    })
    .map(Number);
}

describe('benchmark', () => {
  it('generates a valid, deterministic synthetic archive with every edition', async () => {
    const a = mkdtempSync(join(tmpdir(), 'nianbao-gen-'));
    const b = mkdtempSync(join(tmpdir(), 'nianbao-gen-'));
    try {
      const generated = await generateArchive(join(a, 'content'), 60, 7);
      expect(generated).toEqual({ agencies: 4, reports: 60 });
      await generateArchive(join(b, 'content'), 60, 7);
      const files = await readContentFiles(a);
      expect((await readContentFiles(b)).map((f) => f.text)).toEqual(files.map((f) => f.text));
      expect(validateContent(files)).toEqual([]);
      const editions = new Set(files.map((f) => /\nedition: '?(\w+)'?/.exec(f.text)?.[1]).filter(Boolean));
      expect(editions).toEqual(new Set(['pre2019', '2019', '2021']));
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });

  it('stays valid at a size where some reports have no metrics at all', async () => {
    // Regression: a report without extracted numbers was written as `metrics:` (null) and
    // stopped the 10k build; it must be `metrics: {}`.
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-gen-'));
    try {
      await generateArchive(join(dir, 'content'), 2000, 1);
      const files = await readContentFiles(dir);
      expect(files.some((f) => f.text.includes('\nmetrics: {}\n'))).toBe(true);
      expect(validateContent(files)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const bench = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'src/cli/bench/run.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: childEnv(),
    });

  it('runs end to end at a small size and prints every measurement', () => {
    const result = bench('--reports', '40');
    expect(result.status, result.stderr).toBe(0);
    for (const row of ['完整构建', '内容准备', '页面与搜索索引（同时）', '其中页面（astro build）/ 搜索索引', '各进程峰值内存', '页面数', '搜索索引分组', 'dist 大小', '搜索索引大小', '一次搜索的传输量', '报告页平均大小', '修改一份报告的正文后重新构建', '修改一份报告的一个数值后重新构建（正文不变）', '最小 Astro 站点', 'Hugo 最小模板']) {
      expect(result.stdout, row).toContain(row);
    }
    expect(result.stdout).toContain('| 搜索索引分组 | 1 个索引（每个至多 6000 份报告，按连续年份分组） |');
    // The rebuild restores the pages whose cache key did not change: some, never all (one report was edited).
    const restored = /重建时从上次构建恢复的页面（未重新渲染） \| (\d+) \/ (\d+) \|/.exec(result.stdout);
    expect(restored, result.stdout).not.toBeNull();
    expect(Number(restored![1])).toBeGreaterThan(0);
    expect(Number(restored![1])).toBeLessThan(Number(restored![2]));
    // A corrected value changes no search document: the rebuild keeps the last index.
    expect(result.stdout).toMatch(/修改一份报告的一个数值后重新构建（正文不变） \| .*搜索索引沿用上次 \|/);
    // Each process of the build has its own peak: Astro's and the search index's are measured apart.
    const peaks = /各进程峰值内存 \| (.*) \|/.exec(result.stdout)?.[1] ?? '';
    expect(peaks).toMatch(/Astro \d+ MB/);
    expect(peaks).toMatch(/搜索索引 \d+ MB/);
  });

  it('stops a build that reaches its time limit and reports where it was, measuring nothing it did not build', () => {
    // A limit of 0 s is reached at the first sample, taken as each build starts: every run is
    // stopped however fast the machine is, none is left behind, and the table says so.
    const result = bench('--reports', '40', '--max-seconds', '0');
    expect(result.status, result.stderr).toBe(0);
    const row = (name: string) => result.stdout.split('\n').find((l) => l.startsWith(`| ${name} |`)) ?? '';
    expect(row('完整构建')).toMatch(/^\| 完整构建 \| \*\*未完成\*\*：\d+\.\d s 时达到时间上限 0 s而停止，当时处于“内容准备”阶段；停止前峰值内存 \d+ MB \|$/);
    expect(row('页面数')).toContain('未测（完整构建未完成）');
    expect(row('修改一份报告的正文后重新构建')).toContain('未测（完整构建未完成）');
    expect(row('最小 Astro 站点（每份报告一页）')).toContain('**未完成**');
    expect(row('最小 Astro 站点（每份报告一页）')).toContain('完整/最小 = 无法计算');
    expect(row('上限（超过即停止）')).toBe('| 上限（超过即停止） | 0 s |');
    const work = /→ (\S+)/.exec(result.stdout)?.[1];
    expect(work).toBeTruthy();
    expect(processesUsing(work!), 'no build process outlives a stop').toEqual([]);
  });

  it('refuses a limit that is not a number', () => {
    const result = bench('--reports', '40', '--max-seconds', 'soon');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('--max-seconds 应为不小于 0 的数，收到 “soon”');
  });

  it('compares the search tokenisations, and the site\'s pairs find exactly the pages single characters find', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'src/cli/bench/search-schemes.ts'), '--reports', '40', '--schemes', 'pairs,chars', '--queries', '行政复议,图书馆', '--layouts', 'one,years'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    const rows: Record<string, (string | undefined)[]> = Object.fromEntries(
      result.stdout.split('\n').filter((l) => /^\| (pairs|chars)(，years（\d+ 个索引）)? \|/.test(l)).map((l) => {
        const cells = l.split('|').map((c) => c.trim());
        return [cells[1], cells.slice(3, 5).map((c) => /（(\d+) 页）/.exec(c)?.[1])];
      }),
    );
    const sharded = Object.keys(rows).find((k) => k.startsWith('pairs，'));
    expect(Object.keys(rows).filter((k) => !k.includes('，'))).toEqual(['pairs', 'chars']);
    // The reports span several years, so the search runs over merged indexes.
    expect(sharded).toMatch(/^pairs，years（([2-9]|\d{2,}) 个索引）$/);
    expect(rows['pairs']!.every((n) => n !== undefined && Number(n) > 0)).toBe(true);
    expect(rows['pairs']).toEqual(rows['chars']);
    // The yearly indexes merged in the browser find the pages one index finds.
    expect(rows[sharded!]).toEqual(rows['pairs']);
  });
});
