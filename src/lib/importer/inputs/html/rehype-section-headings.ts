/**
 * rehype plugin: paragraphs that are section titles (一、… / （一）…) become
 * <h2>/<h3>, so they are Markdown headings and the report gets a table of contents.
 */
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { headingLevel } from '../text/headings.ts';

export default function rehypeSectionHeadings() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'p' && node.tagName !== 'div') return;
      if (node.children.some((c) => c.type === 'element' && /^(p|div|table)$/.test(c.tagName))) return;
      const level = headingLevel(toString(node).replace(/[\s\u00a0\u3000]+/g, ''));
      if (level) {
        node.tagName = `h${level}`;
        node.properties = {};
      }
    });
  };
}
