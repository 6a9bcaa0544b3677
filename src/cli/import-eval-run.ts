/** Pairs every archive report with its stored source and evaluates the importer on them. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readContentFiles } from './content-files.ts';
import { evaluate, type Evaluation } from '../lib/importer/evaluate.ts';
import { importReport } from '../lib/importer/import-report.ts';
import { reportSchema } from '../lib/schema/report.ts';
import { parseYaml, splitFrontMatter } from '../lib/validate/front-matter.ts';

export const TARGET_PRECISION = 1;
export const TARGET_RECALL = 0.95;
export const SOURCES = 'tests/fixtures/sources';

export async function evaluateArchive(root: string): Promise<{ evaluation: Evaluation; reports: number; skipped: string[] }> {
  const files = (await readContentFiles(root)).filter((f) => f.path.startsWith('content/reports/'));
  const pairs = [];
  const skipped: string[] = [];
  for (const file of files) {
    const report = reportSchema.parse(parseYaml(splitFrontMatter(file.text).frontMatter ?? '').data);
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
