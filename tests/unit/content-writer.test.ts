/**
 * The one writer of content/ (src/cli/content-writer.ts), the import digest that
 * tells an edited report from an untouched import, and the name cleaning that
 * makes two names that read the same one name.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { agencyFilePath, ContentWriteError, reportFilePath, resolveTarget, writeContentFile } from '../../src/cli/content-writer.ts';
import { importState, planOverwrite, withImportDigest } from '../../src/lib/importer/import-digest.ts';
import { cleanName, hasInvisible, nameKey } from '../../src/lib/schema/names.ts';
import { lastReportYear } from '../../src/lib/schema/report.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-writer-'));
  dirs.push(dir);
  return dir;
};

describe('paths from ids and years', () => {
  it('makes reports/<agency>/<year>.md and agencies/<id>.yaml from valid ids only', () => {
    expect(reportFilePath('370303-jiaoyuju', 2014)).toBe('reports/370303-jiaoyuju/2014.md');
    expect(reportFilePath('370303-jiaoyuju', '2014')).toBe('reports/370303-jiaoyuju/2014.md');
    expect(agencyFilePath('370303-stub-1x2y')).toBe('agencies/370303-stub-1x2y.yaml');
    for (const id of ['../x', '..', '.', '/etc', '370303-a/../../b', '370303-A', '370303-a\u0000', '', 'x'.repeat(3)]) {
      expect(() => reportFilePath(id, 2014), id).toThrow(ContentWriteError);
      expect(() => agencyFilePath(id), id).toThrow(ContentWriteError);
    }
    for (const year of [2022.5, '2022.5', '1e+21', 1e21, 2006, lastReportYear() + 1, '02014', -2014, Number.NaN, undefined]) {
      expect(() => reportFilePath('370303-jiaoyuju', year), String(year)).toThrow(ContentWriteError);
    }
  });
});

describe('writeContentFile', () => {
  it('creates folders and the file, refuses an existing file unless told to overwrite, and keeps the old one', async () => {
    const content = join(temp(), 'content');
    const first = await writeContentFile(content, 'reports/370303-jiaoyuju/2014.md', 'one');
    expect(first).toMatchObject({ action: 'create' });
    await expect(writeContentFile(content, 'reports/370303-jiaoyuju/2014.md', 'two')).rejects.toThrow('已存在：不覆盖');
    const second = await writeContentFile(content, 'reports/370303-jiaoyuju/2014.md', 'two', { overwrite: true, backupStamp: 'run1' });
    expect(second.action).toBe('overwrite');
    expect(second.backup).toBe(join(content, '.backups/run1/reports/370303-jiaoyuju/2014.md'));
    expect(readFileSync(second.backup!, 'utf8')).toBe('one');
    expect(readFileSync(second.target, 'utf8')).toBe('two');
    // No temporary file is left beside the target.
    expect(readdirSync(join(content, 'reports/370303-jiaoyuju'))).toEqual(['2014.md']);
  });

  it('refuses links at every level and a file where a folder belongs, writing nothing', async () => {
    const root = temp();
    const content = join(root, 'content');
    const outside = join(root, 'outside');
    mkdirSync(join(content, 'reports'), { recursive: true });
    mkdirSync(outside);
    symlinkSync(outside, join(content, 'reports/370303-a'));
    await expect(writeContentFile(content, 'reports/370303-a/2014.md', 'x')).rejects.toThrow('370303-a 是符号链接');
    mkdirSync(join(content, 'reports/370303-b'));
    symlinkSync(join(outside, 'target.md'), join(content, 'reports/370303-b/2014.md'));
    await expect(writeContentFile(content, 'reports/370303-b/2014.md', 'x', { overwrite: true })).rejects.toThrow('2014.md 是符号链接');
    writeFileSync(join(content, 'reports/370303-c'), 'a file');
    await expect(writeContentFile(content, 'reports/370303-c/2014.md', 'x')).rejects.toThrow('不是普通目录');
    symlinkSync(outside, join(content, 'agencies'));
    expect(() => resolveTarget(content, 'agencies/370303-a.yaml')).toThrow('agencies 是符号链接');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses a path that is not a plain relative path inside the folder', async () => {
    const content = join(temp(), 'content');
    for (const bad of ['../x.md', 'reports/../../x.md', '/abs.md', 'reports//x.md', 'reports/./x.md']) {
      await expect(writeContentFile(content, bad, 'x'), bad).rejects.toThrow(ContentWriteError);
    }
  });
});

describe('import digest', () => {
  const written = withImportDigest('---\nagency: 370303-jiaoyuju\nimported:\n  digest: pending\nmetrics: {}\n---\n\n正文\n');

  it('tells a file as imported from one edited since, and from one without a digest', () => {
    expect(written).toMatch(/digest: [0-9a-f]{64}\n/);
    expect(importState(written)).toBe('unedited');
    expect(importState(written.replace('正文', '改过的正文'))).toBe('edited');
    expect(importState(written.replace(/digest: [0-9a-f]{64}/, `digest: ${'0'.repeat(64)}`))).toBe('edited');
    expect(importState('---\nagency: x\n---\n正文')).toBe('unknown');
  });

  it('lets one --force replace an untouched import, and asks for two otherwise', () => {
    expect(planOverwrite(undefined, 0)).toEqual({});
    expect(planOverwrite(written, 0).refused).toContain('要覆盖请加 --force');
    expect(planOverwrite(written, 1)).toEqual({});
    expect(planOverwrite(written.replace('正文', '编辑的注释'), 1).refused).toContain('自导入以来已被编辑');
    expect(planOverwrite('hand written', 1).refused).toContain('不是导入程序写下的原样');
    expect(planOverwrite('hand written', 2)).toEqual({});
  });
});

describe('names', () => {
  it('removes what no reader sees and compares what is left', () => {
    const plain = '北京市门头沟区教育委员会';
    for (const hidden of ['\u0000', '\u202e', '\u200b', '\u2060', '\u00ad', '\ufe0f', '\u{e0101}', '\ufeff', '\u200d']) {
      const name = `北京市${hidden}门头沟区教育委员会`;
      expect(hasInvisible(name), JSON.stringify(hidden)).toBe(true);
      expect(cleanName(name)).toBe(plain);
      expect(nameKey(name)).toBe(nameKey(plain));
    }
    expect(hasInvisible(plain)).toBe(false);
    expect(nameKey('北京市 门头沟区\u3000教育委员会')).toBe(plain);
    expect(cleanName('  平潭综合实验区  管委会 ')).toBe('平潭综合实验区 管委会');
  });
});
