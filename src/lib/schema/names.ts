/**
 * Names as the archive stores and compares them. A name copied from a web page or
 * a PDF may carry characters no reader sees: controls (NUL), bidi overrides
 * (U+202E), zero-width spaces and joiners (U+200B, U+2060), soft hyphens (U+00AD),
 * variation selectors. Two names that read the same must be the same name, so
 * every name is cleaned before it is matched and before it is written.
 */

/**
 * Characters that change nothing a reader sees, or change only the direction text is shown in:
 * C0 and C1 controls (tab, newline and carriage return included: a name is one line), soft hyphen,
 * Arabic letter mark, Hangul fillers, Mongolian variation selectors, zero-width and bidi controls
 * (U+200B–U+200F, U+202A–U+202E, U+2060–U+206F), variation selectors (U+FE00–U+FE0F,
 * U+E0100–U+E01EF), tags (U+E0000–U+E007F) and the byte-order mark.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;

/** Whether a text holds a character that `INVISIBLE` removes. */
export const hasInvisible = (text: string): boolean => new RegExp(INVISIBLE.source, 'u').test(text);

/** A text without the characters no reader sees (for titles: the printed characters themselves are kept as they are). */
export const withoutInvisible = (text: string): string => text.replace(INVISIBLE, '');

/** A name as written to a file: NFKC, invisible characters removed, runs of spaces as one, trimmed. */
export function cleanName(name: string): string {
  return withoutInvisible(name.normalize('NFKC')).replace(/\s+/g, ' ').trim();
}

/** A name as compared: clean, and without any space (全称 printed with or without spaces is one name). */
export function nameKey(name: string): string {
  return cleanName(name).replace(/\s+/g, '');
}
