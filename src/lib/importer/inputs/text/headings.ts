/** Section numbering of reports, turned into Markdown headings: 一、 → ##, （一） → ###. */

const LEVEL_2 = /^[一二三四五六七八九十]+、\S/;
const LEVEL_3 = /^[（(][一二三四五六七八九十]+[）)]\S/;

/**
 * The heading level of a line, or `undefined` for body text. A numbered line is
 * a heading only when it is short and has no sentence inside it ("（一）加强领导，
 * 明确责任。我局……" is a paragraph that starts with its own title).
 */
export function headingLevel(line: string): 2 | 3 | undefined {
  const text = line.trim();
  if (text.length > 40) return undefined;
  const inner = text.slice(0, -1);
  if (/[。；;！？]/.test(inner)) return undefined;
  if (LEVEL_2.test(text)) return 2;
  if (LEVEL_3.test(text) && !/[：:]\S/.test(text)) return 3;
  return undefined;
}
