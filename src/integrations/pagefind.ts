/**
 * Astro integration: build the Pagefind search index from the finished site.
 *
 * Runs on `astro:build:done` only (there is no index in `astro dev`), through
 * Pagefind's Node API, language zh-cn. Each report page is indexed with its
 * Chinese as overlapping character pairs (src/lib/search/index-text.ts says why). The build
 * fails when Pagefind reports an error, or when the number of indexed pages
 * differs from the number of report files in content/ — a report that is not
 * searchable is a lost report.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { toIndexHtml } from '../lib/search/index-text.ts';

/** Report files under `content/reports/<agency>/<year>.md`. */
export async function countReportFiles(contentDir: string): Promise<number> {
  const entries = await readdir(join(contentDir, 'reports'), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && /^\d{4}\.md$/.test(e.name)).length;
}

/** Every HTML file of the site, as paths relative to `siteDir`. */
async function htmlFiles(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(siteDir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

function fail(step: string, errors: readonly string[]): never {
  throw new Error(`Pagefind ${step} failed: ${errors.join('; ')}`);
}

/** Pages Pagefind actually indexed, per language, from its entry file (addDirectory counts every HTML file read). */
export function indexedPages(entryJson: string): Record<string, number> {
  const entry = JSON.parse(entryJson) as { languages: Record<string, { page_count: number }> };
  return Object.fromEntries(Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count]));
}

export interface IndexResult {
  pages: Record<string, number>;
  outputPath: string;
}

/**
 * Index every page of `siteDir` that has `data-pagefind-body`, check that exactly
 * `expectedPages` pages were indexed, all as Chinese, and write the bundle to `siteDir/pagefind`.
 */
export async function buildSearchIndex(siteDir: string, expectedPages: number): Promise<IndexResult> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    if (created.errors.length || !created.index) fail('createIndex', created.errors);
    const { index } = created;
    for (const file of await htmlFiles(siteDir)) {
      const html = await readFile(join(siteDir, file), 'utf8');
      if (!html.includes('data-pagefind-body')) continue;
      const added = await index.addHTMLFile({ sourcePath: file, content: toIndexHtml(html) });
      if (added.errors.length) fail(`addHTMLFile ${file}`, added.errors);
    }
    const files = await index.getFiles();
    if (files.errors.length) fail('getFiles', files.errors);
    const entry = files.files.find((f) => f.path === 'pagefind-entry.json');
    if (!entry) fail('indexing', ['no pagefind-entry.json was produced']);
    const pages = indexedPages(new TextDecoder().decode(entry.content));
    const total = Object.values(pages).reduce((a, b) => a + b, 0);
    if (total !== expectedPages || pages['zh-cn'] !== total) {
      fail('indexing', [`indexed ${JSON.stringify(pages)} report pages, but content/ has ${expectedPages} reports (all zh-cn)`]);
    }
    const outputPath = join(siteDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) fail('writeFiles', written.errors);
    return { pages, outputPath };
  } finally {
    await pagefind.close();
  }
}

export default function pagefindIntegration(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'nianbao-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const expected = await countReportFiles(options.contentDir);
        const { pages } = await buildSearchIndex(fileURLToPath(dir), expected);
        logger.info(`Pagefind indexed ${pages['zh-cn']} report pages (zh-cn) of ${expected} reports.`);
      },
    },
  };
}
