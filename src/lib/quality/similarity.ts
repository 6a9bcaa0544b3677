/**
 * How much of a report's text stands word for word in another report: the
 * share of its sentences (of 10 characters or more) that occur in the other.
 * Explainable ("62% of this report's sentences appear in the 2013 report") and
 * computed through an index of sentences, not by comparing every pair.
 */

/** Sentences worth comparing: whitespace removed, at least 10 characters, each once. */
export function sentencesOf(text: string): Set<string> {
  return new Set(
    text
      .replace(/^#+\s.*$|^\|.*\|$/gm, '') // headings and table rows are structure, not prose
      .split(/[。！？；\n]/)
      .map((s) => s.replace(/\s+/g, ''))
      .filter((s) => s.length >= 10),
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
