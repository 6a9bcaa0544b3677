/** Building the site from a test as `npm run build` does (src/cli/build.ts), with settings in environment variables. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripAnsi } from '../../src/cli/ansi.ts';
import { childEnv } from '../../src/cli/child-env.ts';
import { ROOT } from './content.ts';

export interface BuildResult {
  /** 0 when the build succeeded. */
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
 * Build with `env` added (and `args`, such as `--part cross`). Test files build side by side, so every build keeps its files to itself: its
 * own content store (NIANBAO_CACHE), and its output inside the project (NIANBAO_OUT from buildDir), because
 * Astro writes its prerender chunks into the output folder only when that is inside the project, and into
 * the shared .astro/ otherwise, where two builds at once overwrite each other's.
 */
export function buildSite(env: Record<string, string> & { NIANBAO_OUT: string }, args: readonly string[] = []): BuildResult {
  if (!env.NIANBAO_OUT.startsWith(`${ROOT}`)) throw new Error(`NIANBAO_OUT ${env.NIANBAO_OUT} must be inside the project (use buildDir)`);
  const cache = mkdtempSync(join(tmpdir(), 'nianbao-cache-'));
  const run = (script: string, ...args: string[]) => spawnSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, env: childEnv({ NIANBAO_CACHE: cache, ...env }), encoding: 'utf8' });
  try {
    // Output without colour codes (Astro colours its log under CI=true), so tests can read it.
    const build = run('src/cli/build.ts', ...args);
    return { status: build.status, stdout: stripAnsi(build.stdout), stderr: stripAnsi(build.stderr) };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

/** Every file under `dir`, as paths relative to it, sorted. */
export const filesUnder = (dir: string): string[] =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
