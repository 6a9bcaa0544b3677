/**
 * node src/cli/search-index.ts [output folder] — build the Pagefind search index
 * of the prepared archive (`npm run build` runs it beside `astro build`).
 *
 * It reads the reports from the prepared-report store (src/build/), not from
 * the built pages, so it needs no page of the site and runs on the second core
 * while Astro renders. A separate process: Pagefind holds every report's text
 * until it writes, and Astro holds its own pages; together in one process they
 * made the build's peak.
 *
 * Through Pagefind's Node API. Each report is indexed as the small document
 * `searchDocument` makes (title, agency line, full text; filters, meta), with
 * its Chinese as overlapping character pairs, in the language INDEX_LANGUAGE
 * (src/lib/search/index-text.ts says why of both). Fails when Pagefind reports an error,
 * or when the number of indexed pages differs from the number of report files
 * in content/: a report that is not searchable is a lost report.
 *
 * A large archive is indexed in groups of consecutive years, merged in the
 * browser (src/lib/search/shards.ts). A group none of whose search documents
 * changed since the last build keeps its last index (src/build/search-index-cache.ts):
 * a corrected value changes none, an edited text one group's. A group none of
 * whose report files and agencies changed is told without reading a body.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { countReportFiles } from '../build/content-files.ts';
import { forEachBounded } from './map-bounded.ts';
import { writePagefindFiles } from './pagefind-files.ts';
import { archiveOf, prepareContent, prepareInProcess } from '../build/prepare-content.ts';
import { contentPaths } from '../build/content-paths.ts';
import { copyBundle, documentDigest, documentsDigest, documentSourceKey, SearchIndexCache, sourcesDigest } from '../build/search-index-cache.ts';
import { agencyOf, type Report } from '../lib/archive.ts';
import { pipelineVersion } from '../build/pipeline-version.ts';
import { paths } from '../lib/urls.ts';
import { searchDocument } from '../lib/search/document.ts';
import { INDEX_LANGUAGE, toIndexHtml } from '../lib/search/index-text.ts';
import { archiveShards } from '../lib/search/shards.ts';

function fail(step: string, errors: readonly string[]): never {
  throw new Error(`Pagefind ${step} failed: ${errors.join('; ')}`);
}

/** Pages Pagefind actually indexed, per language, from its entry file. */
export function indexedPages(entryJson: string): Record<string, number> {
  const entry = JSON.parse(entryJson) as { languages: Record<string, { page_count: number }> };
  return Object.fromEntries(Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count]));
}

/**
 * Documents sent to Pagefind before the first is answered. One at a time left Pagefind's threads idle
 * between round trips; 32 took 3,000 documents in about two thirds of the time. Each holds one report's text.
 */
const DOCUMENTS_IN_FLIGHT = 32;

/** One page for the index: where it is in the site (`reports/a/2014/index.html`), and the HTML to index. */
export interface SearchDocument {
  sourcePath: string;
  html: string;
}

export interface IndexResult {
  pages: Record<string, number>;
  outputPath: string;
}

/**
 * Index the documents (their Chinese encoded as character pairs), check that exactly `expectedPages`
 * were indexed, all as Chinese, and write the bundle to `outputPath`; when `runtime` is false (an older
 * group), without the script and UI files that the page loads from the primary index only.
 */
export async function buildSearchIndex(
  documents: Iterable<SearchDocument>,
  expectedPages: number,
  outputPath: string,
  { runtime = true }: { runtime?: boolean } = {},
): Promise<IndexResult> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
    if (created.errors.length || !created.index) fail('createIndex', created.errors);
    const { index } = created;
    // Several documents in flight: Pagefind parses them on its own threads, and its index does not depend on
    // the order they arrive in (the same bytes with 1 or 64 in flight).
    await forEachBounded(documents, DOCUMENTS_IN_FLIGHT, async ({ sourcePath, html }) => {
      const added = await index.addHTMLFile({ sourcePath, content: toIndexHtml(html) });
      if (added.errors.length) fail(`addHTMLFile ${sourcePath}`, added.errors);
    });
    const files = await index.getFiles();
    if (files.errors.length) fail('getFiles', files.errors);
    const entry = files.files.find((f) => f.path === 'pagefind-entry.json');
    if (!entry) fail('indexing', ['no pagefind-entry.json was produced']);
    const pages = indexedPages(new TextDecoder().decode(entry.content));
    const total = Object.values(pages).reduce((a, b) => a + b, 0);
    if (total !== expectedPages || pages[INDEX_LANGUAGE] !== total) {
      fail('indexing', [`indexed ${JSON.stringify(pages)} report pages, but content/ has ${expectedPages} reports (all ${INDEX_LANGUAGE})`]);
    }
    await writePagefindFiles(runtime ? files.files : files.files.filter((f) => !isRuntimeFile(f.path)), outputPath);
    return { pages, outputPath };
  } finally {
    await pagefind.close();
  }
}

/** The modules that make and index a search document: a change to one of them re-indexes every report. */
const DOCUMENT_ENTRIES = ['src/cli/search-index.ts', 'src/lib/search/document.ts', 'src/lib/search/index-text.ts'];

