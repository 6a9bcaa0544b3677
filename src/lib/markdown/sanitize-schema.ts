/**
 * What HTML a report body may contain. Report text comes from outside and is
 * never trusted: raw HTML is parsed (rehype-raw) and then reduced to GitHub's
 * safe subset, which drops scripts, event handlers, styles, iframes and
 * javascript: URLs but keeps the text inside harmless tags; images and media
 * are dropped too, so no report can make a page load anything.
 */
import { defaultSchema, type Options } from 'rehype-sanitize';

/** Elements that load something: report text needs none, and each would be a request to somewhere. */
const LOADING = new Set(['img', 'picture', 'source', 'video', 'audio', 'track']);

export const sanitizeSchema: Options = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !LOADING.has(t)),
  // Heading ids are added after sanitizing; ids written in raw HTML get a prefix so they cannot clobber ours.
  clobberPrefix: 'user-content-',
};
