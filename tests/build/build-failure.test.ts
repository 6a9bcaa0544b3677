/**
 * A build whose pages or index fail stops with the reason, and does not wait for
 * the other step, nor leave a half-made site's search index behind.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDir, buildSite } from '../helpers/build.ts';

const out = buildDir('failure-');

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('a failing build', () => {
  it('names the bad setting, says which step failed and stops the other, and leaves no staged index', () => {
    const result = buildSite({ NIANBAO_OUT: join(out, 'dist'), NIANBAO_SEARCH_MAX_REPORTS: 'many' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('NIANBAO_SEARCH_MAX_REPORTS 应为正整数，收到 “many”');
    const failure = result.stderr.split('\n').find((l) => l.startsWith('构建失败：'));
    expect(failure, result.stderr).toBeDefined();
    // Both steps read the setting; whichever fails first stops the other, or both fail on their own.
    expect(failure).toMatch(/^构建失败：(astro build (退出码 \d+|因搜索索引失败而停止))?(；)?(搜索索引(退出码 \d+|因 astro build 失败而停止))?$/);
    expect(failure).not.toBe('构建失败：');
    expect(existsSync(join(out, 'dist.pagefind-next'))).toBe(false);
    expect(result.stdout).not.toContain('构建用时：');
  });
});