/**
 * A file of Pagefind's runtime that only the primary index needs: its module and UI scripts and styles.
 * Every group keeps its WebAssembly and worker, because a search scoped to one group's years loads that
 * group as the primary of its own instance (src/lib/search/scope.ts), which fetches both from its folder.
 */
export function isRuntimeFile(path: string): boolean {
  if (path.includes('/') || path === 'pagefind-worker.js') return false;
  return path.endsWith('.js') || path.endsWith('.css');
}

/**
 * Index the prepared archive of NIANBAO_CONTENT into the folder given (default: <NIANBAO_OUT or dist>/pagefind),
 * in groups of years (src/lib/search/shards.ts). A group none of whose documents changed keeps its last index.
 */
async function main(): Promise<void> {
  const where = contentPaths();
  const output = resolve(process.argv[2] ?? resolve(where.root, process.env['NIANBAO_OUT'] ?? 'dist', 'pagefind'));
  console.log(`建立搜索索引：${output}`);
  const prepared = await prepareContent({ ...where, prepareMisses: prepareInProcess, persist: false });
  const { archive, keys } = archiveOf(prepared);
  const expected = await countReportFiles(where.contentDir);
  if (archive.reports.length !== expected) throw new Error(`the archive has ${archive.reports.length} reports, but content/ has ${expected} report files`);
  const cache = new SearchIndexCache(where.cacheDir);
  const documentVersion = pipelineVersion(where.root, DOCUMENT_ENTRIES);
  const shards = archiveShards(archive.reports, process.env);
  const used: string[] = [];
  const usedSources: string[] = [];
  const indexed: string[] = [];
  const knownDigests = cache.documentDigests();
  const digests = new Map<string, string>();
  // The primary (newest years) first: it is written into the output folder itself, which it clears.
  for (const shard of [...shards].reverse()) {
    const reports = archive.reports.filter((r) => shard.years.includes(r.year));
    const sourcePath = (report: Report) => `${paths.report(report.agency, report.year).slice(1)}index.html`;
    const documentOf = (report: Report): SearchDocument => ({
      sourcePath: sourcePath(report),
      html: searchDocument(report, agencyOf(archive, report), prepared.store.readHtml(keys.get(report.id)!)),
    });
    const years = shard.years.length > 1 ? `${shard.years[0]}–${shard.years.at(-1)}` : String(shard.years[0]);
    const target = join(output, shard.dir);
    const range = `${shard.years[0]}-${shard.years.at(-1)}`;
    const sources = reports.map((report) => ({ sourcePath: sourcePath(report), textKey: keys.get(report.id)!, agency: agencyOf(archive, report) }));
    const sourcesKey = `${range}-${sourcesDigest(sources, shard.dir, documentVersion)}`;
    usedSources.push(sourcesKey);
    const sourceKeys = sources.map((source) => documentSourceKey(source, documentVersion));
    // Unchanged files: the index they led to last time, without reading a body. Otherwise the documents
    // themselves, which a corrected value leaves as they were: each document's digest is kept, so only the
    // changed files' documents are made to be hashed (and all are made again to be indexed, rather than
    // held: at 10,000 reports they are 150 MB).
    let key = cache.findBySources(sourcesKey);
    if (key) {
      for (const sourceKey of sourceKeys) {
        const digest = knownDigests.get(sourceKey);
        if (digest) digests.set(sourceKey, digest);
      }
    } else {
      const entries = reports.map((report, i) => {
        const digest = knownDigests.get(sourceKeys[i]!) ?? documentDigest(documentOf(report).html);
        digests.set(sourceKeys[i]!, digest);
        return { sourcePath: sources[i]!.sourcePath, digest };
      });
      key = `${range}-${documentsDigest(entries, shard.dir)}`;
    }
    used.push(key);
    const kept = cache.find(key);
    if (kept) {
      copyBundle(kept, target);
      const counted = indexedPages(readFileSync(join(target, 'pagefind-entry.json'), 'utf8'));
      if (counted[INDEX_LANGUAGE] !== reports.length) throw new Error(`the kept index of ${years} has ${JSON.stringify(counted)} report pages, but content/ has ${reports.length} reports of those years`);
    } else {
      await buildSearchIndex(reports.values().map(documentOf), reports.length, target, { runtime: shard.dir === '' });
      cache.keep(key, target);
      indexed.unshift(years);
    }
    cache.linkSources(sourcesKey, key);
  }
  cache.keepDocumentDigests(digests);
  cache.prune(used, usedSources);
  const count = `${shards.length} ${shards.length === 1 ? 'index' : 'indexes'}`;
  console.log(
    `Pagefind: ${archive.reports.length} report pages (${INDEX_LANGUAGE}) of ${expected} reports, in ${count}; ` +
      (indexed.length ? `indexed ${indexed.length} (${indexed.join(', ')}), kept ${shards.length - indexed.length} unchanged.` : `no search document changed, all kept.`),
  );
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  main().catch((error: unknown) => {
    console.error(`搜索索引失败：${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
