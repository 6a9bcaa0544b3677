/** Schemas of the JSON data files, published beside them as JSON Schema. */
import { z } from 'astro/zod';
import { REVIEW_STATES } from '../review/status.ts';

const value = z.object({
  value: z.number(),
  approx: z.boolean(),
  quote: z.string().optional(),
  /** The table cell it was read from: table, row, column, and its place in the quoted row (1 = first). */
  cell: z.object({ table: z.string(), row: z.string(), column: z.string(), position: z.number().int().optional() }).optional(),
});

export const reportJsonSchema = z.object({
  id: z.string(),
  agency: z.string(),
  year: z.number().int(),
  edition: z.enum(['pre2019', '2019', '2021']),
  editionLabel: z.string(),
  title: z.string(),
  published: z.string().optional(),
  signed: z.string().optional(),
  source: z.object({ url: z.string().optional(), file: z.string().optional() }),
  /** machine: a machine import nobody has checked yet, whose missing metrics are 未摘录; reviewed or editor: missing means 报告未载明. */
  review: z.object({ status: z.enum(REVIEW_STATES), by: z.string().optional(), at: z.string().optional() }),
  metrics: z.record(z.string(), value),
  /** The edition's statutory metrics without a value: not_extracted (未摘录, machine import) or not_stated (报告未载明). */
  missing: z.object({ means: z.enum(['not_extracted', 'not_stated']), metrics: z.array(z.string()) }),
  core: z.record(z.string(), z.object({ value: z.number(), approx: z.boolean(), from: z.array(z.string()) })),
  categories: z.array(z.object({ label: z.string(), value: z.number(), approx: z.boolean(), quote: z.string().optional() })),
});

export const agencyJsonSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  aliases: z.array(z.string()),
  province: z.string(),
  city: z.string().optional(),
  county: z.string().optional(),
  divisionCode: z.string(),
  level: z.string().optional(),
  kind: z.string(),
  website: z.string().optional(),
});

export const DATA_SCHEMAS = {
  agencies: z.array(agencyJsonSchema),
  agency: agencyJsonSchema.extend({ reports: z.array(reportJsonSchema) }),
  frame: z.object({
    metric: z.string(),
    label: z.string(),
    unit: z.string(),
    year: z.number().int(),
    reports: z.number().int(),
    stated: z.number().int(),
    rows: z.array(z.object({ agency: z.string(), name: z.string(), value: z.number(), approx: z.boolean() })),
  }),
  metrics: z.object({ metrics: z.array(z.object({ id: z.string(), label: z.string(), unit: z.string() }).loose()), core: z.array(z.object({ id: z.string() }).loose()) }),
} as const;

export type DataSchemaName = keyof typeof DATA_SCHEMAS;

export function jsonSchemaOf(name: DataSchemaName): object {
  return { $id: `${name}.schema.json`, ...z.toJSONSchema(DATA_SCHEMAS[name]) };
}
