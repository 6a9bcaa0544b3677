/**
 * The metric catalogue: every metric the archive knows, defined once.
 *
 * The front-matter schema, the report and agency pages and the importer all read
 * this file; no metric label is written anywhere else. Labels in `source` are the
 * exact labels of the official templates (docs/reference/report-formats.md).
 */
import type { EditionId } from './editions.ts';
import type { MetricGroup } from './groups.ts';

/** Units a metric is counted in. `人次` is used for visits and consultations counted per person-time. */
export const UNITS = ['条', '件', '次', '人', '人次', '元', '万元'] as const;
export type Unit = (typeof UNITS)[number];

/**
 * What values a metric may take:
 * - `count`: a non-negative integer;
 * - `change`: an integer that may be negative (本年增/减 of the 2019 edition);
 * - `amount`: a non-negative money amount with at most six decimals.
 */
export type ValueKind = 'count' | 'change' | 'amount';

/** Where a metric is printed in a report of one edition. */
export type SourceLabel =
  /** A row of a narrative report's statistics appendix; any of `labels` may be printed. */
  | { kind: 'row'; labels: readonly string[] }
  /** A cell of one of the official tables of the 2019 and 2021 editions. */
  | { kind: 'cell'; table: '二' | '三' | '四'; section?: string; row: string; column: string };

export interface MetricDef {
  /** Stable key used in front-matter, data files and URLs (ASCII, snake_case, `.column` for table 三 columns). */
  id: string;
  /** Chinese label shown to visitors. */
  label: string;
  unit: Unit;
  kind: ValueKind;
  group: MetricGroup;
  /** Editions whose reports may state this metric. */
  editions: readonly EditionId[];
  /** Where the edition's template prints it; a metric with a source in an edition is part of that edition's statutory table. */
  source: Partial<Record<EditionId, SourceLabel>>;
  /** Other unit words reports print for the same quantity (e.g. 条 for documents usually counted in 件, 起 for cases). */
  altUnits?: readonly string[];
  /** For table 三 cells other than 总计: the applicant column, and the id of the row's 总计 metric. */
  column?: { id: ApplicantColumnId; label: string; totalId: string };
  /** A note for visitors on what the metric means. */
  note?: string;
}

const ALL: readonly EditionId[] = ['pre2019', '2019', '2021'];
const PRE: readonly EditionId[] = ['pre2019'];
const NEW: readonly EditionId[] = ['2019', '2021'];

const row = (...labels: string[]): SourceLabel => ({ kind: 'row', labels });

/** Table 二 rows the two editions name differently; a report may print either. */
export const TABLE_2_ROW_ALIASES: readonly (readonly [string, string])[] = [['规范性文件', '行政规范性文件']];
const cell = (table: '二' | '三' | '四', rowLabel: string, column: string, section?: string): SourceLabel => ({
  kind: 'cell',
  table,
  row: rowLabel,
  column,
  ...(section ? { section } : {}),
});

