/**
 * Incremental builds: after one report is edited, a build that restores the
 * unchanged pages from the previous build must give exactly the site a full
 * build of the edited content gives, byte for byte, and must have restored the
 * pages the edit did not touch.
 */
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDir, buildSite, filesUnder, type BuildResult } from '../helpers/build.ts';
import { ROOT } from '../helpers/content.ts';

const EDITED = 'reports/370303-jiaoyuju/2014.md';
/** An agency whose report pages show its aliases: editing them must re-render its reports too. */
const EDITED_AGENCY = 'agencies/140700-jiaoyuju.yaml';
/** A report removed between the builds. */
const DELETED = 'reports/110109-jiaowei/2014.md';
let work: string;
let rebuild: BuildResult;
/** The search index files of the first build. */
let firstIndex: Map<string, Buffer>;
/** A third build, after a change of one value only: no search document changed. */
let valueRebuild: BuildResult;
/** The search index files of the rebuild, before the value-only build replaced them. */
let indexBefore: Map<string, Buffer>;
/** The value-only build's search index and a page showing the value, before the deletion build replaced them. */
let valueIndexAfter: Map<string, Buffer>;
let valueMetricPage: string;
/** A fourth build, after a report was deleted. */
let deleteRebuild: BuildResult;

beforeAll(() => {
  work = buildDir('incremental-');
  const content = join(work, 'content');
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  // At most 4 reports a search index, so that the 18 reports are split in groups of years as a large archive is.
  const env = (out: string, cache: string) => ({
    NIANBAO_CONTENT: content,
    NIANBAO_OUT: join(work, out),
    NIANBAO_CACHE: join(work, cache),
    NIANBAO_SEARCH_MAX_REPORTS: '4',
  });
  const first = buildSite(env('incremental', 'cache'));
  if (first.status !== 0) throw new Error(`first build failed:\n${first.stdout}\n${first.stderr}`);
  firstIndex = new Map(filesUnder(join(work, 'incremental', 'pagefind')).map((f) => [f, readFileSync(join(work, 'incremental', 'pagefind', f))]));
  appendFileSync(join(content, EDITED), '\n本段为增量构建测试追加的一句。\n');
  // A value too: the metric pages that show it must be rendered again.
  const report = join(content, EDITED);
  writeFileSync(report, readFileSync(report, 'utf8').replace('  proactive_total:\n    value: 600\n', '  proactive_total:\n    value: 700\n'));
  const agency = join(content, EDITED_AGENCY);
  writeFileSync(agency, readFileSync(agency, 'utf8').replace(/^aliases:.*$/m, 'aliases:\n  - 晋中教育局（增量构建测试）'));
  rebuild = buildSite(env('incremental', 'cache'));
  if (rebuild.status !== 0) throw new Error(`rebuild failed:\n${rebuild.stdout}\n${rebuild.stderr}`);
  const full = buildSite(env('full', 'full-cache'));
  if (full.status !== 0) throw new Error(`full build failed:\n${full.stdout}\n${full.stderr}`);

  // The value-only build continues from a copy of the rebuild (its output and caches), so the comparison
  // above still sees the rebuild as it was.
  cpSync(join(work, 'incremental'), join(work, 'value'), { recursive: true });
  cpSync(join(work, 'cache'), join(work, 'value-cache'), { recursive: true });
  const index = join(work, 'value', 'pagefind');
  indexBefore = new Map(filesUnder(index).map((f) => [f, readFileSync(join(index, f))]));
  writeFileSync(report, readFileSync(report, 'utf8').replace('  proactive_total:\n    value: 700\n', '  proactive_total:\n    value: 701\n'));
  valueRebuild = buildSite(env('value', 'value-cache'));
  if (valueRebuild.status !== 0) throw new Error(`value rebuild failed:\n${valueRebuild.stdout}\n${valueRebuild.stderr}`);

  valueIndexAfter = new Map(filesUnder(index).map((f) => [f, readFileSync(join(index, f))]));
  valueMetricPage = readFileSync(join(work, 'value', 'metrics/proactive_total/index.html'), 'utf8');
  rmSync(join(content, DELETED));
  deleteRebuild = buildSite(env('value', 'value-cache'));
  if (deleteRebuild.status !== 0) throw new Error(`rebuild after a deletion failed:\n${deleteRebuild.stdout}\n${deleteRebuild.stderr}`);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('incremental build', () => {
  it('restores the report pages the edit did not touch, and renders the edited one', () => {
    // Report pages only (not /data/tables/reports/…, whose tables do not show the agency's names).
    const restored = rebuild.stdout.split('\n').filter((l) => /─ \/reports\/.*\(restored\)/.test(l));
    expect(restored.length).toBeGreaterThan(0);
    expect(restored.some((l) => l.includes('/reports/370303-jiaoyuju/2014/'))).toBe(false);
    expect(restored.some((l) => l.includes('/reports/140700-jiaoyuju/'))).toBe(false);
    const restoredAll = rebuild.stdout.split('\n').filter((l) => l.includes('(restored)'));
    // Agency and metric pages the edits did not reach are restored as well; the ones they did are not.
    expect(restoredAll.some((l) => l.includes('/agencies/350128-guanweihui/'))).toBe(true);
    expect(restoredAll.some((l) => l.includes('/agencies/370303-jiaoyuju/') || l.includes('/agencies/140700-jiaoyuju/'))).toBe(false);
    expect(restoredAll.some((l) => l.includes('/metrics/staff_total/'))).toBe(true);
    expect(restoredAll.some((l) => l.includes('/metrics/proactive_total/') || l.includes('/metrics/core_proactive/'))).toBe(false);
    // The year pages themselves (not a region's page of one year, /regions/<code>/years/<year>/).
    expect(restoredAll.some((l) => l.includes(' /years/2021/'))).toBe(true);
    expect(restoredAll.some((l) => l.includes(' /years/2014/'))).toBe(false);
    expect(restoredAll.some((l) => l.includes('/regions/3501/'))).toBe(true);
    expect(restoredAll.some((l) => l.includes('/regions/3703/'))).toBe(false);
    expect(rebuild.stdout).toMatch(/\/reports\/370303-jiaoyuju\/2014\/index\.html \(\+\d+ms\)/);
  });

  it('gives the same site, byte for byte, as a full build of the edited content', () => {
    const a = join(work, 'incremental');
    const b = join(work, 'full');
    // Pagefind (1.5.2, 1.6.0) writes its filter chunks (and the metadata and entry file naming them) in an order
    // that differs between any two builds, full ones included; they are compared by count and by the pages
    // indexed, everything else byte for byte.
    const unordered = (f: string) => /^pagefind\/(\d{4}-\d{4}\/)?(filter\/|pagefind\.[^/]*\.pf_meta$|pagefind-entry\.json$)/.test(f);
    const entries = (dir: string) => filesUnder(dir).filter((f) => f.endsWith('pagefind-entry.json'));
    const pagesIndexed = (dir: string) =>
      entries(dir).map((f) => [f, (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { languages: Record<string, { page_count: number }> }).languages]);
    expect(entries(a).length).toBeGreaterThan(1);
    expect(pagesIndexed(a)).toEqual(pagesIndexed(b));
    expect(filesUnder(a).filter((f) => !unordered(f))).toEqual(filesUnder(b).filter((f) => !unordered(f)));
    expect(filesUnder(a).filter(unordered).length).toBe(filesUnder(b).filter(unordered).length);
    const differing = filesUnder(a).filter((f) => !unordered(f) && !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
    expect(differing).toEqual([]);
    expect(readFileSync(join(a, 'reports/370303-jiaoyuju/2014/index.html'), 'utf8')).toContain('本段为增量构建测试追加的一句。');
    expect(readFileSync(join(a, 'reports/140700-jiaoyuju/2014/index.html'), 'utf8')).toContain('晋中教育局（增量构建测试）');
    expect(readFileSync(join(a, 'metrics/proactive_total/index.html'), 'utf8')).toContain('data-value="700"');
  });

  it('drops a deleted report\'s page, data and search entry from the output of the build before', () => {
    const out = join(work, 'value');
    expect(filesUnder(out)).not.toContain('reports/110109-jiaowei/2014/index.html');
    expect(readFileSync(join(out, 'data/reports.csv'), 'utf8')).not.toContain('110109-jiaowei/2014');
    expect(deleteRebuild.stdout).toContain('Pagefind: 17 report pages (und) of 17 reports, in 5 indexes; indexed 1 (2014), kept 4 unchanged.');
  });

  it('re-indexes only the groups of years whose search documents changed, and keeps the others byte for byte', () => {
    // The edited text and the edited agency's aliases are both in reports of 2014, which is a group of its own.
    expect(rebuild.stdout).toContain('Pagefind: 18 report pages (und) of 18 reports, in 5 indexes; indexed 1 (2014), kept 4 unchanged.');
    const after = new Map(filesUnder(join(work, 'incremental', 'pagefind')).map((f) => [f, readFileSync(join(work, 'incremental', 'pagefind', f))]));
    const otherYears = [...firstIndex.keys()].filter((f) => /^\d{4}-\d{4}\//.test(f) && !f.startsWith('2014-2014/'));
    expect(otherYears.length).toBeGreaterThan(0);
    expect(otherYears.filter((f) => !after.get(f)?.equals(firstIndex.get(f)!))).toEqual([]);
    expect([...after.keys()].filter((f) => f.startsWith('2014-2014/') && !firstIndex.get(f)?.equals(after.get(f)!)).length).toBeGreaterThan(0);
  });

  it('keeps the last search index when only a value changed: no search document did', () => {
    expect(valueRebuild.stdout).toContain('Pagefind: 18 report pages (und) of 18 reports, in 5 indexes; no search document changed, all kept.');
    expect([...valueIndexAfter.keys()]).toEqual([...indexBefore.keys()]);
    expect([...valueIndexAfter].filter(([f, bytes]) => !bytes.equals(indexBefore.get(f)!)).map(([f]) => f)).toEqual([]);
    // The value itself is on the pages that show it.
    expect(valueMetricPage).toContain('data-value="701"');
  });
});
