/**
 * npm run agency -- rename <old-id> <new-id> [--out <content folder>]
 *
 * Gives an agency its proper id (a stub's `000000-stub-…` becomes `350128-guanweihui`):
 * the agency file is renamed, its report folder moved, and every report's
 * `agency:` line rewritten; nothing else in any file changes. Everything is
 * written through the content writer (no link followed, no half-written file), all
 * new files first: if one cannot be written, none of the old ones is removed.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseYaml } from '../lib/validate/front-matter.ts';
import { agencyFilePath, checkedAgencyId, ContentWriteError, removeContentFile, reportFilePath, resolveTarget, writeContentFile } from './content-writer.ts';
import { renameAgencyInReport } from '../lib/validate/rename-agency.ts';

const USAGE = 'npm run agency -- rename <原机构id> <新机构id> [--out <内容目录>]';

async function rename(contentDir: string, from: string, to: string): Promise<string[]> {
  checkedAgencyId(from);
  checkedAgencyId(to);
  if (from === to) throw new ContentWriteError('新旧 id 相同');
  const oldAgency = resolveTarget(contentDir, agencyFilePath(from));
  if (!oldAgency.exists) throw new ContentWriteError(`没有机构 ${from}：${oldAgency.target} 不存在`);
  if (resolveTarget(contentDir, agencyFilePath(to)).exists) throw new ContentWriteError(`机构 ${to} 已存在：不能改名为它（要合并两个机构，请手工合并后删去一个）`);
  const folder = resolveTarget(contentDir, `reports/${from}`, 'folder');
  const years = (folder.exists ? await readdir(folder.target) : []).filter((n) => /^\d{4}\.md$/.test(n)).map((n) => Number(n.slice(0, 4)));
  for (const year of years) {
    if (resolveTarget(contentDir, reportFilePath(to, year)).exists) throw new ContentWriteError(`${reportFilePath(to, year)} 已存在`);
  }
  // Every new file first, from the old texts; the old ones go only when all are written.
  const agencyText = await readFile(oldAgency.target, 'utf8');
  const divisionCode = String((parseYaml(agencyText).data as { divisionCode?: unknown } | undefined)?.divisionCode ?? '');
  const reports = await Promise.all(years.map(async (year) => {
    const { target } = resolveTarget(contentDir, reportFilePath(from, year));
    return { year, text: renameAgencyInReport(await readFile(target, 'utf8'), from, to, target) };
  }));
  const written: string[] = [];
  try {
    written.push((await writeContentFile(contentDir, agencyFilePath(to), agencyText)).target);
    for (const { year, text } of reports) written.push((await writeContentFile(contentDir, reportFilePath(to, year), text)).target);
  } catch (error) {
    for (const file of written) await rm(file, { force: true });
    throw error;
  }
  for (const year of years) await removeContentFile(contentDir, reportFilePath(from, year));
  await removeContentFile(contentDir, agencyFilePath(from));
  const notes = [`已改名：${from} → ${to}（机构条目 1 个，报告 ${years.length} 份）`];
  if (!to.startsWith(`${divisionCode}-`)) notes.push(`注意：新 id 以 ${to.slice(0, 6)} 开头，而 divisionCode 是 ${divisionCode}：请改正 divisionCode（及 province、city、county、level）使两者一致，然后运行 npm run check`);
  return notes;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string', default: 'content' } } });
  const [command, from, to] = positionals;
  if (command !== 'rename' || !from || !to || positionals.length !== 3) {
    console.error(`用法：${USAGE}`);
    return 1;
  }
  try {
    for (const line of await rename(values.out, from, to)) console.log(line);
    return 0;
  } catch (error) {
    console.error(`改名失败：${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main();
