/**
 * The one way the project writes under content/ (the importer's reports and agency
 * stubs, `npm run new`, and every later tool that edits content). Whatever an input
 * or an argument says, a file lands inside the content folder or nowhere:
 * - ids and years are checked against their patterns before any path is made
 *   (`reportFilePath`, `agencyFilePath`), so `../x`, `/tmp`, `.` or `2022.5` never
 *   become a path;
 * - every component below the content folder is looked at with lstat, and a
 *   symbolic link (or a file where a folder belongs) is refused, never followed;
 * - a file is written to a temporary file beside it and renamed over the target,
 *   so no reader ever sees half a file;
 * - an overwrite keeps the previous file in content/.backups/ and says where; a
 *   report edited since the importer wrote it is overwritten only when asked twice.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { copyFile, lstat, mkdir, open, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { FIRST_REPORT_YEAR } from '../lib/catalogue/index.ts';
import { AGENCY_ID_PATTERN } from '../lib/schema/agency.ts';
import { lastReportYear } from '../lib/schema/report.ts';

/** A write refused before anything was written; the message says what and why. */
export class ContentWriteError extends Error {
  override name = 'ContentWriteError';
}

/** Where overwritten files are kept, inside the content folder (ignored by check and build, and by git). */
export const BACKUP_FOLDER = '.backups';

/** An agency id as the archive accepts it, or a refusal naming the pattern. */
export function checkedAgencyId(id: unknown): string {
  if (typeof id !== 'string' || !AGENCY_ID_PATTERN.test(id)) {
    throw new ContentWriteError(`机构 id“${String(id)}”无效：须形如 370303-jiaoyuju（6 位区划代码、连字符、小写字母数字与连字符）`);
  }
  return id;
}

/** A report year as the archive accepts it (an integer from the first template year to this year), or a refusal. */
export function checkedYear(year: unknown): number {
  const text = String(year);
  if (!/^\d{4}$/.test(text) || Number(text) < FIRST_REPORT_YEAR || Number(text) > lastReportYear()) {
    throw new ContentWriteError(`年度“${text}”无效：须为 ${FIRST_REPORT_YEAR}–${lastReportYear()} 之间的四位整数年份`);
  }
  return Number(text);
}

/** `reports/<agency>/<year>.md`, relative to the content folder, from a checked id and year. */
export const reportFilePath = (agency: unknown, year: unknown): string => `reports/${checkedAgencyId(agency)}/${checkedYear(year)}.md`;

/** `agencies/<id>.yaml`, relative to the content folder, from a checked id. */
export const agencyFilePath = (id: unknown): string => `agencies/${checkedAgencyId(id)}.yaml`;

/** A path made by `reportFilePath` or `agencyFilePath` (or a backup's): plain names, no `.` or `..`, no separators but `/`. */
function checkedRelative(relative: string): string[] {
  const parts = relative.split('/');
  if (!parts.length || parts.some((p) => p === '' || p === '.' || p === '..' || /[\\\0]/.test(p))) {
    throw new ContentWriteError(`内部错误：写入路径“${relative}”不是内容目录中的相对路径`);
  }
  return parts;
}

