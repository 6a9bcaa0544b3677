/** A fact about a source report that a check found: never an error of the archive, never blocking. */
export type FindingKind = 'sum' | 'identity' | 'carryover' | 'completeness' | 'similarity';

export const FINDING_LABELS: Readonly<Record<FindingKind, string>> = {
  sum: '分项与合计不符',
  identity: '表格勾稽关系不成立',
  carryover: '跨年度结转不一致',
  completeness: '法定内容缺项',
  similarity: '与其他报告文字高度重复',
};

export interface Finding {
  kind: FindingKind;
  /** Report id (agency/year). */
  report: string;
  message: string;
  /** Another report the finding is about (the report of another agency sharing its sentences). */
  related?: string;
}

/** How much a finding matters to a reader who quotes the report, most first. */
export type Severity = 'numbers' | 'text' | 'missing';

export interface SeverityGroup {
  id: Severity;
  label: string;
  /** What it means for a reader, in one sentence. */
  note: string;
  kinds: readonly FindingKind[];
}

/** The groups the quality lists show, in order: numbers that do not add up first, missing statutory items last. */
export const SEVERITIES: readonly SeverityGroup[] = [
  { id: 'numbers', label: '数字对不上', note: '报告自己印的数字之间不一致：引用这些数字前请核对原文。', kinds: ['identity', 'sum', 'carryover'] },
  { id: 'text', label: '文字高度重复', note: '报告的大部分句子与另一机构的报告逐字相同。', kinds: ['similarity'] },
  { id: 'missing', label: '法定内容缺项', note: '报告中没有找到条例要求报告的某项内容（可能只是换了说法）。', kinds: ['completeness'] },
];

export const severityOf = (kind: FindingKind): SeverityGroup => SEVERITIES.find((s) => s.kinds.includes(kind))!;

/** Findings in their severity groups, each group keeping the findings' order; empty groups left out. */
export function bySeverity(findings: readonly Finding[]): { group: SeverityGroup; findings: Finding[] }[] {
  return SEVERITIES.map((group) => ({ group, findings: findings.filter((f) => group.kinds.includes(f.kind)) })).filter((g) => g.findings.length > 0);
}