/** Metrics of pre2019 narrative reports and their appendices, plus prose metrics of every edition. */
const NARRATIVE: MetricDef[] = [
  // 主动公开
  { id: 'proactive_total', label: '主动公开信息数', unit: '条', kind: 'count', group: '主动公开', editions: ALL,
    source: { pre2019: row('主动公开信息数', '主动公开政府信息数', '主动公开文件数') } },
  { id: 'proactive_fulltext_electronic', label: '全文电子化的主动公开信息数', unit: '条', kind: 'count', group: '主动公开', editions: PRE,
    source: { pre2019: row('全文电子化的主动公开信息数') } },
  { id: 'proactive_new_normative_docs', label: '新增的行政规范性文件数', unit: '件', altUnits: ['条'], kind: 'count', group: '主动公开', editions: PRE,
    source: { pre2019: row('新增的行政规范性文件数') }, note: '报告中也写作“制发规范性文件”' },
  { id: 'proactive_normative_docs_published', label: '主动公开规范性文件数', unit: '件', altUnits: ['条'], kind: 'count', group: '主动公开', editions: PRE,
    source: {} },
  { id: 'proactive_service_info', label: '提供服务类信息数', unit: '条', kind: 'count', group: '主动公开', editions: PRE,
    source: { pre2019: row('提供服务类信息数') } },
  { id: 'proactive_via_website', label: '政府网站公开数', unit: '条', kind: 'count', group: '主动公开', editions: PRE,
    source: { pre2019: row('政府网站公开数', '网站公开') } },
  { id: 'proactive_via_gazette', label: '政府公报公开数', unit: '条', kind: 'count', group: '主动公开', editions: PRE,
    source: { pre2019: row('政府公报公开数', '政府公报公开') } },

  // 依申请公开
  { id: 'applications_total', label: '申请总数', unit: '件', altUnits: ['条'], kind: 'count', group: '依申请公开', editions: PRE,
    source: { pre2019: row('申请总数', '本年度申请总数', '受理依申请公开信息总数') } },
  { id: 'applications_in_person', label: '当面申请数', unit: '件', altUnits: ['条'], kind: 'count', group: '依申请公开', editions: PRE,
    source: { pre2019: row('当面申请数') } },
  { id: 'applications_fax', label: '传真申请数', unit: '件', altUnits: ['条'], kind: 'count', group: '依申请公开', editions: PRE,
    source: { pre2019: row('传真申请数') } },
  { id: 'applications_email', label: '电子邮件申请数', unit: '件', altUnits: ['条'], kind: 'count', group: '依申请公开', editions: PRE,
    source: { pre2019: row('电子邮件申请数') } },
  { id: 'applications_online', label: '互联网申请数', unit: '件', altUnits: ['条'], kind: 'count', group: '依申请公开', editions: PRE,
    source: { pre2019: row('互联网申请数', '网上申请数') } },
  { id: 'applications_letter', label: '信函申请数', unit: '件', altUnits: ['条'], kind: 'count', group: '依申请公开', editions: PRE,
    source: { pre2019: row('信函申请数') } },
  { id: 'applications_other', label: '其他形式申请数', unit: '件', altUnits: ['条'], kind: 'count', group: '依申请公开', editions: PRE,
    source: { pre2019: row('其他形式申请数', '其它形式申请数') } },

  // 办理结果 (pre2019 答复)
  { id: 'responses_total', label: '对申请的答复总数', unit: '件', altUnits: ['条'], kind: 'count', group: '办理结果', editions: PRE,
    source: { pre2019: row('对申请的答复总数', '对申请的答复数') } },
  { id: 'responses_granted', label: '同意公开答复数', unit: '件', altUnits: ['条'], kind: 'count', group: '办理结果', editions: PRE,
    source: { pre2019: row('同意公开答复数') } },
  { id: 'responses_partial', label: '同意部分公开答复数', unit: '件', altUnits: ['条'], kind: 'count', group: '办理结果', editions: PRE,
    source: { pre2019: row('同意部分公开答复数') } },
  { id: 'responses_denied', label: '不予公开答复总数', unit: '件', altUnits: ['条'], kind: 'count', group: '办理结果', editions: PRE,
    source: { pre2019: row('不予公开答复总数', '否决公开答复总数', '否决公开答复数', '不予公开答复数') } },
  { id: 'responses_not_exist', label: '信息不存在数', unit: '件', altUnits: ['条'], kind: 'count', group: '办理结果', editions: PRE,
    source: { pre2019: row('信息不存在数') } },
  { id: 'responses_not_held', label: '非本机关掌握数', unit: '件', altUnits: ['条'], kind: 'count', group: '办理结果', editions: PRE,
    source: { pre2019: row('非本机关掌握数', '非本机关掌握') } },
  { id: 'responses_unclear', label: '申请内容不明确数', unit: '件', altUnits: ['条'], kind: 'count', group: '办理结果', editions: PRE,
    source: { pre2019: row('申请内容不明确数', '申请内容不明确') } },
  { id: 'responses_other', label: '其他类型答复数', unit: '件', altUnits: ['条'], kind: 'count', group: '办理结果', editions: PRE,
    source: { pre2019: row('其他类型答复数') } },

  // 咨询
  { id: 'consultations_total', label: '政府信息公开咨询数', unit: '次', altUnits: ['人次'], kind: 'count', group: '咨询', editions: ALL,
    source: {}, note: '因政府信息公开而接受的咨询' },
  { id: 'consultations_onsite', label: '现场咨询数', unit: '次', altUnits: ['人次'], kind: 'count', group: '咨询', editions: PRE,
    source: { pre2019: row('现场咨询数') } },
  { id: 'consultations_phone', label: '电话咨询数', unit: '次', altUnits: ['人次'], kind: 'count', group: '咨询', editions: PRE,
    source: { pre2019: row('电话咨询数') } },
  { id: 'consultations_online', label: '网上咨询数', unit: '次', altUnits: ['人次'], kind: 'count', group: '咨询', editions: PRE,
    source: { pre2019: row('网上咨询数') } },
  { id: 'column_page_views', label: '政府信息公开专栏页面访问量', unit: '次', altUnits: ['人次'], kind: 'count', group: '咨询', editions: PRE,
    source: { pre2019: row('政府信息公开专栏页面访问量') } },

  // 行政复议与诉讼 (pre2019)
  { id: 'admin_reviews', label: '行政复议数', unit: '件', altUnits: ['次', '起', '条'], kind: 'count', group: '行政复议与诉讼', editions: PRE,
    source: { pre2019: row('行政复议数') } },
  { id: 'admin_litigations', label: '行政诉讼数', unit: '件', altUnits: ['次', '起', '条'], kind: 'count', group: '行政复议与诉讼', editions: PRE,
    source: { pre2019: row('行政诉讼数') } },
  { id: 'admin_complaints', label: '行政申诉数', unit: '件', altUnits: ['次', '条'], kind: 'count', group: '行政复议与诉讼', editions: PRE,
    source: { pre2019: row('行政申诉数') } },

  // 收费
  { id: 'fees_collected', label: '依申请提供政府信息收取费用总额', unit: '元', kind: 'amount', group: '收费', editions: PRE,
    source: { pre2019: row('依申请提供政府信息收取费用总额') } },
  { id: 'fees_waived', label: '减免收费总额', unit: '元', kind: 'amount', group: '收费', editions: PRE,
    source: { pre2019: row('减免收费总额', '依申请提供政府信息减免收费总额') } },
  { id: 'info_processing_fees', label: '信息处理费', unit: '元', kind: 'amount', group: '收费', editions: NEW,
    source: {}, note: '国办函〔2020〕109号以来在第六部分以文字报告' },

  // 人员与经费
  { id: 'litigation_costs', label: '与行政诉讼有关的费用支出总额', unit: '元', kind: 'amount', group: '人员与经费', editions: PRE,
    source: { pre2019: row('与行政诉讼有关的费用支出总额') } },
  { id: 'staff_total', label: '政府信息公开指定专职人员总数', unit: '人', kind: 'count', group: '人员与经费', editions: ALL,
    source: { pre2019: row('政府信息公开指定专职人员总数') } },
  { id: 'staff_full_time', label: '全职人员数', unit: '人', kind: 'count', group: '人员与经费', editions: ALL,
    source: { pre2019: row('全职人员数') } },
  { id: 'staff_part_time', label: '兼职人员数', unit: '人', kind: 'count', group: '人员与经费', editions: ALL,
    source: { pre2019: row('兼职人员数') } },

  // 其他: figures reports state outside the statutory tables
  { id: 'disclosure_funding', label: '信息公开经费', unit: '万元', kind: 'amount', group: '其他', editions: ALL,
    source: {}, note: '报告所述用于政府信息公开（含网站、平台建设与运维）的经费' },
  { id: 'website_visits', label: '网站访问量', unit: '人次', altUnits: ['次'], kind: 'count', group: '其他', editions: ALL, source: {} },
  { id: 'concerns_responded', label: '回应社会关切次数', unit: '次', kind: 'count', group: '其他', editions: ALL, source: {} },
  { id: 'press_conferences', label: '新闻发布会场次', unit: '次', altUnits: ['场'], kind: 'count', group: '其他', editions: ALL, source: {} },
  { id: 'npc_suggestions_lead', label: '牵头办理人大代表建议', unit: '件', kind: 'count', group: '其他', editions: ALL, source: {} },
  { id: 'npc_suggestions_assist', label: '协办人大代表建议', unit: '件', kind: 'count', group: '其他', editions: ALL, source: {} },
  { id: 'cppcc_proposals_lead', label: '牵头办理政协提案', unit: '件', kind: 'count', group: '其他', editions: ALL, source: {} },
  { id: 'cppcc_proposals_assist', label: '协办政协提案', unit: '件', kind: 'count', group: '其他', editions: ALL, source: {} },
  { id: 'news_published', label: '网站发布新闻数', unit: '条', kind: 'count', group: '其他', editions: ALL, source: {} },
  { id: 'wechat_posts', label: '政务微信发布数', unit: '条', kind: 'count', group: '其他', editions: ALL, source: {} },
  { id: 'public_opinion_items', label: '监测舆情信息数', unit: '条', kind: 'count', group: '其他', editions: ALL, source: {} },
  { id: 'other_consultations', label: '其他咨询接待数', unit: '人次', kind: 'count', group: '其他', editions: ALL,
    source: {}, note: '报告所述与政府信息公开无直接关系的业务咨询' },
  { id: 'hotline_tickets', label: '便民热线交办单数', unit: '件', altUnits: ['起'], kind: 'count', group: '其他', editions: ALL, source: {} },
];

