import { readFileSync } from 'node:fs';
import { textToMarkdown } from './src/lib/importer/text-to-markdown.ts';
import { statRows } from './src/lib/importer/template/rows.ts';
import { readTable3 } from './src/lib/importer/template/table3.ts';
const md = textToMarkdown(readFileSync('/tmp/v.txt', 'utf8')).markdown;
const r = readTable3(statRows(md), '2021');
const totals = r.found.filter((f) => !f.metric.includes('.'));
console.log(totals.map((f) => `${f.metric}=${f.value}/${f.placement}`).join('\n'));
console.log(r.warnings);
