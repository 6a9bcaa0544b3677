/**
 * Who published a report, as the report prints it: the agency named in the title
 * ("平潭综合实验区地方税务局2013年政府信息公开工作年度报告", "2014年北京市门头沟区教委
 * 政府信息公开工作年度报告", "某局关于2019年度政府信息公开工作的报告"), or else the
 * issuing body signed above the date at the end.
 */

const YEAR = /(?:19|20)\d{2}\s*年度?/g;
/** Where the report's own words begin in a title: the name stands before them. */
const REPORT_WORDS = /(?:政府信息公开|政务公开|信息公开|政府信息|年度报告|工作报告|年报)/;

/** The agency name in a title, or undefined when the title names none. */
export function agencyNameInTitle(title: string): string | undefined {
  const flat = title.replace(/\s+/g, '');
  const withoutYear = flat.replace(YEAR, '');
  const at = withoutYear.search(REPORT_WORDS);
  const name = (at >= 0 ? withoutYear.slice(0, at) : '')
    .replace(/^关于/, '')
    .replace(/(关于|的|本|之)+$/, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/[：:，,、]+$/, '')
    .trim();
  return name.length >= 2 ? name : undefined;
}

/** Words an agency's name ends in; a signature line without one is not a name. */
const BODY_END = /(局|委|办|院|府|会|厅|处|中心|所|站|室|部|署|委员会|政府|管委会|办公室|街道办事处|街道|镇|乡|队|馆|司|公司)$/;
const DATE = /^(?:(?:19|20)\d{2}|[二〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日$/;

/** The issuing body signed at the end: the line above the closing date, when it reads as a name. */
export function issuingBody(markdown: string): string | undefined {
  const lines = markdown.split('\n').map((l) => l.replace(/^#+\s*/, '').trim()).filter(Boolean);
  for (let i = lines.length - 1; i >= Math.max(1, lines.length - 8); i--) {
    if (!DATE.test(lines[i]!.replace(/\s+/g, ''))) continue;
    const name = lines[i - 1]!.replace(/\s+/g, '');
    return name.length >= 4 && name.length <= 30 && BODY_END.test(name) && !/[。，；：]/.test(name) ? name : undefined;
  }
  return undefined;
}
