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
import { checkIntegrity, checkQuotesInBody, quotedFields, reportPathParts, type AgencyRef, type ReportRef } from './integrity.ts';
import type { Problem } from './problem.ts';

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
  if (result.data.stub) {
    problems.push({ file: file.path, line: 1, severity: 'warning', message: '机构条目由导入程序创建，待补全：请填写全称、地区、行政区划代码、层级和类型，并改用正式 id，然后删去 stub: true' });
  }
  return problems;
}

function validateReport(file: ContentFile, reports: ReportRef[], out: Parsed): Problem[] {
  const { frontMatter, body } = splitFrontMatter(file.text);
  if (frontMatter === undefined) {
    return [{ file: file.path, line: 1, severity: 'error', message: '缺少 front-matter：文件须以 --- 开头的 YAML 块开始' }];
  }
  const parsed = parseYaml(frontMatter, 2);
  if (parsed.errors.length) return syntaxProblems(file.path, parsed);
  const result = reportSchema.safeParse(parsed.data ?? {});
  if (!result.success) return schemaProblems(file.path, result.error, parsed);

  const report = result.data;
  reports.push({ file: file.path, agency: report.agency, year: report.year });
  const id = `${report.agency}/${report.year}`;
  out.reports.push({ ...report, id, file: file.path });
  out.bodies.set(id, body);
  return checkQuotesInBody(file.path, body, quotedFields(report)).map((p) => ({
    ...p,
    line: parsed.lineOf(p.field!.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s))),
  }));
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
  // Reports whose agency file is itself broken are not reported again as "unknown agency".
  const brokenAgencies = new Set(
    files.flatMap((f) => {
      const m = AGENCY_FILE.exec(f.path);
      return m && problems.some((p) => p.file === f.path) ? [m[1]!] : [];
    }),
  );
  const integrity = checkIntegrity(agencies, reports).filter(
    (p) => !(p.field === 'agency' && reports.some((r) => r.file === p.file && brokenAgencies.has(r.agency))),
  );
  for (const p of integrity) {
    const text = files.find((f) => f.path === p.file)?.text;
    const line = text && p.field ? lineOfTopLevelKey(text, p.field) : undefined;
    problems.push(line ? { ...p, line } : p);
  }
  return { problems, parsed };
}

/** The line of a top-level front-matter key (`agency:`), for cross-file problems. */
function lineOfTopLevelKey(text: string, key: string): number | undefined {
  const index = text.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return index === -1 ? undefined : index + 1;
}
