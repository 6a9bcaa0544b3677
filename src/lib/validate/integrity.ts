/**
 * Checks across files: every report names a known agency, one report per agency
 * and year, the file path agrees with the front-matter. Shared by the build
 * (which refuses to publish an archive that fails them) and `npm run check`.
 */
import { createHash } from 'node:crypto';
import type { Problem } from './problem.ts';

export interface AgencyRef {
  id: string;
  file: string;
}

export interface ReportRef {
  file: string;
  agency: string;
  year: number;
  /** `bodyDigest` of its body, when it is long enough to tell reports apart. */
  body?: string | undefined;
}

/** Below this many characters (spaces aside) a body is a skeleton or a stub: the same text twice says nothing. */
const DISTINCT_BODY = 500;

/**
 * A digest of a report's body, spaces aside, or undefined for a body too short to compare. Two reports
 * with the same long body are one report filed twice (under a wrong year, or imported again).
 */
export function bodyDigest(body: string): string | undefined {
  const text = body.replace(/\s+/g, '');
  return text.length < DISTINCT_BODY ? undefined : createHash('sha256').update(text).digest('hex');
}

/** `content/reports/<agency>/<year>.md` → its agency and year, or `undefined` if the path has another shape. */
export function reportPathParts(file: string): { agency: string; year: number } | undefined {
  const match = /(?:^|\/)reports\/([^/]+)\/(\d{4})\.md$/.exec(file.replaceAll('\\', '/'));
  return match ? { agency: match[1]!, year: Number(match[2]) } : undefined;
}

export function checkIntegrity(agencies: readonly AgencyRef[], reports: readonly ReportRef[]): Problem[] {
  const problems: Problem[] = [];
  const known = new Set(agencies.map((a) => a.id));
  const filesByKey = new Map<string, string[]>();
  const filesByBody = new Map<string, ReportRef[]>();
  for (const r of reports) if (r.body) filesByBody.set(r.body, [...(filesByBody.get(r.body) ?? []), r]);
  for (const r of reports) filesByKey.set(`${r.agency}/${r.year}`, [...(filesByKey.get(`${r.agency}/${r.year}`) ?? []), r.file]);
  for (const report of reports) {
    if (!known.has(report.agency)) {
      problems.push({
        file: report.file, field: 'agency', severity: 'error',
        message: `未知机构“${report.agency}”：content/agencies/ 下没有 ${report.agency}.yaml`,
      });
    }
    // Every file of a duplicate is told, each naming the others.
    const others = filesByKey.get(`${report.agency}/${report.year}`)!.filter((f) => f !== report.file);
    if (others.length) {
      problems.push({
        file: report.file, field: 'year', severity: 'error',
        message: `与 ${others.join('、')} 重复：同一机构同一年度只能有一份报告`,
      });
    }
    const twins = report.body ? (filesByBody.get(report.body) ?? []).filter((r) => r.file !== report.file) : [];
    if (twins.length) {
      problems.push({
        file: report.file, field: 'year', severity: 'error',
        message: `正文与 ${twins.map((r) => `${r.file}（${r.year} 年度）`).join('、')} 完全相同：同一份报告不会出现在两个年度，多半是年度填错或重复导入`,
      });
    }
    const parts = reportPathParts(report.file);
    if (!parts) {
      problems.push({ file: report.file, severity: 'error', message: '报告文件须位于 content/reports/<机构id>/<年度>.md' });
    } else {
      if (parts.agency !== report.agency) {
        problems.push({
          file: report.file, field: 'agency', severity: 'error',
          message: `文件位于 ${parts.agency}/ 目录，但 agency 写的是 ${report.agency}`,
        });
      }
      if (parts.year !== report.year) {
        problems.push({
          file: report.file, field: 'year', severity: 'error',
          message: `文件名为 ${parts.year}.md，但 year 写的是 ${report.year}`,
        });
      }
    }
  }
  return problems;
}

/** Every quote of a report's front-matter with the field that holds it. */
export function quotedFields(report: {
  metrics: Record<string, { quote?: string | undefined }>;
  categories: readonly { quote?: string | undefined }[];
}): { field: string; quote: string }[] {
  return [
    ...Object.entries(report.metrics).flatMap(([id, v]) => (v.quote ? [{ field: `metrics.${id}.quote`, quote: v.quote }] : [])),
    ...report.categories.flatMap((c, i) => (c.quote ? [{ field: `categories.${i}.quote`, quote: c.quote }] : [])),
  ];
}

/** Problems for quotes that do not occur verbatim in the report body. */
export function checkQuotesInBody(
  file: string,
  body: string,
  quoted: readonly { field: string; quote: string }[],
): Problem[] {
  return quoted
    .filter(({ quote }) => !body.includes(quote))
    .map(({ field, quote }) => ({
      file, field, severity: 'error' as const,
      message: `quote 未在正文中逐字出现：“${quote}”`,
    }));
}
