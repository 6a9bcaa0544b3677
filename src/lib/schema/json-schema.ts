/**
 * JSON Schema of report and agency front-matter for editors (YAML language
 * server, VS Code), generated from the Zod schemas. The metrics map is spelled
 * out from the catalogue — one property per metric, unknown keys refused — since
 * its checks are code that JSON Schema cannot express; `npm run check` stays the
 * complete validator.
 */
import { z } from 'astro/zod';
import { IDENTITY_IDS, METRICS } from '../catalogue/index.ts';
import { APPROX_NOTE } from '../format.ts';
import { agencySchema } from './agency.ts';
import { reportSchema } from './report.ts';

const metricValue = (label: string, unit: string, kind: string) => ({
  description: `${label}（${unit}）`,
  anyOf: [
    { type: kind === 'amount' ? 'number' : 'integer', ...(kind === 'change' ? {} : { minimum: 0 }) },
    {
      type: 'object',
      properties: {
        value: { type: kind === 'amount' ? 'number' : 'integer', ...(kind === 'change' ? {} : { minimum: 0 }) },
        approx: { type: 'boolean', description: APPROX_NOTE },
        quote: { type: 'string', description: '正文中陈述该数值的原句或表格行，须逐字出现' },
        note: { type: 'string' },
        confirmedBy: { type: 'array', items: { $ref: '#/$defs/identityId' }, description: '导入时证实该数值的表内恒等式' },
        cell: { $ref: '#/$defs/cell' },
      },
      required: ['value'],
      additionalProperties: false,
    },
  ],
});

const CELL = {
  type: 'object',
  description: '数值所在的表格单元格：表名、行名、列名，以及它在 quote 这一行中的格序（从 1 数起）',
  properties: {
    table: { type: 'string', description: '表二、表三、表四，或 统计表（2019 年以前的附表）' },
    row: { type: 'string' },
    column: { type: 'string' },
    position: { type: 'integer', minimum: 1 },
  },
  required: ['table', 'row', 'column'],
  additionalProperties: false,
};

const base = (schema: z.ZodType, id: string, title: string): Record<string, unknown> => ({
  $id: id,
  title,
  ...(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>),
});

export function reportJsonSchema(): object {
  const schema = base(reportSchema, 'report.schema.json', '年报档案：报告 front-matter');
  (schema['properties'] as Record<string, unknown>)['metrics'] = {
    type: 'object',
    description: '指标：原报告载明的才写，未报告不写（不等于 0）',
    properties: Object.fromEntries(METRICS.map((m) => [m.id, metricValue(m.label, m.unit, m.kind)])),
    additionalProperties: false,
  };
  // Defined once and referenced from every metric, so the file stays small.
  schema['$defs'] = { ...(schema['$defs'] as object | undefined), identityId: { enum: IDENTITY_IDS }, cell: CELL };
  return schema;
}

export function agencyJsonSchema(): object {
  return base(agencySchema, 'agency.schema.json', '年报档案：机构');
}
