/**
 * How large the built pages are, against the size budget: every HTML page at most
 * PAGE_BUDGET_GZIP bytes as gzip, at any archive size (issue 14). Used by the bench
 * (the largest page) and by the test that builds a generated archive.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The most a page may transfer, gzip-compressed: 150 KB. */
export const PAGE_BUDGET_GZIP = 150 * 1024;

export interface PageSize {
  /** Inside the site folder, with "/" ("metrics/core_proactive/index.html"). */
  path: string;
  bytes: number;
  gzip: number;
}

/** Gzip adds at most this much to an incompressible input (header, trailer, stored-block framing). */
const GZIP_OVERHEAD = 64;

/**
 * The `count` largest HTML pages of a built site by gzip size, largest first. Pages are compressed from the
 * largest down, and no further once a page's plain size is below the `count`-th largest compressed size so far:
 * gzip never makes a page larger (beyond a few bytes), so no smaller page can be among them. At 100,000 reports
 * the site has 220,000 pages; this compresses a few dozen.
 */
export function largestPages(site: string, count = 5): PageSize[] {
  const pages = (readdirSync(site, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ path: f.split('\\').join('/'), bytes: statSync(join(site, f)).size }))
    .sort((a, b) => b.bytes - a.bytes);
  const largest: PageSize[] = [];
  for (const page of pages) {
    if (largest.length >= count && page.bytes + GZIP_OVERHEAD < largest[count - 1]!.gzip) break;
    largest.push({ ...page, gzip: gzipSync(readFileSync(join(site, page.path))).length });
    largest.sort((a, b) => b.gzip - a.gzip);
    largest.splice(Math.max(count, 1));
  }
  return largest;
}
