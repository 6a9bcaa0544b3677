/**
 * Which year a report is about, from the three places that say it: the title
 * ("2024年度"), the statistics period ("统计期限自2024年1月1日起至2024年12月31日")
 * and the date it is signed (January 2025 for a report on 2024). A report titled
 * 2023 whose period is 2024 and which is signed in January 2025 is not silently
 * filed under 2023: when the three disagree, the importer stops and names them.
 */

export interface YearEvidence {
  /** The first year of the title. */
  title?: number;
  /** The year the statistics period covers. */
  period?: number;
  /** The date signed at the end (year and month). */
  signed?: { year: number; month: number };
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "2025", "二〇二五" → 2025. */
function yearNumber(text: string): number {
  return /^\d{4}$/.test(text) ? Number(text) : Number([...text].map((c) => CHINESE_DIGITS[c] ?? '').join(''));
}

/** "1", "01", "一", "十", "十二" → 1, 1, 1, 10, 12. */
function monthNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '十') return 10;
  if (text.startsWith('十')) return 10 + (CHINESE_DIGITS[text[1]!] ?? 0);
  return CHINESE_DIGITS[text] ?? 0;
}

const SIGNED = /^((?:19|20)\d{2}|[二〇零一三四五六七八九]{4})\s*年\s*([\d]{1,2}|十[一二]?|[一二三四五六七八九])\s*月\s*(?:[\d一二三四五六七八九十]{1,3}\s*日)?$/;

/** The year and month of the closing date: one of the last lines of the text that is a date and nothing else. */
export function signatureDate(markdown: string): { year: number; month: number } | undefined {
  const lines = markdown.split('\n').map((l) => l.replace(/^#+\s*/, '').replace(/\s+/g, '')).filter(Boolean);
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 8); i--) {
    const m = SIGNED.exec(lines[i]!);
    if (m) {
      const month = monthNumber(m[2]!);
      if (month >= 1 && month <= 12) return { year: yearNumber(m[1]!), month };
    }
  }
  return undefined;
}

/** The year of the statistics period: "统计期限自2024年1月1日起至2024年12月31日止" → 2024 (start and end in one year). */
export function periodYear(markdown: string): number | undefined {
  const m = /统计(?:期限|时限|时间|区间|周期)[^。]{0,8}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日(?:[^。]{0,6}?((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日)?/.exec(markdown);
  if (!m) return undefined;
  return m[2] === undefined || m[2] === m[1] ? Number(m[1]) : undefined;
}

export function yearEvidence(title: string, markdown: string): YearEvidence {
  const fromTitle = /((?:19|20)\d{2})\s*年/.exec(title)?.[1];
  const period = periodYear(markdown);
  const signed = signatureDate(markdown);
  return { ...(fromTitle ? { title: Number(fromTitle) } : {}), ...(period ? { period } : {}), ...(signed ? { signed } : {}) };
}

/**
 * The report years a signature date allows: a report is signed after its year ends, by the spring (the
 * deadline was 31 March, since 2019 31 January); a signature late in a year may be that year's own.
 */
export function yearsSignedFor(signed: { year: number; month: number }): number[] {
  return signed.month <= 6 ? [signed.year - 1] : [signed.year - 1, signed.year];
}

/** The evidence as an editor reads it: "标题为 2023 年；统计期限为 2024 年；落款为 2025 年 1 月". */
export function describeEvidence(e: YearEvidence): string {
  return [
    e.title !== undefined ? `标题为 ${e.title} 年` : '标题中没有年份',
    e.period !== undefined ? `统计期限为 ${e.period} 年` : undefined,
    e.signed ? `落款为 ${e.signed.year} 年 ${e.signed.month} 月（应是 ${yearsSignedFor(e.signed).join(' 或 ')} 年度的报告）` : undefined,
  ].filter(Boolean).join('；');
}

/**
 * The year the evidence agrees on, or why it does not: title and period must agree, and the signature must
 * allow their year. A year the evidence gives no sign of is undefined (the caller asks for --year).
 */
export function decideYear(e: YearEvidence): { year?: number; conflict?: string } {
  const stated = e.title ?? e.period;
  if (e.title !== undefined && e.period !== undefined && e.title !== e.period) return { conflict: describeEvidence(e) };
  if (stated !== undefined && e.signed && !yearsSignedFor(e.signed).includes(stated)) return { conflict: describeEvidence(e) };
  return stated !== undefined ? { year: stated } : {};
}

/** Whether a year given by hand contradicts the evidence (and so is refused without --force). */
export function contradicts(year: number, e: YearEvidence): boolean {
  if (e.title !== undefined && e.title !== year) return true;
  if (e.period !== undefined && e.period !== year) return true;
  return e.signed !== undefined && !yearsSignedFor(e.signed).includes(year);
}
