/**
 * Size limits of content files, shared by `npm run check`, the build and the
 * importer, so a file that passes the check is one the build can hold. The
 * largest real report in the archive is 55 KB; a report file past the limit is
 * far more likely a mistake (a whole site saved into one body) than a report, and
 * at 100 MiB a single body took the build past 4 GB.
 */

/** The largest content file (report or agency) read: 2 MiB. */
export const CONTENT_FILE_MAX_BYTES = 2 * 1024 * 1024;

/** 1.5 MiB, 820 KB, 12 B: a size as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
