/**
 * What the quality checks need of a report's text, computed once per body (the
 * build caches it with the rendered body), so the archive-wide checks never hold
 * every body in memory.
 */
import { createHash } from 'node:crypto';
import { completeness, type ChecklistItem } from './completeness.ts';
import { sentencesOf } from './similarity.ts';

export interface TextFacts {
  /** The statutory elements of the report's year, each found in the text or not. */
  checklist: ChecklistItem[];
  /** Its comparable sentences (see `sentencesOf`), each as a short hash. */
  sentences: string[];
}

/** A sentence as 72 bits of its SHA-1: a collision between two report sentences is negligible, and 12 characters are far less to keep than the sentence. */
export function sentenceKey(sentence: string): string {
  return createHash('sha1').update(sentence).digest('base64').slice(0, 12);
}

export function textFacts(year: number, body: string): TextFacts {
  return { checklist: completeness(year, body), sentences: [...sentencesOf(body)].map(sentenceKey) };
}
