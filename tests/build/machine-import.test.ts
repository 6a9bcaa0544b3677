/**
 * A machine import on the site and in the publishing workflow: an archive holding
 * one report straight from the importer (review.status: machine) builds, and its
 * report and agency pages say plainly that nobody has checked it yet, with 未摘录
 * (not read) where the report page would otherwise say 未报告; `npm run check`
 * lists what is pending; in strict mode, check and build both stop on it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDir, buildSite } from '../helpers/build.ts';
import { ROOT } from '../helpers/content.ts';

const SOURCE = join(ROOT, 'tests/fixtures/sources/corpus/80629_平潭综合实验区2022年度政府信息公开工作年度报告/page.html');
let project: string;
let out: string;
let build: ReturnType<typeof buildSite>;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'nianbao-machine-'));
  mkdirSync(join(project, 'content'));
  cpSync(join(ROOT, 'content/agencies'), join(project, 'content/agencies'), { recursive: true });
  const imported = spawnSync(process.execPath, [join(ROOT, 'src/cli/import.ts'), SOURCE, '--out', join(project, 'content')], { encoding: 'utf8' });
  if (imported.status !== 0) throw new Error(imported.stdout + imported.stderr);
  out = buildDir('machine-');
  build = buildSite({ NIANBAO_CONTENT: join(project, 'content'), NIANBAO_OUT: out, NIANBAO_ORIGINALS_URL: 'https://files.example/originals/' });
});

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const page = (path: string) => parse(readFileSync(join(out, path), 'utf8'));

describe('a machine import', () => {
  it('is written as one, with what the importer withheld and warned about kept in the file', () => {
    const text = readFileSync(join(project, 'content/reports/350128-guanweihui/2022.md'), 'utf8');
    expect(text).toContain('review:\n  status: machine\n');
    expect(text).toMatch(/imported:\n {2}digest: [0-9a-f]{64}\n {2}at: '\d{4}-\d{2}-\d{2}'\n/);
  });

  it('records the original file’s SHA-256 and size, and links it where the deployment keeps originals', () => {
    const original = readFileSync(SOURCE);
    const sha256 = createHash('sha256').update(original).digest('hex');
    const text = readFileSync(join(project, 'content/reports/350128-guanweihui/2022.md'), 'utf8');
    expect(text).toContain(`  sha256: ${sha256}\n  bytes: ${original.byteLength}\n`);
    const link = page('reports/350128-guanweihui/2022/index.html').querySelector('.report-meta a[download]');
    expect(link?.getAttribute('href')).toBe(`https://files.example/originals/${sha256}/page.html`);
    expect(page('reports/350128-guanweihui/2022/index.html').querySelector('.report-meta .sha code')?.getAttribute('title')).toBe(sha256);
  });

  it('builds, and its report page says it is unchecked and calls what it did not read 未摘录', () => {
    expect(build.status, build.stdout + build.stderr).toBe(0);
    expect(build.stderr + build.stdout).toContain('待人工处理：1 个文件');
    const report = page('reports/350128-guanweihui/2022/index.html');
    expect(report.querySelector('.machine-import')?.text).toContain('机器导入，尚未人工核对');
    const meta = report.querySelectorAll('.report-meta dt').map((dt) => [dt.text, dt.nextElementSibling?.text]);
    expect(meta).toContainEqual(['核对', '机器导入，尚未人工核对']);
    expect(report.querySelector('.metrics')?.text).not.toContain('报告未载明的法定项目');
    expect(report.querySelectorAll('.metrics .not-reported')).toHaveLength(0);
  });

  it('is marked on its agency page, in the list of reports and above it', () => {
    const agency = page('agencies/350128-guanweihui/index.html');
    expect(agency.querySelector('.machine-import')?.text).toContain('1 份报告为机器导入，尚未人工核对（2022年度）');
    expect(agency.querySelector('.report-list .machine-import-tag')?.text).toBe('机器导入，尚未人工核对');
  });

  it('says so in the open data: review_status in reports.csv and review.status in the agency JSON, so an empty cell reads 未摘录', () => {
    const rows = parseCsv(readFileSync(join(out, 'data/reports.csv'), 'utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r['id'] === '350128-guanweihui/2022')?.['review_status']).toBe('machine');
    const agency = JSON.parse(readFileSync(join(out, 'data/agencies/350128-guanweihui.json'), 'utf8')) as { reports: { year: number; review: { status: string } }[] };
    expect(agency.reports.find((r) => r.year === 2022)?.review).toEqual({ status: 'machine' });
    expect(readFileSync(join(out, 'data/index.html'), 'utf8')).toContain('它的空单元格是“未摘录”');
  });

  it('is listed as pending by npm run check, and stops check and build in strict mode', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'src/cli/check.ts'), project], { encoding: 'utf8' });
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/content\/reports\/350128-guanweihui\/2022\.md\n\s+\d+ 提示 review: 机器导入，尚未人工核对：\d+ 个已摘录的数值待核对/);
    const strict = spawnSync(process.execPath, [join(ROOT, 'src/cli/check.ts'), '--strict', project], { encoding: 'utf8' });
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('错误 review: （严格模式）机器导入，尚未人工核对');
    const strictOut = buildDir('machine-strict-');
    try {
      const refused = buildSite({ NIANBAO_CONTENT: join(project, 'content'), NIANBAO_OUT: strictOut, NIANBAO_STRICT: '1' });
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain('content/reports/350128-guanweihui/2022.md');
      expect(refused.stderr).toContain('（严格模式）机器导入，尚未人工核对');
    } finally {
      rmSync(strictOut, { recursive: true, force: true });
    }
  });
});
