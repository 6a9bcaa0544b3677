/** Pairs every archive report with its stored source and evaluates the importer on them. */
import { cellMismatch } from '../lib/validate/cells.ts';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readContentFiles } from '../build/content-files.ts';
import { canConvertPdfToText, canPrintPdf, pdfToLayoutText, printPdf } from './print-pdf.ts';
import { evaluate, type Evaluation } from '../lib/importer/eval/evaluate.ts';
import { blankedMetrics, printableHtml, TEXT_VARIANTS, textVariant } from '../lib/importer/eval/variants.ts';
import { adversarialLayouts } from '../lib/importer/eval/adversarial.ts';
import { importFile, importReport } from '../lib/importer/import-report.ts';
import type { Found } from '../lib/importer/extract/found.ts';
import type { MetricValue } from '../lib/metric-value.ts';
import { reportSchema, type ReportData } from '../lib/schema/report.ts';
import { parseYaml, splitFrontMatter } from '../lib/validate/front-matter.ts';

export const TARGET_PRECISION = 1;
export const TARGET_RECALL = 0.95;
/** Recall each layout variant must reach (precision stays 100%). */
export const TARGET_VARIANT_RECALL = 0.9;
export const SOURCES = 'tests/fixtures/sources';

/** The archive's reports, parsed: front-matter and body. */
async function reviewedReports(root: string): Promise<{ data: ReportData; body: string }[]> {
  const files = (await readContentFiles(root)).filter((f) => f.path.startsWith('content/reports/'));
  return files.map((f) => {
    const { frontMatter, body } = splitFrontMatter(f.text);
    return { data: reportSchema.parse(parseYaml(frontMatter ?? '').data), body };
  });
}

export async function evaluateArchive(root: string): Promise<{ evaluation: Evaluation; reports: number; skipped: string[] }> {
  const pairs = [];
  const skipped: string[] = [];
  for (const { data: report } of await reviewedReports(root)) {
    const id = `${report.agency}/${report.year}`;
    const candidates = ['seeds', 'corpus'].map((dir) => join(root, SOURCES, dir, report.source.file ?? '\0'));
    const source = candidates.find((p) => existsSync(p));
    if (!source) {
      skipped.push(id);
      continue;
    }
    const imported = importReport(source, await readFile(source), { agencies: [], agency: report.agency, year: report.year });
    pairs.push({ report: id, reviewed: report.metrics, imported: imported.metrics });
  }
  return { evaluation: evaluate(pairs), reports: pairs.length, skipped };
}

/**
 * Every variant of the layout-variant set: the text forms; a PDF printed by Chromium
 * (where Chromium is installed); and that PDF's text as Poppler's `pdftotext -layout`
 * writes it (where Poppler is installed too).
 */
export const VARIANTS = [...TEXT_VARIANTS, 'pdf', 'pdftotext-layout'] as const;
export type Variant = (typeof VARIANTS)[number];

/**
 * The layout-variant set: every reviewed report of the 2019 and 2021 editions
 * rewritten into each variant (eval/variants.ts) and imported; the reviewed values,
 * less what a variant blanks, are the answer. Returns one evaluation per variant
 * (the PDF one only when Chromium can print).
 */
