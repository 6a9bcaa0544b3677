/** Across years: this year's 结转下年度继续办理 should be next year's 上年结转, for every column. */
import { APPLICANT_COLUMNS } from '../catalogue/index.ts';
import type { MetricValue } from '../metric-value.ts';
import type { Finding } from './finding.ts';

interface YearReport {
  id: string;
  year: number;
  metrics: Readonly<Record<string, MetricValue>>;
}

const COLUMNS = [...APPLICANT_COLUMNS.map((c) => ({ suffix: `.${c.id}`, label: c.label })), { suffix: '', label: '总计' }];

/** Findings for consecutive years of one agency (reports in any order). */
export function checkCarryOver(reports: readonly YearReport[]): Finding[] {
  const byYear = new Map(reports.map((r) => [r.year, r]));
  const findings: Finding[] = [];
  for (const report of reports) {
    const next = byYear.get(report.year + 1);
    if (!next) continue;
    for (const { suffix, label } of COLUMNS) {
      const out = report.metrics[`requests_carried_forward${suffix}`]?.value;
      const into = next.metrics[`requests_carried_over${suffix}`]?.value;
      if (out === undefined || into === undefined || out === into) continue;
      findings.push({
        kind: 'carryover',
        report: next.id,
        message: `表三“${label}”列：上年结转印为 ${into} 件，${report.year} 年度报告的结转下年度继续办理印为 ${out} 件`,
      });
    }
  }
  return findings;
}
