/**
 * remark plugin: keep web addresses typed as plain text as plain text.
 *
 * GFM turns any "http://…" in prose into a link, and in Chinese text the link
 * runs on into the following characters ("http://jyj.changle.gov.cn予以关停"),
 * giving broken links the source never had. Explicit Markdown links stay.
 */
import type { Link, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

/** Whether a link node is a GFM autolink literal: its only child is its own address as text. */
function isBareUrl(node: Link): boolean {
  const [only] = node.children;
  if (node.children.length !== 1 || only?.type !== 'text') return false;
  return only.value === node.url || `http://${only.value}` === node.url || `mailto:${only.value}` === node.url;
}

export default function remarkUnlinkBareUrls() {
  return (tree: Root) => {
    visit(tree, 'link', (node: Link, index, parent) => {
      if (index === undefined || !parent || !isBareUrl(node)) return;
      const text: Text = { type: 'text', value: (node.children[0] as Text).value };
      parent.children.splice(index, 1, text);
    });
  };
}
