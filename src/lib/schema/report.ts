/**
 * Front-matter schema of a report (`content/reports/<agency-id>/<year>.md`),
 * derived from the metric catalogue. Used by the content collection, the
 * validator and the tests alike.
 */
import { z } from 'astro/zod';
import {
  EDITION_IDS,
  FIRST_REPORT_YEAR,
  editionForYear,
  findIdentity,
  findMetric,
  getEdition,
} from '../catalogue/index.ts';
import { toMetricValue, type MetricValue } from '../metric-value.ts';
import { AGENCY_ID_PATTERN } from './agency.ts';
import { checkMetricEdition, checkMetricNumber, unknownMetricMessage } from './metric-checks.ts';
import { isoDate } from './dates.ts';
import { pickFields, rejectUnknownKeys } from './unknown-keys.ts';

/** The last year a report may be about: the current one. */
export function lastReportYear(): number {
  return new Date().getFullYear();
}

const quote = z.string().trim().min(1, { error: 'quote 不能为空：写出报告正文中陈述该数值的原句或表格行' });

/** The table cell a value was read from (metric-value.ts `CellRef`). */
const cellSchema = z.strictObject({
  table: z.string().trim().min(1, { error: 'cell.table 写表名，如 表三' }),
  row: z.string().trim().min(1, { error: 'cell.row 写行名，如 一、本年新收政府信息公开申请数量' }),
  column: z.string().trim().min(1, { error: 'cell.column 写列名，如 自然人、总计' }),
  position: z.number({ error: 'cell.position 是数值在 quote 这一行中的格序（从 1 数起）' }).int({ error: 'cell.position 必须是整数' }).min(1, { error: 'cell.position 从 1 数起' }).optional(),
});

const metricObject = z.strictObject({
  value: z.number({ error: 'value 必须是数字（不加引号、不带单位）' }),
  approx: z.boolean({ error: 'approx 必须是 true 或 false' }).optional(),
  quote: quote.optional(),
  note: z.string().optional(),
  /** Written by the importer: the table identities that held over the value. */
  confirmedBy: z
    .array(z.string().refine((id) => findIdentity(id) !== undefined, { error: (issue) => `confirmedBy 中的“${String(issue.input)}”不是表格恒等式的 id（见 src/lib/catalogue/identities.ts）` }))
    .optional(),
  /** For a value read from a table: the table, row and column, and the cell's place in the quoted row. */
  cell: cellSchema.optional(),
});

const rawMetric = z.union([z.number(), metricObject], {
  error: '指标值必须是数字，或 { value, approx, quote } 对象',
});

/** Objects are checked against the object form directly, so a wrong `value` is reported at its own path. */
const parseRawMetric = (raw: unknown) =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? metricObject.safeParse(raw) : rawMetric.safeParse(raw);

/** `metrics`: catalogue ids → values. Unknown ids and values of the wrong kind are reported per key. */
const metricsSchema = z
  // A bare `metrics:` is YAML null; say what to write instead of Zod's "expected record".
  .record(z.string(), z.unknown(), { error: 'metrics 必须是“指标id: 数值”的映射；没有指标时写 metrics: {} 或删去这一行' })
  .superRefine((metrics, ctx) => {
    for (const [key, raw] of Object.entries(metrics)) {
      const metric = findMetric(key);
      if (!metric) {
        ctx.addIssue({ code: 'custom', path: [key], message: unknownMetricMessage(key) });
        continue;
      }
      const parsed = parseRawMetric(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          ctx.addIssue({ code: 'custom', path: [key, ...issue.path.map(String)], message: issue.message });
        }
        continue;
      }
      const value = typeof parsed.data === 'number' ? parsed.data : parsed.data.value;
      const valuePath = typeof parsed.data === 'number' ? [key] : [key, 'value'];
      for (const message of checkMetricNumber(metric, value)) {
        ctx.addIssue({ code: 'custom', path: valuePath, message });
      }
    }
  })
  .transform((metrics) => {
    const out: Record<string, MetricValue> = {};
    for (const [key, raw] of Object.entries(metrics)) {
      const parsed = parseRawMetric(raw);
      if (parsed.success) out[key] = toMetricValue(parsed.data);
    }
    return out;
  });

const categorySchema = z.strictObject({
  label: z.string().trim().min(1, { error: '分类名称 label 不能为空' }),
  value: z.number({ error: 'value 必须是数字' }).int({ error: '分类数值必须是整数' }).nonnegative({ error: '分类数值不能为负' }),
  approx: z.boolean().default(false),
  quote: quote.optional(),
  note: z.string().optional(),
});

