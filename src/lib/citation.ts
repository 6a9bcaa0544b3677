/**
 * Citations of a report. Portals delete and move their pages, so both forms cite the archive's permalink
 * and keep the original address beside it.
 * - GB/T 7714—2015 for electronic resources: 主要责任者. 题名[EB/OL]. (发布日期)[引用日期]. 获取和访问路径.
 *   The access path is the permalink; the original address follows as a note.
 * - Plain text, for a story or a footnote.
 */

/** Written where the access date goes: the reader's date, which a static page cannot know. */
export const CITED_ON_PLACEHOLDER = '引用日期';

interface Cited {
  title: string;
  published?: string | undefined;
  signed?: string | undefined;
  source: { url?: string | undefined };
}

export function citation(report: Cited, agency: { name: string }, archiveUrl: string, citedOn: string): string {
  const date = report.published ?? report.signed;
  const original = report.source.url && report.source.url !== archiveUrl ? ` 原文：${report.source.url}.` : '';
  return `${agency.name}. ${report.title}[EB/OL]. ${date ? `(${date})` : ''}[${citedOn}]. ${archiveUrl}.${original}`;
}

/** "晋中市教育局：《…》（2017-12-06 发布）。年报档案：<permalink>；原文：<url>。引用日期访问。" */
export function plainCitation(report: Cited, agency: { name: string }, archiveUrl: string, citedOn: string): string {
  const date = report.published ?? report.signed;
  const original = report.source.url && report.source.url !== archiveUrl ? `；原文：${report.source.url}` : '';
  return `${agency.name}：《${report.title}》${date ? `（${date} 发布）` : ''}。年报档案：${archiveUrl}${original}。${citedOn}访问。`;
}
