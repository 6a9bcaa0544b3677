/**
 * Broken content (tests/fixtures/bad/): every file gets its expected message
 * from the checker, none crashes it, and the build refuses the folder naming
 * every bad file — none is silently skipped.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/build/content-files.ts';
import { validateContent } from '../../src/lib/validate/validate-content.ts';
import type { Problem } from '../../src/lib/validate/problem.ts';
import { buildDir, buildSite } from '../helpers/build.ts';
import { ROOT } from '../helpers/content.ts';

const BAD = join(ROOT, 'tests/fixtures/bad');
const expected = JSON.parse(readFileSync(join(BAD, 'expected.json'), 'utf8')) as Record<string, string>;
let problems: Problem[];

beforeAll(async () => {
  problems = validateContent(await readContentFiles(BAD));
});

describe('bad content', () => {
  it('has at least 20 broken files', () => {
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(20);
  });

  it.each(Object.entries(expected))('%s: %s', (file, message) => {
    const own = problems.filter((p) => p.file === `content/${file}` && p.severity === 'error');
    expect(own.map((p) => p.message).join('\n')).toContain(message);
    for (const p of own) expect(p.message.length).toBeGreaterThan(5);
  });

  it('tells both files of a duplicate', () => {
    const duplicate = problems.filter((p) => p.message.includes('重复')).map((p) => p.file).sort();
    expect(duplicate).toEqual(['content/reports/110109-jiaowei/2013.md', 'content/reports/110109-jiaowei/2014.md']);
  });

  it('reports nothing for the valid files among them', () => {
    const valid = ['content/agencies/370303-jiaoyuju.yaml', 'content/agencies/110109-jiaowei.yaml'];
    expect(problems.filter((p) => valid.includes(p.file))).toEqual([]);
  });

  it('makes the build fail, naming every bad file in one run', () => {
    const out = buildDir('bad-');
    try {
      const result = buildSite({ NIANBAO_CONTENT: 'tests/fixtures/bad/content', NIANBAO_OUT: out });
      expect(result.status).not.toBe(0);
      const output = result.stdout + result.stderr;
      expect(output).toContain('构建停止');
      for (const file of Object.keys(expected)) expect(output, file).toContain(`content/${file}`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
