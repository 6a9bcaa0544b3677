/**
 * npm run bench -- --reports <n> [--seed 1] [--no-baselines] [--max-seconds s] [--max-rss-mb m] [--write] [--keep]
 *
 * Generates a synthetic archive of <n> reports, builds the full site from it
 * (per phase: wall time and peak RSS), measures the output, rebuilds after
 * editing one report, and builds the same Markdown with a minimal Astro site and
 * with Hugo. Prints a table; --write also puts it into docs/performance.md.
 *
 * --max-seconds / --max-rss-mb stop any build that goes past them (the 100k
 * target is 600 s and 4096 MB) and report the phase it had reached; the output
 * of a stopped full build is not measured and the rebuild is skipped.
 *
 * --keep leaves the generated content and the built site in .builds/ (its path is printed), for
 * `npm run bench:search -- --site <dir>/dist --content <dir>/content` to run the query set on it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, appendFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateArchive } from './generate.ts';
import { maxReportsPerPart } from '../../build/parts.ts';
import { childEnv } from '../child-env.ts';
import { dirSize } from './dir-size.ts';
import { maxReportsPerIndex } from '../../lib/search/shards.ts';
import { queryPart, type QueryBytes, type QueryPart } from './query-part.ts';
import { runMeasured, type Limits, type RunResult } from './measure.ts';
import { placeSection } from './performance-doc.ts';
import { largestPages, PAGE_BUDGET_GZIP } from '../page-sizes.ts';

const ROOT = process.cwd();
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** The steps of `npm run build` (src/cli/build.ts) as its log announces them; pages and the search index run side by side. */
const PHASES = [
  { name: '内容准备', startsAt: /^准备内容/ },
  { name: '页面与搜索索引（同时）', startsAt: /^准备完成/ },
  { name: '收尾', startsAt: /^构建用时/ },
];

/** `npm run build` as one measured process tree. */
const FULL_BUILD = [join(ROOT, 'src/cli/build.ts')];

/** The two side-by-side steps' own times, from the build's last line ("构建用时：准备 1.6 s，页面 4.8 s，搜索索引 1.4 s …"). */
export function stepSeconds(output: string): { pages: number; index: number } | undefined {
  const m = /构建用时：准备 [\d.]+ s，页面 ([\d.]+) s，搜索索引 ([\d.]+) s/.exec(output);
  return m ? { pages: Number(m[1]), index: Number(m[2]) } : undefined;
}

/** "astro.mjs 1200 MB，search-index.ts 700 MB，build.ts 300 MB": each process's peak, largest first. */
function processPeaksText(run: RunResult): string {
  const NAMES: Record<string, string> = { 'astro.mjs': 'Astro', 'search-index.ts': '搜索索引', 'build.ts': '准备（含渲染线程）' };
  return Object.entries(run.processPeaks)
    .filter(([, rss]) => rss > 32 * 1024 * 1024)
    .sort((a, b) => b[1] - a[1])
    .map(([label, rss]) => {
      const [name = label, part] = label.split(' ');
      return `${NAMES[name] ?? name}${part ? `（${part}）` : ''} ${mb(rss)}`;
    })
    .join('，');
}


/** Pages an incremental build restored from the previous build instead of rendering ("├─ /reports/…/index.html (restored)"). */
/** The search index's layout, from the indexer's line ("… in 2 indexes; …"), and the most reports an index takes. */
export function searchLayout(output: string): string | undefined {
  const count = /Pagefind: .* in (\d+) index(?:es)?;/.exec(output)?.[1];
  return count && `${count} 个索引（每个至多 ${maxReportsPerIndex(process.env)} 份报告，按连续年份分组）`;
}

/** How the pages were built: "4 个 Astro 进程（cross，reports:1/3，…）", or one process. */
export function pagesLayout(output: string): string {
  const parts = /页面分 (\d+) 个 Astro 进程构建（([^）]*)）/.exec(output);
  return parts
    ? `${parts[1]} 个 Astro 进程（${parts[2]}；每个至多 ${maxReportsPerPart(process.env)} 份报告的页面；搜索索引运行时一次一个，完成后同时 CPU 核数个）`
    : '一个 Astro 进程';
}

