import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { readContentFiles } from './src/cli/content-files.ts';
import { printPdf } from './src/cli/print-pdf.ts';
import { printableHtml } from './src/lib/importer/eval/variants.ts';
import { evaluate, precision, recall } from './src/lib/importer/eval/evaluate.ts';
import { importReport } from './src/lib/importer/import-report.ts';
import { reportSchema } from './src/lib/schema/report.ts';
import { parseYaml, splitFrontMatter } from './src/lib/validate/front-matter.ts';
const files = (await readContentFiles('.')).filter((f) => f.path.startsWith('content/reports/'));
for (const mode of [['-layout'], []]) {
  const pairs = [];
  for (const f of files) {
    const data = reportSchema.parse(parseYaml(splitFrontMatter(f.text).frontMatter ?? '').data);
    if (data.edition === 'pre2019') continue;
    writeFileSync('/tmp/p.html', printableHtml(data.title, splitFrontMatter(f.text).body));
    printPdf('/tmp/p.html', '/tmp/p.pdf');
    execFileSync('pdftotext', [...mode, '/tmp/p.pdf', '/tmp/p.txt']);
    const r = importReport('p.txt', readFileSync('/tmp/p.txt'), { agencies: [], agency: data.agency, year: data.year });
    pairs.push({ report: `${data.agency}/${data.year}`, reviewed: data.metrics, imported: r.metrics });
  }
  const e = evaluate(pairs);
  console.log(mode.join('') || 'raw', e.total, precision(e.total).toFixed(3), recall(e.total).toFixed(3));
  console.log(e.mismatches.filter((m) => m.kind === 'wrong').slice(0, 5));
}
