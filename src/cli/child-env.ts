/**
 * The environment for a child build: this process's variables without the ones
 * Vite and Vitest set (BASE_URL, MODE …), which the child's own Vite would take
 * as its settings, plus `extra`.
 */
const VITE_VARIABLES = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'NODE_ENV', 'TEST']);

export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const own = Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !VITE_VARIABLES.has(e[0]));
  return { ...Object.fromEntries(own), ...extra };
}
