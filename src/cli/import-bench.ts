/**
 * npm run bench:import -- [--inputs 1000] [--seed 1]
 * Imports a generated set of reports in memory and prints reports per second.
 */
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { generateInputs, runBench, runBenchPool } from './import-bench-run.ts';

const { values } = parseArgs({ options: { inputs: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } } });
const inputs = generateInputs(process.cwd(), Number(values.inputs), Number(values.seed));
const bytes = inputs.reduce((a, i) => a + i.bytes.length, 0);
runBench(inputs.slice(0, 20)); // warm up the JIT so the figure is the steady state
// One thread first, by input kind: the pool hands the input buffers to its workers, which empties them here.
const r = runBench(inputs);
const kinds = (['txt', 'html'] as const).map((kind) => {
  const some = inputs.filter((i) => i.path.endsWith(`.${kind}`));
  return { kind, kb: some.reduce((a, i) => a + i.bytes.length, 0) / some.length / 1000, result: runBench(some) };
});
const pool = await runBenchPool(inputs);
console.log(`${pool.inputs} inputs (${(bytes / 1e6).toFixed(1)} MB, seed ${values.seed}): ${pool.imported} imported, ${pool.refused} refused, ${pool.metrics} metrics`);
console.log(`${availableParallelism()} workers (as npm run import runs): ${pool.seconds.toFixed(2)} s — ${pool.reportsPerSecond.toFixed(0)} reports/s (target ≥ 200)`);
console.log(`one thread: ${r.seconds.toFixed(2)} s — ${r.reportsPerSecond.toFixed(0)} reports/s`);
for (const k of kinds) console.log(`  .${k.kind}: ${k.result.inputs} inputs, ${k.kb.toFixed(0)} KB each — ${k.result.reportsPerSecond.toFixed(0)} reports/s on one thread`);
