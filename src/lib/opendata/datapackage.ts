/** The Frictionless Data Package describing reports.csv, from the same column list. */
import { COLUMNS } from './columns.ts';
import { CSV_FORMULA_RULE } from './csv.ts';

export function dataPackage(updated: string) {
  return {
    profile: 'tabular-data-package',
    name: 'nianbao-archive',
    title: '年报档案：政府信息公开工作年度报告指标',
    description: `每行一份报告，每列一个指标；空单元格表示报告未载明（不等于 0）；近似值见 approx_metrics 列。${CSV_FORMULA_RULE}`,
    created: updated,
    resources: [
      {
        name: 'reports',
        path: 'reports.csv',
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8-sig',
        schema: {
          fields: COLUMNS.map((c) => ({ name: c.name, type: c.type, title: c.title, ...(c.description ? { description: c.description } : {}) })),
          primaryKey: 'id',
          missingValues: [''],
        },
      },
    ],
  };
}