/** Table 二 (主动公开政府信息情况) of the 2019 and 2021 editions. */
const S1 = '第二十条第（一）项';
const S5 = '第二十条第（五）项';
const S6 = '第二十条第（六）项';
const S8 = '第二十条第（八）项';
const S9 = '第二十条第（九）项';

/** One row × column of table 二 of the 2019 edition. */
const t2019 = (id: string, label: string, section: string, r: string, c: string, kind: ValueKind = 'count', unit: Unit = '件'): MetricDef => ({
  id, label, unit, kind, group: '主动公开', editions: ['2019'], source: { '2019': cell('二', r, c, section) },
});
/** One row × column of table 二 of the 2021 edition. */
const t2021 = (id: string, label: string, section: string, r: string, c: string, kind: ValueKind = 'count', unit: Unit = '件'): MetricDef => ({
  id, label, unit, kind, group: '主动公开', editions: ['2021'], source: { '2021': cell('二', r, c, section) },
});
/** A row × column shared by both tables 二 (same label meaning in both). */
const tBoth = (id: string, label: string, section: string, r: string, c2019: string, c2021: string): MetricDef => ({
  id, label, unit: '件', kind: 'count', group: '主动公开', editions: NEW,
  source: { '2019': cell('二', r, c2019, section), '2021': cell('二', r, c2021, section) },
});

