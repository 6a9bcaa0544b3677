/**
 * npm run import -- <file|dir>... [--agency <id>] [--year <n>] [--out <dir>] [--dry-run] [--json] [--force]
 *
 * Turns raw reports (saved .html/.htm/.shtml pages, .pdf, Word .docx, .txt in UTF-8
 * or GB18030/GBK, archive .md) into content/reports/<agency>/<year>.md. A bad file
 * gets a clear error and the rest continue; the exit code is 1 if any file failed.
 * --dry-run writes nothing and says for each file whether it would create,
 * overwrite (--force) or conflict.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseYaml } from '../lib/validate/front-matter.ts';
import { IMPORTABLE_EXTENSIONS, reportJson, type ImportedReport } from '../lib/importer/import-report.ts';
import { importAll, type PoolResult } from './import-pool.ts';
import { mapBounded, OPEN_FILES } from './map-bounded.ts';
import type { AgencyRecord } from '../lib/importer/publisher/report-year.ts';
import { describeChanges } from '../lib/importer/changes.ts';
import { planOverwrite } from '../lib/importer/import-digest.ts';
import { stubAgencyYaml } from '../lib/importer/publisher/stub-agency.ts';
import { agencyFilePath, checkedAgencyId, checkedYear, newBackupStamp, reportFilePath, resolveTarget, writeContentFile } from './content-writer.ts';
import { progressLine } from './progress.ts';
import { INPUT_LIMITS, within } from '../lib/importer/inputs/limits.ts';
import { formatBytes } from '../lib/validate/limits.ts';

const USAGE = 'npm run import -- <file|dir>... [--agency <id>] [--year <n>] [--out <dir>] [--dry-run] [--json] [--force]';
const IMPORTABLE = new Set<string>(IMPORTABLE_EXTENSIONS);

/** Files to import: directories are walked; where a folder holds page.html and page.txt, the page is imported once, from the HTML. */
async function inputFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      files.push(path); // reported as missing by the import loop
    } else if (info.isDirectory()) {
      const entries = await readdir(path, { recursive: true, withFileTypes: true });
      const found = entries
        .filter((e) => e.isFile() && IMPORTABLE.has(extname(e.name).toLowerCase()))
        .map((e) => join(e.parentPath, e.name));
      const set = new Set(found);
      files.push(...found.filter((f) => !(f.endsWith('.txt') && (set.has(f.replace(/\.txt$/, '.html')) || set.has(f.replace(/\.txt$/, '.htm'))))).sort());
    } else {
      files.push(path);
    }
  }
  return files;
}

async function loadAgencies(outDir: string): Promise<AgencyRecord[]> {
  const dir = join(outDir, 'agencies');
  if (!existsSync(dir)) return [];
  const names = (await readdir(dir)).filter((n) => n.endsWith('.yaml'));
  return mapBounded(names, OPEN_FILES, async (name) => {
    const data = (parseYaml(await readFile(join(dir, name), 'utf8')).data ?? {}) as Record<string, unknown>;
    return {
      id: name.replace(/\.yaml$/, ''),
      name: String(data['name'] ?? ''),
      shortName: String(data['shortName'] ?? ''),
      aliases: Array.isArray(data['aliases']) ? data['aliases'].map(String) : [],
    };
  });
}

interface Row {
  file: string;
  result?: ImportedReport;
  outcome: string;
  error?: string;
}

