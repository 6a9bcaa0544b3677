/**
 * npm run build — the whole site, in three steps:
 *
 * 1. Prepare: check every file under content/ and render the bodies whose text
 *    changed since the last build, on every core (src/build/). Any error stops
 *    the build here, with every problem of every file listed at once.
 * 2. The pages and the search index side by side, as separate processes: the
 *    index reads the prepared reports, not the pages, so it need not wait. The
 *    pages are one `astro build`, or, past MAX_REPORTS_PER_PART reports, several:
 *    a cross part and report partitions (src/build/parts.ts), on the cores the
 *    index leaves (one while it runs, all once it is done).
 * 3. The index moved into the site (and the parts merged), once all have finished.
 *
 * It ends with one line of timings ("构建用时：…"), which `npm run bench` reads.
 * NIANBAO_CONTENT, NIANBAO_OUT and NIANBAO_CACHE name other content, output and
 * cache folders (tests and the benchmark use them).
 *
 * For a build spread over machines (the GitHub Actions workflow runs each part as a job):
 *   npm run build -- --plan                                  prepare, and print the parts as a JSON list (last line)
 *   npm run build -- --part cross | reports:k/n | search    one part, into the output folder
 *   npm run build -- --merge <folder>                        the parts' outputs in <folder>/*, merged into the output folder
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { contentPaths } from '../build/content-paths.ts';
import { markPart, mergeParts, parseOutputPart, SEARCH_PART } from '../build/merge-parts.ts';
import { jobParts, maxReportsPerPart, partFolder, partName, partsOf, reportPartitions, type BuildPart } from '../build/parts.ts';
import { checkWhole } from '../integrations/content-guard.ts';
import { inPool, type Child } from './child-pool.ts';
import { prepareContent } from '../build/prepare-content.ts';
import { preparePool } from '../build/prepare-pool.ts';
import { formatProblem } from '../lib/validate/problem.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Run a Node script as a child, passing its output through line by line (two children's lines never mix). */
function runNode(args: readonly string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number>((done, fail) => {
    for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
      let pending = '';
      from.setEncoding('utf8');
      from.on('data', (chunk: string) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop()!;
        if (lines.length) to.write(`${lines.join('\n')}\n`);
      });
      from.on('end', () => pending && to.write(`${pending}\n`));
    }
    child.on('error', fail);
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
  return { exited, stop: () => child.kill('SIGTERM') };
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const SEARCH_INDEX = join(ROOT, 'src/cli/search-index.ts');

/** `astro build` of one part of the site into `outDir`. */
const astroBuild = (env: NodeJS.ProcessEnv, part: BuildPart, outDir: string): Child =>
  runNode([ASTRO, 'build'], { ...env, NIANBAO_OUT: outDir, ...(part.kind === 'whole' ? {} : { NIANBAO_PART: partName(part) }) });

/** Check and prepare the content; undefined (with every problem printed) when it has errors. */
async function prepare(where: ReturnType<typeof contentPaths>): Promise<{ reports: number } | undefined> {
  const started = performance.now();
  console.log(`准备内容：${where.contentDir}`);
  // This process only checks: Astro and the search index read the prepared reports themselves.
  const prepared = await prepareContent({ ...where, prepareMisses: preparePool(), keep: () => 'problems' });
  const errors = prepared.problems.filter((p) => p.severity === 'error');
  for (const warning of prepared.problems.filter((p) => p.severity === 'warning' && !p.pending)) console.warn(formatProblem(warning));
  // What waits for a person is listed by npm run check; here, how much there is.
  const pending = prepared.problems.filter((p) => p.severity === 'warning' && p.pending);
  if (pending.length) {
    const files = new Set(pending.map((p) => p.file));
    console.warn(`待人工处理：${files.size} 个文件（机器导入尚未核对的报告、待补全的机构），共 ${pending.length} 项；npm run check 逐项列出，严格模式（NIANBAO_STRICT=1）下构建会停止`);
  }
  if (errors.length) {
    console.error(`内容有 ${errors.length} 个错误，构建停止（npm run check 可逐文件查看）：\n${errors.map(formatProblem).join('\n')}`);
    return undefined;
  }
  console.log(`准备完成：${prepared.reports.length} 份报告，其中 ${prepared.rendered} 份重新渲染（${seconds(started)} s）`);
  return { reports: prepared.reports.length };
}

/** `--part`: one part of a build spread over machines, into the output folder, marked for the merge. */
async function buildOnePart(env: NodeJS.ProcessEnv, name: string, out: string): Promise<number> {
  const part = parseOutputPart(name);
  if (part.kind === 'whole') throw new Error('--part whole：完整构建请直接运行 npm run build');
  rmSync(out, { recursive: true, force: true });
  const code = await (part.kind === 'search' ? runNode([SEARCH_INDEX, join(out, 'pagefind')], env) : astroBuild(env, part, out)).exited;
  if (code !== 0) {
    console.error(`构建失败：构建部分 ${name} 退出码 ${code}`);
    return code;
  }
  markPart(out, part);
  console.log(`构建部分 ${name} 完成：${out}（用 npm run build -- --merge 与其他部分合并）`);
  return 0;
}

/** `--merge`: the part outputs in the folders of `from`, merged into the output folder and checked whole. */
async function mergeInto(from: string, out: string, contentDir: string): Promise<number> {
  const folders = readdirSync(from, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(from, e.name));
  const { reportPages } = mergeParts(folders, out);
  console.log(`合并完成：${folders.length} 个部分，${reportPages} 个报告页 → ${out}`);
  console.log(await checkWhole(out, contentDir));
  return 0;
}

async function main(): Promise<number> {
  const started = performance.now();
  const { values: args } = parseArgs({ options: { part: { type: 'string' }, merge: { type: 'string' }, plan: { type: 'boolean' } } });
  const env = { ...process.env, NIANBAO_ROOT: ROOT };
  const where = contentPaths(env);
  const out = resolve(ROOT, process.env['NIANBAO_OUT'] ?? 'dist');
  if (args.merge) return mergeInto(resolve(args.merge), out, where.contentDir);

  const prepared = await prepare(where);
  if (!prepared) return 1;
  const preparedIn = seconds(started);
  if (args.part) return buildOnePart(env, args.part, out);
  const partitions = reportPartitions(prepared.reports, maxReportsPerPart(env));
  if (args.plan) {
    console.log(JSON.stringify(jobParts(partitions)));
    return 0;
  }

  const parts = partsOf(partitions);
  const whole = parts.length === 1;
  if (!whole) console.log(`分部分构建：${prepared.reports} 份报告，页面分 ${parts.length} 个 Astro 进程构建（${parts.map(partName).join('，')}），与搜索索引同时；同时运行的进程不超过 CPU 核数`);
  // Parts are built beside the output folder (inside the project, as Astro needs for its prerender chunks).
  const partsDir = `${out}.parts`;
  const partDir = (part: BuildPart) => join(partsDir, partFolder(part));
  rmSync(partsDir, { recursive: true, force: true });
  const staging = whole ? `${out}.pagefind-next` : join(partsDir, SEARCH_PART, 'pagefind');
  rmSync(staging, { recursive: true, force: true });
  // Astro empties the output folder before it builds, and at 10,000 reports deleting it took a fifth of a
  // rebuild (Astro restores unchanged pages from its own cache, not from there). Moved aside, it is deleted
  // while Astro works.
  const previous = `${out}.previous`;
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(out)) renameSync(out, previous);
  const cleared = rm(previous, { recursive: true, force: true });
  const parallel = performance.now();
  let pagesIn = '';
  let indexIn = '';
  // Side by side, though Pagefind's indexer uses both cores itself: measured at 1,000 reports, 14.9 s and
  // 15.7 s this way against 22.4 s and 23.5 s one after the other. The parts (cross first, the longest) take
  // the cores the index leaves: one while it runs, all once it is done; at 100,000 reports on two cores the
  // index ended 7 minutes before the last part, and the parts used one core of two all that time.
  let indexing = true;
  const cores = availableParallelism();
  const steps = {
    astro: inPool(parts.map((part) => () => astroBuild(env, part, whole ? out : partDir(part))), () => cores - (indexing ? 1 : 0)),
    index: runNode([SEARCH_INDEX, staging], env),
  };
  void steps.index.exited.then(() => {
    indexing = false;
    steps.astro.wake();
  });
  // One step failing stops the other: the build has failed, and waiting for the other (at 100,000 reports, for
  // many minutes) would only hide why.
  let stopped: 'astro' | 'index' | undefined;
  const ended = new Set<keyof typeof steps>();
  const finish = (own: keyof typeof steps, other: keyof typeof steps) =>
    steps[own].exited.then((code) => {
      ended.add(own);
      if (code !== 0 && !stopped && !ended.has(other)) {
        stopped = other;
        steps[other].stop();
      }
      return code;
    });
  const [astro, index] = await Promise.all([
    finish('astro', 'index').then((code) => ((pagesIn = seconds(parallel)), code)),
    finish('index', 'astro').then((code) => ((indexIn = seconds(parallel)), code)),
  ]);
  await cleared;
  if (astro !== 0 || index !== 0) {
    rmSync(whole ? staging : partsDir, { recursive: true, force: true });
    const astroText = stopped === 'astro' ? 'astro build 因搜索索引失败而停止' : astro !== 0 ? `astro build 退出码 ${astro}` : '';
    const indexText = stopped === 'index' ? '搜索索引因 astro build 失败而停止' : index !== 0 ? `搜索索引退出码 ${index}` : '';
    console.error(`构建失败：${[astroText, indexText].filter(Boolean).join('；')}`);
    // The code of the step that failed (the other was stopped, ended well, or failed too).
    return stopped === 'astro' ? index : astro || index;
  }
  if (whole) {
    const target = join(out, 'pagefind');
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  } else {
    for (const part of parts) markPart(partDir(part), part);
    mkdirSync(join(partsDir, SEARCH_PART), { recursive: true });
    markPart(join(partsDir, SEARCH_PART), { kind: 'search' });
    await mergeInto(partsDir, out, where.contentDir);
    rmSync(partsDir, { recursive: true, force: true });
  }
  console.log(`构建用时：准备 ${preparedIn} s，页面 ${pagesIn} s，搜索索引 ${indexIn} s（与页面同时），共 ${seconds(started)} s`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`构建失败：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
