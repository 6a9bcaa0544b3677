/**
 * Where a build reads and keeps things, from the environment, the same in every
 * process of a build (the prepare step, Astro, the search index):
 * NIANBAO_ROOT (the project; astro.config.mjs sets it), NIANBAO_CONTENT (the
 * content folder, relative to the project), NIANBAO_CACHE (Astro's cache folder).
 */
import { resolve } from 'node:path';

export interface ContentPaths {
  root: string;
  contentDir: string;
  cacheDir: string;
}

export function contentPaths(env: NodeJS.ProcessEnv = process.env): ContentPaths {
  const root = resolve(env['NIANBAO_ROOT'] ?? process.cwd());
  return {
    root,
    contentDir: resolve(root, env['NIANBAO_CONTENT'] ?? 'content'),
    cacheDir: resolve(root, env['NIANBAO_CACHE'] ?? 'node_modules/.astro'),
  };
}
