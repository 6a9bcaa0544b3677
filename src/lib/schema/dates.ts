import { z } from 'astro/zod';

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A date field: YAML may give a Date (unquoted 2018-03-12) or a string; both
 * become "YYYY-MM-DD". Dates the source prints garbled stay out of front-matter.
 */
export function isoDate(field: string) {
  return z
    .union([z.date(), z.string()], { error: `${field} 必须是日期，写作 YYYY-MM-DD` })
    .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
    .refine(isCalendarDate, { error: `${field} 必须是真实日期，写作 YYYY-MM-DD` });
}
