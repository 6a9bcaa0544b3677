/**
 * The last search index of each group of years, kept with the hash of every
 * document it was made from. Pagefind cannot update an index, and indexing is
 * the slowest step of a rebuild; but a correction leaves the search documents
 * of every other group as they were (and a corrected value, date or link
 * leaves all of them), and then a kept index is the index.
 *
 *   <cacheDir>/nianbao-search/<first year>-<last year>-<digest>/   one Pagefind bundle, complete once `.complete` is there
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Pagefind version: a new one may index differently, so it is part of the digest. */
const PAGEFIND_VERSION = ((): string => {
  // Its package.json is not exported: found beside the module that is.
  const main = fileURLToPath(import.meta.resolve('pagefind'));
  const root = main.slice(0, main.lastIndexOf(`${sep}pagefind${sep}`) + `${sep}pagefind${sep}`.length);
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
})();

/** The digest of an index: Pagefind's version, where it goes (the primary carries the runtime) and every document, in order. */
export function indexDigest(documents: Iterable<{ sourcePath: string; html: string }>, dir = ''): string {
  const hash = createHash('sha256').update(PAGEFIND_VERSION).update('\0').update(dir);
  for (const { sourcePath, html } of documents) hash.update('\0').update(sourcePath).update('\0').update(html);
  return hash.digest('base64url').slice(0, 32);
}

export class SearchIndexCache {
  readonly dir: string;

  constructor(cacheDir: string) {
    this.dir = join(cacheDir, 'nianbao-search');
  }

  /** The folder of the bundle kept under `key`, if there is one. */
  find(key: string): string | undefined {
    const folder = join(this.dir, key);
    return existsSync(join(folder, '.complete')) ? folder : undefined;
  }

  /** Keep the bundle in `bundle` under `key` (the folder of another bundle is left out). */
  keep(key: string, bundle: string): void {
    const temporary = join(this.dir, `${key}.${process.pid}.tmp`);
    rmSync(temporary, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    // The primary bundle may hold the others' folders (pagefind/<first>-<last>/); they are kept under their own keys.
    cpSync(bundle, temporary, { recursive: true, filter: (source) => source === bundle || !/^\d{4}-\d{4}$/.test(relative(bundle, source).split(sep)[0]!) });
    writeFileSync(join(temporary, '.complete'), '');
    rmSync(join(this.dir, key), { recursive: true, force: true });
    renameSync(temporary, join(this.dir, key));
  }

  /** Delete every kept bundle but those under `keys`. */
  prune(keys: readonly string[]): void {
    if (!existsSync(this.dir)) return;
    const wanted = new Set(keys);
    for (const other of readdirSync(this.dir)) if (!wanted.has(other)) rmSync(join(this.dir, other), { recursive: true, force: true });
  }
}

/** Copy a kept bundle to `outputPath` (without the marker), replacing what is there. */
export function copyBundle(from: string, outputPath: string): void {
  rmSync(outputPath, { recursive: true, force: true });
  cpSync(from, outputPath, { recursive: true, filter: (source) => !source.endsWith('/.complete') });
}
