/**
 * node src/cli/search-index.ts — build the Pagefind search index of the built site
 * (`npm run build` runs it after `astro build`).
 *
 * A separate process after Astro has exited, not an `astro:build:done` hook: in
 * the hook Astro still held its content store (3.8 GB at 10,000 reports) while
 * Pagefind held every page's text, and the two together made the build's peak.
 *
 * Through Pagefind's Node API, language zh-cn. Each report page is indexed with
 * its Chinese as overlapping character pairs (src/lib/search/index-text.ts says
 * why). Fails when Pagefind reports an error, or when the number of indexed
 * pages differs from the number of report files in content/ — a report that is
 * not searchable is a lost report. NIANBAO_CONTENT and NIANBAO_OUT name other
 * content and output folders, as for the build.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { countReportFiles } from './content-files.ts';
import { writePagefindFiles } from './pagefind-files.ts';
import { toIndexHtml } from '../lib/search/index-text.ts';

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
    await writePagefindFiles(files.files, outputPath);
    return { pages, outputPath };
  } finally {
    await pagefind.close();
  }
}

/** Index the site in NIANBAO_OUT (default dist/) against the reports in NIANBAO_CONTENT (default content/). */
async function main(): Promise<void> {
  const site = resolve(process.env['NIANBAO_OUT'] ?? 'dist');
  const content = resolve(process.env['NIANBAO_CONTENT'] ?? 'content');
  console.log(`建立搜索索引：${site}`);
  const expected = await countReportFiles(content);
  const { pages } = await buildSearchIndex(site, expected);
  console.log(`Pagefind indexed ${pages['zh-cn']} report pages (zh-cn) of ${expected} reports.`);
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  main().catch((error: unknown) => {
    console.error(`搜索索引失败：${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
