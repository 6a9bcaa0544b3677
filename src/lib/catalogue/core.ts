/**
 * The comparable core: a few metrics every edition can fill (or leave not
 * reported), each mapped per edition onto the catalogue rows that feed it, with a
 * note where the definition changed (docs/reference/report-formats.md, last section).
 */
import type { MetricValue } from '../metric-value.ts';
import type { EditionId } from './editions.ts';
import { getMetric, type Unit } from './index.ts';

export interface CoreSource {
  /** Catalogue metrics that feed the core value; more than one are added up. */
  metrics: readonly string[];
  /** Where the definition differs from the core label, said on pages. */
  note?: string;
}

export interface CoreMetric {
  id: string;
  label: string;
  unit: Unit;
  sources: Record<EditionId, CoreSource>;
}

const same = (metric: string, note?: string): Record<EditionId, CoreSource> => ({
  pre2019: { metrics: [metric], ...(note ? { note } : {}) },
  '2019': { metrics: [metric], ...(note ? { note } : {}) },
  '2021': { metrics: [metric], ...(note ? { note } : {}) },
});

/**
 * The 2019 and 2021 editions share their tables: the same rows feed the core value,
 * and the note (if any) is `<edition> 年起<definition>`.
 */
const tables = (pre2019: CoreSource, metrics: readonly string[], definition?: string): Record<EditionId, CoreSource> => ({
  pre2019,
  '2019': { metrics, ...(definition ? { note: `2019 年起${definition}` } : {}) },
  '2021': { metrics, ...(definition ? { note: `2021 年起${definition}` } : {}) },
});

const DENIED_ROWS = [
  'result_denied_state_secret', 'result_denied_law_prohibited', 'result_denied_three_safety', 'result_denied_third_party',
  'result_denied_internal_affairs', 'result_denied_process_info', 'result_denied_enforcement_files', 'result_denied_query_matters',
];

export const CORE_METRICS: readonly CoreMetric[] = [
  {
    id: 'core_proactive', label: '主动公开信息总数', unit: '条',
    sources: same('proactive_total', '2019 年起的统计表不含总数，取自正文'),
  },
  {
    id: 'core_requests', label: '本年新收申请数', unit: '件',
    sources: tables({ metrics: ['applications_total'], note: '2019 年以前为“申请总数”' }, ['requests_new']),
  },
  {
    id: 'core_granted', label: '予以公开', unit: '件',
    sources: tables({ metrics: ['responses_granted'], note: '2019 年以前为“同意公开答复数”' }, ['result_granted']),
  },
  {
    id: 'core_partial', label: '部分公开', unit: '件',
    sources: tables({ metrics: ['responses_partial'], note: '2019 年以前为“同意部分公开答复数”' }, ['result_partial']),
  },
  {
    id: 'core_denied', label: '不予公开', unit: '件',
    sources: tables({ metrics: ['responses_denied'], note: '2019 年以前为“不予公开答复总数”' }, DENIED_ROWS, '为表三（三）不予公开 1–8 项之和'),
  },
  {
    id: 'core_reviews', label: '行政复议数', unit: '件',
    sources: tables({ metrics: ['admin_reviews'] }, ['review_total'], '为表四行政复议“总计”'),
  },
  {
    id: 'core_litigations', label: '行政诉讼数', unit: '件',
    sources: tables({ metrics: ['admin_litigations'] }, ['litigation_direct_total', 'litigation_after_review_total'], '为表四未经复议直接起诉与复议后起诉“总计”之和'),
  },
  {
    id: 'core_fees', label: '依申请收费（信息处理费）', unit: '元',
    sources: tables({ metrics: ['fees_collected'], note: '2019 年以前为依申请提供政府信息收取费用总额' }, ['info_processing_fees'], '为信息处理费'),
  },
];

export function findCoreMetric(id: string): CoreMetric | undefined {
  return CORE_METRICS.find((c) => c.id === id);
}

export interface CoreValue {
  /** `undefined` when a feeding row is not reported: a sum of the rest would be a number the report never gave. */
  value?: MetricValue;
  source: CoreSource;
  /** "主动公开信息数" or "表三…+…": what the value is on this edition. */
  sourceLabel: string;
}

/** A report's value of a core metric, from its edition's source rows. */
export function coreValue(
  report: { edition: EditionId; metrics: Readonly<Record<string, MetricValue>> },
  core: CoreMetric,
): CoreValue {
  const source = core.sources[report.edition];
  const sourceLabel = source.metrics.map((id) => getMetric(id).label).join(' + ');
  const parts = source.metrics.map((id) => report.metrics[id]);
  if (parts.some((p) => p === undefined)) return { source, sourceLabel };
  const values = parts as MetricValue[];
  const value: MetricValue = {
    value: Math.round(values.reduce((a, p) => a + p.value, 0) * 1e6) / 1e6,
    approx: values.some((p) => p.approx),
    ...(values.length === 1 && values[0]!.quote ? { quote: values[0]!.quote } : {}),
  };
  return { value, source, sourceLabel };
}
