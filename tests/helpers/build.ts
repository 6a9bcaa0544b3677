/** Building the site from a test as `npm run build` does (astro build, then the search index), with settings in environment variables. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripAnsi } from '../../src/cli/ansi.ts';
import { childEnv } from '../../src/cli/child-env.ts';
import { ROOT } from './content.ts';

export interface BuildResult {
  /** 0 when both steps succeeded; otherwise the failing step's status. */
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Where test builds put their output: inside the project (see buildSite), ignored by git. */
export const BUILDS = join(ROOT, '.builds');

/** A fresh output folder for a test build. */
export function buildDir(prefix: string): string {
  mkdirSync(BUILDS, { recursive: true });
  return mkdtempSync(join(BUILDS, prefix));
}

/**
 * Build with `env` added. Test files build side by side, so every build keeps its files to itself: its
 * own content store (NIANBAO_CACHE), and its output inside the project (NIANBAO_OUT from buildDir), because
 * Astro writes its prerender chunks into the output folder only when that is inside the project, and into
 * the shared .astro/ otherwise, where two builds at once overwrite each other's.
 */
export function buildSite(env: Record<string, string> & { NIANBAO_OUT: string }): BuildResult {
  if (!env.NIANBAO_OUT.startsWith(`${ROOT}`)) throw new Error(`NIANBAO_OUT ${env.NIANBAO_OUT} must be inside the project (use buildDir)`);
  const cache = mkdtempSync(join(tmpdir(), 'nianbao-cache-'));
  const run = (script: string, ...args: string[]) => spawnSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, env: childEnv({ NIANBAO_CACHE: cache, ...env }), encoding: 'utf8' });
  try {
    // Output without colour codes (Astro colours its log under CI=true), so tests can read it.
    const astro = run('node_modules/astro/bin/astro.mjs', 'build');
    if (astro.status !== 0) return { status: astro.status, stdout: stripAnsi(astro.stdout), stderr: stripAnsi(astro.stderr) };
    const index = run('src/cli/search-index.ts');
    return { status: index.status, stdout: stripAnsi(astro.stdout + index.stdout), stderr: stripAnsi(astro.stderr + index.stderr) };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}
