/**
 * The files of a content folder, as both `npm run check` and the build see them
 * (one listing, so a green check means a build that reads the same files).
 * Entries whose names begin with "." are not content (content/.backups/ keeps the
 * importer's copies of overwritten files). Everything else is either read or
 * named in a problem: a symbolic link (to a file, a folder, outside content/ or
 * in a loop), anything that is not a regular file or folder, and a file larger
 * than CONTENT_FILE_MAX_BYTES are refused, never skipped in silence.
 */
import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { CONTENT_FILE_MAX_BYTES, formatBytes } from '../lib/validate/limits.ts';
import type { Problem } from '../lib/validate/problem.ts';
import type { ContentFile } from '../lib/validate/validate-content.ts';
import { mapBounded, OPEN_FILES } from '../cli/map-bounded.ts';

export interface ContentListing {
  /** Regular files within the size limit, named as in the repository (content/reports/a/2014.md), sorted. */
  files: string[];
  /** Entries the build will not read, each an error naming the entry and why. */
  problems: Problem[];
}

/**
 * Walk `contentDir` (named `content` in paths whatever it is called) without following links. The folder
 * itself may be reached through a link; nothing inside it may be one.
 */
export function listContent(contentDir: string, folder = 'content'): ContentListing {
  const files: string[] = [];
  const problems: Problem[] = [];
  const refuse = (file: string, message: string) => problems.push({ file, severity: 'error', message });
  const walk = (dir: string, named: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      const name = `${named}/${entry.name}`;
      if (entry.isSymbolicLink()) refuse(name, '是符号链接：构建不跟随链接（链接可能指向 content/ 之外或成环），请换成普通文件或目录');
      else if (entry.isDirectory()) walk(path, name);
      else if (!entry.isFile()) refuse(name, '不是普通文件或目录：构建不会读取');
      else {
        const size = lstatSync(path).size;
        if (size > CONTENT_FILE_MAX_BYTES) refuse(name, `文件有 ${formatBytes(size)}，超过内容文件的上限 ${formatBytes(CONTENT_FILE_MAX_BYTES)}：构建不会读取（一份年报通常不到 100 KB；请检查是否误存了别的内容）`);
        else files.push(name);
      }
    }
  };
  walk(contentDir, folder);
  files.sort();
  return { files, problems };
}

/** Every content file read, and the entries refused (see `listContent`). Paths are relative to `root`. */
export async function readContent(root: string, folder = 'content'): Promise<{ files: ContentFile[]; problems: Problem[] }> {
  const { files, problems } = listContent(join(root, folder), folder === '.' ? '' : folder);
  const named = files.map((f) => f.replace(/^\//, ''));
  return { files: await mapBounded(named, OPEN_FILES, async (path) => ({ path, text: await readFile(join(root, path), 'utf8') })), problems };
}

/** Every content file read (the entries `listContent` refuses are left out: `readContent` names them). */
export async function readContentFiles(root: string, folder = 'content'): Promise<ContentFile[]> {
  return (await readContent(root, folder)).files;
}

/** Report files under `content/reports/<agency>/<year>.md`. */
export async function countReportFiles(contentDir: string): Promise<number> {
  const entries = await readdir(join(contentDir, 'reports'), { recursive: true, withFileTypes: true });
  const hidden = (e: Dirent) => relative(contentDir, e.parentPath).split(sep).some((part) => part.startsWith('.'));
  return entries.filter((e) => e.isFile() && /^\d{4}\.md$/.test(e.name) && !hidden(e)).length;
}
