/**
 * npm run check [-- [--strict] <file|folder>…] — validate the content and list all
 * problems, grouped by file, with line numbers. Exits 1 when there is any error.
 * `--strict` (or NIANBAO_STRICT=1), as the publishing workflow runs it: what waits
 * for a person (a machine import not yet reviewed, each value it withheld, an
 * agency stub) is an error, not a warning.
 *
 * Without arguments: the content/ folder of the working directory. A project
 * folder (one holding content/) is checked whole. Files or folders inside
 * content/ (as an editor checks what a commit touches) are checked against the
 * whole archive, since a report needs its agency and must not repeat another,
 * and only their problems are listed.
 */
import { existsSync, lstatSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { readContent } from '../build/content-files.ts';
import { validateContentParsed } from '../lib/validate/validate-content.ts';
import { inStrictMode, strictFromEnv, type Problem } from '../lib/validate/problem.ts';
import { qualityWarnings } from '../lib/validate/quality-warnings.ts';

/** What to check: the project folder, and the repository paths (content/…) whose problems to list (all when empty). */
interface Scope {
  root: string;
  only: string[];
}

/** The project folder holding `path` (the nearest folder above it with a content/ folder), and `path` as named in it. */
function scopeOf(path: string): Scope | string {
  const absolute = resolve(path);
  if (!existsSync(absolute) && !isLink(absolute)) return `${path}：不存在`;
  if (lstatSync(absolute).isDirectory() && existsSync(resolve(absolute, 'content'))) return { root: absolute, only: [] };
  for (let dir = dirname(absolute); ; dir = dirname(dir)) {
    const inside = relative(dir, absolute).split(sep).join('/');
    if (existsSync(resolve(dir, 'content')) && inside.startsWith('content/')) return { root: dir, only: [inside] };
    if (dirname(dir) === dir) return `${path}：不在任何项目的 content/ 目录中（要检查的文件须在 content/ 下）`;
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function print(problems: readonly Problem[]): void {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  for (const [file, list] of byFile) {
    console.log(`\n${file}`);
    for (const p of list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) {
      const where = p.line !== undefined ? `  ${String(p.line).padStart(4)} ` : '       ';
      console.log(`${where}${p.severity === 'error' ? '错误' : '提示'} ${p.field ? `${p.field}: ` : ''}${p.message}`);
    }
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const started = performance.now();
  const strict = argv.includes('--strict') || strictFromEnv();
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--strict');
  if (unknown.length) {
    console.error(`未知选项 ${unknown.join(' ')}：用法 npm run check -- [--strict] [文件或目录…]`);
    return 1;
  }
  const args = argv.filter((a) => !a.startsWith('--'));
  const scopes = (args.length ? args : [process.cwd()]).map(scopeOf);
  const unusable = scopes.filter((s): s is string => typeof s === 'string');
  for (const message of unusable) console.error(`错误 ${message}`);
  const roots = [...new Set(scopes.flatMap((s) => (typeof s === 'string' ? [] : [s.root])))];
  let errors = unusable.length;
  let warnings = 0;
  let checked = 0;
  for (const root of roots) {
    const mine = scopes.filter((s): s is Scope => typeof s !== 'string' && s.root === root);
    const only = mine.some((s) => s.only.length === 0) ? [] : mine.flatMap((s) => s.only);
    const { files, problems: listing } = await readContent(root);
    const validated = validateContentParsed(files);
    const parsed = validated.parsed;
    const problems = inStrictMode([...listing, ...validated.problems], strict);
    // Quality checks need a consistent archive; with errors, fix those first.
    if (!problems.some((p) => p.severity === 'error')) problems.push(...qualityWarnings(parsed));
    const inScope = (file: string) => only.length === 0 || only.some((o) => file === o || file.startsWith(`${o.replace(/\/$/, '')}/`));
    const shown = problems.filter((p) => inScope(p.file));
    if (roots.length > 1) console.log(`\n== ${root}`);
    print(shown);
    const named = files.filter((f) => inScope(f.path)).length + listing.filter((p) => inScope(p.file)).length;
    for (const path of only) {
      if (!files.some((f) => inScope(f.path) && (f.path === path || f.path.startsWith(`${path}/`))) && !listing.some((p) => p.file === path)) {
        console.error(`错误 ${path}：检查读不到这个文件（名称以“.”开头的文件和目录不是内容）`);
        errors += 1;
      }
    }
    const hidden = problems.filter((p) => p.severity === 'error' && !inScope(p.file)).length;
    if (hidden) console.log(`\n（档案中其他文件另有 ${hidden} 个错误；不带参数运行 npm run check 可全部列出。）`);
    errors += shown.filter((p) => p.severity === 'error').length;
    warnings += shown.length - shown.filter((p) => p.severity === 'error').length;
    checked += named;
  }
  const ms = Math.round(performance.now() - started);
  console.log(`\n检查了 ${checked} 个文件（${ms} ms）：${errors} 个错误，${warnings} 个提示${strict ? '（严格模式：待人工处理的各项算作错误）' : ''}。`);
  return errors > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
