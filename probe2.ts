import { readFileSync } from 'node:fs';
import { readPdfPages } from './src/lib/importer/inputs/pdf.ts';
const pages = await readPdfPages(new Uint8Array(readFileSync(process.argv[2]!)));
for (const [i, p] of pages.entries()) for (const it of p.items) if (it.str.trim() && (/部分公开|区分|^8$|处|理 的|^9$|本年新收|^71$|^74$/.test(it.str))) console.log(i, JSON.stringify(it.str), Math.round(it.x), Math.round(it.y), Math.round(it.width), it.size.toFixed(1));
