/**
 * A saved government web page → archive Markdown. Finds the article, drops the
 * page chrome, keeps tables, and converts with the unified tools:
 * rehype-parse → (tables to grids, section headings) → rehype-remark → remark-gfm → remark-stringify,
 * each table then written as a GFM table from its grid.
 */
import type { Element, Root } from 'hast';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { remove } from './hast-remove.ts';
import { removeArtefacts } from '../artefacts.ts';
import { VFile } from 'vfile';
import { gfmTable } from '../gfm-table.ts';
import rehypeTablesToGrids, { PLACEHOLDER, type GridData } from './rehype-tables-to-grids.ts';
import rehypeSectionHeadings from './rehype-section-headings.ts';
import { takeTitle } from '../text/text-to-markdown.ts';
import { foldRadicals } from '../../template/labels.ts';

/** Where government CMS templates put the article, most specific first. */
const ARTICLE_SELECTORS = [
  '.article_content', '.TRS_Editor', '#zoom', '.zoom', '.article-content', '.wzcon', '.conTxt',
  '#UCAP-CONTENT', '.detail-content', '.content-text', 'article', '#content', '.content', 'main',
];

/** Elements that are never report text. */
const CHROME = ['script', 'style', 'noscript', 'iframe', 'form', 'button', 'input', 'select', 'textarea', 'nav', 'img', 'svg', 'object', 'embed', 'video', 'audio', 'link', 'meta'];

const MIN_ARTICLE_CHARS = 100;

export class NoArticleError extends Error {
  override name = 'NoArticleError';
}

export interface ConvertedHtml {
  title?: string;
  published?: string;
  url?: string;
  markdown: string;
  removed: string[];
}

const textOf = (node: Element | Root) => toString(node).replace(/\s+/g, '');

function meta(tree: Root, name: string): string | undefined {
  const node = select(`meta[name="${name}"]`, tree);
  const content = node?.properties['content'];
  return typeof content === 'string' && content.trim() ? content.trim() : undefined;
}

/** Page furniture: where a page has any, text outside a known article container is not the report's. */
const FURNITURE = 'nav, header, footer, aside, menu, [class*="nav"], [id*="nav"], [class*="menu"], [id*="menu"], [class*="header"], [id*="header"], [class*="footer"], [id*="footer"]';

function findArticle(tree: Root): Element {
  for (const selector of ARTICLE_SELECTORS) {
    const node = select(selector, tree);
    if (node && textOf(node).length >= MIN_ARTICLE_CHARS) return node;
  }
  // A bare fragment (a report body saved on its own, or a Word export) has no furniture: all of it is the report.
  const body = select('body', tree);
  if (body && !select(FURNITURE, tree) && textOf(body).length >= MIN_ARTICLE_CHARS) return body;
  throw new NoArticleError(`页面中找不到正文（试过 ${ARTICLE_SELECTORS.length} 种正文容器，均不足 ${MIN_ARTICLE_CHARS} 字；页面有导航等页面元素，不能整页当作正文）`);
}

/**
 * Word-exported pages wrap every run of text in nested <span>s with inline styles
 * and conditional comments, and pages carry scripts; none of it is text, and it
 * makes parsing and conversion several times slower. Removed before parsing (the
 * Markdown is the same).
 */
export function slimHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<\/?(?:span|font|o:p)(?:\s[^>]*)?>/gi, '')
    .replace(/\s(?:style|lang|width|height|valign|align|face|size)=(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, '');
}

/**
 * The head (for its meta tags) and the page from the first known article
 * container on: navigation and banners before the article need not be parsed.
 * Falls back to the whole page when no container is recognised.
 */
function relevantPart(html: string): string {
  const start = html.search(/<(?:div|article|section|td)[^>]+(?:class|id)=["']?(?:article_content|TRS_Editor|zoom|article-content|wzcon|conTxt|UCAP-CONTENT|detail-content|content-text)\b/i);
  const headEnd = html.search(/<\/head>/i);
  return start > 0 && headEnd > 0 && headEnd < start ? `${html.slice(0, headEnd)}</head><body>${html.slice(start)}` : html;
}

/** Built once: a processor is reusable once frozen, and building one per page is measurable work. */
const PARSER = unified().use(rehypeParse).freeze();
const CONVERTER = unified()
  .use(rehypeTablesToGrids)
  .use(rehypeSectionHeadings)
  .use(rehypeRemark)
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', rule: '-', fences: true })
  .freeze();

export function htmlToMarkdown(html: string): ConvertedHtml {
  const tree = PARSER.parse(slimHtml(relevantPart(foldRadicals(html)))) as Root;
  const article = findArticle(tree);
  remove(article, CHROME);
  const title = meta(tree, 'ArticleTitle') ?? (select('h1', tree) ? textOf(select('h1', tree)!) : undefined) ??
    (select('title', tree) ? toString(select('title', tree)!).split(/[_|-]/)[0]!.trim() : undefined);
  const pubDate = meta(tree, 'PubDate') ?? meta(tree, 'publishdate');
  const published = pubDate && /^\d{4}-\d{2}-\d{2}/.test(pubDate) ? pubDate.slice(0, 10) : undefined;
  const url = meta(tree, 'Url');

  const root: Root = { type: 'root', children: [article] };
  const file = new VFile();
  const mdast = CONVERTER.runSync(root, file);
  const grids = (file.data as GridData).grids ?? [];
  // Unpadded cells, so a table row reads "a | b | c" in the source, as quotes write it.
  const markdown = String(CONVERTER.stringify(mdast as never, file)).replace(PLACEHOLDER, (_, n: string) =>
    gfmTable(grids[Number(n)]!),
  );
  const { lines, removed } = removeArtefacts(String(markdown).split('\n'));
  // A page without a title element (a bare fragment) prints its title as the first lines of the body.
  const titled: { title?: string; rest?: string[] } = title ? {} : takeTitle(lines.map((l) => l.replace(/^#+\s+|\*\*/g, '')));
  const cleaned = (titled.title ? lines.slice(lines.length - titled.rest!.length) : lines)
    .join('\n')
    .replace(/[\u00a0\u3000]+/g, ' ')
    .replace(/^[ \t]+/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const finalTitle = title ?? titled.title;
  return {
    ...(finalTitle ? { title: finalTitle } : {}),
    ...(published ? { published } : {}),
    ...(url && /^https?:\/\//.test(url) ? { url } : {}),
    markdown: `${cleaned}\n`,
    removed,
  };
}