const sourceSchema = z
  .strictObject({
    // http(s) only: a javascript: or data: address would become a link on the report page.
    url: z.url({ protocol: /^https?$/, error: 'source.url 必须是以 http:// 或 https:// 开头的完整网址' }).optional(),
    file: z.string().trim().min(1).optional(),
    /** The original file's SHA-256 (written by the importer), so a copy kept elsewhere can be verified and linked. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'source.sha256 是原始文件的 SHA-256（64 位十六进制），由导入程序写下' }).optional(),
    /** The original file's size in bytes. */
    bytes: z.number().int().nonnegative().optional(),
    publisher: z.string().trim().min(1).optional(),
    indexNo: z.string().trim().min(1).optional(),
    /** Scraping artefacts removed from the text (breadcrumbs, 【打印正文】 …), listed for transparency. */
    removed: z.array(z.string()).default([]),
  })
  .refine((s) => s.url !== undefined || s.file !== undefined, {
    error: 'source 至少需要 url（原文网址）或 file（原始文件名）之一',
  });

export const REVIEW_STATUSES = ['machine', 'reviewed'] as const;

const reviewSchema = z
  .strictObject({
    status: z.enum(REVIEW_STATUSES, { error: 'review.status 必须是 machine（机器导入，未核对）或 reviewed（已人工核对）' }),
    /** Who checked it (a name or a git handle). */
    by: z.string().trim().min(1, { error: 'review.by 不能为空' }).optional(),
    /** The day it was checked. */
    at: isoDate('review.at').optional(),
  })
  .superRefine((review, ctx) => {
    if (review.status !== 'reviewed') return;
    if (!review.by) ctx.addIssue({ code: 'custom', path: ['by'], message: 'review.status 为 reviewed 时须写明核对人 review.by' });
    if (!review.at) ctx.addIssue({ code: 'custom', path: ['at'], message: 'review.status 为 reviewed 时须写明核对日期 review.at（YYYY-MM-DD）' });
  });

const withheldSchema = z.strictObject({
  metric: z.string().trim().min(1),
  value: z.number({ error: 'value 必须是数字' }),
  approx: z.boolean().optional(),
  quote: z.string(),
  cell: cellSchema.optional(),
  reason: z.string(),
});

const importedSchema = z.strictObject({
  /** The SHA-256 of the file as the importer wrote it (src/lib/importer/import-digest.ts). */
  digest: z.string().regex(/^[0-9a-f]{64}$/, { error: 'imported.digest 是导入程序写下的 64 位十六进制摘要，不要手改' }).optional(),
  /** The day of the import. */
  at: isoDate('imported.at').optional(),
  /** Values read but not kept (an uncertain placement, a row that does not add up), for the review. */
  withheld: z.array(withheldSchema).default([]),
  /** What the importer was unsure of. */
  warnings: z.array(z.string()).default([]),
});

const REPORT_SHAPE = {
  agency: z.string({ error: 'agency 必须是机构 id（content/agencies/ 下的文件名）' }).regex(AGENCY_ID_PATTERN, {
    error: 'agency 必须是机构 id，形如 370303-jiaoyuju',
  }),
  year: z
    .number({ error: 'year 必须是四位数字年份' })
    .int({ error: 'year 必须是整数年份' })
    .min(FIRST_REPORT_YEAR, { error: `year 不能早于 ${FIRST_REPORT_YEAR}` })
    .refine((y) => y <= lastReportYear(), { error: `year 不能晚于今年` }),
  title: z.string({ error: 'title 必须是报告标题（原文所印）' }).trim().min(1, { error: 'title 不能为空' }),
  // YAML reads `edition: 2019` as a number; editors need not quote it.
  edition: z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : v),
    z.enum(EDITION_IDS, { error: `edition 必须是 ${EDITION_IDS.join(' | ')} 之一` }),
  ),
  signed: isoDate('signed').optional(),
  published: isoDate('published').optional(),
  source: sourceSchema,
  metrics: metricsSchema.default({}),
  categories: z.array(categorySchema).default([]),
  notes: z.array(z.string()).default([]),
  /**
   * Whether a person has checked the report against its source: `machine` (written by the importer, not yet
   * checked: its missing values may be values it could not read) or `reviewed` (by whom, on which day).
   * A file without it was written or checked by hand.
   */
  review: reviewSchema.optional(),
  /** Written by the importer: its digest of the file, and what it read but did not keep, and why. */
  imported: importedSchema.optional(),
};

export const REPORT_FIELDS = Object.keys(REPORT_SHAPE);

/** The validated front-matter of a report. */
export type ReportData = z.output<z.ZodObject<typeof REPORT_SHAPE>>;

export const reportSchema = z
  .looseObject(REPORT_SHAPE)
  .superRefine((report, ctx) => {
    rejectUnknownKeys(report, REPORT_FIELDS, ctx);
    const expected = editionForYear(report.year);
    if (expected && expected !== report.edition) {
      const e = getEdition(expected);
      ctx.addIssue({
        code: 'custom',
        path: ['edition'],
        message: `${report.year} 年度的报告应为 ${expected}（${e.label}，${e.basis}），而不是 ${report.edition}`,
      });
    }
    for (const key of Object.keys(report.metrics)) {
      const metric = findMetric(key);
      if (!metric) continue;
      for (const message of checkMetricEdition(metric, report.edition)) {
        ctx.addIssue({ code: 'custom', path: ['metrics', key], message });
      }
    }
  })
  // Unknown keys were reported above; what passes on holds only the fields.
  .transform((report) => pickFields(report, REPORT_FIELDS) as ReportData);
