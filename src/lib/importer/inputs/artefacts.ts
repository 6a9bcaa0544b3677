/**
 * Scraping artefacts: page chrome and word-processor debris that are not part of
 * a report. One list for every importer path; what is removed is recorded in
 * the report's `source.removed`.
 */

/** Removed wherever they stand inside a line. */
const INLINE: readonly RegExp[] = [/\[bookmark: [^\]]*\]/g];

/** Whole lines of page chrome (tested against the trimmed line). */
const LINES: readonly RegExp[] = [
  /^(您的位置|当前位置)[:：]/,
  /^【打印正文】/,
  /^【字体[:：]/,
  /^【?(打印本页|关闭窗口|打印|关闭)】?$/,
  /^用户登录$/,
  /^全文检索$/,
  /^[×x]$/,
  /浏览次数[:：]/,
  /^索引号[:：]/,
  /^生效日期[:：]/,
  /^文\s*号[:：]/,
  /^来源[:：].*(发布时间|时间)[:：]/,
  /^(分享到|微信|微博|QQ空间|全真版|文字版|文件下载|相关链接)[:：]?\s*$/,
  /^(微信\s+微博|扫一扫)/,
];

export interface Cleaned {
  lines: string[];
  removed: string[];
}

/** Remove inline artefacts and chrome lines; keep everything else as it was. */
export function removeArtefacts(input: readonly string[]): Cleaned {
  const removed: string[] = [];
  const lines: string[] = [];
  for (const raw of input) {
    let line = raw;
    for (const pattern of INLINE) {
      line = line.replace(pattern, (m) => {
        removed.push(m);
        return '';
      });
    }
    if (LINES.some((p) => p.test(line.trim()))) {
      removed.push(line.trim());
      continue;
    }
    lines.push(line);
  }
  return { lines, removed: [...new Set(removed)] };
}
