/**
 * npm run bench:import -- [--inputs 1000] [--seed 1]
 * Imports a generated set of reports in memory and prints reports per second.
 */
import { parseArgs } from 'node:util';
import { generateInputs, runBench } from './import-bench-run.ts';

const { values } = parseArgs({ options: { inputs: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' } } });
const inputs = generateInputs(process.cwd(), Number(values.inputs), Number(values.seed));
const bytes = inputs.reduce((a, i) => a + i.bytes.length, 0);
runBench(inputs.slice(0, 20)); // warm up the JIT so the figure is the steady state
const r = runBench(inputs);
console.log(`${r.inputs} inputs (${(bytes / 1e6).toFixed(1)} MB, seed ${values.seed}): ${r.imported} imported, ${r.refused} refused, ${r.metrics} metrics`);
console.log(`${r.seconds.toFixed(2)} s — ${r.reportsPerSecond.toFixed(0)} reports/s (target ≥ 200)`);
for (const kind of ['txt', 'html'] as const) {
  const some = inputs.filter((i) => i.path.endsWith(`.${kind}`));
  const k = runBench(some);
  console.log(`  .${kind}: ${k.inputs} inputs, ${(some.reduce((a, i) => a + i.bytes.length, 0) / k.inputs / 1000).toFixed(0)} KB each — ${k.reportsPerSecond.toFixed(0)} reports/s`);
}
