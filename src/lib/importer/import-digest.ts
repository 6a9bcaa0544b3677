/**
 * Whether a report file is still exactly as the importer wrote it. The importer
 * records, in `imported.digest`, the SHA-256 of the file it wrote (computed with
 * the digest's own value blanked). A file whose text no longer gives that digest
 * was edited since; one without a digest was written by hand or by an older
 * importer. Re-importing over either would drop an editor's work, so the import
 * command asks twice before it does (and keeps a copy either way).
 */
import { createHash } from 'node:crypto';

/** Stands in for the digest while it is computed. */
const PENDING = 'pending';
const DIGEST_LINE = /^(  digest: )([0-9a-f]{64}|pending)$/m;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The file text with its digest filled in. `text` must hold the line `  digest: pending` under `imported:`
 * (as `reportFileText` writes it, before the metrics, so it is the first such line in the file).
 */
export function withImportDigest(text: string): string {
  if (!DIGEST_LINE.test(text)) throw new Error('report text has no imported.digest line');
  return text.replace(DIGEST_LINE, `$1${sha256(text)}`);
}

/** The value `reportFileText` writes as `imported.digest` before `withImportDigest` fills it in. */
export const PENDING_DIGEST = PENDING;

/** `unedited`: as the importer wrote it; `edited`: changed since; `unknown`: no digest (written by hand or by an older importer). */
export type ImportState = 'unedited' | 'edited' | 'unknown';

export function importState(text: string): ImportState {
  const match = DIGEST_LINE.exec(text);
  if (!match || match[2] === PENDING) return 'unknown';
  return sha256(text.replace(DIGEST_LINE, `$1${PENDING}`)) === match[2] ? 'unedited' : 'edited';
}

/**
 * Whether an existing report may be replaced, given how many times --force was said: once replaces a file
 * that is exactly as the importer wrote it; a file edited since (or written by hand) needs it twice. Either
 * way the old file is kept in content/.backups/.
 */
export function planOverwrite(before: string | undefined, force: number): { refused?: string } {
  if (before === undefined || force >= 2) return {};
  if (force === 0) return { refused: '已存在；要覆盖请加 --force（原文件会备份到 content/.backups/）' };
  const state = importState(before);
  if (state === 'unedited') return {};
  return {
    refused: `${state === 'edited' ? '自导入以来已被编辑' : '不是导入程序写下的原样（手写或旧版导入）'}：覆盖会丢掉这些改动；确要覆盖请加两次 --force（--force --force），原文件会备份到 content/.backups/`,
  };
}

