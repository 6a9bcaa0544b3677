/**
 * Writing a Pagefind bundle. The files are taken from the index (`getFiles()`)
 * and written here, into a cleared folder, rather than by Pagefind's
 * `writeFiles()`: under load `writeFiles()` answered before Pagefind's service
 * had finished writing, and closing the service then left a file cut short (a
 * truncated pagefind-worker.js, or metadata the browser could not load). The
 * folder is cleared because an incremental build keeps dist/.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mapBounded, OPEN_FILES } from './map-bounded.ts';

export interface PagefindFile {
  path: string;
  content: Uint8Array;
}

export async function writePagefindFiles(files: readonly PagefindFile[], outputPath: string): Promise<void> {
  await rm(outputPath, { recursive: true, force: true });
  await mapBounded(files, OPEN_FILES, async (file) => {
    const target = join(outputPath, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
  });
}
