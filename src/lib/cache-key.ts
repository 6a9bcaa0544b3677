/**
 * Cache keys for pages (Astro's experimental incremental build): a page is
 * restored from the previous build instead of rendered when its key and its code
 * are unchanged. A key is the hash of everything the page shows, so it changes
 * when, and only when, its output would.
 */
import { createHash } from 'node:crypto';

/** The key of a page that shows `parts` (any JSON-serialisable values, in a fixed order). */
export function cacheKeyOf(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32);
}
