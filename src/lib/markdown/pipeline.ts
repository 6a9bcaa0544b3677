/**
 * The Markdown pipeline of report bodies, in one place: astro.config.mjs passes
 * it to `unified()`, and tests render with `createMarkdownProcessor(markdownPipeline)`.
 */
import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import rehypeRawIfNeeded from './rehype-raw-if-needed.ts';
import rehypeSanitize from 'rehype-sanitize';
import rehypeQuoteAnchors from './rehype-quote-anchors.ts';
import remarkUnlinkBareUrls from './remark-unlink-bare-urls.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

export const markdownPipeline = {
  gfm: true,
  // Report text is kept as the source printed it: no typographic rewriting of quotes and dashes.
  smartypants: false,
  remarkPlugins: [remarkUnlinkBareUrls],
  // Order matters: parse raw HTML, sanitize it, then mark quotes. Astro adds heading ids afterwards.
  rehypePlugins: [rehypeRawIfNeeded, [rehypeSanitize, sanitizeSchema], rehypeQuoteAnchors],
} satisfies UnifiedProcessorOptions;
