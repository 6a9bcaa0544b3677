import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/content.ts';

interface Step { run?: string; uses?: string; env?: Record<string, string>; id?: string; with?: Record<string, string> }
const workflow = parse(readFileSync(join(ROOT, '.github/workflows/pages.yml'), 'utf8')) as {
  jobs: Record<string, { needs?: string; steps: Step[]; permissions?: Record<string, string> }>;
};

describe('GitHub Actions workflow', () => {
  it('checks and tests every push and pull request', () => {
    const runs = workflow.jobs['test']!.steps.map((s) => s.run).filter(Boolean);
    expect(runs).toEqual(expect.arrayContaining(['npm ci', 'npm run check', 'npm test']));
  });

  it('builds with the Pages address and sub-path, then deploys only after the tests pass', () => {
    const deploy = workflow.jobs['deploy']!;
    expect(deploy.needs).toBe('test');
    const build = deploy.steps.find((s) => s.run === 'npm run build')!;
    expect(build.env).toEqual({ SITE_URL: '${{ steps.pages.outputs.origin }}', BASE_PATH: '${{ steps.pages.outputs.base_path }}/' });
    expect(deploy.steps.map((s) => s.uses?.split('@')[0])).toEqual(expect.arrayContaining(['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']));
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  it('keeps the incremental build cache between deployments: restored after npm ci, before the build', () => {
    const steps = workflow.jobs['deploy']!.steps;
    const at = (pred: (s: Step) => boolean) => steps.findIndex(pred);
    const cache = steps[at((s) => s.uses?.startsWith('actions/cache@') === true)]!;
    expect(cache.with!['path']!.split('\n').filter(Boolean)).toEqual(['node_modules/.astro']);
    expect(at((s) => s.run === 'npm ci')).toBeLessThan(at((s) => s === cache));
    expect(at((s) => s === cache)).toBeLessThan(at((s) => s.run === 'npm run build'));
  });
});
