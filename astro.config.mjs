// @ts-check
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import contentGuard from './src/integrations/content-guard.ts';
import { partFolder, partFromEnv } from './src/build/parts.ts';

// NIANBAO_CONTENT and NIANBAO_OUT build another content folder into another output folder (tests do).
// A relative NIANBAO_CONTENT is taken from the project folder, which every step of a build learns from
// NIANBAO_ROOT (src/build/content-paths.ts), whatever its working directory.
process.env.NIANBAO_ROOT ??= fileURLToPath(new URL('./', import.meta.url));
const contentDir = new URL(process.env.NIANBAO_CONTENT ?? './content', new URL('./', import.meta.url)).pathname;
// Each part of a build in parts (NIANBAO_PART, src/build/parts.ts) keeps its own incremental-build cache, beside
// the prepared reports that every part reads (they stay in the cache folder itself).
const part = partFromEnv();
const cacheDir = process.env.NIANBAO_CACHE ?? fileURLToPath(new URL('./node_modules/.astro', import.meta.url));

// SITE_URL and BASE_PATH let a deployment put the archive under its own address and sub-path.
export default defineConfig({
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  // Stylesheets as files, never inline, so the Content-Security-Policy needs no 'unsafe-inline'.
  build: { format: 'directory', inlineStylesheets: 'never' },
  ...(process.env.NIANBAO_OUT ? { outDir: process.env.NIANBAO_OUT } : {}),
  // NIANBAO_CACHE gives a build its own content store, so builds of other content folders running
  // side by side (tests, the benchmark) never read or write each other's node_modules/.astro.
  ...(part.kind !== 'whole' ? { cacheDir: `${cacheDir}/parts/${partFolder(part)}` } : process.env.NIANBAO_CACHE ? { cacheDir } : {}),
  // The search index is built after Astro exits (src/cli/search-index.ts, run by `npm run build`).
  integrations: [contentGuard({ contentDir })],
  // Scripts as files too, never inlined: the CSP allows only the site's own script files.
  vite: { build: { assetsInlineLimit: 0 } },
  // Pages whose cacheKey (src/lib/cache-key.ts) and code are unchanged are restored from the previous
  // build in dist/ instead of rendered (Astro ≥ 7.2). Raising build.concurrency above 1 would turn it off.
  experimental: { incrementalBuild: true },
  // Report bodies are not Astro content: they are rendered once per text by src/build/ (markdownPipeline) and read
  // back from its store, because Astro's content store keeps every rendered body in memory.
});
