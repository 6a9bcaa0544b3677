/**
 * rehype plugin: parse raw HTML (rehype-raw) only when the body has some.
 * rehype-raw re-parses the whole tree with parse5, the largest cost of rendering
 * a report; almost no report body contains raw HTML.
 */
import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import { EXIT, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

const raw = rehypeRaw();

export default function rehypeRawIfNeeded() {
  return (tree: Root, file: VFile) => {
    // Without a "<" in the source there is no raw HTML, and no tree walk is needed to know it.
    if (typeof file.value === 'string' && !file.value.includes('<')) return tree;
    let found = false;
    visit(tree, 'raw', () => {
      found = true;
      return EXIT;
    });
    return found ? (raw(tree, file) as Root) : tree;
  };
}
