/**
 * Generated importer inputs and their timing. The inputs are the stored sources
 * (seed texts and saved corpus pages) with every count changed by a seeded
 * generator, so runs are repeatable and the extractor sees new numbers.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printableHtml } from '../lib/importer/eval/variants.ts';
import { importFile, importReport, reportFileText, type ImportedReport } from '../lib/importer/import-report.ts';
import { reportSchema } from '../lib/schema/report.ts';
import { parseYaml, splitFrontMatter } from '../lib/validate/front-matter.ts';
import { readContentFiles } from '../build/content-files.ts';
import { SOURCES } from './import-eval-run.ts';
import { importAll } from './import-pool.ts';
import { printPdf } from './print-pdf.ts';

export interface BenchInput {
  path: string;
  bytes: Uint8Array;
}

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateInputs(root: string, count: number, seed = 1): BenchInput[] {
  const dir = join(root, SOURCES);
  const sources = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.(txt|html)$/.test(f) && !f.includes('README'))
    .sort()
    .map((f) => ({ path: f, text: readFileSync(join(dir, f), 'utf8') }));
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const source = sources[i % sources.length]!;
    // Vary counts (1–4 digit numbers not followed by 年/月/日), keep years and dates.
    const text = source.text.replace(/(?<![\d.])\d{1,4}(?![\d.年月日])/g, (n) => String(Math.floor(next() * 10 ** n.length)));
    return { path: `${i}-${source.path}`, bytes: new TextEncoder().encode(text) };
  });
}

export interface BenchResult {
  inputs: number;
  imported: number;
  refused: number;
  seconds: number;
  reportsPerSecond: number;
  metrics: number;
  /** Values read, kept or withheld (a bench input's numbers are changed at random, so its tables rarely add up). */
  read: number;
}

/** The same on every core, through the CLI's worker pool. */
export async function runBenchPool(inputs: readonly BenchInput[]): Promise<BenchResult> {
  const started = performance.now();
  const results = await importAll(inputs, [], {});
  const seconds = (performance.now() - started) / 1000;
  const imported = results.filter((r) => r.report).length;
  const metrics = results.reduce((a, r) => a + (r.report?.metrics.length ?? 0), 0);
  const read = metrics + results.reduce((a, r) => a + (r.report?.withheld.length ?? 0), 0);
  return { inputs: inputs.length, imported, refused: inputs.length - imported, seconds, reportsPerSecond: inputs.length / seconds, metrics, read };
}

/**
 * Import every input in memory on this thread (decode, convert, extract, write the
 * file text) and time it: with `importReport` for text and pages, or `importFile`
 * (PDF and Word too).
 */
export async function runBench(inputs: readonly BenchInput[], importOne: (input: BenchInput) => ImportedReport | Promise<ImportedReport> = (i) => importReport(i.path, i.bytes, { agencies: [] })): Promise<BenchResult> {
  let imported = 0;
  let metrics = 0;
  let read = 0;
  const started = performance.now();
  for (const input of inputs) {
    try {
      const report = await importOne(input);
      reportFileText(report);
      metrics += report.metrics.length;
      read += report.metrics.length + report.withheld.length;
      imported++;
    } catch {
      // counted as refused below
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { inputs: inputs.length, imported, refused: inputs.length - imported, seconds, reportsPerSecond: inputs.length / seconds, metrics, read };
}

/** Any file through importFile, as runBench's importer. */
export const viaImportFile = (input: BenchInput) => importFile(input.path, input.bytes, { agencies: [] });

/**
 * `count` PDFs printed by Chromium from the archive's 2019 and 2021 reports (as the
 * eval's PDF variant is), with every count changed as for the other inputs. The
 * printing is not timed; only the import is.
 */
export async function generatePdfInputs(root: string, count: number, seed = 1): Promise<BenchInput[]> {
  const reports = (await readContentFiles(root))
    .filter((f) => f.path.startsWith('content/reports/'))
    .map((f) => ({ data: reportSchema.parse(parseYaml(splitFrontMatter(f.text).frontMatter ?? '').data), body: splitFrontMatter(f.text).body }))
    .filter((r) => r.data.edition !== 'pre2019');
  const next = random(seed);
  const work = mkdtempSync(join(tmpdir(), 'nianbao-bench-pdf-'));
  try {
    return Array.from({ length: count }, (_, i) => {
      const { data, body } = reports[i % reports.length]!;
      const html = join(work, `${i}.html`);
      writeFileSync(html, printableHtml(data.title, body.replace(/(?<![\d.])\d{1,4}(?![\d.年月日])/g, (n) => String(Math.floor(next() * 10 ** n.length)))));
      printPdf(html, join(work, `${i}.pdf`));
      return { path: `${i}-${data.agency}-${data.year}.pdf`, bytes: new Uint8Array(readFileSync(join(work, `${i}.pdf`))) };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

