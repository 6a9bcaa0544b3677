/**
 * Merging the outputs of a build in parts (src/build/parts.ts) into one site:
 * the cross part's output is the site; each report part adds its agencies'
 * own pages (report pages, agency page, data file) and any asset file the site lacks; the search part adds the
 * index. Every part marks its output with the part it holds, so the merge
 * checks that the parts are one build's: one cross part, every report
 * partition once, and the search index.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePart, partName, type BuildPart } from './parts.ts';

/** The file in a part's output naming the part it holds. */
export const PART_MARK = '.nianbao-part.json';

/** The part named `search`: the search index, built beside the pages (src/cli/search-index.ts). */
export const SEARCH_PART = 'search';

export type OutputPart = BuildPart | { kind: 'search' };

/** A part of the output by name: `search`, or a part of the pages (`parsePart`). */
export const parseOutputPart = (name: string): OutputPart => (name === SEARCH_PART ? { kind: 'search' } : parsePart(name));

/** The name of a part of the output, as `--part` takes it. */
export const outputPartName = (part: OutputPart): string => (part.kind === 'search' ? SEARCH_PART : partName(part));

/** Mark a part's output folder with the part it holds. */
export function markPart(dir: string, part: OutputPart): void {
  writeFileSync(join(dir, PART_MARK), `${JSON.stringify({ part: outputPartName(part) })}\n`);
}

/** The part a folder holds, from its mark; undefined for a folder without one. */
export function readPart(dir: string): OutputPart | undefined {
  const file = join(dir, PART_MARK);
  if (!existsSync(file)) return undefined;
  return parseOutputPart((JSON.parse(readFileSync(file, 'utf8')) as { part: string }).part);
}

/**
 * Where a report part's own output stands: each agency's report pages (reports/<agency>/), its page
 * (agencies/<agency>/), its data file (data/agencies/<agency>.json), its 简表 and report tables
 * (data/tables/agencies/<agency>.csv, data/tables/reports/<agency>/), its charts and their embed pages
 * (charts/agencies/<agency>/, embed/agencies/<agency>/). Beside them stand the cross part's lists
 * (agencies/index.html), which a report part leaves empty. Keep in step with AGENCY_ROUTES (parts.ts).
 */
const AGENCY_OUTPUTS: { folder: string; isOwn: (path: string) => boolean }[] = [
  { folder: 'reports', isOwn: (path) => statSync(path).isDirectory() },
  { folder: 'agencies', isOwn: (path) => statSync(path).isDirectory() },
  { folder: 'data/agencies', isOwn: (path) => path.endsWith('.json') },
  { folder: 'data/tables/agencies', isOwn: (path) => path.endsWith('.csv') },
  { folder: 'data/tables/reports', isOwn: (path) => statSync(path).isDirectory() },
  { folder: 'charts/agencies', isOwn: (path) => statSync(path).isDirectory() },
  { folder: 'embed/agencies', isOwn: (path) => statSync(path).isDirectory() },
];

/** Move a folder, or copy it where a rename cannot (another file system, as with downloaded artifacts). */
function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/** Which parts a set of part outputs lacks or repeats; empty when they make one whole site. */
export function partProblems(parts: readonly OutputPart[]): string[] {
  const problems: string[] = [];
  const names = parts.map(outputPartName);
  for (const name of new Set(names)) {
    const times = names.filter((n) => n === name).length;
    if (times > 1) problems.push(`部分 ${name} 出现了 ${times} 次`);
  }
  if (!names.includes('cross')) problems.push('缺少 cross 部分（报告页以外的全部页面）');
  if (!names.includes(SEARCH_PART)) problems.push('缺少 search 部分（搜索索引）');
  if (names.includes('whole')) problems.push('whole 是完整构建，不是可合并的部分');
  const counts = new Set(parts.flatMap((p) => (p.kind === 'reports' ? [p.count] : [])));
  if (counts.size === 0) problems.push('缺少 reports:k/n 部分（报告页）');
  if (counts.size > 1) problems.push(`报告部分的分区数不一致：${[...counts].join('、')}`);
  if (counts.size === 1) {
    const [count] = counts;
    for (let k = 1; k <= count!; k++) if (!names.includes(`reports:${k}/${count}`)) problems.push(`缺少 reports:${k}/${count} 部分`);
  }
  return problems;
}

/**
 * Merge the part outputs found in `folders` into `out` (replaced). Throws, listing every problem, when the
 * folders are not exactly one build's parts or two parts hold the same page. The part folders are used up.
 */
export function mergeParts(folders: readonly string[], out: string): { reportPages: number } {
  const found = folders.map((dir) => ({ dir, part: readPart(dir) }));
  const unmarked = found.filter((f) => !f.part).map((f) => `${f.dir} 不是构建部分的输出（没有 ${PART_MARK}）`);
  const parts = found.flatMap((f) => (f.part ? [{ dir: f.dir, part: f.part }] : []));
  const problems = [...unmarked, ...partProblems(parts.map((p) => p.part))];
  if (problems.length) throw new Error(`无法合并构建部分：\n${problems.map((p) => `  - ${p}`).join('\n')}`);

  rmSync(out, { recursive: true, force: true });
  const cross = parts.find((p) => p.part.kind === 'cross')!;
  move(cross.dir, out);
  rmSync(join(out, PART_MARK), { force: true });
  let reportPages = 0;
  const clashes: string[] = [];
  for (const { dir, part } of parts) {
    if (part.kind === 'search') {
      rmSync(join(out, 'pagefind'), { recursive: true, force: true });
      move(join(dir, 'pagefind'), join(out, 'pagefind'));
    } else if (part.kind === 'reports') {
      // Its agencies' own pages (a partition holds whole agencies); the rest of its output is empty pages.
      for (const { folder, isOwn } of AGENCY_OUTPUTS) {
        const from = join(dir, folder);
        for (const name of existsSync(from) ? readdirSync(from).filter((n) => isOwn(join(from, n))) : []) {
          const target = join(out, folder, name);
          if (existsSync(target)) clashes.push(`${folder}/${name} 既在 ${partName(part)} 中，也在另一部分中`);
          else {
            mkdirSync(join(out, folder), { recursive: true });
            move(join(from, name), target);
            if (folder === 'reports') reportPages += readdirSync(target).length;
          }
        }
      }
      // Assets are named by their content: one the site lacks is copied, one it has is the same file.
      const assets = join(dir, '_astro');
      for (const name of existsSync(assets) ? readdirSync(assets) : []) {
        if (!existsSync(join(out, '_astro', name))) cpSync(join(assets, name), join(out, '_astro', name), { recursive: true });
      }
    }
  }
  if (clashes.length) throw new Error(`无法合并构建部分：\n${clashes.map((p) => `  - ${p}`).join('\n')}`);
  return { reportPages };
}
