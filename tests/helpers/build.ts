/** Building the site from a test as `npm run build` does (astro build, then the search index), with settings in environment variables. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv } from '../../src/cli/child-env.ts';
import { ROOT } from './content.ts';

export interface BuildResult {
  /** 0 when both steps succeeded; otherwise the failing step's status. */
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Build with `env` added. Each build gets a content store of its own (NIANBAO_CACHE), so test files
 * that build other content folders at the same time cannot read each other's store.
 */
export function buildSite(env: Record<string, string>): BuildResult {
  const cache = mkdtempSync(join(tmpdir(), 'nianbao-cache-'));
  const run = (script: string, ...args: string[]) => spawnSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, env: childEnv({ NIANBAO_CACHE: cache, ...env }), encoding: 'utf8' });
  try {
    const astro = run('node_modules/astro/bin/astro.mjs', 'build');
    if (astro.status !== 0) return { status: astro.status, stdout: astro.stdout, stderr: astro.stderr };
    const index = run('src/cli/search-index.ts');
    return { status: index.status, stdout: astro.stdout + index.stdout, stderr: astro.stderr + index.stderr };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}
