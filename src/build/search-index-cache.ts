/**
 * The last search index, kept with the hash of every document it was made
 * from. Pagefind cannot update an index, and indexing is the slowest step of a
 * rebuild; but most corrections (a value, a date, a source link) leave every
 * search document as it was, and then the kept index is the index.
 *
 *   <cacheDir>/nianbao-search/<digest>/   one Pagefind bundle, complete once `.complete` is there
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Pagefind version: a new one may index differently, so it is part of the digest. */
const PAGEFIND_VERSION = ((): string => {
  // Its package.json is not exported: found beside the module that is.
  const main = fileURLToPath(import.meta.resolve('pagefind'));
  const root = main.slice(0, main.lastIndexOf(`${sep}pagefind${sep}`) + `${sep}pagefind${sep}`.length);
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
})();

/** The digest of an index: Pagefind's version and every document, in order. */
export function indexDigest(documents: Iterable<{ sourcePath: string; html: string }>): string {
  const hash = createHash('sha256').update(PAGEFIND_VERSION);
  for (const { sourcePath, html } of documents) hash.update('\0').update(sourcePath).update('\0').update(html);
  return hash.digest('base64url').slice(0, 32);
}

export class SearchIndexCache {
  readonly dir: string;

  constructor(cacheDir: string) {
    this.dir = join(cacheDir, 'nianbao-search');
  }

  /** The folder of the bundle made from documents with this digest, if one was kept. */
  find(digest: string): string | undefined {
    const folder = join(this.dir, digest);
    return existsSync(join(folder, '.complete')) ? folder : undefined;
  }

  /** Keep the bundle in `bundle` under `digest`, in place of any other. */
  keep(digest: string, bundle: string): void {
    const temporary = join(this.dir, `${digest}.${process.pid}.tmp`);
    rmSync(temporary, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    cpSync(bundle, temporary, { recursive: true });
    writeFileSync(join(temporary, '.complete'), '');
    for (const other of readdirSync(this.dir)) if (join(this.dir, other) !== temporary) rmSync(join(this.dir, other), { recursive: true, force: true });
    renameSync(temporary, join(this.dir, digest));
  }
}

/** Copy a kept bundle to `outputPath` (without the marker). */
export function copyBundle(from: string, outputPath: string): void {
  rmSync(outputPath, { recursive: true, force: true });
  cpSync(from, outputPath, { recursive: true, filter: (source) => !source.endsWith('/.complete') });
}