export async function evaluateVariants(root: string, only?: readonly Variant[]): Promise<Map<Variant, { evaluation: Evaluation; reports: number }>> {
  const reports = (await reviewedReports(root)).filter((r) => r.data.edition !== 'pre2019');
  const wanted = (only ?? VARIANTS).filter((v) => (v !== 'pdf' && v !== 'pdftotext-layout') || (canPrintPdf() && (v === 'pdf' || canConvertPdfToText())));
  const out = new Map<Variant, { evaluation: Evaluation; reports: number }>();
  const work = mkdtempSync(join(tmpdir(), 'nianbao-variants-'));
  try {
    for (const variant of wanted) {
      const pairs = [];
      for (const { data, body } of reports) {
        const id = `${data.agency}/${data.year}`;
        const options = { agencies: [], agency: data.agency, year: data.year };
        let imported;
        if (variant === 'pdf' || variant === 'pdftotext-layout') {
          const html = join(work, `${data.agency}-${data.year}.html`);
          const pdf = html.replace(/\.html$/, '.pdf');
          writeFileSync(html, printableHtml(data.title, body));
          printPdf(html, pdf);
          imported = variant === 'pdf' ? await importFile(pdf, readFileSync(pdf), options) : importReport(pdf.replace(/\.pdf$/, '.txt'), pdfToLayoutText(pdf), options);
        } else {
          imported = importReport(`${data.agency}-${data.year}-${variant}.txt`, new TextEncoder().encode(textVariant(data.title, body, variant)), options);
        }
        pairs.push({ report: id, reviewed: expectedFor(variant, data), imported: imported.metrics });
      }
      out.set(variant, { evaluation: evaluate(pairs), reports: pairs.length });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return out;
}

/** The reviewed values a variant can show: all of them, less the 总计 cells it blanked. */
function expectedFor(variant: Variant, data: ReportData): Record<string, MetricValue> {
  const blanked = variant === 'pdf' || variant === 'pdftotext-layout' ? new Set<string>() : blankedMetrics(variant, Object.keys(data.metrics));
  return Object.fromEntries(Object.entries(data.metrics).filter(([id]) => !blanked.has(id)));
}

export interface AdversarialResult {
  layouts: number;
  /** Reviewed values the layouts state (each layout counts its report's values again). */
  values: number;
  correct: number;
  wrong: { layout: string; report: string; metric: string; expected?: number; got: number }[];
  missed: number;
  /** Layouts the importer refused whole (no title found, say): allowed, counted. */
  refused: number;
  /** Stored values that name their cell's position in the quoted row. */
  cells: number;
  /** Values whose named cell does not hold them (validate/cells.ts): must be none. */
  wrongCells: { layout: string; report: string; metric: string; problem: string }[];
}

/**
 * The adversarial layouts (eval/adversarial.ts) of every reviewed 2019 and 2021 report: each imported, each
 * kept value compared with the reviewed one. Precision must be 100%: a corruption never makes a wrong
 * number right.
 */
export async function evaluateAdversarial(root: string, seeds = 3): Promise<AdversarialResult> {
  const result: AdversarialResult = { layouts: 0, values: 0, correct: 0, wrong: [], missed: 0, refused: 0, cells: 0, wrongCells: [] };
  for (const { data, body } of await reviewedReports(root)) {
    if (data.edition === 'pre2019') continue;
    const id = `${data.agency}/${data.year}`;
    for (const layout of adversarialLayouts(data.title, body, seeds)) {
      result.layouts++;
      result.values += Object.keys(data.metrics).length;
      let imported: readonly Found[] = [];
      try {
        imported = importReport(layout.path, new TextEncoder().encode(layout.text), { agencies: [], agency: data.agency, year: data.year }).metrics;
      } catch {
        result.refused++; // every value missed
      }
      const { total, mismatches } = evaluate([{ report: id, reviewed: data.metrics, imported }]);
      result.correct += total.correct;
      result.missed += total.missed;
      for (const m of mismatches) if (m.kind === 'wrong') result.wrong.push({ layout: layout.name, report: id, metric: m.metric, ...(m.expected !== undefined ? { expected: m.expected } : {}), got: m.got! });
      for (const f of imported) {
        if (f.cellRef?.position === undefined) continue;
        result.cells++;
        const problem = cellMismatch({ value: f.value, approx: f.approx, quote: f.quote, cell: f.cellRef });
        if (problem) result.wrongCells.push({ layout: layout.name, report: id, metric: f.metric, problem });
      }
    }
  }
  return result;
}

/**
 * Printed web pages: every reviewed report whose source is a saved portal page, printed by Chromium as a
 * reader's browser prints it (the site's navigation and footer, the browser's own header and footer with
 * the date, title, address and page numbers), then imported from the PDF. Empty without Chromium.
 */
export async function evaluatePrintedPages(root: string): Promise<{ evaluation: Evaluation; reports: number }> {
  const pairs = [];
  const work = mkdtempSync(join(tmpdir(), 'nianbao-printed-'));
  try {
    for (const { data: report } of await reviewedReports(root)) {
      const source = join(root, SOURCES, 'corpus', report.source.file ?? '\0');
      if (!canPrintPdf() || !existsSync(source) || !/\.html?$/.test(source)) continue;
      const pdf = join(work, `${report.agency}-${report.year}.pdf`);
      printPdf(source, pdf, { headerFooter: true });
      const id = `${report.agency}/${report.year}`;
      let imported: readonly Found[] = [];
      try {
        imported = (await importFile(pdf, readFileSync(pdf), { agencies: [], agency: report.agency, year: report.year })).metrics;
      } catch {
        // refused whole: every value missed
      }
      pairs.push({ report: id, reviewed: report.metrics, imported });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { evaluation: evaluate(pairs), reports: pairs.length };
}
