/**
 * How much of a report's text stands word for word in another report: the
 * share of its sentences (of 10 characters or more) that occur in the other.
 * Explainable ("62% of this report's sentences appear in the 2013 report") and
 * computed through an index of sentences, not by comparing every pair.
 */

/**
 * A Markdown body's prose as a reader sees it: without headings and table rows (structure, not prose), list
 * and quote markers, emphasis, link targets and tags, with entities and escapes read. The report page cuts its
 * rendered text into the same sentences (src/lib/markdown/rehype-sentence-marks.ts), so the keys agree.
 */
export function proseOf(markdown: string): string {
  return markdown
    .replace(/^#+\s.*$|^\s*\|.*\|\s*$/gm, '')
    .replace(/^\s*>\s?/gm, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<!--[\s\S]*?-->|<\/?[A-Za-z][^>]*>/g, '')
    // An escaped mark is text: kept aside (as a private-use character) while emphasis marks are removed.
    .replace(/\\([\\`*_~])/g, (_, mark: string) => String.fromCharCode(0xe000 + mark.charCodeAt(0)))
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/(\*\*|__|~~|[*_`])/g, '')
    .replace(/[\ue000-\ue0ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000))
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Where a sentence ends. */
export const SENTENCE_END = /[。！？；\n]/;

/** A sentence as compared: whitespace removed. Shorter than MIN_SENTENCE it is not worth comparing. */
export const normalSentence = (sentence: string): string => sentence.replace(/\s+/g, '');
export const MIN_SENTENCE = 10;

/** Sentences worth comparing: of the prose (`proseOf`), whitespace removed, at least 10 characters, each once. */
export function sentencesOf(text: string): Set<string> {
  return new Set(
    proseOf(text)
      .split(SENTENCE_END)
      .map(normalSentence)
      .filter((s) => s.length >= MIN_SENTENCE),
  );
}

/** Share of `a`'s sentences that also stand in `b` (0–1). */
export function shareIn(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / a.size;
}

export interface SimilarityDoc {
  id: string;
  agency: string;
  year: number;
  sentences: ReadonlySet<string>;
}

export interface Similarity {
  /** Share of this report's sentences found in the same agency's previous report (undefined: no previous report). */
  previous?: { id: string; share: number };
  /** The report of another agency holding the largest share of this report's sentences. */
  otherAgency?: { id: string; share: number };
}

/** Sentences standing in more reports than this are boilerplate (quoted law, template text) and do not count. */
const COMMON = 50;

export function similarities(docs: readonly SimilarityDoc[]): Map<string, Similarity> {
  const index = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    for (const s of doc.sentences) {
      const list = index.get(s);
      if (list) list.push(i);
      else index.set(s, [i]);
    }
  });
  // Each agency's reports by year, to find the previous one without scanning every document.
  const byAgency = new Map<string, number[]>();
  docs.forEach((d, i) => byAgency.set(d.agency, [...(byAgency.get(d.agency) ?? []), i]));
  for (const list of byAgency.values()) list.sort((x, y) => docs[x]!.year - docs[y]!.year);
  const result = new Map<string, Similarity>();
  docs.forEach((doc, i) => {
    const counts = new Map<number, number>();
    for (const s of doc.sentences) {
      const holders = index.get(s)!;
      if (holders.length > COMMON) continue;
      for (const j of holders) if (j !== i) counts.set(j, (counts.get(j) ?? 0) + 1);
    }
    const share = (j: number) => (doc.sentences.size ? (counts.get(j) ?? 0) / doc.sentences.size : 0);
    const own = byAgency.get(doc.agency)!;
    const previousIndex = own[own.indexOf(i) - 1];
    let best: { id: string; share: number } | undefined;
    for (const j of counts.keys()) {
      if (docs[j]!.agency === doc.agency) continue;
      if (!best || share(j) > best.share) best = { id: docs[j]!.id, share: share(j) };
    }
    result.set(doc.id, {
      ...(previousIndex !== undefined ? { previous: { id: docs[previousIndex]!.id, share: share(previousIndex) } } : {}),
      ...(best && best.share > 0 ? { otherAgency: best } : {}),
    });
  });
  return result;
}
