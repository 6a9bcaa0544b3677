/**
 * Sums a report states twice: its own categories against its 主动公开 total, and
 * the identities printed in the official tables (table 三: 一 + 二 = 三（七）总计 + 四
 * for every applicant column; table 四: each 总计 = the four before it).
 */
import { APPLICANT_COLUMNS } from '../catalogue/index.ts';
import type { CategoryValue, MetricValue } from '../metric-value.ts';
import type { Finding } from './finding.ts';

interface Checked {
  id: string;
  metrics: Readonly<Record<string, MetricValue>>;
  categories: readonly CategoryValue[];
}

/** Relative tolerance when an approximate value takes part: "600余" may be 600–699. */
export const APPROX_TOLERANCE = 0.2;

function agree(a: number, b: number, approx: boolean): boolean {
  return approx ? Math.abs(a - b) <= APPROX_TOLERANCE * Math.max(a, b) : a === b;
}

export function checkCategorySum(report: Checked): Finding[] {
  const total = report.metrics['proactive_total'];
  if (!total || report.categories.length < 2) return [];
  const sum = report.categories.reduce((a, c) => a + c.value, 0);
  const approx = total.approx || report.categories.some((c) => c.approx);
  if (agree(sum, total.value, approx)) return [];
  return [{
    kind: 'sum',
    report: report.id,
    message: `主动公开各类信息之和为 ${sum}${approx ? '（含近似值，按 ±20% 比较）' : ''}，与总数 ${total.approx ? '约' : ''}${total.value} 不符`,
  }];
}

const COLUMNS = [...APPLICANT_COLUMNS.map((c) => ({ suffix: `.${c.id}`, label: c.label })), { suffix: '', label: '总计' }];

export function checkTable3(report: Checked): Finding[] {
  const v = (id: string) => report.metrics[id]?.value;
  const findings: Finding[] = [];
  for (const { suffix, label } of COLUMNS) {
    const parts = ['requests_new', 'requests_carried_over', 'result_total', 'requests_carried_forward'].map((r) => v(r + suffix));
    if (parts.some((p) => p === undefined)) continue;
    const [a, b, c, d] = parts as [number, number, number, number];
    if (a + b !== c + d) {
      findings.push({
        kind: 'identity',
        report: report.id,
        message: `表三“${label}”列：一（${a}）+ 二（${b}）= ${a + b}，而三（七）总计（${c}）+ 四（${d}）= ${c + d}`,
      });
    }
  }
  return findings;
}

const TABLE_4 = [
  { id: 'review', label: '行政复议' },
  { id: 'litigation_direct', label: '行政诉讼（未经复议直接起诉）' },
  { id: 'litigation_after_review', label: '行政诉讼（复议后起诉）' },
];

export function checkTable4(report: Checked): Finding[] {
  const v = (id: string) => report.metrics[id]?.value;
  return TABLE_4.flatMap(({ id, label }) => {
    const parts = ['upheld', 'corrected', 'other', 'pending'].map((k) => v(`${id}_${k}`));
    const total = v(`${id}_total`);
    if (total === undefined || parts.some((p) => p === undefined)) return [];
    const sum = (parts as number[]).reduce((a, b) => a + b, 0);
    return sum === total ? [] : [{ kind: 'identity' as const, report: report.id, message: `表四${label}：四项之和 ${sum} 与总计 ${total} 不符` }];
  });
}
