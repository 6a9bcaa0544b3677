/**
 * Generated importer inputs and their timing. The inputs are the stored sources
 * (seed texts and saved corpus pages) with every count changed by a seeded
 * generator, so runs are repeatable and the extractor sees new numbers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReport, reportFileText } from '../lib/importer/import-report.ts';
import { SOURCES } from './import-eval-run.ts';
import { importAll } from './import-pool.ts';

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
}

/** The same on every core, through the CLI's worker pool. */
export async function runBenchPool(inputs: readonly BenchInput[]): Promise<BenchResult> {
  const started = performance.now();
  const results = await importAll(inputs, [], {});
  const seconds = (performance.now() - started) / 1000;
  const imported = results.filter((r) => r.report).length;
  const metrics = results.reduce((a, r) => a + (r.report?.metrics.length ?? 0), 0);
  return { inputs: inputs.length, imported, refused: inputs.length - imported, seconds, reportsPerSecond: inputs.length / seconds, metrics };
}

/** Import every input in memory on this thread (decode, convert, extract, write the file text) and time it. */
export function runBench(inputs: readonly BenchInput[]): BenchResult {
  let imported = 0;
  let metrics = 0;
  const started = performance.now();
  for (const input of inputs) {
    try {
      const report = importReport(input.path, input.bytes, { agencies: [] });
      reportFileText(report);
      metrics += report.metrics.length;
      imported++;
    } catch {
      // counted as refused below
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { inputs: inputs.length, imported, refused: inputs.length - imported, seconds, reportsPerSecond: inputs.length / seconds, metrics };
}
