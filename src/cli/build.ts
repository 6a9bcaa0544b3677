/**
 * npm run build — the whole site, in three steps:
 *
 * 1. Prepare: check every file under content/ and render the bodies whose text
 *    changed since the last build, on every core (src/build/). Any error stops
 *    the build here, with every problem of every file listed at once.
 * 2. `astro build` and the search index side by side, as two processes: the
 *    index reads the prepared reports, not the pages, so it need not wait.
 * 3. The index moved into the site, once both have finished.
 *
 * It ends with one line of timings ("构建用时：…"), which `npm run bench` reads.
 * NIANBAO_CONTENT, NIANBAO_OUT and NIANBAO_CACHE name other content, output and
 * cache folders (tests and the benchmark use them).
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { contentPaths } from '../build/content-paths.ts';
import { prepareContent } from '../build/prepare-content.ts';
import { preparePool } from '../build/prepare-pool.ts';
import { formatProblem } from '../lib/validate/problem.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** A child process of the build: its exit code once it ends, and a way to stop it. */
interface Child {
  exited: Promise<number>;
  stop(): void;
}

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

async function main(): Promise<number> {
  const started = performance.now();
  const env = { ...process.env, NIANBAO_ROOT: ROOT };
  const where = contentPaths(env);
  console.log(`准备内容：${where.contentDir}`);
  // This process only checks: Astro and the search index read the prepared reports themselves.
  const prepared = await prepareContent({ ...where, prepareMisses: preparePool(), keepReports: false });
  const errors = prepared.problems.filter((p) => p.severity === 'error');
  for (const warning of prepared.problems.filter((p) => p.severity === 'warning')) console.warn(formatProblem(warning));
  if (errors.length) {
    console.error(`内容有 ${errors.length} 个错误，构建停止（npm run check 可逐文件查看）：\n${errors.map(formatProblem).join('\n')}`);
    return 1;
  }
  const preparedIn = seconds(started);
  console.log(`准备完成：${prepared.reports.length} 份报告，其中 ${prepared.rendered} 份重新渲染（${preparedIn} s）`);

  const out = resolve(ROOT, process.env['NIANBAO_OUT'] ?? 'dist');
  const staging = `${out}.pagefind-next`;
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
  // 15.7 s this way against 22.4 s and 23.5 s one after the other.
  const steps = { astro: runNode([join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], env), index: runNode([join(ROOT, 'src/cli/search-index.ts'), staging], env) };
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
    rmSync(staging, { recursive: true, force: true });
    const astroText = stopped === 'astro' ? 'astro build 因搜索索引失败而停止' : astro !== 0 ? `astro build 退出码 ${astro}` : '';
    const indexText = stopped === 'index' ? '搜索索引因 astro build 失败而停止' : index !== 0 ? `搜索索引退出码 ${index}` : '';
    console.error(`构建失败：${[astroText, indexText].filter(Boolean).join('；')}`);
    // The code of the step that failed (the other was stopped, ended well, or failed too).
    return stopped === 'astro' ? index : astro || index;
  }
  const target = join(out, 'pagefind');
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
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
