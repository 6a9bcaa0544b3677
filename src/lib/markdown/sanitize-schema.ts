/**
 * What HTML a report body may contain. Report text comes from outside and is
 * never trusted: raw HTML is parsed (rehype-raw) and then reduced to GitHub's
 * safe subset, which drops scripts, event handlers, styles, iframes and
 * javascript: URLs but keeps the text inside harmless tags.
 */
import { defaultSchema, type Options } from 'rehype-sanitize';

export const sanitizeSchema: Options = {
  ...defaultSchema,
  // Heading ids are added after sanitizing; ids written in raw HTML get a prefix so they cannot clobber ours.
  clobberPrefix: 'user-content-',
};
