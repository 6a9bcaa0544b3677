/** Bytes and number of files under a folder (recursively), or of one file. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function dirSize(dir: string): { bytes: number; files: number } {
  const own = statSync(dir);
  if (own.isFile()) return { bytes: own.size, files: 1 };
  let bytes = 0;
  let files = 0;
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    const s = statSync(join(dir, f));
    if (s.isFile()) {
      bytes += s.size;
      files++;
    }
  }
  return { bytes, files };
}
