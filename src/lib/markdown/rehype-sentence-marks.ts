/**
 * rehype plugin: wrap each sentence of the report's prose that the similarity
 * check compares in `<span data-s="KEY">`, KEY being the sentence's key in the
 * report's text facts (`sentenceKey`). The report page then marks, without
 * parsing the body again, the sentences that stand word for word in the agency's
 * previous report: those whose key is among that report's sentence keys.
 *
 * Sentences are cut as `sentencesOf` cuts the Markdown (at 。！？； and line
 * breaks, whitespace removed, 10 characters or more), in prose blocks only:
 * headings and tables are structure, not prose. A sentence split by inline
 * markup (a quote's `<mark>`, emphasis) is one sentence: each of its text pieces
 * is wrapped, all with the same key. A sentence whose Markdown differs from its
 * text (a link's target) gets a key the facts do not have, and is never marked.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { MIN_SENTENCE, normalSentence, SENTENCE_END } from '../quality/similarity.ts';
import { sentenceKey } from '../quality/text-facts.ts';

/** Elements whose text is read as prose: each is cut into sentences on its own. */
const PROSE = new Set(['p', 'li', 'dd', 'dt', 'blockquote', 'figcaption', 'div']);
/** Elements whose text is not prose, or is read elsewhere. */
const NOT_PROSE = new Set(['table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'code', 'script', 'style']);

interface Piece {
  node: Text;
  parent: Element;
  /** Offset of the node's first character in the block's text. */
  start: number;
}

/** The text nodes of a prose block, in order, without those of nested prose blocks (cut on their own). */
function piecesOf(block: Element): Piece[] {
  const pieces: Piece[] = [];
  let offset = 0;
  const walk = (element: Element) => {
    for (const child of element.children) {
      if (child.type === 'text') {
        pieces.push({ node: child, parent: element, start: offset });
        offset += child.value.length;
      } else if (child.type === 'element' && !PROSE.has(child.tagName) && !NOT_PROSE.has(child.tagName)) {
        walk(child);
      }
    }
  };
  walk(block);
  return pieces;
}

/** The sentences of a text worth marking: [start, end) without the end mark, with its key. */
export function sentenceRanges(text: string): { start: number; end: number; key: string }[] {
  const ranges: { start: number; end: number; key: string }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !SENTENCE_END.test(text[i]!)) continue;
    const sentence = normalSentence(text.slice(start, i));
    if (sentence.length >= MIN_SENTENCE) {
      // The span keeps the sentence's end mark (not a line break), and no whitespace before it.
      const lead = text.slice(start, i).length - text.slice(start, i).trimStart().length;
      const withMark = i < text.length && text[i] !== '\n' ? i + 1 : i;
      ranges.push({ start: start + lead, end: withMark, key: sentenceKey(sentence) });
    }
    start = i + 1;
  }
  return ranges;
}

function markBlock(block: Element): void {
  const pieces = piecesOf(block);
  if (!pieces.length) return;
  const text = pieces.map((p) => p.node.value).join('');
  const ranges = sentenceRanges(text);
  if (!ranges.length) return;
  for (const piece of pieces) {
    const from = piece.start;
    const to = piece.start + piece.node.value.length;
    const inside = ranges.filter((r) => r.start < to && r.end > from);
    if (!inside.length) continue;
    const parts: ElementContent[] = [];
    let at = from;
    for (const r of inside) {
      const a = Math.max(r.start, from);
      const b = Math.min(r.end, to);
      if (a > at) parts.push({ type: 'text', value: text.slice(at, a) });
      if (text.slice(a, b).trim()) {
        parts.push({ type: 'element', tagName: 'span', properties: { dataS: r.key }, children: [{ type: 'text', value: text.slice(a, b) }] });
      } else {
        parts.push({ type: 'text', value: text.slice(a, b) });
      }
      at = b;
    }
    if (at < to) parts.push({ type: 'text', value: text.slice(at, to) });
    const children = piece.parent.children as ElementContent[];
    children.splice(children.indexOf(piece.node), 1, ...parts);
  }
}

export default function rehypeSentenceMarks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (NOT_PROSE.has(node.tagName)) return SKIP;
      if (PROSE.has(node.tagName)) markBlock(node);
      return undefined;
    });
  };
}
