/**
 * Validate every content file in one run and return all problems: YAML syntax,
 * schema, agency ids, references, duplicates, path/front-matter mismatches and
 * quotes missing from the body. Pure over `{ path, text }` so tests can feed it
 * fixtures; `src/cli/check.ts` feeds it the real `content/` folder.
 */
import type { z } from 'astro/zod';
import { agencySchema, checkAgencyId, type AgencyData } from '../schema/agency.ts';
import { reportSchema, type ReportData } from '../schema/report.ts';
import { parseYaml, splitFrontMatter, type ParsedYaml } from './front-matter.ts';
import { checkCells } from './cells.ts';
import { bodyDigest, checkIntegrity, checkQuotesInBody, quotedFields, reportPathParts, type AgencyRef, type ReportRef } from './integrity.ts';
import type { Problem } from './problem.ts';
import { cleanName, hasInvisible, nameKey } from '../schema/names.ts';

/** What validation parsed: the valid entries, for checks that need the whole archive. */
export interface Parsed {
  agencies: (AgencyData & { id: string; file: string })[];
  reports: (ReportData & { id: string; file: string })[];
  /** Report id → Markdown body. */
  bodies: Map<string, string>;
}

export interface ContentFile {
  /** Path relative to the project root, with forward slashes: content/reports/x/2014.md */
  path: string;
  text: string;
}

const AGENCY_FILE = /(?:^|\/)content\/agencies\/([^/]+)\.yaml$/;

/** `content/agencies/<id>.yaml` → its id, or `undefined` for any other path. */
export const agencyFileId = (path: string): string | undefined => AGENCY_FILE.exec(path)?.[1];

function schemaProblems(file: string, error: z.ZodError, parsed: ParsedYaml): Problem[] {
  return error.issues.map((issue) => ({
    file,
    ...(issue.path.length ? { field: issue.path.join('.') } : {}),
    line: parsed.lineOf(issue.path as (string | number)[]),
    message: issue.message,
    severity: 'error' as const,
  }));
}

function syntaxProblems(file: string, parsed: ParsedYaml): Problem[] {
  return parsed.errors.map((e) => ({ file, line: e.line, message: `YAML 语法错误：${e.message}`, severity: 'error' as const }));
}

function validateAgency(file: ContentFile, id: string, agencies: AgencyRef[], out: Parsed): Problem[] {
  const parsed = parseYaml(file.text);
  if (parsed.errors.length) return syntaxProblems(file.path, parsed);
  const result = agencySchema.safeParse(parsed.data ?? {});
  if (!result.success) return schemaProblems(file.path, result.error, parsed);
  agencies.push({ id, file: file.path });
  out.agencies.push({ ...result.data, id, file: file.path });
  const problems: Problem[] = checkAgencyId(id, result.data).map((message) => ({ file: file.path, line: 1, message, severity: 'error' }));
  for (const [field, names] of [['name', [result.data.name]], ['shortName', [result.data.shortName]], ['aliases', result.data.aliases]] as const) {
    for (const text of names) {
      if (hasInvisible(text)) {
        problems.push({ file: file.path, field, line: parsed.lineOf([field]), severity: 'error', message: `“${cleanName(text)}”中有看不见的字符（控制字符、零宽字符、双向控制符或变体选择符）：同样的名字看起来一样却匹配不上，请删去` });
      }
    }
  }
  if (result.data.stub) {
    problems.push({ file: file.path, line: 1, severity: 'warning', pending: true, message: '机构条目由导入程序创建，待补全：请填写全称、地区、行政区划代码、层级和类型，并改用正式 id（npm run agency -- rename），然后删去 stub: true' });
  }
  return problems;
}

/** One report file parsed and checked on its own: its problems, and its entry and body when it has no error. */
export interface ParsedReportFile {
  problems: Problem[];
  report?: ReportData & { id: string; file: string };
  body?: string;
}

/**
 * Parse and check one report file by itself (YAML, schema, quotes present in the body). Checks across
 * files (agency known, duplicates, path) need the whole archive: `validateContentParsed` runs them.
 */
export function parseReportFile(file: ContentFile): ParsedReportFile {
  const { frontMatter, body } = splitFrontMatter(file.text);
  if (frontMatter === undefined) {
    return { problems: [{ file: file.path, line: 1, severity: 'error', message: '缺少 front-matter：文件须以 --- 开头的 YAML 块开始' }] };
  }
  const parsed = parseYaml(frontMatter, 2);
  if (parsed.errors.length) return { problems: syntaxProblems(file.path, parsed) };
  const result = reportSchema.safeParse(parsed.data ?? {});
  if (!result.success) return { problems: schemaProblems(file.path, result.error, parsed) };

  const report = { ...result.data, id: `${result.data.agency}/${result.data.year}`, file: file.path };
  const problems: Problem[] = [...checkQuotesInBody(file.path, body, quotedFields(report)), ...checkCells(file.path, report.metrics)].map((p) => ({
    ...p,
    line: parsed.lineOf(p.field!.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s))),
  }));
  const titleYears = [...report.title.matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1]));
  if (titleYears.length && !titleYears.includes(report.year)) {
    problems.push({ file: file.path, field: 'year', line: parsed.lineOf(['year']), severity: 'error', message: `标题写的是 ${titleYears.join('、')} 年，year 却是 ${report.year}：请对照原文改正其一` });
  }
  problems.push(...pendingReview(file.path, report, parsed));
  return { problems, report, body };
}

