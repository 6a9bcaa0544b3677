/** Read every file under a content folder as `{ path, text }`, paths relative to `root`. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ContentFile } from '../lib/validate/validate-content.ts';
import { mapBounded, OPEN_FILES } from './map-bounded.ts';

export async function readContentFiles(root: string, folder = 'content'): Promise<ContentFile[]> {
  const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return mapBounded(files, OPEN_FILES, async (path) => ({ path: relative(root, path).split(sep).join('/'), text: await readFile(path, 'utf8') }));
}

/** Report files under `content/reports/<agency>/<year>.md`. */
export async function countReportFiles(contentDir: string): Promise<number> {
  const entries = await readdir(join(contentDir, 'reports'), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && /^\d{4}\.md$/.test(e.name)).length;
}
