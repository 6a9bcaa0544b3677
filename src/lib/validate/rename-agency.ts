/** A report's text with its `agency:` front-matter line pointed at another agency id, and nothing else changed. */

/** The text with `agency: <from>` (plain or quoted) in its front-matter replaced by `agency: <to>`; throws naming `file` if there is none. */
export function renameAgencyInReport(text: string, from: string, to: string, file: string): string {
  const end = text.startsWith('---') ? text.indexOf('\n---', 3) : -1;
  if (end < 0) throw new Error(`${file} 没有 front-matter`);
  const head = text.slice(0, end);
  const line = new RegExp(`^agency:[ \\t]*(['"]?)${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1[ \\t]*$`, 'm');
  if (!line.test(head)) throw new Error(`${file} 的 agency 不是 ${from}：不改`);
  return head.replace(line, `agency: ${to}`) + text.slice(end);
}
