/**
 * npm run import:eval [-- --no-variants] — run the importer over the stored
 * sources of the archive's own reports (tests/fixtures/sources/) and compare
 * with the reviewed entries: precision and recall per metric group. Then the
 * layout-variant set: the reviewed 2019 and 2021 reports rewritten into other
 * forms (generic pipe tables, tab rows, label and number lines, wrapped PDF
 * text, blanked 总计 cells, a PDF printed by Chromium, and that PDF's text from
 * Poppler's pdftotext -layout), precision and recall
 * per variant. Last, the adversarial layouts (eval/adversarial.ts): how many were
 * tried, with how many values, and every wrong value (the target is none). Exit 1 below the targets (precision 100% everywhere; recall ≥ 95%
 * on the reviewed set, ≥ 90% on each variant).
 */
import { evaluateAdversarial, evaluateArchive, evaluatePrintedPages, evaluateVariants, TARGET_PRECISION, TARGET_RECALL, TARGET_VARIANT_RECALL, VARIANTS } from './import-eval-run.ts';
import { CORRUPTIONS, FORMS, LABEL_STYLES } from '../lib/importer/eval/adversarial.ts';
import { canConvertPdfToText, canPrintPdf } from './print-pdf.ts';
import { precision, recall } from '../lib/importer/eval/evaluate.ts';

const root = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? process.cwd();
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
let ok = precision(t) >= TARGET_PRECISION && recall(t) >= TARGET_RECALL;
console.log(ok ? '已审核报告：达到目标（精确率 100%，召回率 ≥ 95%）。' : '已审核报告：未达到目标（精确率 100%，召回率 ≥ 95%）。');

if (!process.argv.includes('--no-variants')) {
  const variants = await evaluateVariants(root);
  const skipped = !canPrintPdf() ? '；未安装 Chromium，跳过 pdf 与 pdftotext-layout 变体' : !canConvertPdfToText() ? '；未安装 pdftotext（poppler-utils），跳过 pdftotext-layout 变体' : '';
  console.log(`\n版式变体（由 2019、2021 版式的已审核报告生成）${skipped}\n`);
  console.log(['变体', '报告', '正确', '错误', '遗漏', '精确率', '召回率'].join('\t'));
  for (const name of VARIANTS) {
    const v = variants.get(name);
    if (!v) continue;
    const s = v.evaluation.total;
    console.log([name, v.reports, s.correct, s.wrong, s.missed, pct(precision(s)), pct(recall(s))].join('\t'));
    for (const m of v.evaluation.mismatches.filter((x) => x.kind === 'wrong')) console.log(`  错误 ${m.report} ${m.metric}: 审核值 ${m.expected ?? '无'}，导入值 ${m.got ?? '无'}`);
    if (precision(s) < TARGET_PRECISION || recall(s) < TARGET_VARIANT_RECALL) ok = false;
  }
  console.log(ok ? '\n变体：达到目标（精确率 100%，召回率 ≥ 90%）。' : '\n未达到目标（变体精确率 100%，召回率 ≥ 90%）。');

  // Printed web pages: the portal pages of the reviewed reports as a reader's browser prints them.
  const printed = await evaluatePrintedPages(root);
  if (printed.reports > 0) {
    const p = printed.evaluation.total;
    console.log(`\n打印的网页（Chromium 连同网站导航、页脚和浏览器页眉页脚打印成 PDF 再导入）：${printed.reports} 份，正确 ${p.correct}，错误 ${p.wrong}，遗漏 ${p.missed}；精确率 ${pct(precision(p))}，召回率 ${pct(recall(p))}（目标：精确率 100%，召回率 ≥ 90%）`);
    for (const m of printed.evaluation.mismatches.filter((x) => x.kind === 'wrong')) console.log(`  错误 ${m.report} ${m.metric}: 审核值 ${m.expected ?? '无'}，导入值 ${m.got ?? '无'}`);
    if (precision(p) < TARGET_PRECISION || recall(p) < TARGET_VARIANT_RECALL) ok = false;
  }

  // Adversarial layouts: the same reports in forms and with corruptions that fool a positional reader.
  const adversarial = await evaluateAdversarial(root);
  const a = adversarial;
  console.log(`\n对抗版式（${FORMS.length} 种形式 × ${LABEL_STYLES.length} 种标签 × ${CORRUPTIONS.length} 种损坏，每种损坏 3 个随机种子）`);
  console.log(`版式 ${a.layouts} 个，应有数值 ${a.values} 个：正确 ${a.correct}，错误 ${a.wrong.length}，遗漏 ${a.missed}（整份拒绝 ${a.refused} 个版式）；精确率 ${pct(a.correct / Math.max(1, a.correct + a.wrong.length))}，召回率 ${pct(a.correct / Math.max(1, a.values))}`);
  for (const w of a.wrong.slice(0, 20)) console.log(`  错误 ${w.layout} ${w.report} ${w.metric}: 审核值 ${w.expected ?? '无'}，导入值 ${w.got}`);
  console.log(`其中 ${a.cells} 个数值记下了所在的格：格中不是该数值的 ${a.wrongCells.length} 个`);
  for (const w of a.wrongCells.slice(0, 20)) console.log(`  格错 ${w.layout} ${w.report} ${w.metric}: ${w.problem}`);
  if (a.wrong.length > 0 || a.wrongCells.length > 0) ok = false;
  console.log(a.wrong.length === 0 ? '对抗版式：没有错误的数值。' : '对抗版式：有错误的数值（目标为 0）。');
}
process.exitCode = ok ? 0 : 1;
