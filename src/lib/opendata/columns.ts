/**
 * The columns of reports.csv, defined once: the CSV, its Frictionless
 * descriptor and the /data/ page all read this list.
 */
import { CORE_METRICS } from '../catalogue/core.ts';
import { groupMetrics, METRICS } from '../catalogue/index.ts';

export type FieldType = 'string' | 'integer' | 'number' | 'date';

export interface Column {
  name: string;
  type: FieldType;
  title: string;
  description: string;
}

const IDENTITY: readonly Column[] = [
  { name: 'id', type: 'string', title: '报告 id', description: '机构 id/年度，如 370303-jiaoyuju/2014' },
  { name: 'agency_id', type: 'string', title: '机构 id', description: '行政区划代码-拼音' },
  { name: 'agency_name', type: 'string', title: '机构全称', description: '' },
  { name: 'province', type: 'string', title: '省份', description: '' },
  { name: 'city', type: 'string', title: '地市', description: '直辖市的区和省级机构为空' },
  { name: 'county', type: 'string', title: '区县', description: '' },
  { name: 'division_code', type: 'string', title: '行政区划代码', description: 'GB/T 2260，6 位' },
  { name: 'level', type: 'string', title: '层级', description: '省级、市级或县级' },
  { name: 'year', type: 'integer', title: '年度', description: '报告所述年度' },
  { name: 'edition', type: 'string', title: '版式', description: 'pre2019、2019 或 2021' },
  { name: 'title', type: 'string', title: '标题', description: '原文所印标题' },
  { name: 'published', type: 'date', title: '发布日期', description: '原文可确定时' },
  { name: 'signed', type: 'date', title: '落款日期', description: '原文可确定时' },
  { name: 'source_url', type: 'string', title: '原文网址', description: '已知时' },
  {
    name: 'review_status', type: 'string', title: '核对状态',
    description: 'machine：机器导入，尚未人工核对，这一行的空单元格是“未摘录”（原报告可能载明而未读出）；reviewed：已人工核对；editor：编辑录入。后两种的空单元格表示原报告未载明',
  },
];

const CORE: readonly Column[] = CORE_METRICS.map((c) => ({
  name: c.id,
  type: c.unit === '元' ? 'number' : 'integer',
  title: `${c.label}（${c.unit}，可比口径）`,
  description: `由各版式的对应项目得出：${Object.entries(c.sources).map(([e, s]) => `${e}: ${s.metrics.join(' + ')}`).join('；')}`,
}));

const metricColumn = (m: (typeof METRICS)[number]): Column => ({
  name: m.id,
  type: m.kind === 'amount' ? 'number' : 'integer',
  title: `${m.label}（${m.unit}）`,
  description: `${m.group}；适用版式：${m.editions.join('、')}`,
});
const METRIC_COLUMNS: readonly Column[] = METRICS.map(metricColumn);

/** Approximate values are marked in one column rather than one flag column per metric. */
export const APPROX_COLUMN: Column = {
  name: 'approx_metrics',
  type: 'string',
  title: '近似值',
  description: '该行中为近似值（原文“余、多、约、近、左右”）的指标列名，以分号分隔；可比口径列含近似分项时也列出',
};

export const COLUMNS: readonly Column[] = [...IDENTITY, ...CORE, ...METRIC_COLUMNS, APPROX_COLUMN];

/** The columns in groups, for the data page's dictionary: who and when, the comparable core, each metric group. */
export const COLUMN_GROUPS: readonly { name: string; columns: readonly Column[] }[] = [
  { name: '报告与机构', columns: IDENTITY },
  { name: '可比口径', columns: CORE },
  ...groupMetrics(METRICS).map(({ group, metrics }) => ({ name: group, columns: metrics.map(metricColumn) })),
  { name: '近似值', columns: [APPROX_COLUMN] },
];
