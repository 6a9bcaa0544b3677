import type { z } from 'astro/zod';
import { suggest } from '../suggest.ts';

/** Report keys that are not fields, with a suggestion, so a typo (titel:) is never silently ignored. */
export function rejectUnknownKeys(data: object, fields: readonly string[], ctx: z.RefinementCtx): void {
  const candidates = fields.map((id) => ({ id }));
  for (const key of Object.keys(data)) {
    if (fields.includes(key)) continue;
    const guess = suggest(key, candidates);
    ctx.addIssue({
      code: 'custom',
      path: [key],
      message: `未知字段“${key}”${guess ? `；是否想写 ${guess}？` : `；可用字段：${fields.join('、')}`}`,
    });
  }
}

/** A copy of `data` with only the listed fields (those present). */
export function pickFields(data: object, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => fields.includes(key)));
}
