/**
 * The last search index of each group of years, kept under the hash of every
 * document it was made from. Pagefind cannot update an index, and indexing is
 * the slowest step of a rebuild; but a correction leaves the search documents
 * of every other group as they were (and a corrected value, date or link
 * leaves all of them), and then a kept index is the index.
 *
 * Two digests name an index. `documentsDigest` hashes the documents themselves,
 * so it sees that a corrected value changed none. `sourcesDigest` hashes only
 * what the documents are made from (the reports' file keys and agencies),
 * reading no body, and names the documents digest it led to last time: a group
 * whose files did not change costs nothing.
 *
 * The documents digest is made of one digest per document, kept by what the
 * document is made from (`documentSourceKey`): in a group whose files changed,
 * only the changed files' documents are made and hashed, not every body of the
 * group (at 10,000 reports that was 18 s of a rebuild).
 *
 *   <cacheDir>/nianbao-search/<first year>-<last year>-<documents digest>/   one Pagefind bundle, complete once `.complete` is there
 *   <cacheDir>/nianbao-search/sources/<first year>-<last year>-<sources digest>   the name of that bundle
 *   <cacheDir>/nianbao-search/documents.json   each document's digest, by its source key
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

/**
 * What a search document is made from: where its page is, the key of its report's prepared text (which
 * changes with the file's text and the preparation pipeline) and its agency's data.
 */
export interface DocumentSource {
  sourcePath: string;
  textKey: string;
  agency: unknown;
}

/**
 * The digest of what an index's documents are made from: Pagefind's version, the version of the code that
 * makes and indexes the documents, where the index goes (the primary carries the runtime), and each
 * document's sources, in order. It reads no report body.
 */
export function sourcesDigest(sources: Iterable<DocumentSource>, dir: string, documentVersion: string): string {
  const hash = createHash('sha256').update(PAGEFIND_VERSION).update('\0').update(documentVersion).update('\0').update(dir);
  for (const { sourcePath, textKey, agency } of sources) hash.update('\0').update(sourcePath).update('\0').update(textKey).update('\0').update(JSON.stringify(agency));
  return hash.digest('base64url').slice(0, 32);
}

/** The key one document's digest is kept under: what it is made from, and the version of the code that makes it. */
export function documentSourceKey({ sourcePath, textKey, agency }: DocumentSource, documentVersion: string): string {
  return createHash('sha256').update(documentVersion).update('\0').update(sourcePath).update('\0').update(textKey).update('\0').update(JSON.stringify(agency)).digest('base64url').slice(0, 32);
}

/** The digest of one search document (its HTML). */
export function documentDigest(html: string): string {
  return createHash('sha256').update(html).digest('base64url').slice(0, 32);
}

/** The digest of an index's documents themselves: Pagefind's version, where it goes, and every document's digest, in order. */
export function documentsDigest(documents: Iterable<{ sourcePath: string; digest: string }>, dir: string): string {
  const hash = createHash('sha256').update(PAGEFIND_VERSION).update('\0').update(dir);
  for (const { sourcePath, digest } of documents) hash.update('\0').update(sourcePath).update('\0').update(digest);
  return hash.digest('base64url').slice(0, 32);
}

const DOCUMENT_DIGESTS = 'documents.json';

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

  /** Keep the bundle in `bundle` under `key`. */
  keep(key: string, bundle: string): void {
    const temporary = join(this.dir, `${key}.${process.pid}.tmp`);
    rmSync(temporary, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    cpSync(bundle, temporary, { recursive: true });
    writeFileSync(join(temporary, '.complete'), '');
    rmSync(join(this.dir, key), { recursive: true, force: true });
    renameSync(temporary, join(this.dir, key));
  }

  /** The key of the bundle the documents made from these sources led to last time, if it is still kept. */
  findBySources(sourcesKey: string): string | undefined {
    const file = join(this.dir, 'sources', sourcesKey);
    if (!existsSync(file)) return undefined;
    const key = readFileSync(file, 'utf8');
    return this.find(key) ? key : undefined;
  }

  /** Remember that documents made from these sources have the bundle under `key`. */
  linkSources(sourcesKey: string, key: string): void {
    mkdirSync(join(this.dir, 'sources'), { recursive: true });
    const temporary = join(this.dir, 'sources', `${sourcesKey}.${process.pid}.tmp`);
    writeFileSync(temporary, key);
    renameSync(temporary, join(this.dir, 'sources', sourcesKey));
  }

  /** The digests of the documents of the last build, by source key (`documentSourceKey`). */
  documentDigests(): Map<string, string> {
    const file = join(this.dir, DOCUMENT_DIGESTS);
    if (!existsSync(file)) return new Map();
    try {
      return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
    } catch {
      return new Map(); // A damaged file costs one reading of the bodies, nothing more.
    }
  }

  /** Keep the digests of this build's documents (only these: the others' sources are gone). */
  keepDocumentDigests(digests: ReadonlyMap<string, string>): void {
    mkdirSync(this.dir, { recursive: true });
    const temporary = join(this.dir, `${DOCUMENT_DIGESTS}.${process.pid}.tmp`);
    writeFileSync(temporary, JSON.stringify(Object.fromEntries(digests)));
    renameSync(temporary, join(this.dir, DOCUMENT_DIGESTS));
  }

  /** Delete every kept bundle but those under `keys`, and every link but those under `sourcesKeys`. */
  prune(keys: readonly string[], sourcesKeys: readonly string[]): void {
    if (!existsSync(this.dir)) return;
    const wanted = new Set([...keys, 'sources', DOCUMENT_DIGESTS]);
    for (const other of readdirSync(this.dir)) if (!wanted.has(other)) rmSync(join(this.dir, other), { recursive: true, force: true });
    const links = new Set(sourcesKeys);
    const sources = join(this.dir, 'sources');
    if (existsSync(sources)) for (const other of readdirSync(sources)) if (!links.has(other)) rmSync(join(sources, other), { force: true });
  }
}

/** Copy a kept bundle to `outputPath` (without the marker), replacing what is there. */
export function copyBundle(from: string, outputPath: string): void {
  rmSync(outputPath, { recursive: true, force: true });
  cpSync(from, outputPath, { recursive: true, filter: (source) => !source.endsWith('/.complete') });
}
