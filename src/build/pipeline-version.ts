/**
 * The version of everything that shapes a prepared report: the source of the
 * modules preparation runs (src/lib/prepare/prepare-report.ts and the body
 * processor, with every local module they import, transitively) and the locked
 * dependencies. A cached report is reused only under the same version, so a
 * changed plugin, schema or check re-prepares every report instead of serving
 * stale HTML, while a change elsewhere (a page, the search document) does not.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The modules preparation starts from. */
const ENTRIES = ['src/lib/prepare/prepare-report.ts', 'src/lib/markdown/processor.ts'];

/** Relative imports of a TypeScript module (`from './x.ts'`, `import './y.ts'`, `import('./z.ts')`). */
export function localImports(source: string): string[] {
  return [...source.matchAll(/(?:from\s+|import\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
}

/** Every local module reachable from `entries`, as paths relative to `root`, sorted. */
export function moduleClosure(root: string, entries: readonly string[] = ENTRIES): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    // A path that names no file is an example in a comment (as in this module's own), not an import.
    for (const spec of localImports(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), spec);
      if (existsSync(target)) visit(target);
    }
  };
  for (const entry of entries) visit(join(root, entry));
  return [...seen].map((f) => relative(root, f)).sort();
}

/** The version of the modules reachable from `entries` (by default, preparation's) and of the locked dependencies. */
export function pipelineVersion(root: string, entries: readonly string[] = ENTRIES): string {
  const hash = createHash('sha256');
  for (const file of moduleClosure(root, entries)) hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('base64url').slice(0, 16);
}
