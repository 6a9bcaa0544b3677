import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** Remove every element with one of `tagNames` below `tree`. */
export function remove(tree: Element | Root, tagNames: readonly string[]): void {
  visit(tree, 'element', (node, index, parent) => {
    if (parent && index !== undefined && tagNames.includes(node.tagName)) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
}
