/**
 * The version of everything that shapes a prepared report: the source of
 * src/lib (schemas, Markdown plugins, checks) and the locked dependencies. A
 * cached report is reused only under the same version, so a changed plugin or
 * an upgraded remark re-renders every body instead of serving stale HTML.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function pipelineVersion(root: string): string {
  const hash = createHash('sha256');
  const lib = join(root, 'src/lib');
  const files = (readdirSync(lib, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).sort();
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(lib, file))).update('\0');
  hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('base64url').slice(0, 16);
}
