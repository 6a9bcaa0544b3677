/**
 * A skeleton report for `npm run new`: the edition's section headings and a
 * metrics block listing every statutory key of the edition, commented out, so an
 * editor uncomments what the report states (and only that: not reported ≠ 0).
 */
import { editionForYear, getEdition, isStandardFor, METRICS } from './catalogue/index.ts';

export function skeletonReport(agency: { id: string; shortName: string }, year: number): string {
  const editionId = editionForYear(year);
  if (!editionId) throw new Error(`年度 ${year} 早于任何版式`);
  const edition = getEdition(editionId);
  const keys = METRICS.filter((m) => isStandardFor(m, editionId));
  const width = Math.max(...keys.map((m) => m.id.length));
  const metricLines = keys.map((m) => `  # ${`${m.id}:`.padEnd(width + 1)}  # ${m.label}（${m.unit}）`);
  return [
    '---',
    `agency: ${agency.id}`,
    `year: ${year}`,
    // Serialized, not pasted: a name beginning with * [ & or a quote would change what the YAML says.
    `title: ${JSON.stringify(`${agency.shortName}${year}年度政府信息公开工作年度报告`)}  # 改为原文所印标题`,
    `edition: ${editionId === 'pre2019' ? 'pre2019' : `'${editionId}'`}  # ${edition.label}（${edition.basis}）`,
    '# signed: YYYY-MM-DD      # 落款日期（原文可确定时）',
    '# published: YYYY-MM-DD   # 发布日期（原文可确定时）',
    'source:',
    '  file: 待填写  # 原始文件名；已知原文网址时加 url:',
    '  # url: https://',
    '# 原报告载明的数值才写；写法：键: { value: 数值, quote: 正文中的原句或表格行 }，近似值加 approx: true。',
    '# 原文明说“没有”“未收到”的写 0；没有提到的不写（未报告不等于 0）。',
    'metrics: {}',
    ...metricLines,
    'categories: []  # 本机关自定的主动公开分类：- { label: 政策法规, value: 21, quote: … }',
    '---',
    '',
    ...edition.sections.flatMap((s) => [`## ${s}`, '', '（在此照录原文。）', '']),
  ].join('\n');
}
