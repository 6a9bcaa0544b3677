/**
 * npm run check — validate every file under content/ and list all problems,
 * grouped by file, with line numbers. Exits 1 when there is any error.
 */
import { readContentFiles } from './content-files.ts';
import { validateContentParsed } from '../lib/validate/validate-content.ts';
import type { Problem } from '../lib/validate/problem.ts';
import { qualityWarnings } from '../lib/validate/quality-warnings.ts';

const root = process.argv[2] ?? process.cwd();
const started = performance.now();
const files = await readContentFiles(root);
const { problems, parsed } = validateContentParsed(files);
// Quality checks need a consistent archive; with errors, fix those first.
if (!problems.some((p) => p.severity === 'error')) problems.push(...qualityWarnings(parsed));
const ms = Math.round(performance.now() - started);

const byFile = new Map<string, Problem[]>();
for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
for (const [file, list] of byFile) {
  console.log(`\n${file}`);
  for (const p of list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) {
    const where = p.line !== undefined ? `  ${String(p.line).padStart(4)} ` : '       ';
    console.log(`${where}${p.severity === 'error' ? '错误' : '提示'} ${p.field ? `${p.field}: ` : ''}${p.message}`);
  }
}
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
console.log(`\n检查了 ${files.length} 个文件（${ms} ms）：${errors} 个错误，${warnings} 个提示。`);
process.exitCode = errors > 0 ? 1 : 0;