/**
 * What a machine import leaves for its review: the report as a whole (its values unchecked, its missing
 * values perhaps only unread), each value the importer withheld, each of its warnings. Pending: warnings,
 * errors in strict mode.
 */
export function pendingReview(file: string, report: ReportData, parsed: ParsedYaml): Problem[] {
  if (report.review?.status !== 'machine') return [];
  const withheld = report.imported?.withheld ?? [];
  const warnings = report.imported?.warnings ?? [];
  const summary = `机器导入，尚未人工核对：${Object.keys(report.metrics).length} 个已摘录的数值待核对${withheld.length ? `，${withheld.length} 个读到但未采用的数值待决定` : ''}${warnings.length ? `，${warnings.length} 条导入提示` : ''}；核对后把 review 改为 { status: reviewed, by: 核对人, at: 日期 }`;
  return [
    { file, field: 'review', line: parsed.lineOf(['review']), severity: 'warning', pending: true, message: summary },
    ...withheld.map((w, i): Problem => ({
      file, field: `imported.withheld.${i}`, line: parsed.lineOf(['imported', 'withheld', i]), severity: 'warning', pending: true,
      message: `未采用 ${w.metric} = ${w.approx ? '约' : ''}${w.value}：${w.reason}（“${w.quote}”）`,
    })),
    ...warnings.map((w, i): Problem => ({ file, field: `imported.warnings.${i}`, line: parsed.lineOf(['imported', 'warnings', i]), severity: 'warning', pending: true, message: `导入提示：${w}` })),
  ];
}

function validateReport(file: ContentFile, reports: ReportRef[], out: Parsed): Problem[] {
  const { problems, report, body } = parseReportFile(file);
  if (report) {
    reports.push({ file: file.path, agency: report.agency, year: report.year, body: bodyDigest(body!) });
    out.reports.push(report);
    out.bodies.set(report.id, body!);
  }
  return problems;
}

/** All problems of all files, files in the order given. */
export function validateContent(files: readonly ContentFile[]): Problem[] {
  return validateContentParsed(files).problems;
}

/** The problems, and the entries that parsed (for the quality checks of `npm run check`). */
export function validateContentParsed(files: readonly ContentFile[]): { problems: Problem[]; parsed: Parsed } {
  const parsed: Parsed = { agencies: [], reports: [], bodies: new Map() };
  const problems: Problem[] = [];
  const agencies: AgencyRef[] = [];
  const reports: ReportRef[] = [];
  for (const file of files) {
    const agencyMatch = AGENCY_FILE.exec(file.path);
    if (agencyMatch) {
      problems.push(...validateAgency(file, agencyMatch[1]!, agencies, parsed));
    } else if (reportPathParts(file.path)) {
      problems.push(...validateReport(file, reports, parsed));
    } else {
      problems.push({
        file: file.path, severity: 'error',
        message: '构建不会读取此文件：机构须为 content/agencies/<id>.yaml，报告须为 content/reports/<机构id>/<年度>.md',
      });
    }
  }
  const brokenAgencies = new Set(
    files.flatMap((f) => {
      const m = AGENCY_FILE.exec(f.path);
      return m && problems.some((p) => p.file === f.path) ? [m[1]!] : [];
    }),
  );
  problems.push(...acrossFiles(agencies, brokenAgencies, reports, (file) => files.find((f) => f.path === file)?.text));
  problems.push(...sameNames(parsed.agencies));
  return { problems, parsed };
}

/**
 * Two agency files whose names read the same (compared after NFKC, without spaces or invisible characters):
 * the importer could not tell which one a report means. Each file is told, naming the others.
 */
export function sameNames(agencies: readonly Pick<Parsed['agencies'][number], 'id' | 'file' | 'name'>[]): Problem[] {
  const byName = new Map<string, (typeof agencies)[number][]>();
  for (const a of agencies) byName.set(nameKey(a.name), [...(byName.get(nameKey(a.name)) ?? []), a]);
  return [...byName.values()].filter((list) => list.length > 1).flatMap((list) =>
    list.map((a) => ({
      file: a.file, field: 'name', line: 1, severity: 'error' as const,
      message: `机构名称“${cleanName(a.name)}”与 ${list.filter((b) => b !== a).map((b) => b.file).join('、')} 相同：同一机构只能有一个条目（合并后删去另一个）`,
    })),
  );
}

/**
 * Checks across files (`checkIntegrity`), each problem with the line of the key it is about. Reports whose
 * agency file is itself broken are not reported again as "unknown agency". `textOf` reads a file's text
 * (only files with a problem are read).
 */
export function acrossFiles(
  agencies: readonly AgencyRef[],
  brokenAgencies: ReadonlySet<string>,
  reports: readonly ReportRef[],
  textOf: (file: string) => string | undefined,
): Problem[] {
  const integrity = checkIntegrity(agencies, reports).filter(
    (p) => !(p.field === 'agency' && reports.some((r) => r.file === p.file && brokenAgencies.has(r.agency))),
  );
  return integrity.map((p) => {
    const text = textOf(p.file);
    const line = text && p.field ? lineOfTopLevelKey(text, p.field) : undefined;
    return line ? { ...p, line } : p;
  });
}

/** The line of a top-level front-matter key (`agency:`), for cross-file problems. */
function lineOfTopLevelKey(text: string, key: string): number | undefined {
  const index = text.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return index === -1 ? undefined : index + 1;
}
