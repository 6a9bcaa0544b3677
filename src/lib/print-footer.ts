/**
 * The footer of every printed page: the archive's name, the page's permalink and, when a script knows it,
 * the print date. Chromium draws @page margin boxes but no running elements or string-set, so the text is
 * a literal of the page's own @page rule (an inline style the page's CSP allows by its hash, csp.ts).
 * Browser-safe: the report page's script adds the print date with the same function.
 */

/** A CSS string literal: quotes, backslashes and line breaks escaped, so page text cannot end the rule. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`;
}

/** The footer's words: 年报档案 · permalink, then · 打印于 date when the date is known. */
export function printFooterText(permalink: string, printedOn?: string): string {
  return `年报档案 · ${permalink}${printedOn ? ` · 打印于 ${printedOn}` : ''}`;
}

/** The @page rule that puts the footer at the bottom left of every printed page. */
export function printFooterCss(permalink: string, printedOn?: string): string {
  return `@page { @bottom-left { content: ${cssString(printFooterText(permalink, printedOn))}; } }`;
}
