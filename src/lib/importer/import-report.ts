/**
 * One input file → one archive report: decode, convert to Markdown, detect who
 * and when, extract metrics from the written body. Pure over bytes, so the CLI,
 * the eval and the tests share it.
 */
import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import { getMetric, type EditionId } from '../catalogue/index.ts';
import { splitFrontMatter } from '../validate/front-matter.ts';
import { parseYaml } from '../validate/front-matter.ts';
import { decode, type Encoding } from './inputs/decode.ts';
import { editionOf, stubAgencyId, type AgencyRecord } from './publisher/report-year.ts';
import { contradicts, decideYear, describeEvidence, yearEvidence } from './publisher/year-evidence.ts';
import { agencyNameInTitle, issuingBody } from './publisher/agency-name.ts';
import { resolveAgency } from './publisher/known-agencies.ts';
import { placeOf, type Place } from './publisher/divisions.ts';
import { extractMetrics } from './extract/index.ts';
import type { Extraction, Found, FoundCategory } from './extract/found.ts';
import { htmlToMarkdown } from './inputs/html/html-to-markdown.ts';
import { textToMarkdown } from './inputs/text/text-to-markdown.ts';
import { docxToHtml } from './inputs/docx.ts';
import { pdfToText } from './inputs/pdf/pdf.ts';
import { cleanName, withoutInvisible } from '../schema/names.ts';
import { PENDING_DIGEST, withImportDigest } from './import-digest.ts';
import { Deadline, INPUT_LIMITS, within, type InputLimits } from './inputs/limits.ts';
import { CONTENT_FILE_MAX_BYTES, formatBytes } from '../validate/limits.ts';

export class ImportError extends Error {
  override name = 'ImportError';
}

export interface ImportOptions {
  agencies: readonly AgencyRecord[];
  /** Force the agency id (skips detection). */
  agency?: string | undefined;
  /** The year, given by hand: refused when the text contradicts it, unless `force`. */
  year?: number | undefined;
  /** Accept a given year the text contradicts (recorded as a warning). */
  force?: boolean | undefined;
  /** What one file may cost (default INPUT_LIMITS); tests lower them to see each refusal. */
  limits?: InputLimits | undefined;
}

export interface ImportedReport {
  /** The input path as given. */
  source: string;
  /** What the report's `source.file` records. */
  sourceFile: string;
  /** The original file's SHA-256 and size, so a copy kept elsewhere can be verified and linked. */
  original?: { sha256: string; bytes: number };
  /** The text encoding of a text or HTML input; `pdf` or `docx` for files read by their own library. */
  encoding: Encoding | 'pdf' | 'docx';
  agency: string;
  /** Set when the agency is unknown: a stub for an editor to complete, with the place its name determines. */
  newAgency?: { id: string; name: string; place?: Place };
  year: number;
  edition: EditionId;
  title: string;
  published?: string;
  url?: string;
  body: string;
  removed: string[];
  metrics: Found[];
  categories: FoundCategory[];
  /** Values read but not kept, with why (an uncertain placement no identity confirmed). */
  withheld: Extraction['withheld'];
  warnings: string[];
}

interface Converted {
  title?: string | undefined;
  published?: string | undefined;
  url?: string | undefined;
  markdown: string;
  removed: string[];
  agency?: string | undefined;
  year?: number | undefined;
}

/** File types the importer reads. */
export const IMPORTABLE_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.shtml', '.xhtml', '.pdf', '.docx'] as const;

