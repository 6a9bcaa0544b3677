import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/build/content-files.ts';
import { stubAgencyId } from '../../src/lib/importer/publisher/report-year.ts';
import { validateContent } from '../../src/lib/validate/validate-content.ts';
import { ROOT } from '../helpers/content.ts';

const CLI = join(ROOT, 'src/cli/import.ts');
const SEED = join(ROOT, 'tests/fixtures/sources/seeds/004_7d7d75c68847a608.txt');
const GB = join(ROOT, 'tests/fixtures/import/mentougou-2014-gb18030.txt');
const CORPUS = join(ROOT, 'tests/fixtures/sources/corpus/80629_平潭综合实验区2022年度政府信息公开工作年度报告/page.html');

let dirs: string[] = [];
function outDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
  dirs.push(dir);
  cpSync(join(ROOT, 'content/agencies'), join(dir, 'agencies'), { recursive: true });
  return dir;
}
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** The texts kept in <out>/.backups/, oldest first. */
const backups = (out: string): string[] =>
  existsSync(join(out, '.backups'))
    ? (readdirSync(join(out, '.backups'), { recursive: true, withFileTypes: true }) as Dirent[])
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name))
        .sort()
        .map((f) => readFileSync(f, 'utf8'))
    : [];

const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });

describe('npm run import', () => {
  it('writes content/reports/<agency>/<year>.md and prints a summary with the detected encoding', () => {
    const out = outDir();
    const result = run(GB, '--out', out);
    expect(result.status).toBe(0);
    expect(existsSync(join(out, 'reports/110109-jiaowei/2014.md'))).toBe(true);
    expect(result.stdout).toContain('110109-jiaowei\t2014\tpre2019\tgb18030\t');
    expect(result.stdout).toContain('导入 1 个文件：1 个成功，0 个失败。');
  });

  it('writes nothing with --dry-run, and prints one JSON object per input with --json', () => {
    const out = outDir();
    const result = run(GB, CORPUS, '--out', out, '--dry-run', '--json');
    expect(result.status).toBe(0);
    expect(existsSync(join(out, 'reports'))).toBe(false);
    const objects = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { encoding: string; year: number; metrics: { id: string; label: string }[] });
    expect(objects.map((o) => [o.encoding, o.year])).toEqual([['gb18030', 2014], ['utf-8', 2022]]);
    expect(objects[0]!.metrics.find((m) => m.id === 'staff_total')!.label).toBe('政府信息公开指定专职人员总数');
  });

  it('never overwrites without --force, and says what --force changes; a copy of the old file is kept', () => {
    const out = outDir();
    expect(run(SEED, '--out', out).status).toBe(0);
    const target = join(out, 'reports/110109-jiaowei/2014.md');
    const imported = readFileSync(target, 'utf8');

    const refused = run(SEED, '--out', out);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('已存在；要覆盖请加 --force');
    expect(readFileSync(target, 'utf8')).toBe(imported);

    // Unedited since the import: one --force replaces it, and the old file is kept in content/.backups/.
    const forced = run(SEED, '--out', out, '--force');
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain('已覆盖：指标不变，正文不变；原文件备份在');
    expect(backups(out)).toEqual([imported]);
  });

  it('refuses to overwrite a report edited since its import unless --force is said twice, and keeps the edited file', async () => {
    const out = outDir();
    expect(run(SEED, '--out', out).status).toBe(0);
    const target = join(out, 'reports/110109-jiaowei/2014.md');
    const edited = readFileSync(target, 'utf8').replace('value: 380\n', 'value: 381\n').replace('notes: []', '');
    writeFileSync(target, edited);

    const once = run(SEED, '--out', out, '--force');
    expect(once.status).toBe(1);
    expect(once.stdout).toContain('自导入以来已被编辑：覆盖会丢掉这些改动；确要覆盖请加两次 --force');
    expect(readFileSync(target, 'utf8')).toBe(edited);
    expect(run(SEED, '--out', out, '--dry-run', '--force').stdout).toContain('将冲突：自导入以来已被编辑');

    const twice = run(SEED, '--out', out, '--force', '--force');
    expect(twice.status).toBe(0);
    expect(twice.stdout).toContain('已覆盖：指标 1 项改动（proactive_total 381→380），正文不变；原文件备份在');
    expect(backups(out)).toEqual([edited]);
    // The backups are out of the archive's way: check reads no file under content/.backups/.
    expect((await readContentFiles(out, '.')).map((f) => f.path).filter((p) => p.includes('.backups'))).toEqual([]);
  });

  it('creates a stub for an unknown agency that the checker lists as a warning, not an error', async () => {
    const out = outDir();
    const unknown = join(out, 'unknown.txt');
    writeFileSync(unknown, readFileSync(SEED, 'utf8').replace('门头沟区教委2014年', '某某县教育局2014年'));
    const result = run(unknown, '--out', out);
    expect(result.status).toBe(0);
    const stubId = stubAgencyId('某某县教育局');
    expect(readFileSync(join(out, `agencies/${stubId}.yaml`), 'utf8')).toContain('stub: true');
    const files = (await readContentFiles(out, '.')).filter((f) => /^(agencies|reports)\//.test(f.path));
    const problems = validateContent(files.map((f) => ({ ...f, path: `content/${f.path}` })));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The stub and the machine import wait for a person: both are pending warnings.
    expect([...new Set(problems.filter((p) => p.severity === 'warning').map((p) => p.file))].sort()).toEqual([`content/agencies/${stubId}.yaml`, `content/reports/${stubId}/2014.md`].sort());
    expect(problems.every((p) => p.pending)).toBe(true);
  });

  it('re-extracts metrics from an archive .md, keeping its agency and year', () => {
    const result = run(join(ROOT, 'content/reports/370725-jiaoyuju/2017.md'), '--out', outDir(), '--dry-run', '--json');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout.trim()) as { agency: string; year: number; metrics: { id: string; value: number }[] };
    expect(json).toMatchObject({ agency: '370725-jiaoyuju', year: 2017 });
    expect(json.metrics.find((m) => m.id === 'proactive_total')!.value).toBe(2384);
  });

  it('refuses two inputs for the same report in one run', () => {
    const result = run(SEED, GB, '--out', outDir(), '--dry-run');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('本次导入中已有文件写到');
  });

  it('reports a bad file clearly, imports the rest, and exits 1', () => {
    const out = outDir();
    const bad = join(out, 'broken.html');
    writeFileSync(bad, '<html><body><nav>首页</nav></body></html>');
    const result = run(bad, join(out, 'missing.txt'), SEED, '--out', out);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/broken\.html\t.*失败：页面中找不到正文/);
    expect(result.stdout).toMatch(/missing\.txt\t.*失败：文件不存在或无法读取/);
    expect(result.stdout).toContain('导入 3 个文件：1 个成功，2 个失败。');
    expect(existsSync(join(out, 'reports/110109-jiaowei/2014.md'))).toBe(true);
  });

  it('walks directories, importing a page once from its HTML when page.txt sits beside it', () => {
    const out = outDir();
    const src = join(out, 'src', '80629');
    cpSync(CORPUS, join(src, 'page.html'));
    writeFileSync(join(src, 'page.txt'), '标题: 平潭综合实验区2022年度政府信息公开工作年度报告\n…');
    const result = run(join(out, 'src'), '--out', out);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('导入 1 个文件：1 个成功');
    expect(readFileSync(join(out, 'reports/350128-guanweihui/2022.md'), 'utf8')).toContain('file: 80629/page.html');
  });

  it('prints usage without arguments', () => {
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('用法：npm run import --');
    expect(execFileSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' })).toContain('--dry-run');
  });
});

