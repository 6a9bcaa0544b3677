/**
 * What Pagefind indexes of a report: a small HTML document made from the
 * report's data and its rendered body, not the built page. The index then
 * needs no page of the site (it is built while Astro renders them), and a
 * report costs only its body's parsing, not a whole page's.
 *
 * Indexed text: the title, the agency line and the full text, as the page shows
 * them, with each merged table cell once (search-body.ts). Filters and meta are
 * attribute values (key:value), which the indexer's character encoding leaves
 * untouched (`toIndexHtml`).
 */
import { otherNames, type Agency, type Report } from '../archive.ts';
import { getEdition } from '../catalogue/index.ts';
import { searchBody } from './search-body.ts';

const escapeText = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeAttribute = (text: string): string => escapeText(text).replaceAll('"', '&quot;');

/** The search filters of a report, by name (the search page's facets). */
export function searchFilters(report: Pick<Report, 'year' | 'edition'>, agency: Agency): Record<string, string> {
  return {
    机构: agency.name,
    层级: agency.level ?? '待补充',
    省份: agency.province,
    ...(agency.city ? { 地市: agency.city } : {}),
    年份: String(report.year),
    版式: getEdition(report.edition).label,
  };
}

/** The document Pagefind indexes for `report`, whose body rendered to `bodyHtml`. */
export function searchDocument(report: Report, agency: Agency, bodyHtml: string): string {
  const filters = Object.entries(searchFilters(report, agency))
    .map(([name, value]) => `<span data-pagefind-filter="${escapeAttribute(`${name}:${value}`)}"></span>`)
    .join('');
  const meta = (name: string, value: string) => `data-pagefind-meta="${escapeAttribute(`${name}:${value}`)}"`;
  const others = otherNames(agency);
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>',
    '<article data-pagefind-body>',
    `<h1 ${meta('title', report.title)}>${escapeText(report.title)}</h1>`,
    `<p><a ${meta('agency', agency.name)}>${escapeText(agency.name)}</a>${others.length ? `（${escapeText(others.join('、'))}）` : ''} · ${report.year}年度</p>`,
    // One data-pagefind-meta per element: HTML keeps only the first of two equal attributes.
    `<div data-pagefind-ignore><span ${meta('year', String(report.year))}></span><span ${meta('edition', getEdition(report.edition).label)}></span>${filters}</div>`,
    `<div>${searchBody(bodyHtml)}</div>`,
    '</article></body></html>',
  ].join('');
}
