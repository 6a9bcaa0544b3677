/**
 * Reading numbers as reports print them: Arabic and full-width digits, Chinese
 * numerals (十一, 两, 一百二十), 万 multipliers (30余万), and approximation words
 * (余, 多, 约, 近, 左右) that make a value approximate.
 */

const FULL_WIDTH = /[０-９．]/g;

/** "１２．５" → "12.5" */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => (ch === '．' ? '.' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** "十一" → 11, "一百二十" → 120, "两" → 2; `undefined` for anything else. */
export function chineseNumeral(text: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
    } else {
      total += (digit ?? 1) * UNITS[ch]!;
      digit = undefined;
    }
  }
  return total + (digit ?? 0);
}

/** A number pattern for use inside larger regular expressions: Arabic (with , and .) or Chinese numerals. */
export const NUMBER = '(?:\\d[\\d,，]*(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)';

export interface ReadNumber {
  value: number;
  approx: boolean;
}

/**
 * Read "600余", "约40.5万", "10多", "十一", "2,384" (already half-width) as a
 * value. Returns `undefined` when `text` is not a number.
 */
export function readNumber(text: string): ReadNumber | undefined {
  const m = /^(约|近|超过)?(\d[\d,，]*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)(余|多)?(万)?(余|多)?(左右)?$/.exec(text.trim());
  if (!m) return undefined;
  const [, before, digits, after1, wan, after2, around] = m;
  const base = /^\d/.test(digits!) ? Number(digits!.replace(/[,，]/g, '')) : chineseNumeral(digits!);
  if (base === undefined || !Number.isFinite(base)) return undefined;
  const value = wan ? Math.round(base * 10000 * 1e6) / 1e6 : base;
  return { value, approx: Boolean(before || after1 || after2 || around) };
}
