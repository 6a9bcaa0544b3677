/**
 * The processor of report bodies: Markdown to sanitized HTML with quote
 * anchors; tables with short rows aligned (rehype-aligned-rows.ts), merged
 * cells rebuilt (rehype-merged-cells.ts), an anchor per row
 * (rehype-row-anchors.ts) and a scrolling box (rehype-table-scroll.ts);
 * sentence marks (rehype-sentence-marks.ts) and heading ids; through remark
 * and rehype.
 *
 * Assembled here rather than through Astro's `createMarkdownProcessor`, which
 * always adds steps a report never needs: Shiki highlighting (reports have no
 * code), image collection (no local images), and a final rehype-raw pass that
 * re-parses every tree with parse5 although no raw HTML can be left after
 * sanitizing. Those took a quarter of the rendering time; GFM's autolink
 * literals, which the archive undid anyway, another fifth of what was left
 * (remark-gfm-without-autolinks.ts). The HTML is the same. Heading ids come from
 * Astro's own plugin, so anchors are the ones Astro would make.
 */
import { rehypeHeadingIds, type MarkdownHeading } from '@astrojs/markdown-remark';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import rehypeAlignedRows from './rehype-aligned-rows.ts';
import rehypeMergedCells from './rehype-merged-cells.ts';
import rehypeQuoteAnchors from './rehype-quote-anchors.ts';
import rehypeRawIfNeeded from './rehype-raw-if-needed.ts';
import rehypeRowAnchors from './rehype-row-anchors.ts';
import rehypeSentenceMarks from './rehype-sentence-marks.ts';
import rehypeTableScroll from './rehype-table-scroll.ts';
import remarkGfmWithoutAutolinks from './remark-gfm-without-autolinks.ts';
import remarkUnlinkBareUrls from './remark-unlink-bare-urls.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

export interface RenderedBody {
  html: string;
  headings: MarkdownHeading[];
}

/** A renderer of report bodies. `frontmatter` is the report's data: the quote anchors find its quotes. */
export function createBodyRenderer(): (body: string, frontmatter: Record<string, unknown>) => Promise<RenderedBody> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfmWithoutAutolinks)
    .use(remarkUnlinkBareUrls)
    .use(remarkRehype, { allowDangerousHtml: true })
    // Order matters: parse raw HTML, sanitize it, then mark quotes (on the grid as written: a quote names its
    // cell by its place in the row), align short rows, rebuild merged cells, anchor each row, box the tables and give headings their ids.
    .use(rehypeRawIfNeeded)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeQuoteAnchors)
    .use(rehypeAlignedRows)
    .use(rehypeMergedCells)
    .use(rehypeRowAnchors)
    .use(rehypeTableScroll)
    .use(rehypeSentenceMarks)
    .use(rehypeHeadingIds)
    .use(rehypeStringify);
  return async (body, frontmatter) => {
    const file = await processor.process(new VFile({ value: body, data: { astro: { frontmatter } } }));
    const astro = file.data as { astro?: { headings?: MarkdownHeading[] } };
    return { html: String(file.value), headings: astro.astro?.headings ?? [] };
  };
}