const TABLE_2: MetricDef[] = [
  t2019('rules_new_made', '规章：本年新制作数量', S1, '规章', '本年新制作数量'),
  t2019('rules_new_published', '规章：本年新公开数量', S1, '规章', '本年新公开数量'),
  t2019('rules_total_published', '规章：对外公开总数量', S1, '规章', '对外公开总数量'),
  t2019('normdocs_new_made', '规范性文件：本年新制作数量', S1, '规范性文件', '本年新制作数量'),
  t2019('normdocs_new_published', '规范性文件：本年新公开数量', S1, '规范性文件', '本年新公开数量'),
  t2019('normdocs_total_published', '规范性文件：对外公开总数量', S1, '规范性文件', '对外公开总数量'),
  t2021('rules_issued', '规章：本年制发件数', S1, '规章', '本年制发件数'),
  t2021('rules_repealed', '规章：本年废止件数', S1, '规章', '本年废止件数'),
  t2021('rules_in_force', '规章：现行有效件数', S1, '规章', '现行有效件数'),
  t2021('normdocs_issued', '行政规范性文件：本年制发件数', S1, '行政规范性文件', '本年制发件数'),
  t2021('normdocs_repealed', '行政规范性文件：本年废止件数', S1, '行政规范性文件', '本年废止件数'),
  t2021('normdocs_in_force', '行政规范性文件：现行有效件数', S1, '行政规范性文件', '现行有效件数'),
  t2019('licensing_prev_items', '行政许可：上一年项目数量', S5, '行政许可', '上一年项目数量'),
  t2019('licensing_change', '行政许可：本年增/减', S5, '行政许可', '本年增/减', 'change'),
  tBoth('licensing_decisions', '行政许可：处理决定数量', S5, '行政许可', '处理决定数量', '本年处理决定数量'),
  t2019('other_services_prev_items', '其他对外管理服务事项：上一年项目数量', S5, '其他对外管理服务事项', '上一年项目数量'),
  t2019('other_services_change', '其他对外管理服务事项：本年增/减', S5, '其他对外管理服务事项', '本年增/减', 'change'),
  t2019('other_services_decisions', '其他对外管理服务事项：处理决定数量', S5, '其他对外管理服务事项', '处理决定数量'),
  t2019('penalty_prev_items', '行政处罚：上一年项目数量', S6, '行政处罚', '上一年项目数量'),
  t2019('penalty_change', '行政处罚：本年增/减', S6, '行政处罚', '本年增/减', 'change'),
  tBoth('penalty_decisions', '行政处罚：处理决定数量', S6, '行政处罚', '处理决定数量', '本年处理决定数量'),
  t2019('enforcement_prev_items', '行政强制：上一年项目数量', S6, '行政强制', '上一年项目数量'),
  t2019('enforcement_change', '行政强制：本年增/减', S6, '行政强制', '本年增/减', 'change'),
  tBoth('enforcement_decisions', '行政强制：处理决定数量', S6, '行政强制', '处理决定数量', '本年处理决定数量'),
  t2019('fee_items_prev', '行政事业性收费：上一年项目数量', S8, '行政事业性收费', '上一年项目数量'),
  t2019('fee_items_change', '行政事业性收费：本年增/减', S8, '行政事业性收费', '本年增/减', 'change'),
  t2021('fee_amount', '行政事业性收费：本年收费金额', S8, '行政事业性收费', '本年收费金额（单位：万元）', 'amount', '万元'),
  t2019('procurement_items', '政府集中采购：采购项目数量', S9, '政府集中采购', '采购项目数量'),
  t2019('procurement_amount', '政府集中采购：采购总金额', S9, '政府集中采购', '采购总金额', 'amount', '元'),
];

