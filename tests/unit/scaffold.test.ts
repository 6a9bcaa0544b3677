import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/build/content-files.ts';
import { getEdition, isStandardFor, METRICS } from '../../src/lib/catalogue/index.ts';
import { skeletonReport } from '../../src/lib/scaffold.ts';
import { validateContent } from '../../src/lib/validate/validate-content.ts';
import { ROOT } from '../helpers/content.ts';

describe('npm run new', () => {
  it.each([[2014, 'pre2019'], [2019, '2019'], [2023, '2021']] as const)('writes a valid %i skeleton with the %s sections and every statutory key commented', (year, edition) => {
    const text = skeletonReport({ id: '370303-jiaoyuju', shortName: '张店区教育局' }, year);
    for (const s of getEdition(edition).sections) expect(text).toContain(`\n## ${s}\n`);
    const lines = text.split('\n');
    const block = lines.slice(lines.indexOf('metrics: {}') + 1, lines.findIndex((l) => l.startsWith('categories:')));
    const commented = block.map((l) => l.trim().split(/[ :]+/)[1]);
    expect(commented).toEqual(METRICS.filter((m) => isStandardFor(m, edition)).map((m) => m.id));
    const problems = validateContent([
      { path: 'content/agencies/370303-jiaoyuju.yaml', text: readFileSync(join(ROOT, 'content/agencies/370303-jiaoyuju.yaml'), 'utf8') },
      { path: `content/reports/370303-jiaoyuju/${year}.md`, text },
    ]);
    expect(problems).toEqual([]);
  });

  it('writes the file, refuses to overwrite it, and refuses an unknown agency', async () => {
    const out = mkdtempSync(join(tmpdir(), 'nianbao-new-'));
    try {
      cpSync(join(ROOT, 'content/agencies'), join(out, 'agencies'), { recursive: true });
      const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'src/cli/new-report.ts'), ...args, '--out', out], { encoding: 'utf8' });
      expect(run('--agency', '370303-jiaoyuju', '--year', '2022').status).toBe(0);
      expect((await readContentFiles(out, '.')).map((f) => f.path)).toContain('reports/370303-jiaoyuju/2022.md');
      const again = run('--agency', '370303-jiaoyuju', '--year', '2022');
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('已存在');
      expect(run('--agency', '370303-nobody', '--year', '2022').stderr).toContain('未知机构');
      expect(run('--agency', '../escaped', '--year', '2022').stderr).toContain('机构 id“../escaped”无效');
      expect(run('--agency', '370303-jiaoyuju', '--year', '2022.5').stderr).toContain('年度“2022.5”无效');
      expect((await readContentFiles(out, '.')).map((f) => f.path).sort()).toEqual([...readdirSync(join(out, 'agencies')).map((n) => `agencies/${n}`), 'reports/370303-jiaoyuju/2022.md'].sort());
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