function table(rows: readonly Row[]): string {
  const header = ['文件', '机构', '年度', '版式', '编码', '读出', '已证实', '未采用', '提示', '结果'];
  const body = rows.map((r) => [
    r.file,
    r.result?.agency ?? '—',
    String(r.result?.year ?? '—'),
    r.result?.edition ?? '—',
    r.result?.encoding ?? '—',
    String(r.result?.metrics.length ?? '—'),
    String(r.result?.metrics.filter((m) => m.confirmedBy?.length).length ?? '—'),
    String(r.result?.withheld.length ?? '—'),
    String(r.result?.warnings.length ?? '—'),
    r.error ? `失败：${r.error}` : r.outcome,
  ]);
  return [header, ...body].map((cells) => cells.join('\t')).join('\n');
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      agency: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string', default: 'content' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      force: { type: 'boolean', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(`用法：${USAGE}`);
    return positionals.length === 0 && !values.help ? 1 : 0;
  }
  let year: number | undefined;
  try {
    if (values.agency !== undefined) checkedAgencyId(values.agency);
    year = values.year === undefined ? undefined : checkedYear(values.year);
  } catch (error) {
    console.error(`--agency/--year：${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const force = values.force.length;
  const outDir = values.out;
  const agencies = await loadAgencies(outDir);
  const files = await inputFiles(positionals);
  const rows: Row[] = [];
  // Only a terminal gets the rewritten progress line; a pipe or a log gets the summary alone.
  const progress = files.length > 3 && !values.json && process.stderr.isTTY === true;
  const started = performance.now();
  const written = new Set<string>();

  // Read every file, import them on all cores, then write in input order.
  // A file past the size limit is refused before it is read: its bytes would all be held at once.
  const read = await mapBounded(files, OPEN_FILES, async (file): Promise<{ file: string; bytes?: Uint8Array; error?: string }> => {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return { file, error: info ? '不是普通文件' : '文件不存在或无法读取' };
    try {
      within('文件大小', info.size, INPUT_LIMITS.fileBytes, formatBytes);
      return { file, bytes: await readFile(file) };
    } catch (error) {
      return { file, error: error instanceof Error ? error.message : String(error) };
    }
  });
  const unread = new Map(read.flatMap((r) => (r.error !== undefined ? [[r.file, r.error] as const] : [])));
  const jobs = read.filter((r) => r.bytes !== undefined).map((r) => ({ path: r.file, bytes: r.bytes! }));
  const imported = await importAll(jobs, agencies, { agency: values.agency, year, force: force > 0 }, (done) => {
    if (progress) process.stderr.write(`\r${progressLine(done, jobs.length, (performance.now() - started) / 1000)}`);
  });
  const byFile = new Map<string, PoolResult>(jobs.map((j, i) => [j.path, imported[i]!]));

  const stamp = newBackupStamp();
  for (const file of files) {
    try {
      const outcome = byFile.get(file);
      if (!outcome) throw new Error(unread.get(file) ?? '文件不存在或无法读取');
      if (outcome.error !== undefined) throw new Error(outcome.error);
      const { report: result, text } = outcome;
      // The id and year are checked before any path is made: whatever the input said, the file lands in content/.
      const relative = reportFilePath(result.agency, result.year);
      const { target, exists } = resolveTarget(outDir, relative);
      if (written.has(target)) throw new Error(`本次导入中已有文件写到 ${target}`);
      const before = exists ? await readFile(target, 'utf8') : undefined;
      const plan = planOverwrite(before, force);
      // A dry run says what would happen, conflicts included; a real run refuses to overwrite without --force.
      if (plan.refused && !values['dry-run']) throw new Error(`${target} ${plan.refused}`);
      const changes = before !== undefined ? describeChanges(before, text) : '';
      let status: string;
      if (values['dry-run']) {
        status = before === undefined ? '将新建' : plan.refused ? `将冲突：${plan.refused}（覆盖将改动：${changes}）` : `将覆盖：${changes}`;
      } else {
        const done = await writeContentFile(outDir, relative, text, { overwrite: before !== undefined, backupStamp: stamp });
        status = done.backup ? `已覆盖：${changes}；原文件备份在 ${done.backup}` : '已写入';
        if (result.newAgency) {
          const agencyRelative = agencyFilePath(result.newAgency.id);
          if (!resolveTarget(outDir, agencyRelative).exists) await writeContentFile(outDir, agencyRelative, stubAgencyYaml(result.newAgency));
        }
      }
      written.add(target);
      rows.push({ file, result, outcome: `${status} ${target}` });
      if (values.json) console.log(JSON.stringify({ ...reportJson(result), target, action: before === undefined ? 'create' : plan.refused ? 'conflict' : 'overwrite' }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      rows.push({ file, outcome: '', error: message });
      if (values.json) console.log(JSON.stringify({ source: file, error: message }));
    }
  }
  if (progress) process.stderr.write('\n');
  if (!values.json) {
    console.log(table(rows));
    for (const row of rows) for (const w of row.result?.warnings ?? []) console.log(`提示 ${row.file}: ${w}`);
  }
  const failed = rows.filter((r) => r.error).length;
  (values.json ? console.error : console.log)(`\n导入 ${rows.length} 个文件：${rows.length - failed} 个成功，${failed} 个失败。`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
