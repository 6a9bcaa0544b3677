/**
 * "与上年相同": the sentences of a report that stand word for word in the same
 * agency's previous report. CASS's transparency reviews found reports up to 90%
 * the same as the year before; the report page marks each such sentence, and the
 * agency page says, year by year, how much of each report repeats the one before.
 *
 * Both work on sentence keys: the report's text facts (`sentencesOf`, keyed by
 * `sentenceKey`) and the `data-s` keys its rendered body carries
 * (src/lib/markdown/rehype-sentence-marks.ts), which are the same.
 */

/** How much of a report repeats the previous one: its sentences, and those in the previous report. */
export interface Repeats {
  sentences: number;
  repeated: number;
  /** repeated / sentences; 0 for a report without sentences. */
  share: number;
}

export function repeatsOf(sentences: readonly string[], previous: readonly string[]): Repeats {
  const before = new Set(previous);
  const own = new Set(sentences);
  let repeated = 0;
  for (const key of own) if (before.has(key)) repeated++;
  return { sentences: own.size, repeated, share: own.size ? repeated / own.size : 0 };
}

const SENTENCE_SPAN = /<span data-s="([^"]+)">/g;

/** The rendered body with each sentence of `previous` marked `class="same"` (a string edit, no parsing). */
export function markRepeated(html: string, previous: readonly string[]): string {
  if (!previous.length) return html;
  const before = new Set(previous);
  return html.replace(SENTENCE_SPAN, (span, key: string) => (before.has(key) ? `<span data-s="${key}" class="same">` : span));
}