/** What is at a path, without following a link. */
function kindOf(path: string): 'missing' | 'file' | 'folder' | 'link' | 'other' {
  try {
    const info = lstatSync(path);
    return info.isSymbolicLink() ? 'link' : info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

/**
 * The absolute target of `relative` inside `contentDir`, every existing component checked: folders must be
 * folders and the last a regular file (or, with `kind: 'folder'`, a folder), none a symbolic link. Returns
 * whether it exists.
 */
export function resolveTarget(contentDir: string, relative: string, kind: 'file' | 'folder' = 'file'): { target: string; exists: boolean } {
  const parts = checkedRelative(relative);
  const root = resolve(contentDir);
  if (kindOf(root) === 'file') throw new ContentWriteError(`内容目录 ${root} 是一个文件，不是目录`);
  let at = root;
  for (const [i, part] of parts.entries()) {
    at = join(at, part);
    const found = kindOf(at);
    const expected = i === parts.length - 1 ? kind : 'folder';
    const noun = expected === 'file' ? '文件' : '目录';
    if (found === 'link') throw new ContentWriteError(`${at} 是符号链接：不跟随链接写入（请换成普通${noun}）`);
    if (found === 'missing') return { target: join(root, ...parts), exists: false };
    if (found !== expected) throw new ContentWriteError(`${at} 不是普通${noun}：不能写入`);
  }
  return { target: at, exists: true };
}

/** Create the folders of `relative` one by one, refusing any that turned into a link meanwhile. */
async function makeFolders(root: string, parts: readonly string[]): Promise<void> {
  let at = root;
  for (const part of parts.slice(0, -1)) {
    at = join(at, part);
    await mkdir(at).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    const info = await lstat(at);
    if (!info.isDirectory()) throw new ContentWriteError(`${at} 不是普通目录（或是符号链接）：不能写入`);
  }
}

/** Write `text` to `target` through a temporary file beside it (created exclusively, so never through a link) and a rename. */
async function writeAtomically(target: string, text: string): Promise<void> {
  const temp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A timestamp for a backup folder: 20261207T181502-3f9a (the suffix keeps two runs in one second apart). */
const backupStamp = (now: Date) => `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '')}-${randomBytes(2).toString('hex')}`;

export interface WriteResult {
  /** Absolute path written. */
  target: string;
  action: 'create' | 'overwrite';
  /** Where the previous file was kept, on an overwrite. */
  backup?: string;
}

export interface WriteOptions {
  /** Replace an existing file (its copy is kept in the backup folder). Without it an existing file is refused. */
  overwrite?: boolean;
  /** The backup folder's name for this run (one run's backups together); made from the time when absent. */
  backupStamp?: string;
}

/**
 * Write `text` to `relative` inside `contentDir` (see the module comment for the rules). An existing file is
 * replaced only with `overwrite`, and copied to `<contentDir>/.backups/<stamp>/<relative>` first.
 */
export async function writeContentFile(contentDir: string, relative: string, text: string, options: WriteOptions = {}): Promise<WriteResult> {
  const parts = checkedRelative(relative);
  const root = resolve(contentDir);
  const { target, exists } = resolveTarget(root, relative);
  if (exists && !options.overwrite) throw new ContentWriteError(`${target} 已存在：不覆盖`);
  await mkdir(root, { recursive: true });
  await makeFolders(root, parts);
  let backup: string | undefined;
  if (exists) {
    const backupRelative = `${BACKUP_FOLDER}/${options.backupStamp ?? backupStamp(new Date())}/${relative}`;
    const kept = resolveTarget(root, backupRelative);
    if (kept.exists) throw new ContentWriteError(`备份 ${kept.target} 已存在：不覆盖备份`);
    await makeFolders(root, checkedRelative(backupRelative));
    await copyFile(target, kept.target);
    backup = kept.target;
  }
  // Checked again just before the rename: a component may have been swapped for a link since.
  resolveTarget(root, relative);
  await writeAtomically(target, text);
  return { target, action: exists ? 'overwrite' : 'create', ...(backup ? { backup } : {}) };
}

/** A fresh backup stamp for one run, so that every file a run overwrites is kept in one folder. */
export const newBackupStamp = (): string => backupStamp(new Date());

/** Remove a file inside `contentDir` (never through a link); then its folder, if that is left empty. */
export async function removeContentFile(contentDir: string, relative: string): Promise<void> {
  const { target, exists } = resolveTarget(contentDir, relative);
  if (!exists) throw new ContentWriteError(`${target} 不存在`);
  await rm(target);
  const folder = dirname(target);
  if (folder !== resolve(contentDir)) await rmdir(folder).catch(() => undefined); // not empty: kept
}