function convert(path: string, text: string): Converted {
  const ext = path.toLowerCase().split('.').pop();
  if (ext === 'html' || ext === 'htm' || ext === 'shtml' || ext === 'xhtml') return htmlToMarkdown(text);
  if (ext === 'txt') return textToMarkdown(text);
  if (ext === 'md') {
    const { frontMatter, body } = splitFrontMatter(text);
    const data = (frontMatter ? parseYaml(frontMatter, 2).data : {}) as Record<string, unknown> | undefined;
    const source = (data?.['source'] ?? {}) as Record<string, unknown>;
    return {
      title: typeof data?.['title'] === 'string' ? data['title'] : undefined,
      published: typeof data?.['published'] === 'string' ? data['published'] : undefined,
      url: typeof source['url'] === 'string' ? source['url'] : undefined,
      agency: typeof data?.['agency'] === 'string' ? data['agency'] : undefined,
      year: typeof data?.['year'] === 'number' ? data['year'] : undefined,
      markdown: body.replace(/^\n+/, ''),
      removed: Array.isArray(source['removed']) ? (source['removed'] as string[]) : [],
    };
  }
  throw new ImportError(`不支持的文件类型“.${ext ?? ''}”：可导入 ${IMPORTABLE_EXTENSIONS.join('、')}`);
}

/** Why a title is not an annual report's (a notice, a letter, a plan), or undefined when it is one. */
export function notAReport(title: string): string | undefined {
  const kind = /(通知|通报|公告|公示|函|批复|决定|意见|方案|办法|要点|目录)(?:[（(][^）)]*[）)])?$/.exec(title)?.[1];
  if (kind) return `标题“${title}”是一份${kind}，不是政府信息公开工作年度报告：未导入`;
  if (!/报告|年报/.test(title)) return `标题“${title}”中没有“报告”或“年报”，不像政府信息公开工作年度报告：未导入（确为年报时请改正标题行）`;
  return undefined;
}

/** "80629_…/page.html" for generic page names, the file name otherwise. */
/** The SHA-256 and size of the bytes imported. */
export function originalOf(bytes: Uint8Array): { sha256: string; bytes: number } {
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength };
}

export function sourceFileName(path: string): string {
  const parts = path.replaceAll('\\', '/').split('/');
  const name = parts.at(-1)!;
  return /^(page|index)\.(html?|txt|pdf|docx)$/i.test(name) && parts.length > 1 ? `${parts.at(-2)}/${name}` : name;
}

/**
 * Any importable file: PDF and Word are read by their libraries (asynchronously)
 * into text or HTML; everything else is decoded and converted as `importReport` does.
 */
export async function importFile(path: string, bytes: Uint8Array, options: ImportOptions): Promise<ImportedReport> {
  const limits = options.limits ?? INPUT_LIMITS;
  const deadline = new Deadline(limits.seconds);
  within('文件大小', bytes.byteLength, limits.fileBytes, formatBytes);
  const ext = path.toLowerCase().split('.').pop();
  if (ext === 'pdf') {
    const pdf = await pdfToText(bytes, limits, deadline);
    deadline.check('转换 PDF 的文字');
    const converted = textToMarkdown(pdf.text);
    return { ...importConverted(path, { ...converted, removed: [...new Set([...pdf.removed, ...converted.removed])] }, 'pdf', options, deadline), original: originalOf(bytes) };
  }
  if (ext === 'docx') {
    const html = await docxToHtml(bytes, limits);
    deadline.check('读 Word 文件');
    return { ...importConverted(path, htmlToMarkdown(html), 'docx', options, deadline), original: originalOf(bytes) };
  }
  if (ext === 'doc') throw new ImportError('旧的 Word .doc 格式不能直接导入：请在 Word 或 WPS 中另存为 .docx 或 PDF');
  return importReport(path, bytes, options, deadline);
}

/** A text, HTML or archive Markdown file (synchronous: no library to wait for). */
export function importReport(path: string, bytes: Uint8Array, options: ImportOptions, deadline?: Deadline): ImportedReport {
  const limits = options.limits ?? INPUT_LIMITS;
  within('文件大小', bytes.byteLength, limits.fileBytes, formatBytes);
  const clock = deadline ?? new Deadline(limits.seconds);
  const { text, encoding } = decode(bytes);
  const converted = convert(path, text);
  return { ...importConverted(path, converted, encoding, options, clock), original: originalOf(bytes) };
}

