/**
 * Page chrome of text converted from a printed document: page numbers (— 1 —,
 * 第 1 页, 第1页 共5页, 1/5, Page 1), the running header or footer printed next to
 * them on every page, and the stray "正文" some converters put on the first line.
 * What is removed is returned, for the report's `source.removed`.
 */

const PAGE_NUMBER: readonly RegExp[] = [
  /^[-—–－﹣−]+\s*\d{1,3}\s*[-—–－﹣−]+$/,
  /^第\s*\d{1,3}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,3}\s*页)?$/,
  /^共\s*\d{1,3}\s*页\s*第\s*\d{1,3}\s*页$/,
  /^\d{1,3}\s*[/／]\s*\d{1,3}$/,
  /^page\s*\d{1,3}(?:\s*of\s*\d{1,3})?$/i,
];

export const isPageNumber = (line: string) => PAGE_NUMBER.some((p) => p.test(line.trim()));

/** Converter labels that are not the report: a first line "正文", "附件", "全文". */
const LEAD = /^(正文|全文|正\s*文)[:：]?$/;

export interface ChromeFree {
  lines: string[];
  removed: string[];
}

/**
 * Remove page numbers, lines repeated beside three or more of them (running
 * headers and footers), and a converter's leading "正文".
 */
export function removePageChrome(input: readonly string[]): ChromeFree {
  const numbers = input.map(isPageNumber);
  // A short line that stands within two lines of a page number at least three times is a running header or footer.
  const nearPageNumber = new Map<string, number>();
  input.forEach((line, i) => {
    const text = line.trim();
    if (!text || numbers[i] || text.length > 40) return;
    if (numbers.slice(Math.max(0, i - 2), i + 3).some(Boolean)) nearPageNumber.set(text, (nearPageNumber.get(text) ?? 0) + 1);
  });
  const running = new Set([...nearPageNumber].filter(([, n]) => n >= 3).map(([text]) => text));
  const removed = new Set<string>();
  const lines: string[] = [];
  let seenText = false;
  input.forEach((line, i) => {
    const text = line.trim();
    const lead = !seenText && LEAD.test(text);
    if (numbers[i] || running.has(text) || lead) {
      removed.add(text);
      return;
    }
    if (text) seenText = true;
    lines.push(line);
  });
  return { lines, removed: [...removed] };
}
