import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countReportFiles } from '../../src/build/content-files.ts';
import { buildSearchIndex, indexedPages, isRuntimeFile } from '../../src/cli/search-index.ts';
import { documentDigest, documentsDigest, documentSourceKey, SearchIndexCache, sourcesDigest } from '../../src/build/search-index-cache.ts';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body><nav>导航</nav>` +
  `<article data-pagefind-body><h1 data-pagefind-meta="title:${title}">${title}</h1><p>${body}</p></article></body></html>`;

let dirs: string[] = [];
function tempSite(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-site-'));
  dirs.push(dir);
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

describe('search index integration', () => {
  const documents = [
    { sourcePath: 'reports/a/2014/index.html', html: page('甲报告', '行政复议11起') },
    { sourcePath: 'reports/b/2015/index.html', html: page('乙报告', '未收到申请') },
  ];
  const site = () => tempSite({ 'index.html': '<!doctype html><html lang="zh-CN"><body><p>首页</p></body></html>' });

  it('indexes the documents (as INDEX_LANGUAGE) and writes the bundle', async () => {
    const dir = site();
    const result = await buildSearchIndex(documents, 2, join(dir, 'pagefind'));
    expect(result.pages).toEqual({ und: 2 });
    expect(indexedPages(readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8'))).toEqual({ und: 2 });
    expect(existsSync(join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('writes an older group without the scripts the page loads from the primary, but with what it needs to be searched alone', async () => {
    const dir = site();
    await buildSearchIndex(documents, 2, join(dir, 'pagefind', '2014'), { runtime: false });
    const written = readdirSync(join(dir, 'pagefind', '2014'));
    expect(written).toContain('pagefind-entry.json');
    expect(written.some((f) => f.endsWith('.pf_meta'))).toBe(true);
    expect(written.filter((f) => isRuntimeFile(f))).toEqual([]);
    expect(['pagefind.js', 'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-highlight.js'].every(isRuntimeFile)).toBe(true);
    // What a group needs to be searched alone, as the primary of a scoped instance, and the index itself.
    expect(written).toEqual(expect.arrayContaining(['wasm.unknown.pagefind', 'pagefind-worker.js', 'pagefind-entry.json']));
    expect(['pagefind.zh-cn_1a2b.pf_meta', 'pagefind-entry.json', 'index/zh-cn_1.pf_index', 'fragment/x.js', 'wasm.unknown.pagefind', 'pagefind-worker.js'].some(isRuntimeFile)).toBe(false);
  });

  it('fails when the number of indexed pages differs from the number of reports, writing nothing', async () => {
    const dir = site();
    await expect(buildSearchIndex(documents, 3, join(dir, 'pagefind'))).rejects.toThrow(
      'Pagefind indexing failed: indexed {"und":2} report pages, but content/ has 3 reports (all und)',
    );
    expect(existsSync(join(dir, 'pagefind'))).toBe(false);
  });

  it('counts report files as content/reports/<agency>/<year>.md only', async () => {
    const dir = tempSite({
      'reports/a/2014.md': 'x',
      'reports/a/2015.md': 'x',
      'reports/b/2014.md': 'x',
      'reports/b/notes.md': 'x',
      'agencies/a.yaml': 'x',
    });
    await expect(countReportFiles(dir)).resolves.toBe(3);
  });

  it('names an index by what its documents are made from, without their bodies: text keys, agencies, code, place', () => {
    const sources = [
      { sourcePath: 'reports/a/2014/index.html', textKey: 'k1', agency: { id: 'a', name: '甲局', aliases: [] } },
      { sourcePath: 'reports/b/2014/index.html', textKey: 'k2', agency: { id: 'b', name: '乙局', aliases: [] } },
    ];
    const digest = sourcesDigest(sources, '', 'v1');
    expect(sourcesDigest(structuredClone(sources), '', 'v1')).toBe(digest);
    expect(sourcesDigest([{ ...sources[0]!, textKey: 'k1x' }, sources[1]!], '', 'v1')).not.toBe(digest);
    expect(sourcesDigest([{ ...sources[0]!, agency: { id: 'a', name: '甲局', aliases: ['甲'] } }, sources[1]!], '', 'v1')).not.toBe(digest);
    expect(sourcesDigest(sources, '', 'v2')).not.toBe(digest);
    expect(sourcesDigest(sources, '2008-2015/', 'v1')).not.toBe(digest);
    expect(sourcesDigest([...sources].reverse(), '', 'v1')).not.toBe(digest);
    // The documents' own digest sees only what is indexed.
    const documents = [{ sourcePath: 'reports/a/2014/index.html', digest: documentDigest('<p>行政复议</p>') }];
    expect(documentsDigest(documents, '')).toBe(documentsDigest([{ sourcePath: 'reports/a/2014/index.html', digest: documentDigest('<p>行政复议</p>') }], ''));
    expect(documentsDigest([{ ...documents[0]!, digest: documentDigest('<p>行政诉讼</p>') }], '')).not.toBe(documentsDigest(documents, ''));
    expect(documentsDigest(documents, '2008-2015/')).not.toBe(documentsDigest(documents, ''));
  });

  it('keeps one digest per document under what it is made from, so a changed group hashes only its changed documents', () => {
    const source = { sourcePath: 'reports/a/2014/index.html', textKey: 'k1', agency: { id: 'a', name: '甲局', aliases: [] } };
    const key = documentSourceKey(source, 'v1');
    expect(documentSourceKey(structuredClone(source), 'v1')).toBe(key);
    expect(documentSourceKey({ ...source, textKey: 'k1x' }, 'v1')).not.toBe(key);
    expect(documentSourceKey({ ...source, agency: { ...source.agency, name: '甲厅' } }, 'v1')).not.toBe(key);
    expect(documentSourceKey({ ...source, sourcePath: 'reports/a/2015/index.html' }, 'v1')).not.toBe(key);
    expect(documentSourceKey(source, 'v2')).not.toBe(key);

    const cache = new SearchIndexCache(tempSite({}));
    expect(cache.documentDigests()).toEqual(new Map());
    cache.keepDocumentDigests(new Map([[key, documentDigest('<p>行政复议</p>')]]));
    expect(cache.documentDigests()).toEqual(new Map([[key, documentDigest('<p>行政复议</p>')]]));
    // Pruning the bundles keeps the digests; a damaged file is as good as none.
    cache.prune([], []);
    expect(cache.documentDigests().size).toBe(1);
    writeFileSync(join(cache.dir, 'documents.json'), '{"broken');
    expect(cache.documentDigests()).toEqual(new Map());
  });
});
