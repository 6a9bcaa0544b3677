/**
 * A citation of a report after GB/T 7714—2015 for electronic resources:
 * 主要责任者. 题名[EB/OL]. (发布日期)[引用日期]. 获取和访问路径.
 */

/** Written where the access date goes: the reader's date, which a static page cannot know. */
export const CITED_ON_PLACEHOLDER = '引用日期';
export function citation(
  report: { title: string; published?: string | undefined; signed?: string | undefined; source: { url?: string | undefined } },
  agency: { name: string },
  archiveUrl: string,
  citedOn: string,
): string {
  const date = report.published ?? report.signed;
  const url = report.source.url ?? archiveUrl;
  return `${agency.name}. ${report.title}[EB/OL]. ${date ? `(${date})` : ''}[${citedOn}]. ${url}.`;
}
