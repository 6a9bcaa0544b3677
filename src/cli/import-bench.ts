/**
 * npm run bench:import -- [--inputs 1000] [--pdfs 40] [--seed 1]
 * Imports generated reports in memory and prints reports per second: text and
 * saved pages (from the stored sources, counts changed), and PDFs printed by
 * Chromium (measured separately: PDF.js reads every glyph with its position).
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { canPrintPdf } from './print-pdf.ts';
import { generateInputs, generatePdfInputs, runBench, runBenchPool, viaImportFile } from './import-bench-run.ts';

const { values } = parseArgs({ options: { inputs: { type: 'string', default: '1000' }, pdfs: { type: 'string', default: '40' }, seed: { type: 'string', default: '1' } } });
const seed = Number(values.seed);
const inputs = generateInputs(process.cwd(), Number(values.inputs), seed);
const bytes = inputs.reduce((a, i) => a + i.bytes.length, 0);
await runBench(inputs.slice(0, 20)); // warm up the JIT so the figure is the steady state
// One thread first, by input kind: the pool hands the input buffers to its workers, which empties them here.
const r = await runBench(inputs);
const kinds = [];
for (const kind of ['txt', 'html'] as const) {
  const some = inputs.filter((i) => i.path.endsWith(`.${kind}`));
  kinds.push({ kind, some, kb: some.reduce((a, i) => a + i.bytes.length, 0) / some.length / 1000, result: await runBench(some) });
}
const textPool = await runBenchPool(kinds[0]!.some.map((i) => ({ ...i, bytes: i.bytes.slice() })));
const pool = await runBenchPool(inputs);
const workers = availableParallelism();
console.log(`${pool.inputs} inputs (${(bytes / 1e6).toFixed(1)} MB, seed ${values.seed}): ${pool.imported} imported, ${pool.refused} refused, ${pool.metrics} metrics`);
console.log(`${workers} workers (as npm run import runs), all inputs: ${pool.seconds.toFixed(2)} s — ${pool.reportsPerSecond.toFixed(0)} reports/s`);
console.log(`${workers} workers, text reports (.txt): ${textPool.inputs} in ${textPool.seconds.toFixed(2)} s — ${textPool.reportsPerSecond.toFixed(0)} reports/s (target ≥ 200)`);
console.log(`one thread: ${r.seconds.toFixed(2)} s — ${r.reportsPerSecond.toFixed(0)} reports/s`);
for (const k of kinds) console.log(`  .${k.kind}: ${k.result.inputs} inputs, ${k.kb.toFixed(0)} KB each — ${k.result.reportsPerSecond.toFixed(0)} reports/s on one thread`);

const pdfCount = Number(values.pdfs);
if (pdfCount > 0 && canPrintPdf()) {
  const pdfs = await generatePdfInputs(process.cwd(), pdfCount, seed);
  const kb = pdfs.reduce((a, i) => a + i.bytes.length, 0) / pdfs.length / 1000;
  await runBench(pdfs.slice(0, 2).map((i) => ({ ...i, bytes: i.bytes.slice() })), viaImportFile); // warm up
  const one = await runBench(pdfs.map((i) => ({ ...i, bytes: i.bytes.slice() })), viaImportFile);
  const pdfPool = await runBenchPool(pdfs); // hands the buffers over: measured last
  console.log(`  .pdf: ${one.inputs} inputs printed by Chromium, ${kb.toFixed(0)} KB each — ${one.reportsPerSecond.toFixed(1)} reports/s on one thread, ${pdfPool.reportsPerSecond.toFixed(1)} reports/s with ${workers} workers (${one.imported} imported)`);
} else if (pdfCount > 0) {
  console.log('  .pdf: not measured (no Chromium to print the PDFs; apt-get install chromium)');
}
