/** Metric groups, in the order pages show them. */
export const METRIC_GROUPS = [
  '主动公开',
  '依申请公开',
  '办理结果',
  '咨询',
  '行政复议与诉讼',
  '收费',
  '人员与经费',
  '其他',
] as const;

export type MetricGroup = (typeof METRIC_GROUPS)[number];
