/**
 * npm run agency -- rename: a stub made by the importer gets its proper id in one
 * command (agency file renamed, report folder moved, each report's agency: line
 * rewritten, nothing else changed), and check sees the archive whole afterwards.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renameAgencyInReport } from '../../src/lib/validate/rename-agency.ts';
import { ROOT } from '../helpers/content.ts';

const SEED = readFileSync(join(ROOT, 'tests/fixtures/sources/seeds/004_7d7d75c68847a608.txt'), 'utf8');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const node = (script: string, ...args: string[]) => spawnSync(process.execPath, [join(ROOT, script), ...args], { encoding: 'utf8' });

/** A project with the archive's agencies and two imported reports of an agency it does not know (a stub). */
function withStub() {
  const project = mkdtempSync(join(tmpdir(), 'nianbao-agency-'));
  dirs.push(project);
  const content = join(project, 'content');
  mkdirSync(content);
  cpSync(join(ROOT, 'content/agencies'), join(content, 'agencies'), { recursive: true });
  for (const year of [2014, 2015]) {
    writeFileSync(join(project, `${year}.txt`), SEED.replace('门头沟区教委2014年', `某某县教育局${year}年`).replaceAll('2014年', `${year}年`));
  }
  const imported = node('src/cli/import.ts', join(project, '2014.txt'), join(project, '2015.txt'), '--out', content);
  if (imported.status !== 0) throw new Error(imported.stdout + imported.stderr);
  const stub = readdirSync(join(content, 'agencies')).find((n) => n.includes('-stub-'))!.replace(/\.yaml$/, '');
  return { project, content, stub };
}

describe('npm run agency -- rename', () => {
  it('moves the agency file and its reports and rewrites only their agency: line', () => {
    const { project, content, stub } = withStub();
    const before = readFileSync(join(content, `reports/${stub}/2015.md`), 'utf8');
    const result = node('src/cli/agency.ts', 'rename', stub, '110109-moumou', '--out', content);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`已改名：${stub} → 110109-moumou（机构条目 1 个，报告 2 份）`);
    expect(result.stdout).toContain('divisionCode 是 000000');
    expect(existsSync(join(content, `agencies/${stub}.yaml`))).toBe(false);
    expect(existsSync(join(content, `reports/${stub}`))).toBe(false);
    expect(readdirSync(join(content, 'reports/110109-moumou'))).toEqual(['2014.md', '2015.md']);
    expect(readFileSync(join(content, 'reports/110109-moumou/2015.md'), 'utf8')).toBe(before.replace(`agency: ${stub}\n`, 'agency: 110109-moumou\n'));
    const check = node('src/cli/check.ts', project);
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).not.toContain('未知机构');
  });

  it('refuses an id outside the pattern, an id in use, a link, and leaves everything as it was', () => {
    const { content, stub } = withStub();
    const snapshot = () => JSON.stringify([readdirSync(join(content, 'agencies')).sort(), readdirSync(join(content, 'reports')).sort()]);
    const before = snapshot();
    expect(node('src/cli/agency.ts', 'rename', stub, '../escaped', '--out', content).stderr).toContain('机构 id“../escaped”无效');
    expect(node('src/cli/agency.ts', 'rename', stub, '110109-jiaowei', '--out', content).stderr).toContain('机构 110109-jiaowei 已存在');
    expect(node('src/cli/agency.ts', 'rename', '110109-nobody', '110109-x', '--out', content).stderr).toContain('没有机构 110109-nobody');
    expect(node('src/cli/agency.ts', 'rename', stub, '--out', content).stderr).toContain('用法');
    mkdirSync(join(content, '..', 'elsewhere'));
    symlinkSync(join(content, '..', 'elsewhere'), join(content, 'reports/110109-linked'));
    expect(node('src/cli/agency.ts', 'rename', stub, '110109-linked', '--out', content).stderr).toContain('是符号链接');
    rmSync(join(content, 'reports/110109-linked'));
    expect(snapshot()).toBe(before);
  });

  it('rewrites the agency line in plain or quoted form, and refuses a report of another agency', () => {
    expect(renameAgencyInReport("---\nagency: 'a-1'\nyear: 2014\n---\nagency: a-1\n", 'a-1', '110109-b', 'x.md')).toBe('---\nagency: 110109-b\nyear: 2014\n---\nagency: a-1\n');
    expect(() => renameAgencyInReport('---\nagency: c\n---\n', 'a-1', 'b', 'x.md')).toThrow('x.md 的 agency 不是 a-1');
  });
});
