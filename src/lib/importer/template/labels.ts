/**
 * Template labels compared tolerantly. Reports renumber rows ("1、", "(1)", "①" or
 * none), use either bracket width, drop or add the template's notes
 * （区分处理的，只计这一情形，不计其他情形）, and PDF text carries look-alike
 * characters (Kangxi radicals such as ⾏ for 行). The core of a label is what is
 * left once all of that is taken away; the catalogue's labels are reduced the
 * same way, so no label is written here.
 */

/** Kangxi radicals (U+2F00–U+2FD5) and CJK radical supplements print as the ideographs they stand for; NFKC maps them. */
const RADICALS = /[\u2e80-\u2fdf]/g;

/** Characters OCR and PDF fonts confuse, mapped to the one the templates use. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '己': '已', '巳': '已', '末': '未', '曰': '日', '〇': '0', '—': '-', '－': '-', '–': '-',
};

/**
 * Kangxi radicals to the ideographs they print as. PDF fonts often map 行 to ⾏ (U+2F8F):
 * the page shows 行, so the text should say 行. Safe for a whole body.
 */
export function foldRadicals(text: string): string {
  return text.replace(RADICALS, (ch) => ch.normalize('NFKC'));
}

/** For comparing labels only: radicals folded and look-alikes mapped to the character the templates use. */
export function foldCharacters(text: string): string {
  return foldRadicals(text).replace(/[己巳末曰〇—－–]/g, (ch) => LOOK_ALIKES[ch] ?? ch);
}

/** Row numbering at the start of a label: 一、 （一） (1) 1. 1、 1) ① and the like. */
const NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．)）]?(?![\d年])|[①-⑳])\s*/;

/** Notes in brackets that some reports print after a label and others leave out. */
const NOTE = /[（(][^）)]*(?:只计|不计|区分处理|单位)[^）)]*[）)]/g;

/**
 * The comparable core of a label: characters folded, numbering, notes, spaces,
 * quotes and punctuation removed. "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
 * and "2、部分公开" both give "部分公开".
 */
export function labelCore(label: string): string {
  let text = foldCharacters(label).normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');
  text = text.replace(NOTE, '');
  for (let i = 0; i < 3; i++) text = text.replace(NUMBERING, '');
  return text.replace(/[“”"'‘’「」『』:：、，,。.．;；\-*]/g, '');
}

/** Edit distance, for labels that differ in a character or two (look-alikes, a dropped character). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = up;
    }
  }
  return prev[b.length]!;
}

/**
 * Whether a printed core is a template core: equal; or, for cores of 8 or more
 * characters, within one edit in eight, or cut short by a line break
 * (a prefix of at least four fifths of it).
 */
export function coreMatches(printed: string, template: string): boolean {
  if (printed === template) return true;
  if (template.length < 8 || printed.length < 6) return false;
  if (template.startsWith(printed) && printed.length >= template.length * 0.8) return true;
  return editDistance(printed, template) <= Math.floor(template.length / 8);
}

/**
 * The label from its last numbering on ("度办理结 （一）予以公开" → "（一）予以公开"): what a
 * converter ran into a label from the cells beside it goes before the row's own number.
 */
export function ownLabel(printed: string): string | undefined {
  const marks = [...printed.matchAll(/(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|(?<![\d.])\d{1,2}[.、．](?!\d))/g)];
  const last = marks.at(-1);
  return last && last.index > 0 ? printed.slice(last.index) : undefined;
}

/** The one candidate whose core the printed label matches (or, failing that, its own label after other cells' text); undefined when none or more than one does. */
export function matchLabel<T>(printed: string, candidates: readonly { core: string; value: T }[]): T | undefined {
  const whole = matchCore(printed, candidates);
  if (whole !== undefined) return whole;
  const own = ownLabel(printed);
  return own === undefined ? undefined : matchCore(own, candidates);
}

function matchCore<T>(printed: string, candidates: readonly { core: string; value: T }[]): T | undefined {
  const core = labelCore(printed);
  if (!core) return undefined;
  const exact = candidates.filter((c) => c.core === core);
  if (exact.length === 1) return exact[0]!.value;
  if (exact.length > 1) return undefined;
  const near = candidates.filter((c) => coreMatches(core, c.core));
  return near.length === 1 ? near[0]!.value : undefined;
}
