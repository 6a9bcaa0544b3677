import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/content.ts';

interface Step { run?: string; uses?: string; env?: Record<string, string>; id?: string; with?: Record<string, string | boolean> }
const workflow = parse(readFileSync(join(ROOT, '.github/workflows/pages.yml'), 'utf8')) as {
  jobs: Record<string, { needs?: string; steps: Step[]; permissions?: Record<string, string> }>;
};

describe('GitHub Actions workflow', () => {
  it('checks and tests every push and pull request', () => {
    const runs = workflow.jobs['test']!.steps.map((s) => s.run).filter(Boolean);
    expect(runs).toEqual(expect.arrayContaining(['npm ci', 'npm run check', 'npm test']));
  });

  it('plans the parts after the tests pass: content prepared, the parts listed by the build itself', () => {
    const plan = workflow.jobs['plan']!;
    expect(plan.needs).toBe('test');
    const steps = plan.steps;
    const at = (pred: (s: Step) => boolean) => steps.findIndex(pred);
    const cache = steps[at((s) => s.uses?.startsWith('actions/cache@') === true)]!;
    expect(cache.with!['path']).toBe('node_modules/.astro/nianbao-prepared');
    expect(String(cache.with!['key'])).toContain('${{ github.run_id }}');
    expect(at((s) => s.run === 'npm ci')).toBeLessThan(at((s) => s === cache));
    const planStep = steps.find((s) => s.id === 'plan')!;
    expect(planStep.run).toContain('npm run --silent build -- --plan | tail -n 1');
    // Publishing is strict: nothing unreviewed (machine imports, withheld values, agency stubs) is published.
    expect(at((s) => s.run === 'npm run check -- --strict')).toBeLessThan(at((s) => s === planStep));
    expect(at((s) => s === cache)).toBeLessThan(at((s) => s === planStep));
    expect(steps.some((s) => s.uses?.startsWith('actions/configure-pages@'))).toBe(true);
  });

  it('builds each part as a job of a matrix, with the Pages address and sub-path and its own cache', () => {
    const pages = workflow.jobs['pages']! as (typeof workflow.jobs)[string] & { strategy: { matrix: { part: string } } };
    expect(pages.needs).toBe('plan');
    expect(pages.strategy.matrix.part).toBe('${{ fromJSON(needs.plan.outputs.parts) }}');
    const build = pages.steps.find((s) => s.run?.startsWith('npm run build'))!;
    expect(build.run).toBe('npm run build -- --part "${{ matrix.part }}"');
    expect(build.env).toEqual({ SITE_URL: '${{ needs.plan.outputs.origin }}', BASE_PATH: '${{ needs.plan.outputs.base_path }}/', NIANBAO_OUT: 'part', NIANBAO_STRICT: '1' });
    const restore = pages.steps.find((s) => s.uses?.startsWith('actions/cache/restore@'))!;
    expect(restore.with).toMatchObject({ path: 'node_modules/.astro/nianbao-prepared', 'fail-on-cache-miss': true });
    expect(restore.with!['key']).toBe(workflow.jobs['plan']!.steps.find((s) => s.uses?.startsWith('actions/cache@'))!.with!['key']);
    const own = pages.steps.find((s) => s.uses?.startsWith('actions/cache@'))!;
    expect(String(own.with!['path']).split('\n').filter(Boolean)).toEqual(['node_modules/.astro/parts', 'node_modules/.astro/nianbao-search']);
    expect(String(own.with!['key'])).toContain('${{ matrix.part }}');
    // The part's mark is a hidden file, which upload-artifact leaves out unless told.
    const upload = pages.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with).toMatchObject({ path: 'part', 'include-hidden-files': true });
  });

  it('merges the parts and deploys the merged site', () => {
    const deploy = workflow.jobs['deploy']!;
    expect(deploy.needs).toBe('pages');
    const steps = deploy.steps;
    const at = (pred: (s: Step) => boolean) => steps.findIndex(pred);
    expect(steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!.with).toEqual({ pattern: 'part-*', path: 'parts' });
    expect(at((s) => s.uses?.startsWith('actions/download-artifact@') === true)).toBeLessThan(at((s) => s.run === 'npm run build -- --merge parts'));
    expect(at((s) => s.run === 'npm run build -- --merge parts')).toBeLessThan(at((s) => s.uses?.startsWith('actions/upload-pages-artifact@') === true));
    expect(steps.map((s) => s.uses?.split('@')[0])).toEqual(expect.arrayContaining(['actions/upload-pages-artifact', 'actions/deploy-pages']));
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });
});
