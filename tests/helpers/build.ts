/** Running `astro build` from a test, with settings in environment variables. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './content.ts';

/** Variables Vitest (through Vite) sets in process.env, which would leak into the child build. */
const VITE_VARIABLES = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'NODE_ENV', 'TEST'];

export function astroBuild(env: Record<string, string>): SpawnSyncReturns<string> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !VITE_VARIABLES.includes(k))) as Record<string, string>;
  return spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    env: { ...clean, ...env },
    encoding: 'utf8',
  });
}
