/**
 * The prepare step (src/build/): every report rendered once per text, reused
 * from the store while its file is unchanged, re-rendered when its text or the
 * pipeline changes; every problem of every file listed in one run; the store
 * holding one archive's worth.
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { archiveOf, prepareContent, prepareInProcess, type PrepareJob, type PrepareMisses } from '../../src/build/prepare-content.ts';
import { localImports, moduleClosure } from '../../src/build/pipeline-version.ts';
import { storeDir } from '../../src/build/prepared-store.ts';
import { ROOT } from '../helpers/content.ts';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** A copy of the archive's content and an empty cache. */
function workspace(from = join(ROOT, 'content')) {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-prepare-'));
  dirs.push(dir);
  cpSync(from, join(dir, 'content'), { recursive: true });
  return { root: ROOT, contentDir: join(dir, 'content'), cacheDir: join(dir, 'cache') };
}

/** prepareInProcess, recording which files it was asked to render. */
function recording(): { rendered: string[]; prepareMisses: PrepareMisses } {
  const rendered: string[] = [];
  return {
    rendered,
    prepareMisses: async (jobs: readonly PrepareJob[], store) => {
      rendered.push(...jobs.map((j) => j.path));
      await prepareInProcess(jobs, store);
    },
  };
}

const entryFiles = (cacheDir: string) => (readdirSync(join(storeDir(cacheDir), 'entries'), { recursive: true }) as string[]).filter((f) => /\.(json|html)$/.test(f));

