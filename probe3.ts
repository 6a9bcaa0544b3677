import { evaluateVariants } from './src/cli/import-eval-run.ts';
import { precision, recall } from './src/lib/importer/evaluate.ts';
const r = await evaluateVariants(process.cwd());
for (const [v, { evaluation: e, reports }] of r) {
  console.log(v, reports, e.total, (precision(e.total)*100).toFixed(1), (recall(e.total)*100).toFixed(1));
  const wrong = e.mismatches.filter((m) => m.kind === 'wrong');
  if (wrong.length) console.log('  wrong', wrong.slice(0, 8).map((m) => `${m.report} ${m.metric} ${m.expected}->${m.got}`).join('; '));
  const missed = e.mismatches.filter((m) => m.kind === 'missed');
  const byReport = new Map(); for (const m of missed) byReport.set(m.report, (byReport.get(m.report) ?? 0) + 1);
  if (missed.length) console.log('  missed', [...byReport].join(' '), missed.slice(0, 6).map((m) => m.metric).join(','));
}
const pdf = r.get('pdf');
if (pdf) console.log(pdf.evaluation.mismatches.filter((m) => m.kind === 'missed').map((m) => `${m.report.slice(-4)} ${m.metric}`).join(', '));
