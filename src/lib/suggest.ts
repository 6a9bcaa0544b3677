/** "Did you mean" suggestions for mistyped keys. */

/** Levenshtein distance between two strings (by UTF-16 code unit; fine for ASCII ids and BMP Chinese labels). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

export interface Candidate {
  /** What to suggest. */
  id: string;
  /** Other spellings that should lead to `id` (e.g. the Chinese label of a metric). */
  aliases?: readonly string[];
}

/**
 * The candidate closest to `input`, when it is close enough to be a plausible typo
 * (or an exact alias, such as a metric's Chinese label typed as its key).
 */
export function suggest(input: string, candidates: readonly Candidate[]): string | undefined {
  let best: { id: string; distance: number } | undefined;
  for (const candidate of candidates) {
    for (const spelling of [candidate.id, ...(candidate.aliases ?? [])]) {
      const distance = editDistance(input.toLowerCase(), spelling.toLowerCase());
      if (!best || distance < best.distance) best = { id: candidate.id, distance };
    }
  }
  if (!best) return undefined;
  const limit = Math.max(2, Math.floor(input.length / 3));
  return best.distance <= limit ? best.id : undefined;
}
