/**
 * A build in parts (src/build/parts.ts): the archive's pages built by several Astro processes, a cross part and
 * report partitions, and merged. Whether run by `npm run build` one after another, or part by part as the GitHub
 * Actions jobs do (`--part`, then `--merge`), the site is byte for byte the one a single process builds.
 */
import { appendFileSync, cpSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDir, buildSite, filesUnder, type BuildResult } from '../helpers/build.ts';
import { ROOT } from '../helpers/content.ts';

/** 18 reports at most 6 a part: 3 report partitions. */
const SPLIT = { NIANBAO_MAX_REPORTS_PER_PART: '6' };

/** The parts `npm run build -- --plan` lists (its last line), as the workflow's matrix takes them. */
function plan(env: Record<string, string>): string[] {
  const result = ok(buildSite({ NIANBAO_CONTENT: content, NIANBAO_OUT: join(work, 'plan'), ...env }, ['--plan']), 'plan');
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as string[];
}

/** Build each part as its own job would (a cache of its own), then merge the outputs into `site`. */
function buildAsJobs(parts: readonly string[], env: Record<string, string>, site: string) {
  const artifacts = join(work, `${site}-artifacts`);
  for (const part of parts) {
    ok(buildSite({ NIANBAO_CONTENT: content, NIANBAO_OUT: join(artifacts, part.replace(/[:/]/g, '-')), ...env }, ['--part', part]), `part ${part}`);
  }
  ok(buildSite({ NIANBAO_CONTENT: content, NIANBAO_OUT: join(work, site) }, ['--merge', artifacts]), 'merge');
}

let splitPlan: string[];
let defaultPlan: string[];

let work: string;
let content: string;
let sequential: BuildResult;
let rebuilt: BuildResult;

/** Every file of `actual` equals the file of `expected` at the same path, and neither has a file the other lacks. */
function expectSameSite(actual: string, expected: string) {
  expect(filesUnder(actual)).toEqual(filesUnder(expected));
  const differing = filesUnder(expected).filter((f) => !readFileSync(join(actual, f)).equals(readFileSync(join(expected, f))));
  expect(differing).toEqual([]);
}

const ok = (result: BuildResult, what: string) => {
  if (result.status !== 0) throw new Error(`${what} failed:\n${result.stdout}\n${result.stderr}`);
  return result;
};

beforeAll(() => {
  work = buildDir('parts-');
  content = join(work, 'content');
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  ok(buildSite({ NIANBAO_CONTENT: content, NIANBAO_OUT: join(work, 'whole') }), 'whole build');
  sequential = ok(buildSite({ NIANBAO_CONTENT: content, NIANBAO_OUT: join(work, 'sequential'), NIANBAO_CACHE: join(work, 'cache'), ...SPLIT }), 'build in parts');
  // As on GitHub Actions: the plan lists the parts, each part is a job with a cache of its own, the outputs are
  // downloaded into one folder and merged.
  splitPlan = plan(SPLIT);
  defaultPlan = plan({});
  buildAsJobs(splitPlan, SPLIT, 'merged');
  buildAsJobs(defaultPlan, {}, 'merged-default');
}, 600_000);

describe('a build in parts', () => {
  it('builds the pages in a cross part and three report partitions, each holding report pages', () => {
    expect(sequential.stdout).toContain('页面分 4 个 Astro 进程构建（cross，reports:1/3，reports:2/3，reports:3/3），与搜索索引同时；同时运行的进程不超过 CPU 核数');
    expect(sequential.stdout).toContain('合并完成：5 个部分，18 个报告页');
    expect(sequential.stdout).toContain('完整：18 份报告 = 18 个报告页 = 18 行 CSV。');
  });

  it('gives, run one after another by npm run build, the site one process builds, byte for byte', () => {
    expectSameSite(join(work, 'sequential'), join(work, 'whole'));
  });

  it('lists its parts for the workflow: one report partition up to the limit, more past it', () => {
    expect(splitPlan).toEqual(['cross', 'reports:1/3', 'reports:2/3', 'reports:3/3', 'search']);
    expect(defaultPlan).toEqual(['cross', 'reports:1/1', 'search']);
  });

  it('gives, run part by part and merged, the same site, however many partitions', () => {
    expectSameSite(join(work, 'merged'), join(work, 'whole'));
    expectSameSite(join(work, 'merged-default'), join(work, 'whole'));
  });

  it('restores unchanged pages in every part on a rebuild, and the rebuild equals a full build of the edited content', () => {
    appendFileSync(join(content, 'reports/370303-jiaoyuju/2014.md'), '\n本段为分部分构建测试追加的一句。\n');
    rebuilt = ok(buildSite({ NIANBAO_CONTENT: content, NIANBAO_OUT: join(work, 'sequential'), NIANBAO_CACHE: join(work, 'cache'), ...SPLIT }), 'rebuild in parts');
    ok(buildSite({ NIANBAO_CONTENT: content, NIANBAO_OUT: join(work, 'whole-edited') }), 'whole build of the edit');
    expectSameSite(join(work, 'sequential'), join(work, 'whole-edited'));
    // 18 report pages, one edited: the other 17 restored by their parts.
    expect(rebuilt.stdout.match(/\/reports\/[^ ]+\/index\.html \(restored\)/g)).toHaveLength(17);
    expect(readFileSync(join(work, 'sequential', 'reports/370303-jiaoyuju/2014/index.html'), 'utf8')).toContain('本段为分部分构建测试追加的一句。');
  });

  it('refuses to merge parts of which one is missing, naming it', () => {
    renameSync(join(work, 'merged-artifacts', 'reports-2-3'), join(work, 'reports-2-3-elsewhere'));
    const merge = buildSite({ NIANBAO_CONTENT: content, NIANBAO_OUT: join(work, 'merged-again') }, ['--merge', join(work, 'merged-artifacts')]);
    expect(merge.status).not.toBe(0);
    expect(merge.stderr).toContain('缺少 reports:2/3 部分');
  });
});