function importConverted(path: string, converted: Converted, encoding: ImportedReport['encoding'], options: ImportOptions, deadline: Deadline): ImportedReport {
  deadline.check('转换正文');
  if (converted.markdown.replace(/\s+/g, '').length < 50) throw new ImportError('正文不足 50 字，不像一份年度报告');
  // Characters no reader sees (zero-width, bidi overrides, controls) are not part of the printed title.
  const title = converted.title === undefined ? undefined : withoutInvisible(converted.title).replace(/\s+/g, '');
  if (!title) {
    // No report title: say so, or say what the document is when its first line shows it (a notice, a letter).
    const first = converted.markdown.split('\n').map((l) => l.replace(/^#+\s*/, '').trim()).find(Boolean) ?? '';
    const kind = first.length <= 60 ? notAReport(first) : undefined;
    throw new ImportError(kind && !kind.includes('没有“报告”') ? kind : '找不到标题：文本开头应是以“报告”结尾的标题，网页应有标题');
  }
  const notReport = notAReport(title);
  if (notReport) throw new ImportError(notReport);

  const warnings: string[] = [];
  const year = reportYear(title, converted, options, warnings);
  const edition = editionOf(year);
  if (!edition) throw new ImportError(`年度 ${year} 早于任何版式（2007 年起）`);

  let agency = options.agency ?? converted.agency;
  let newAgency: ImportedReport['newAgency'];
  if (!agency) {
    // The title names the publisher; a title without a name leaves it to the signature above the date.
    const printed = agencyNameInTitle(title) ?? issuingBody(converted.markdown);
    const name = printed === undefined ? undefined : cleanName(printed);
    const known = resolveAgency(name, options.agencies);
    if (known) agency = known.id;
    else {
      if (!name) throw new ImportError(`无法从标题“${title}”或文末落款识别机构：请用 --agency 指定`);
      const place = placeOf(name);
      agency = stubAgencyId(name, place?.divisionCode);
      newAgency = { id: agency, name, ...(place ? { place } : {}) };
      warnings.push(`机构“${name}”不在档案中：已建立待补全的机构条目 ${agency}${place ? `（由名称确定：${[place.province, place.city, place.county].filter(Boolean).join('')}，${place.divisionCode}）` : ''}，请编辑补全或用 --agency 指定`);
    }
  }

  const extraction = extractMetrics(converted.markdown, edition, year);
  deadline.check('摘录指标');
  // The edition follows from the year; the template's table labels confirm it.
  if (edition !== 'pre2019' && !extraction.metrics.some((m) => m.metric === 'result_total')) {
    warnings.push(`${edition} 版式的报告中没有读到表三（（七）总计）`);
  }
  if (edition === 'pre2019' && /（七）总计|本年新收政府信息公开申请数量/.test(converted.markdown)) {
    warnings.push(`${year} 年度的报告按年度应为 pre2019 版式，但正文中有 2019 年以后版式的表三；请核对年度`);
  }
  return {
    source: path,
    sourceFile: sourceFileName(path),
    encoding,
    agency,
    ...(newAgency ? { newAgency } : {}),
    year,
    edition,
    title,
    ...(converted.published ? { published: converted.published } : {}),
    ...(converted.url ? { url: converted.url } : {}),
    body: converted.markdown,
    removed: converted.removed,
    metrics: extraction.metrics,
    categories: extraction.categories,
    withheld: extraction.withheld,
    warnings: [...warnings, ...extraction.warnings],
  };
}

/**
 * The year, with evidence (publisher/year-evidence.ts): title, statistics period and signature must agree,
 * or the import stops naming all three. A year given by hand (`--year`) that contradicts them is refused
 * unless forced, and then recorded as a warning. An archive .md keeps its reviewed year.
 */
function reportYear(title: string, converted: Converted, options: ImportOptions, warnings: string[]): number {
  const evidence = yearEvidence(title, converted.markdown);
  if (options.year !== undefined) {
    if (contradicts(options.year, evidence)) {
      if (!options.force) throw new ImportError(`--year ${options.year} 与原文不符（${describeEvidence(evidence)}）：确要按 ${options.year} 年度导入请加 --force`);
      warnings.push(`按指定的 ${options.year} 年度导入，与原文不符（${describeEvidence(evidence)}）：请核对`);
    }
    return options.year;
  }
  if (converted.year !== undefined) return converted.year;
  const decided = decideYear(evidence);
  if (decided.conflict) throw new ImportError(`年度的证据不一致：${decided.conflict}。请核对原文，确定后用 --year <年度> --force 导入`);
  if (decided.year === undefined) throw new ImportError(`无法从标题“${title}”或统计期限确定年度：请用 --year 指定`);
  return decided.year;
}

/**
 * The report file as written to content/reports/<agency>/<year>.md: marked as a machine import
 * (`review.status: machine`) with what the importer withheld and warned about, so that none of it is lost
 * when the terminal scrolls and the review (and `npm run check`) can list it. `at` is the day of the import.
 */
export function reportFileText(report: ImportedReport, at?: string): string {
  const metrics = Object.fromEntries(
    report.metrics.map((m) => [m.metric, { value: m.value, ...(m.approx ? { approx: true } : {}), quote: m.quote, ...(m.cellRef ? { cell: m.cellRef } : {}), ...(m.confirmedBy?.length ? { confirmedBy: m.confirmedBy } : {}) }]),
  );
  const data = {
    agency: report.agency,
    year: report.year,
    title: report.title,
    edition: report.edition,
    ...(report.published ? { published: report.published } : {}),
    review: { status: 'machine' },
    // Before the metrics, so its digest line comes before any quoted text (import-digest.ts finds the first).
    imported: {
      digest: PENDING_DIGEST,
      ...(at ? { at } : {}),
      ...(report.withheld.length ? { withheld: report.withheld.map((w) => ({ metric: w.metric, value: w.value, ...(w.approx ? { approx: true } : {}), quote: w.quote, ...(w.cell ? { cell: w.cell } : {}), reason: w.reason })) } : {}),
      ...(report.warnings.length ? { warnings: report.warnings } : {}),
    },
    source: {
      ...(report.url ? { url: report.url } : {}),
      file: report.sourceFile,
      ...(report.original ? { sha256: report.original.sha256, bytes: report.original.bytes } : {}),
      ...(report.removed.length ? { removed: report.removed } : {}),
    },
    metrics,
    ...(report.categories.length
      ? { categories: report.categories.map((c) => ({ label: c.label, value: c.value, ...(c.approx ? { approx: true } : {}), quote: c.quote })) }
      : {}),
  };
  const text = withImportDigest(matter.stringify(`\n${report.body}`, data, { lineWidth: -1 } as never));
  // The same limit as check and build: a file the archive would refuse is not written.
  const size = Buffer.byteLength(text);
  if (size > CONTENT_FILE_MAX_BYTES) {
    throw new ImportError(`导入后的报告文件有 ${formatBytes(size)}，超过内容文件的上限 ${formatBytes(CONTENT_FILE_MAX_BYTES)}（一份年报通常不到 100 KB）：不写入；请检查输入是否是一份年报`);
  }
  return text;
}

/** One JSON object per input, as `--json` prints it. */
export function reportJson(report: ImportedReport) {
  return {
    source: report.source,
    agency: report.agency,
    year: report.year,
    edition: report.edition,
    title: report.title,
    encoding: report.encoding,
    metrics: report.metrics.map((m) => ({ id: m.metric, label: getMetric(m.metric).label, value: m.value, approx: m.approx, quote: m.quote, ...(m.cellRef ? { cell: m.cellRef } : {}), confirmedBy: m.confirmedBy ?? [] })),
    confirmed: report.metrics.filter((m) => m.confirmedBy?.length).length,
    withheld: report.withheld,
    categories: report.categories,
    warnings: report.warnings,
  };
}