/** Applicant columns of table 三, in template order. */
export const APPLICANT_COLUMNS = [
  { id: 'natural_person', label: '自然人' },
  { id: 'business', label: '商业企业' },
  { id: 'research', label: '科研机构' },
  { id: 'public_interest', label: '社会公益组织' },
  { id: 'legal_service', label: '法律服务机构' },
  { id: 'other_org', label: '其他' },
] as const;
export type ApplicantColumnId = (typeof APPLICANT_COLUMNS)[number]['id'];
/** The template's heading over every applicant column but 自然人. */
export const LEGAL_PERSON_HEADING = '法人或其他组织';
export const TOTAL_COLUMN_LABEL = '总计';
/** Other words reports print over the 总计 column. */
export const TOTAL_COLUMN_ALIASES: readonly string[] = ['合计'];

interface Table3Row {
  id: string;
  /** Label shown to visitors. */
  label: string;
  /** Exact row label of the template. */
  source: string;
  group: MetricGroup;
  editions: readonly EditionId[];
}

const table3Row = (id: string, label: string, source: string, group: MetricGroup, editions: readonly EditionId[] = NEW): Table3Row =>
  ({ id, label, source, group, editions });

/** Group rows of table 三's 办理结果: the label printed over the numbered rows under it, by the prefix of their ids. */
export const TABLE_3_GROUPS: readonly { idPrefix: string; source: string }[] = [
  { idPrefix: 'result_denied_', source: '（三）不予公开' },
  { idPrefix: 'result_unable_', source: '（四）无法提供' },
  { idPrefix: 'result_not_processed_', source: '（五）不予处理' },
  { idPrefix: 'result_other_', source: '（六）其他处理' },
];

