/**
 * npm run import:eval — run the importer over the stored sources of the
 * archive's own reports (tests/fixtures/sources/) and compare with the reviewed
 * entries: precision and recall per metric group. Exit 1 below the targets
 * (precision 100%, recall ≥ 95%).
 */
import { evaluateArchive, TARGET_PRECISION, TARGET_RECALL } from './import-eval-run.ts';
import { precision, recall } from '../lib/importer/evaluate.ts';

const root = process.argv[2] ?? process.cwd();
const started = performance.now();
const { evaluation, reports, skipped } = await evaluateArchive(root);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

console.log(`对照 ${reports} 份已审核报告（${skipped.length} 份无原始文件，跳过${skipped.length ? `：${skipped.join('、')}` : ''}）\n`);
console.log(['分组', '正确', '错误', '遗漏', '精确率', '召回率'].join('\t'));
for (const [group, s] of evaluation.byGroup) {
  if (s.correct + s.wrong + s.missed === 0) continue;
  console.log([group, s.correct, s.wrong, s.missed, pct(precision(s)), pct(recall(s))].join('\t'));
}
const t = evaluation.total;
console.log(['合计', t.correct, t.wrong, t.missed, pct(precision(t)), pct(recall(t))].join('\t'));
for (const m of evaluation.mismatches.filter((x) => x.kind === 'wrong')) {
  console.log(`错误 ${m.report} ${m.metric}: 审核值 ${m.expected ?? '无'}，导入值 ${m.got ?? '无'}`);
}
const missed = evaluation.mismatches.filter((x) => x.kind === 'missed');
if (missed.length) console.log(`遗漏：${missed.map((m) => `${m.report} ${m.metric}`).join('；')}`);
console.log(`\n${Math.round(performance.now() - started)} ms`);
const ok = precision(t) >= TARGET_PRECISION && recall(t) >= TARGET_RECALL;
console.log(ok ? '达到目标（精确率 100%，召回率 ≥ 95%）。' : '未达到目标（精确率 100%，召回率 ≥ 95%）。');
process.exitCode = ok ? 0 : 1;