function restoredPages(output: string): number {
  // HTML pages only: data files (/data/agencies/<id>.json) are restored too, but are not pages.
  return (output.match(/\.html \(restored\)/g) ?? []).length;
}

/** Time the data files from the build's own per-route timings ("├─ /data/reports.csv (+18ms)"). */
function dataSeconds(output: string): number {
  return [...output.matchAll(/\/data\/[^\s]* \(\+(\d+)ms\)/g)].reduce((a, m) => a + Number(m[1]), 0) / 1000;
}

function minimalAstro(dir: string, content: string): void {
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module","private":true}');
  writeFileSync(join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\n// Its own content store, not the one in node_modules it links to.\nexport default defineConfig({ cacheDir: './.astro-cache' });\n");
  writeFileSync(join(dir, 'src/content.config.ts'), `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { reports: defineCollection({ loader: glob({ pattern: '*/*.md', base: ${JSON.stringify(join(content, 'reports'))} }) }) };\n`);
  writeFileSync(join(dir, 'src/pages/[...id].astro'), `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() { return (await getCollection('reports')).map((entry) => ({ params: { id: entry.id }, props: { entry } })); }\nconst { Content } = await render(Astro.props.entry);\n---\n<html><body><Content /></body></html>\n`);
}

function minimalHugo(dir: string, content: string): void {
  mkdirSync(join(dir, 'layouts/_default'), { recursive: true });
  writeFileSync(join(dir, 'hugo.toml'), "baseURL = 'http://localhost/'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n[markup.goldmark.renderer]\nunsafe = false\n");
  writeFileSync(join(dir, 'layouts/_default/single.html'), '<!doctype html><title>{{ .Title }}</title>{{ .Content }}\n');
  writeFileSync(join(dir, 'layouts/_default/list.html'), '<!doctype html><title>{{ .Title }}</title>\n');
  cpSync(join(content, 'reports'), join(dir, 'content'), { recursive: true });
}

/** Bytes one search transfers after the page has loaded (first query, with Pagefind's runtime), served with gzip as a static host does. */
async function queryBytes(site: string): Promise<QueryBytes | undefined> {
  const { launchBrowser } = await import('../../../tests/helpers/browser.ts').catch(() => ({ launchBrowser: undefined }));
  const { serveStatic } = await import('../../../tests/helpers/serve.ts').catch(() => ({ serveStatic: undefined }));
  if (!launchBrowser || !serveStatic || !existsSync('/usr/bin/chromium')) return undefined;
  const server = await serveStatic(site, '/', { gzip: true });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/`, { waitUntil: 'networkidle' });
    const sizes: Promise<[QueryPart, number]>[] = [];
    page.on('requestfinished', (r) => sizes.push(r.sizes().then((s) => [queryPart(r.url()), s.responseBodySize + s.responseHeadersSize])));
    await page.fill('#search-q', '行政复议');
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => !(document.querySelector('#search-status')?.textContent ?? '').includes('正在搜索') && !document.querySelector('#search-results[aria-busy]'), null, { timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    const parts: Record<QueryPart, number> = { runtime: 0, meta: 0, filter: 0, index: 0, fragment: 0, other: 0 };
    for (const [part, n] of await Promise.all(sizes)) parts[part] += n;
    return { total: Object.values(parts).reduce((a, b) => a + b, 0), parts };
  } finally {
    await browser.close();
    await server.close();
  }
}

function meanReportGzip(site: string): number {
  const css = (readdirSync(join(site, '_astro')) as string[]).filter((f) => f.endsWith('.css')).map((f) => gzipSync(readFileSync(join(site, '_astro', f))).length).reduce((a, b) => a + b, 0);
  const pages = (readdirSync(join(site, 'reports'), { recursive: true }) as string[]).filter((f) => f.endsWith('index.html'));
  const sample = pages.filter((_, i) => i % Math.max(1, Math.floor(pages.length / 200)) === 0);
  const html = sample.map((f) => gzipSync(readFileSync(join(site, 'reports', f))).length);
  return html.reduce((a, b) => a + b, 0) / html.length + css;
}

/** "reports/ 520 MB，metrics/ 250 MB，…": the top-level parts of a site, largest first. */
function largestParts(site: string, count = 6): string {
  return readdirSync(site)
    .map((name) => ({ name, bytes: dirSize(join(site, name)).bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count)
    .map((p) => `${p.name}${statSync(join(site, p.name)).isDirectory() ? '/' : ''} ${mb(p.bytes)}`)
    .join('，');
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

/** "未完成：…" for a run stopped at a limit, else its time and peak memory. */
function runSummary(run: RunResult, limits: Limits): string {
  const memory = `峰值内存 ${mb(run.peakRss)}`;
  if (run.status !== 0 && !run.stopped) {
    // A crash (e.g. the heap limit) at a large size is a result too: say what it was.
    const lines = run.output.split('\n');
    const error = (lines.find((l) => /FATAL ERROR|out of memory/i.test(l)) ?? lines.filter((l) => /error/i.test(l)).at(-1) ?? '').trim();
    return `**失败**：${run.seconds.toFixed(1)} s 时退出（${run.signal ? `信号 ${run.signal}` : `退出码 ${run.status}`}）${error ? `：${error.slice(0, 160).replaceAll('|', '/')}` : ''}；${memory}`;
  }
  if (!run.stopped) return `${run.seconds.toFixed(1)} s，${memory}`;
  const { reason, at, phase } = run.stopped;
  const limit = reason === 'time' ? `达到时间上限 ${limits.seconds} s` : `超过内存上限 ${mb(limits.rssBytes ?? 0)}`;
  const where = phase ? `，当时处于“${phase}”阶段` : '';
  return `**未完成**：${at.toFixed(1)} s 时${limit}而停止${where}；停止前${memory}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reports: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      'no-baselines': { type: 'boolean', default: false },
      // At 100,000 reports a full build alone takes most of an hour: measure it, and leave the rebuilds to smaller runs.
      'no-rebuilds': { type: 'boolean', default: false },
      'max-seconds': { type: 'string' },
      'max-rss-mb': { type: 'string' },
      write: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const count = Number(values.reports);
  for (const flag of ['max-seconds', 'max-rss-mb'] as const) {
    const given = values[flag];
    if (given !== undefined && !(Number(given) >= 0)) throw new Error(`--${flag} 应为不小于 0 的数，收到 “${given}”`);
  }
  const limits: Limits = {
    ...(values['max-seconds'] ? { seconds: Number(values['max-seconds']) } : {}),
    ...(values['max-rss-mb'] ? { rssBytes: Number(values['max-rss-mb']) * 1024 * 1024 } : {}),
  };
  const limitArgs = [values['max-seconds'] && `--max-seconds ${values['max-seconds']}`, values['max-rss-mb'] && `--max-rss-mb ${values['max-rss-mb']}`].filter(Boolean).join(' ');
  // Inside the project (ignored by git): Astro keeps a build's prerender chunks in its output folder only
  // when that is inside the project, and in the shared .astro/ otherwise, where a test's build running at
  // the same time would overwrite them.
  mkdirSync(join(ROOT, '.builds'), { recursive: true });
  const work = mkdtempSync(join(ROOT, '.builds', `bench-${count}-`));
  const content = join(work, 'content');
  const site = join(work, 'dist');
  try {
    const generated = await generateArchive(content, count, Number(values.seed));
    console.log(`生成：${generated.reports} 份报告，${generated.agencies} 个机构（种子 ${values.seed}）→ ${work}`);

    const build = () => runMeasured(process.execPath, FULL_BUILD, childEnv({ NIANBAO_CONTENT: content, NIANBAO_OUT: site, NIANBAO_CACHE: join(work, 'astro-cache') }), PHASES, ROOT, limits);
    const full = await build();
    const complete = full.status === 0 && !full.stopped;
    if (!complete && !full.stopped) {
      console.error(`完整构建失败：\n${full.output.slice(-3000)}`);
      process.exitCode = 1;
    }
    const data = dataSeconds(full.output);
    const steps = stepSeconds(full.output);

    const out = complete ? dirSize(site) : undefined;
    const pages = complete ? (readdirSync(site, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).length : undefined;
    const index = complete ? dirSize(join(site, 'pagefind')) : undefined;
    const reportGzip = complete ? meanReportGzip(site) : undefined;
    const largest = complete ? largestPages(site, 3) : undefined;
    const bytes = complete ? await queryBytes(site) : undefined;

    // Rebuild after editing one report's text, then after correcting one value of another (its quote and text
    // unchanged, as when an editor fixes a mistyped number): no search document changes then.
    let rebuild: RunResult | undefined;
    let valueRebuild: RunResult | undefined;
    if (complete && !values['no-rebuilds']) {
      const agencies = readdirSync(join(content, 'reports')).sort();
      const edited = join(content, 'reports', agencies[0]!, '2008.md');
      appendFileSync(edited, '\n本段为基准测试追加的修改。\n');
      rebuild = await build();
      const VALUE = /^(    value: )(\d+)$/m;
      const corrected = agencies.slice(1).flatMap((a) => readdirSync(join(content, 'reports', a)).sort().map((f) => join(content, 'reports', a, f)))
        .find((f) => VALUE.test(readFileSync(f, 'utf8')));
      if (corrected) {
        writeFileSync(corrected, readFileSync(corrected, 'utf8').replace(VALUE, (_, key: string, n: string) => `${key}${Number(n) + 1}`));
        valueRebuild = await build();
      }
    }

    let minimal: RunResult | undefined;
    let hugo: RunResult | undefined;
    if (!values['no-baselines']) {
      const minDir = join(work, 'min-astro');
      minimalAstro(minDir, content);
      minimal = await runMeasured(process.execPath, ['--max-old-space-size=8192', ASTRO, 'build'], childEnv({}), [], minDir, limits);
      const hugoDir = join(work, 'hugo');
      minimalHugo(hugoDir, content);
      try {
        execFileSync('hugo', ['version'], { stdio: 'ignore' });
        hugo = await runMeasured('hugo', ['--quiet', '-s', hugoDir, '-d', join(work, 'hugo-out')], process.env, [], hugoDir, limits);
      } catch {
        console.log('未安装 hugo（apt-get install hugo），跳过 Hugo 基线');
      }
    }

    const NOT_BUILT = '未测（完整构建未完成）';
    const ratio = (base: RunResult, digits: number) => (complete && base.status === 0 ? (full.seconds / base.seconds).toFixed(digits) : '无法计算（有构建未完成）');
    const rows: [string, string][] = [
      ['报告 / 机构', `${generated.reports} / ${generated.agencies}`],
      ['完整构建', runSummary(full, limits)],
      ...full.phases.map((p): [string, string] => [`　${p.name}`, `${p.seconds.toFixed(1)} s，峰值内存 ${mb(p.peakRss)}`]),
      ...(steps ? [['　其中页面（astro build）/ 搜索索引', `${steps.pages.toFixed(1)} s / ${steps.index.toFixed(1)} s`] as [string, string]] : []),
      ['　各进程峰值内存', processPeaksText(full)],
      ['　其中数据文件（reports.csv 等）', complete ? `${data.toFixed(1)} s` : NOT_BUILT],
      ['页面数', pages === undefined ? NOT_BUILT : String(pages)],
      ['页面构建', pagesLayout(full.output)],
      ['搜索索引分组', searchLayout(full.output) ?? NOT_BUILT],
      ['dist 大小', out ? `${mb(out.bytes)}（${out.files} 个文件）；最大的几部分：${largestParts(site)}` : NOT_BUILT],
      ['搜索索引大小', index ? `${mb(index.bytes)}（${index.files} 个文件）` : NOT_BUILT],
      ['一次搜索的传输量（“行政复议”，含 Pagefind 运行时；文本文件按 gzip 传输）', !complete ? NOT_BUILT : bytes === undefined ? '未测（无 Chromium）' : `${kb(bytes.total)}：运行时 ${kb(bytes.parts.runtime)}，元数据 ${kb(bytes.parts.meta)}，筛选 ${kb(bytes.parts.filter)}，索引分块 ${kb(bytes.parts.index)}，片段 ${kb(bytes.parts.fragment)}，其他 ${kb(bytes.parts.other)}`],
      ['报告页平均大小（gzip，HTML + CSS）', reportGzip === undefined ? NOT_BUILT : kb(reportGzip)],
      [`最大的页面（gzip；预算 ${kb(PAGE_BUDGET_GZIP)}）`, largest ? largest.map((p) => `${p.path} ${kb(p.gzip)}（未压缩 ${kb(p.bytes)}）`).join('，') : NOT_BUILT],
      ['修改一份报告的正文后重新构建', rebuild ? `${runSummary(rebuild, limits)}（完整构建的 ${(rebuild.seconds / full.seconds).toFixed(2)} 倍）` : values['no-rebuilds'] ? '未测（--no-rebuilds）' : NOT_BUILT],
      ...(rebuild ? [['　重建各阶段', rebuild.phases.map((p) => `${p.name} ${p.seconds.toFixed(1)} s（${((p.seconds / rebuild!.seconds) * 100).toFixed(0)}%）`).join('，')] as [string, string]] : []),
      ...(rebuild && stepSeconds(rebuild.output) ? [['　重建时页面（astro build）/ 搜索索引', `${stepSeconds(rebuild.output)!.pages.toFixed(1)} s / ${stepSeconds(rebuild.output)!.index.toFixed(1)} s`] as [string, string]] : []),
      ...(rebuild ? [['　重建时从上次构建恢复的页面（未重新渲染）', `${restoredPages(rebuild.output)} / ${pages ?? '?'}`] as [string, string]] : []),
      ...(valueRebuild ? [['修改一份报告的一个数值后重新构建（正文不变）', `${runSummary(valueRebuild, limits)}（完整构建的 ${(valueRebuild.seconds / full.seconds).toFixed(2)} 倍）；搜索索引${/no search document changed/.test(valueRebuild.output) ? '沿用上次' : '重建'}`] as [string, string]] : []),
      ...(valueRebuild && stepSeconds(valueRebuild.output) ? [['　其中页面（astro build）/ 搜索索引', `${stepSeconds(valueRebuild.output)!.pages.toFixed(1)} s / ${stepSeconds(valueRebuild.output)!.index.toFixed(1)} s；恢复 ${restoredPages(valueRebuild.output)} / ${pages ?? '?'} 页`] as [string, string]] : []),
      ...(minimal ? [['最小 Astro 站点（每份报告一页）', `${runSummary(minimal, limits)}；完整/最小 = ${ratio(minimal, 2)}`] as [string, string]] : []),
      ...(hugo ? [['Hugo 最小模板', `${runSummary(hugo, limits)}；完整/Hugo = ${ratio(hugo, 1)}`] as [string, string]] : []),
      ...(limitArgs ? [['上限（超过即停止）', [limits.seconds !== undefined && `${limits.seconds} s`, limits.rssBytes !== undefined && `峰值内存 ${mb(limits.rssBytes)}`].filter(Boolean).join('，')] as [string, string]] : []),
    ];
    const tableText = ['| 项目 | 结果 |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
    console.log(`\n${tableText}`);

    if (values.write) {
      const file = join(ROOT, 'docs/performance.md');
      const section = `\n## ${generated.reports} 份报告\n\n命令：\`npm run bench -- --reports ${count} --seed ${values.seed}${values['no-baselines'] ? ' --no-baselines' : ''}${values['no-rebuilds'] ? ' --no-rebuilds' : ''}${limitArgs ? ` ${limitArgs}` : ''} --write\`（${new Date().toISOString().slice(0, 10)}，本机 2 核）\n\n${tableText}\n`;
      const previous = existsSync(file) ? readFileSync(file, 'utf8') : '# 性能\n\n“N 份报告”各节由 `npm run bench -- --write` 生成，按规模排列，同一规模重跑时替换该节。\n';
      writeFileSync(file, placeSection(previous, generated.reports, section));
      console.log(`已写入 ${file}`);
    }
  } finally {
    if (values.keep) console.log(`保留：内容 ${content}，站点 ${site}（用完请删除 ${work}）`);
    else rmSync(work, { recursive: true, force: true });
  }
}

await main();
