/**
 * Sums a report states twice: its own categories against its 主动公开 total, and
 * the identities of the official tables, defined once in catalogue/identities.ts
 * (the importer weighs its readings with the same ones).
 */
import { evaluateIdentity, identitiesOf, type EditionId } from '../catalogue/index.ts';
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
    message: `主动公开：各类信息之和 ${sum}，总数印为 ${total.approx ? '约' : ''}${total.value}${approx ? '（含约数，相差 20% 以内才算相符）' : ''}`,
  }];
}

/** The template's own arithmetic that a report states with its numbers and breaks (catalogue/identities.ts): table 三 rows, columns and results, table 四 sections. */
export function checkIdentities(report: Checked & { edition: EditionId }): Finding[] {
  const value = (id: string) => report.metrics[id];
  return identitiesOf(report.edition).flatMap((identity) => {
    if (evaluateIdentity(identity, value) !== 'fails') return [];
    const sum = (ids: readonly string[]) => ids.reduce((a, id) => a + value(id)!.value, 0);
    const { where, left, right } = identity.plain;
    return [{
      kind: 'identity' as const,
      report: report.id,
      message: `${where}：${left} ${sum(identity.left)}，${right} ${sum(identity.right)}`,
    }];
  });
}
