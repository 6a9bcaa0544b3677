/**
 * The prepared-report cache on disk: each report's checked data and rendered
 * body, stored under the hash of its path, its text and the pipeline version.
 * It survives between builds (the Pages workflow caches it), so a build renders
 * only the reports whose text changed, and pages read one body at a time from
 * it instead of holding every body in memory.
 *
 *   manifest.json            path → size, mtime and key, to skip re-reading unchanged files
 *   entries/<ab>/<key>.json  the report without its body (PreparedMeta)
 *   entries/<ab>/<key>.html  its rendered body
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PreparedMeta, PreparedReport } from '../lib/prepare/prepare-report.ts';

export interface ManifestEntry {
  size: number;
  mtimeMs: number;
  key: string;
}

interface Manifest {
  version: string;
  files: Record<string, ManifestEntry>;
}

/** The folder of the store for a build whose Astro cache folder is `cacheDir`. */
export const storeDir = (cacheDir: string): string => join(cacheDir, 'nianbao-prepared');

/** The key of a report file's preparation: its path (problems name it) and text, under a pipeline version. */
export function preparedKey(version: string, path: string, text: string): string {
  return createHash('sha256').update(version).update('\0').update(path).update('\0').update(text).digest('base64url').slice(0, 32);
}

/** Write through a temporary file and rename, so a build stopped half-way never leaves a cut entry behind. */
function writeAtomic(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

/**
 * One string for each distinct quote of a report. The cells of a table row all quote that row, and JSON
 * gives each its own copy: shared, a 10,000-report archive took 160 MB of heap instead of 223 MB.
 */
export function shareQuotes(meta: PreparedMeta): PreparedMeta {
  if (!meta.report) return meta;
  const seen = new Map<string, string>();
  const share = (quote: string) => seen.get(quote) ?? (seen.set(quote, quote), quote);
  for (const value of [...Object.values(meta.report.metrics), ...meta.report.categories]) {
    if (value.quote !== undefined) value.quote = share(value.quote);
  }
  return meta;
}

export class PreparedStore {
  readonly dir: string;
  /** Entry folders known to exist: a recursive mkdir per write cost a twentieth of preparing. */
  private readonly folders = new Set<string>();

  constructor(dir: string) {
    this.dir = dir;
  }

  private entry(key: string, ext: 'json' | 'html'): string {
    return join(this.dir, 'entries', key.slice(0, 2), `${key}.${ext}`);
  }

  has(key: string): boolean {
    return existsSync(this.entry(key, 'html'));
  }

  write(key: string, prepared: PreparedReport): void {
    const folder = join(this.dir, 'entries', key.slice(0, 2));
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    writeAtomic(this.entry(key, 'json'), JSON.stringify(prepared.meta));
    // The body last: `has` looks for it, so an entry counts only once both files are whole.
    writeAtomic(this.entry(key, 'html'), prepared.html);
  }

  readMeta(key: string): PreparedMeta {
    return shareQuotes(JSON.parse(readFileSync(this.entry(key, 'json'), 'utf8')) as PreparedMeta);
  }

  readHtml(key: string): string {
    return readFileSync(this.entry(key, 'html'), 'utf8');
  }

  /** The files seen by the last preparation under `version` (none under another version). */
  readManifest(version: string): Map<string, ManifestEntry> {
    try {
      const manifest = JSON.parse(readFileSync(join(this.dir, 'manifest.json'), 'utf8')) as Manifest;
      return manifest.version === version ? new Map(Object.entries(manifest.files)) : new Map();
    } catch {
      return new Map();
    }
  }

  writeManifest(version: string, files: ReadonlyMap<string, ManifestEntry>): void {
    mkdirSync(this.dir, { recursive: true });
    writeAtomic(join(this.dir, 'manifest.json'), JSON.stringify({ version, files: Object.fromEntries(files) } satisfies Manifest));
  }

  /** Delete every entry not in `keep`, so the cache holds one archive's worth, not every version ever built. */
  prune(keep: ReadonlySet<string>): number {
    const root = join(this.dir, 'entries');
    if (!existsSync(root)) return 0;
    let removed = 0;
    for (const shard of readdirSync(root)) {
      for (const name of readdirSync(join(root, shard))) {
        if (!keep.has(name.replace(/\.(json|html)$/, ''))) {
          rmSync(join(root, shard, name), { force: true });
          removed++;
        }
      }
    }
    return removed;
  }
}
