/**
 * A web page printed or saved as text (the browser's "print to PDF", a page
 * copied whole): the portal's navigation, breadcrumbs and search box above the
 * report, its source and date line and download links under the title, and the
 * site's footer (link lists, 版权所有, ICP备案) after it. The HTML path finds the
 * article by its container; here the title itself is the landmark: a line that
 * reads as a report's title, with only short lines (menus, links) above it. What
 * is taken away is returned for the report's `source.removed`.
 */

/** A report's title: a year, the disclosure words, ending in 报告 or 年报 (perhaps with a note: （全文）). */
const TITLE = /^(?=.*(?:19|20)\d{2}\s*年)(?=.*(?:政府信息公开|政务公开|信息公开)).{8,78}(?:报告|年报)(?:[（(][^）)]{1,8}[）)])?$/;

/** Lines under a page's title that describe the page, not the report. */
const META = /^(?:微信|微博|QQ|分享|来源|信息来源|发布时间|发布日期|时间|日期|浏览次数|点击数|访问量|阅读次数|字号|作者|编辑|责任编辑|索引号|发布机构|生成日期|成文日期|文号|主题分类|公开方式|所属机构|分享到|打印|关闭|【|文件下载|相关链接|附件下载)\s*[：:【]?/;

/** Lines of a site's footer. */
const FOOTER = /版权所有|Copyright|©|ICP备|网站标识码|公安备案|主办单位|承办单位|技术支持|网站地图|联系我们|隐私(?:保护|政策)|使用帮助|关于我们/i;

/** The date a page says it was published: "时间：2023-02-20 15:07" → 2023-02-20. */
const PUBLISHED = /(?:发布)?(?:时间|日期)[：:]\s*((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})/;

/** Where a report's own words end: a sentence, a table row, a heading-like numbered line, a date. */
const BODY_LINE = /[。；！？]$|^\||\t|^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$|^[二〇零一三四五六七八九]{4}年/;
/** A signature line under the last sentence: the agency, or the date. */
const SIGNATURE = /^(?:[\u4e00-\u9fff（）()]{2,30}(?:局|委|办|院|府|会|厅|处|中心|所|站|室|部|署|政府|管委会|办公室)|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)$/;

export interface PastChrome {
  title: string;
  /** The lines after the title, without the page's description lines under it and the footer. */
  rest: string[];
  removed: string[];
  published?: string;
}

/**
 * The title past a page's chrome, or undefined when there is none: the first line among the first 300 that
 * reads as a report title, with only short lines above it (no more than two sentences: a page's menus, not
 * a document's text). A copy of the title a few lines further on (breadcrumbs, then the heading) is chrome too.
 */
export function titlePastChrome(lines: readonly string[]): PastChrome | undefined {
  const limit = Math.min(lines.length, 300);
  let sentences = 0;
  for (let i = 0; i < limit; i++) {
    const line = lines[i]!.trim();
    if (/[。]/.test(line)) sentences++;
    if (sentences > 2 || line.length > 120) return undefined;
    if (!TITLE.test(line.replace(/\s+/g, ''))) continue;
    const title = line.replace(/\s+/g, '');
    let at = i + 1;
    // The same title again (breadcrumbs ended with it, the heading follows), with page lines between.
    for (let k = at; k < Math.min(lines.length, at + 15); k++) {
      if (lines[k]!.trim().replace(/\s+/g, '') === title) at = k + 1;
    }
    const removed = lines.slice(0, at).map((l) => l.trim()).filter((l) => l && l.replace(/\s+/g, '') !== title);
    let published: string | undefined;
    while (at < lines.length && (lines[at]!.trim() === '' || (META.test(lines[at]!.trim()) && lines[at]!.trim().length <= 80))) {
      const meta = lines[at]!.trim();
      if (meta) {
        removed.push(meta);
        const date = PUBLISHED.exec(meta);
        if (date && !published) published = `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`;
      }
      at++;
    }
    const footer = siteFooter(lines.slice(at));
    return { title, rest: footer.lines, removed: [...new Set([...removed, ...footer.removed])], ...(published ? { published } : {}) };
  }
  return undefined;
}

/**
 * A site's footer at the end of a page's text: from just after the report's last own line (a sentence, a
 * table row, a date, and the signature lines under it) to the end, when only short lines (link lists) stand
 * between that line and the footer's first mark (版权所有, ICP备 …).
 */
export function siteFooter(lines: readonly string[]): { lines: string[]; removed: string[] } {
  // The footer starts at its first mark on a line of its own (not a sentence of the report that names one).
  const mark = lines.findIndex((l) => FOOTER.test(l) && l.trim().length <= 100 && !/。/.test(l));
  if (mark < 0) return { lines: [...lines], removed: [] };
  let last = -1;
  for (let i = mark - 1; i >= 0; i--) {
    if (BODY_LINE.test(lines[i]!.trim())) {
      last = i;
      break;
    }
  }
  // The signature under the last sentence belongs to the report: the agency and the date, a line each.
  for (let k = 0; k < 3 && last + 1 < mark; k++) {
    const next = lines[last + 1]!.trim().replace(/\s+/g, '');
    if (next === '' || SIGNATURE.test(next)) last++;
    else break;
  }
  // Between the report's end and the footer mark: only short lines (link lists), never a sentence.
  if (lines.slice(last + 1, mark).some((l) => /[。；]/.test(l) || l.trim().length > 40)) return { lines: [...lines], removed: [] };
  return { lines: lines.slice(0, last + 1), removed: lines.slice(last + 1).map((l) => l.trim()).filter(Boolean) };
}