describe('prepare step', () => {
  it('renders every report of a new archive, with its data, body and text facts', async () => {
    const paths = workspace();
    const run = recording();
    const prepared = await prepareContent({ ...paths, ...run });
    expect(prepared.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(prepared.reports).toHaveLength(18);
    expect(run.rendered).toHaveLength(18);
    const { archive, facts, keys } = archiveOf(prepared);
    expect(archive.reports).toHaveLength(18);
    const html = prepared.store.readHtml(keys.get('370303-jiaoyuju/2014')!);
    // Rendered with the site's pipeline: quote anchors and heading ids.
    expect(html).toMatch(/<mark id="quote-\d+" class="quote">/);
    expect(html).toMatch(/<h2 id="[^"]+">/);
    expect(facts.get('370303-jiaoyuju/2014')!.checklist.length).toBeGreaterThan(0);
    expect(facts.get('370303-jiaoyuju/2014')!.sentences.length).toBeGreaterThan(0);
  });

  it('renders nothing again when nothing changed, and only the edited report after an edit', async () => {
    const paths = workspace();
    await prepareContent({ ...paths, ...recording() });
    const again = recording();
    await prepareContent({ ...paths, ...again });
    expect(again.rendered).toEqual([]);

    appendFileSync(join(paths.contentDir, 'reports/370303-jiaoyuju/2014.md'), '\n追加的一句，用于测试。\n');
    const edited = recording();
    const prepared = await prepareContent({ ...paths, ...edited });
    expect(edited.rendered).toEqual(['content/reports/370303-jiaoyuju/2014.md']);
    const { keys } = archiveOf(prepared);
    expect(prepared.store.readHtml(keys.get('370303-jiaoyuju/2014')!)).toContain('追加的一句，用于测试。');
  });

  it('re-renders a file touched without a change of text from the store, without rendering it', async () => {
    const paths = workspace();
    await prepareContent({ ...paths, ...recording() });
    const file = join(paths.contentDir, 'reports/370303-jiaoyuju/2014.md');
    writeFileSync(file, readFileSync(file));
    const touched = recording();
    await prepareContent({ ...paths, ...touched });
    expect(touched.rendered).toEqual([]);
  });

  it('keeps one archive in the store: the entry of an edited report\'s old text is dropped', async () => {
    const paths = workspace();
    await prepareContent({ ...paths, ...recording() });
    const before = entryFiles(paths.cacheDir).length;
    expect(before).toBe(36);
    appendFileSync(join(paths.contentDir, 'reports/370303-jiaoyuju/2014.md'), '\n再追加一句。\n');
    await prepareContent({ ...paths, ...recording() });
    expect(entryFiles(paths.cacheDir)).toHaveLength(before);
  });

  it('refuses a quote that is not in its report body, naming the file and field', async () => {
    const paths = workspace();
    const file = join(paths.contentDir, 'reports/370303-jiaoyuju/2014.md');
    const [frontMatter, ...body] = readFileSync(file, 'utf8').split('\n---\n');
    writeFileSync(file, [frontMatter, body.join('\n---\n').replace('共计600余条', '共计六百余条')].join('\n---\n'));
    const prepared = await prepareContent({ ...paths, ...recording() });
    expect(() => archiveOf(prepared)).toThrow(/content\/reports\/370303-jiaoyuju\/2014\.md:\d+ metrics\.proactive_total\.quote: quote 未在正文中逐字出现：“[^”]*共计600余条”/);
  });

  it('lists the problems of every bad file in one run, and the archive refuses them', async () => {
    const paths = workspace(join(ROOT, 'tests/fixtures/bad/content'));
    const prepared = await prepareContent({ ...paths, ...recording() });
    const files = new Set(prepared.problems.filter((p) => p.severity === 'error').map((p) => p.file));
    expect(files.size).toBeGreaterThanOrEqual(15);
    expect([...files].some((f) => f.startsWith('content/reports/'))).toBe(true);
    expect([...files].some((f) => f.startsWith('content/agencies/'))).toBe(true);
    expect(() => archiveOf(prepared)).toThrow(/档案内容有 \d+ 个问题/);
  });
});

describe('pipeline version', () => {
  it('reads the relative imports of a module, type-only ones included', () => {
    const source = "import a from './a.ts';\nimport type { B } from '../b.ts';\nimport { c } from 'unified';\nconst d = await import('./d.ts');\n";
    expect(localImports(source)).toEqual(['./a.ts', '../b.ts', './d.ts']);
  });

  it('covers the modules that shape a prepared report, and not the pages or the search document', () => {
    const modules = moduleClosure(ROOT);
    for (const file of ['src/lib/prepare/prepare-report.ts', 'src/lib/markdown/processor.ts', 'src/lib/markdown/rehype-quote-anchors.ts', 'src/lib/schema/report.ts', 'src/lib/quality/text-facts.ts']) {
      expect(modules).toContain(file);
    }
    expect(modules).not.toContain('src/lib/search/document.ts');
    expect(modules.some((m) => m.startsWith('src/pages/'))).toBe(false);
  });

  it('covers the modules that make a search document, and passes over example paths in comments', () => {
    // search-index.ts imports pipeline-version.ts, whose comment shows `import('./z.ts')`: not a file.
    const modules = moduleClosure(ROOT, ['src/cli/search-index.ts', 'src/lib/search/document.ts']);
    expect(modules).toContain('src/lib/search/index-text.ts');
    expect(modules).toContain('src/build/pipeline-version.ts');
    expect(modules.every((m) => !m.endsWith('/z.ts') && !m.endsWith('/x.ts'))).toBe(true);
  });

  it('checks without keeping the reports when asked (the build\'s own process): the same problems, no report data', async () => {
    const paths = workspace(join(ROOT, 'tests/fixtures/bad/content'));
    const full = await prepareContent({ ...paths, ...recording() });
    const checked = await prepareContent({ ...paths, ...recording(), keep: () => 'problems' });
    expect(checked.problems).toEqual(full.problems);
    expect(checked.reports.map((r) => r.key)).toEqual(full.reports.map((r) => r.key));
    expect(checked.reports.every((r) => r.meta.report === undefined && r.meta.facts === undefined)).toBe(true);
    // Across-file checks still see every report: a report of an agency with no file is still reported.
    expect(checked.problems.filter((p) => p.severity === 'error').length).toBe(full.problems.filter((p) => p.severity === 'error').length);
  });

  it('reads a report to prepare from its file, not from a copy held since the build started', async () => {
    const paths = workspace();
    const jobs: PrepareJob[] = [];
    await prepareContent({ ...paths, prepareMisses: async (j, store) => { jobs.push(...j); await prepareInProcess(j, store); } });
    expect(jobs).toHaveLength(18);
    expect(Object.keys(jobs[0]!).sort()).toEqual(['key', 'path', 'source']);
    expect(readFileSync(jobs[0]!.source, 'utf8')).toContain('---');
  });
});
