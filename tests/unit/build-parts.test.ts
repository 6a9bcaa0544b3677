/**
 * A build in parts (src/build/parts.ts, src/build/merge-parts.ts): how an archive is split, which part builds
 * which pages, and a merge that takes exactly one build's parts and refuses anything else, saying what is wrong.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { markPart, mergeParts, partProblems, readPart } from '../../src/build/merge-parts.ts';
import {
  agencyPartition,
  buildsCrossPages,
  buildsAgencyPages,
  maxReportsPerPart,
  MAX_REPORTS_PER_PART,
  parsePart,
  partFolder,
  partName,
  partsOf,
  rendersRoute,
  reportPartitions,
} from '../../src/build/parts.ts';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

describe('parts of a build', () => {
  it('reads part names and refuses others, saying what is expected', () => {
    expect(parsePart('cross')).toEqual({ kind: 'cross' });
    expect(parsePart('whole')).toEqual({ kind: 'whole' });
    expect(parsePart('reports:2/4')).toEqual({ kind: 'reports', index: 2, count: 4 });
    for (const bad of ['reports:0/4', 'reports:5/4', 'reports:1/0', 'reports', 'Cross', '']) {
      expect(() => parsePart(bad)).toThrow(/应为 cross、whole，或 reports:k\/n/);
    }
    expect(partName(parsePart('reports:3/7'))).toBe('reports:3/7');
    expect(partFolder(parsePart('reports:3/7'))).toBe('reports-3-of-7');
  });

  it('splits only past the limit of reports a part, into enough partitions', () => {
    expect(reportPartitions(18)).toBe(1);
    expect(reportPartitions(MAX_REPORTS_PER_PART)).toBe(1);
    expect(reportPartitions(MAX_REPORTS_PER_PART + 1)).toBe(2);
    expect(reportPartitions(100_000)).toBe(Math.ceil(100_000 / MAX_REPORTS_PER_PART));
    expect(partsOf(1)).toEqual([{ kind: 'whole' }]);
    expect(partsOf(3).map(partName)).toEqual(['cross', 'reports:1/3', 'reports:2/3', 'reports:3/3']);
    expect(maxReportsPerPart({})).toBe(MAX_REPORTS_PER_PART);
    expect(maxReportsPerPart({ NIANBAO_MAX_REPORTS_PER_PART: '6' })).toBe(6);
    expect(() => maxReportsPerPart({ NIANBAO_MAX_REPORTS_PER_PART: '0' })).toThrow(/NIANBAO_MAX_REPORTS_PER_PART=0：应为正整数/);
  });

  it('puts each agency in exactly one partition, the same one every time, and spreads agencies over all', () => {
    const agencies = Array.from({ length: 2000 }, (_, i) => `${370000 + i}-jiaoyuju`);
    const count = 4;
    const sizes = [0, 0, 0, 0];
    for (const id of agencies) {
      const k = agencyPartition(id, count);
      expect(k).toBe(agencyPartition(id, count));
      const owners = [1, 2, 3, 4].filter((i) => buildsAgencyPages({ kind: 'reports', index: i, count }, id));
      expect(owners).toEqual([k]);
      sizes[k - 1]!++;
    }
    // Spread: no partition holds less than a fifth or more than a third of 2,000 agencies.
    for (const size of sizes) expect(size).toBeGreaterThan(400);
    for (const size of sizes) expect(size).toBeLessThan(667);
  });

  it('gives the cross part every page but the agencies\' own, and the whole build everything', () => {
    expect(buildsCrossPages({ kind: 'whole' })).toBe(true);
    expect(buildsCrossPages({ kind: 'cross' })).toBe(true);
    expect(buildsCrossPages({ kind: 'reports', index: 1, count: 2 })).toBe(false);
    expect(buildsAgencyPages({ kind: 'cross' }, 'a')).toBe(false);
    expect(buildsAgencyPages({ kind: 'whole' }, 'a')).toBe(true);
    // A report part renders only the agency routes; the other pages it would render are left empty.
    const reports = { kind: 'reports', index: 1, count: 2 } as const;
    for (const route of ['/reports/[agency]/[year]', '/agencies/[id]', '/data/agencies/[id].json', '/data/tables/agencies/[id].csv', '/data/tables/reports/[agency]/[year].csv', '/charts/agencies/[id]/[core].svg', '/embed/agencies/[id]/[core]']) expect(rendersRoute(reports, route)).toBe(true);
    for (const route of ['/', '/agencies', '/compare', '/metrics/[id]', '/data/reports.csv']) expect(rendersRoute(reports, route)).toBe(false);
    expect(rendersRoute({ kind: 'cross' }, '/compare')).toBe(true);
  });
});

/** A part's output: the files given, and its mark. */
function partOutput(root: string, name: string, files: Record<string, string>): string {
  const dir = join(root, name.replace(/[:/]/g, '-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  markPart(dir, name === 'search' ? { kind: 'search' } : parsePart(name));
  return dir;
}

describe('merging the parts', () => {
  it('names what a set of parts lacks or repeats', () => {
    expect(partProblems([{ kind: 'cross' }, { kind: 'search' }, { kind: 'reports', index: 1, count: 2 }, { kind: 'reports', index: 2, count: 2 }])).toEqual([]);
    expect(partProblems([{ kind: 'reports', index: 1, count: 3 }, { kind: 'reports', index: 1, count: 3 }, { kind: 'reports', index: 2, count: 2 }])).toEqual([
      '部分 reports:1/3 出现了 2 次',
      '缺少 cross 部分（报告页以外的全部页面）',
      '缺少 search 部分（搜索索引）',
      '报告部分的分区数不一致：3、2',
    ]);
    expect(partProblems([{ kind: 'cross' }, { kind: 'search' }, { kind: 'reports', index: 2, count: 3 }])).toEqual(['缺少 reports:1/3 部分', '缺少 reports:3/3 部分']);
  });

  it('takes the cross part as the site, and adds each report part\'s report pages, missing assets and the index', () => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-merge-'));
    dirs.push(root);
    const folders = [
      partOutput(root, 'cross', { 'index.html': 'home', '_astro/a.css': 'a', 'agencies/index.html': 'all agencies', 'data/agencies.json': '[]' }),
      partOutput(root, 'reports:1/2', {
        'index.html': '',
        '_astro/a.css': 'a',
        'agencies/index.html': '',
        'agencies/x/index.html': 'agency x',
        'data/agencies/x.json': '{"id":"x"}',
        'reports/x/2014/index.html': 'x 2014',
        'reports/x/2015/index.html': 'x 2015',
      }),
      partOutput(root, 'reports:2/2', { 'index.html': '', '_astro/b.js': 'b', 'reports/y/2014/index.html': 'y 2014' }),
      partOutput(root, 'search', { 'pagefind/pagefind.js': 'index' }),
    ];
    expect(readPart(folders[1]!)).toEqual({ kind: 'reports', index: 1, count: 2 });
    const out = join(root, 'site');
    expect(mergeParts(folders, out)).toEqual({ reportPages: 3 });
    const read = (file: string) => readFileSync(join(out, file), 'utf8');
    expect(read('index.html')).toBe('home');
    expect(read('agencies/index.html')).toBe('all agencies');
    expect(read('agencies/x/index.html')).toBe('agency x');
    expect(read('data/agencies/x.json')).toBe('{"id":"x"}');
    expect(read('data/agencies.json')).toBe('[]');
    expect(read('reports/x/2015/index.html')).toBe('x 2015');
    expect(read('reports/y/2014/index.html')).toBe('y 2014');
    expect(read('_astro/b.js')).toBe('b');
    expect(read('pagefind/pagefind.js')).toBe('index');
    expect(existsSync(join(out, '.nianbao-part.json'))).toBe(false);
  });

  it('refuses folders that are not one build\'s parts, and two parts holding the same agency', () => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-merge-'));
    dirs.push(root);
    const stray = join(root, 'stray');
    mkdirSync(stray);
    const cross = partOutput(root, 'cross', { 'index.html': 'home' });
    const search = partOutput(root, 'search', { 'pagefind/pagefind.js': 'index' });
    expect(() => mergeParts([stray, cross, search], join(root, 'site'))).toThrow(/stray 不是构建部分的输出[\s\S]*缺少 reports:k\/n 部分/);
    const one = partOutput(root, 'reports:1/2', { 'reports/x/2014/index.html': 'x' });
    const two = partOutput(root, 'reports:2/2', { 'reports/x/2015/index.html': 'x again' });
    expect(() => mergeParts([cross, search, one, two], join(root, 'site'))).toThrow(/reports\/x 既在 reports:2\/2 中，也在另一部分中/);
  });
});
