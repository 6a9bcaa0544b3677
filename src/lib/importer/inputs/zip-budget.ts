/**
 * A .docx is a zip. Before mammoth opens it, its central directory is read and
 * every entry inflated and counted (output dropped), so that a zip bomb, an
 * entry that lies about its size, or a zip of a hundred thousand entries is
 * refused within the input limits instead of inflating to gigabytes inside
 * mammoth's zip reader.
 */
import { rawInflatedSize } from './inflate-budget.ts';
import { InputLimitError, within, type InputLimits } from './limits.ts';
import { formatBytes } from '../../validate/limits.ts';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;

export class ZipError extends Error {
  override name = 'ZipError';
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  /** Where the entry's compressed data starts in the file. */
  dataStart: number;
}

/** The entries the central directory lists (ZIP64 archives, which no .docx needs, are refused). */
export function zipEntries(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = view.length - 22; at >= Math.max(0, view.length - 22 - 0xffff); at--) {
    if (view.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError('不是 zip 文件（.docx 是 zip 格式；旧的 .doc 请另存为 .docx）');
  const count = view.readUInt16LE(end + 10);
  const directoryOffset = view.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipError('是 ZIP64 格式的大型压缩包，不是 Word 文档');
  within('Word 文件（zip）中的条目', count, maxEntries, (n) => `${n} 个`);
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.length || view.readUInt32LE(at) !== CENTRAL_ENTRY) throw new ZipError('zip 目录已损坏');
    const method = view.readUInt16LE(at + 10);
    const compressedSize = view.readUInt32LE(at + 20);
    const declaredSize = view.readUInt32LE(at + 24);
    const nameLength = view.readUInt16LE(at + 28);
    const extraLength = view.readUInt16LE(at + 30);
    const commentLength = view.readUInt16LE(at + 32);
    const localOffset = view.readUInt32LE(at + 42);
    const name = view.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (localOffset + 30 > view.length || view.readUInt32LE(localOffset) !== LOCAL_ENTRY) throw new ZipError(`zip 条目 ${name} 已损坏`);
    const dataStart = localOffset + 30 + view.readUInt16LE(localOffset + 26) + view.readUInt16LE(localOffset + 28);
    entries.push({ name, method, compressedSize, declaredSize, dataStart });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refuses a zip with too many entries, or whose entries together inflate past the limit (whatever they declare). */
export async function checkZipBudget(bytes: Uint8Array, limits: Pick<InputLimits, 'zipEntries' | 'decompressedBytes'>): Promise<void> {
  const entries = zipEntries(bytes, limits.zipEntries);
  const declared = entries.reduce((sum, e) => sum + e.declaredSize, 0);
  within('Word 文件（zip）声明的解压大小', declared, limits.decompressedBytes, formatBytes);
  let total = 0;
  for (const entry of entries) {
    const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    // Stored entries are their own size; deflated ones are inflated and counted, not trusted.
    total += entry.method === 0 ? data.length : entry.method === 8 ? await rawInflatedSize(data, limits.decompressedBytes - total) : 0;
    if (total > limits.decompressedBytes) {
      throw new InputLimitError(`Word 文件（zip）解压后超过 ${formatBytes(limits.decompressedBytes)}（导入上限；多为“压缩炸弹”，条目 ${entry.name} 声明 ${formatBytes(entry.declaredSize)}）：不导入（上限见 src/lib/importer/inputs/limits.ts）`);
    }
  }
}