/** Rows of table 三 (收到和处理政府信息公开申请情况). */
export const TABLE_3_ROWS: readonly Table3Row[] = [
  table3Row('requests_new', '本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数量', '依申请公开'),
  table3Row('requests_carried_over', '上年结转政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '依申请公开'),
  table3Row('result_granted', '予以公开', '（一）予以公开', '办理结果'),
  table3Row('result_partial', '部分公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '办理结果'),
  table3Row('result_denied_state_secret', '不予公开：属于国家秘密', '1.属于国家秘密', '办理结果'),
  table3Row('result_denied_law_prohibited', '不予公开：其他法律行政法规禁止公开', '2.其他法律行政法规禁止公开', '办理结果'),
  table3Row('result_denied_three_safety', '不予公开：危及“三安全一稳定”', '3.危及“三安全一稳定”', '办理结果'),
  table3Row('result_denied_third_party', '不予公开：保护第三方合法权益', '4.保护第三方合法权益', '办理结果'),
  table3Row('result_denied_internal_affairs', '不予公开：属于三类内部事务信息', '5.属于三类内部事务信息', '办理结果'),
  table3Row('result_denied_process_info', '不予公开：属于四类过程性信息', '6.属于四类过程性信息', '办理结果'),
  table3Row('result_denied_enforcement_files', '不予公开：属于行政执法案卷', '7.属于行政执法案卷', '办理结果'),
  table3Row('result_denied_query_matters', '不予公开：属于行政查询事项', '8.属于行政查询事项', '办理结果'),
  table3Row('result_unable_not_held', '无法提供：本机关不掌握相关政府信息', '1.本机关不掌握相关政府信息', '办理结果'),
  table3Row('result_unable_needs_creation', '无法提供：没有现成信息需要另行制作', '2.没有现成信息需要另行制作', '办理结果'),
  table3Row('result_unable_unclear', '无法提供：补正后申请内容仍不明确', '3.补正后申请内容仍不明确', '办理结果'),
  table3Row('result_not_processed_petition', '不予处理：信访举报投诉类申请', '1.信访举报投诉类申请', '办理结果'),
  table3Row('result_not_processed_repeated', '不予处理：重复申请', '2.重复申请', '办理结果'),
  table3Row('result_not_processed_publications', '不予处理：要求提供公开出版物', '3.要求提供公开出版物', '办理结果'),
  table3Row('result_not_processed_massive', '不予处理：无正当理由大量反复申请', '4.无正当理由大量反复申请', '办理结果'),
  table3Row('result_not_processed_confirm', '不予处理：要求行政机关确认或重新出具已获取信息', '5.要求行政机关确认或重新出具已获取信息', '办理结果'),
  table3Row('result_other', '其他处理', '（六）其他处理', '办理结果', ['2019']),
  table3Row('result_other_overdue_correction', '其他处理：申请人无正当理由逾期不补正', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '办理结果', ['2021']),
  table3Row('result_other_unpaid_fee', '其他处理：申请人逾期未按收费通知要求缴纳费用', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '办理结果', ['2021']),
  table3Row('result_other_other', '其他处理：其他', '3.其他', '办理结果', ['2021']),
  table3Row('result_total', '办理结果总计', '（七）总计', '办理结果'),
  table3Row('requests_carried_forward', '结转下年度继续办理', '四、结转下年度继续办理', '办理结果'),
];

/** Each table 三 row yields its 总计 metric (`<row>`) and one metric per applicant column (`<row>.<column>`). */
function table3Metrics(r: Table3Row): MetricDef[] {
  const sourceFor = (column: string) =>
    Object.fromEntries(r.editions.map((e) => [e, cell('三', r.source, column)])) as MetricDef['source'];
  const total: MetricDef = {
    id: r.id, label: r.label, unit: '件', kind: 'count', group: r.group, editions: r.editions,
    source: sourceFor(TOTAL_COLUMN_LABEL),
  };
  const columns = APPLICANT_COLUMNS.map((c): MetricDef => ({
    id: `${r.id}.${c.id}`, label: `${r.label}（${c.label}）`, unit: '件', kind: 'count', group: r.group,
    editions: r.editions, source: sourceFor(c.label), column: { id: c.id, label: c.label, totalId: r.id },
  }));
  return [total, ...columns];
}

/** Table 四 (行政复议、行政诉讼): three sections of five columns. */
/** Table 四's sections, in template order, with the label each prints. */
export const TABLE_4_SECTIONS = [
  { id: 'review', label: '行政复议', source: '行政复议' },
  { id: 'litigation_direct', label: '行政诉讼（未经复议直接起诉）', source: '未经复议直接起诉' },
  { id: 'litigation_after_review', label: '行政诉讼（复议后起诉）', source: '复议后起诉' },
] as const;
const TABLE_4_COLUMNS = [
  { id: 'upheld', label: '结果维持' },
  { id: 'corrected', label: '结果纠正' },
  { id: 'other', label: '其他结果' },
  { id: 'pending', label: '尚未审结' },
  { id: 'total', label: '总计' },
] as const;

const TABLE_4: MetricDef[] = TABLE_4_SECTIONS.flatMap((s) =>
  TABLE_4_COLUMNS.map((c): MetricDef => ({
    id: `${s.id}_${c.id}`, label: `${s.label}：${c.label}`, unit: '件', kind: 'count', group: '行政复议与诉讼',
    editions: NEW, source: { '2019': cell('四', s.source, c.label), '2021': cell('四', s.source, c.label) },
  })),
);

/** Every metric, in display order. */
export const METRICS: readonly MetricDef[] = [
  ...NARRATIVE,
  ...TABLE_2,
  ...TABLE_3_ROWS.flatMap(table3Metrics),
  ...TABLE_4,
];