describe('npm run import, the editor’s side', () => {
  it('says with --dry-run what each file would do, a conflict included, and never fails because a target exists', () => {
    const out = outDir();
    expect(run(SEED, '--out', out).status).toBe(0);
    const dry = run(SEED, CORPUS, '--out', out, '--dry-run', '--json');
    expect(dry.status, dry.stderr).toBe(0);
    const objects = dry.stdout.trim().split('\n').map((l) => JSON.parse(l) as { action: string; target: string });
    expect(objects.map((o) => o.action)).toEqual(['conflict', 'create']);
    const table = run(SEED, '--out', out, '--dry-run');
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('将冲突：已存在；要覆盖请加 --force');
    expect(run(SEED, '--out', out, '--dry-run', '--force').stdout).toContain('将覆盖：');
  });

  it('lists for each file the values read, confirmed by an identity, and withheld', () => {
    const result = run(CORPUS, '--out', outDir(), '--dry-run');
    const header = result.stdout.split('\n')[0]!.split('\t');
    expect(header).toEqual(['文件', '机构', '年度', '版式', '编码', '读出', '已证实', '未采用', '提示', '结果']);
    const row = result.stdout.split('\n')[1]!.split('\t');
    const [read, confirmed, withheld] = [5, 6, 7].map((i) => Number(row[i])) as [number, number, number];
    expect(read).toBeGreaterThan(150);
    expect(confirmed).toBeGreaterThan(150);
    expect(confirmed).toBeLessThanOrEqual(read);
    expect(withheld).toBe(0);
  });

  it('writes a stub agency with the place its name determines', () => {
    const out = outDir();
    const page = join(out, 'fragment.html');
    cpSync(join(ROOT, 'tests/fixtures/import/bare-fragment-2019.html'), page);
    expect(run(page, '--out', out).status).toBe(0);
    const id = stubAgencyId('南京市玄武区教育局', '320102');
    const yaml = readFileSync(join(out, 'agencies', `${id}.yaml`), 'utf8');
    expect(yaml).toContain('province: 江苏省\ncity: 南京市\ncounty: 玄武区\ndivisionCode: "320102"\nlevel: 县级');
    expect(existsSync(join(out, 'reports', id, '2019.md'))).toBe(true);
  });
});
