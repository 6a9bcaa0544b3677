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
