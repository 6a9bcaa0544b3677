/**
 * A PDF's streams, counted before PDF.js reads the file: every `stream … endstream`
 * in the bytes (object streams and content streams alike), run through its
 * filters without keeping the output, all together within the decompression
 * budget. PDF.js inflates a content stream whole before it reads a glyph, so a
 * 1 GiB Flate bomb must be stopped here.
 */
import { decodedSize } from '../inflate-budget.ts';
import { InputLimitError, within } from '../limits.ts';
import { formatBytes } from '../../../validate/limits.ts';

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');

/** The filter names of a stream dictionary: `/Filter /FlateDecode` or `/Filter [/ASCII85Decode /FlateDecode]`. */
export function filtersOf(dictionary: string): string[] {
  const match = /\/Filter\s*(\[[^\]]*\]|\/[^\s/<>[\]()]+)/.exec(dictionary);
  if (!match) return [];
  return [...match[1]!.matchAll(/\/([^\s/<>[\]()]+)/g)].map((m) => m[1]!);
}

/** The stream's /Length when it is a number, or an indirect object holding one (`numbers`: objects that are one integer). */
function lengthOf(dictionary: string, numbers: () => Map<string, number>): number | undefined {
  const direct = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary);
  if (direct) return Number(direct[1]);
  const ref = /\/Length\s+(\d+)\s+(\d+)\s+R/.exec(dictionary);
  return ref ? numbers().get(`${ref[1]} ${ref[2]}`) : undefined;
}

/** Objects of the file that hold one integer ("12 0 obj 3456 endobj"), found in one pass. */
function integerObjects(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const m of text.matchAll(/(?<![\d])(\d+)\s+(\d+)\s+obj\s*(\d+)\s*endobj/g)) found.set(`${m[1]} ${m[2]}`, Number(m[3]));
  return found;
}

/** Each stream of the file: its dictionary's filters and its raw bytes. */
export function* streamsOf(bytes: Uint8Array): Generator<{ filters: string[]; data: Uint8Array }> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Latin-1 keeps one character per byte, so offsets in the text are offsets in the file.
  const text = buffer.toString('latin1');
  let numbers: Map<string, number> | undefined;
  const integers = () => (numbers ??= integerObjects(text));
  let from = 0;
  for (;;) {
    const at = buffer.indexOf(STREAM, from);
    if (at < 0) return;
    from = at + STREAM.length;
    if (buffer.subarray(at - 3, at).toString('latin1') === 'end') continue; // "endstream"
    const eol = buffer[from] === 0x0d && buffer[from + 1] === 0x0a ? 2 : buffer[from] === 0x0a || buffer[from] === 0x0d ? 1 : -1;
    if (eol < 0) continue;
    const dictStart = text.lastIndexOf('obj', at);
    const dictionary = dictStart >= 0 ? text.slice(dictStart, at) : '';
    const start = from + eol;
    const length = lengthOf(dictionary, integers);
    // The declared length when the file agrees (endstream follows it); otherwise up to the next endstream.
    const declaredEnd = length !== undefined ? start + length : -1;
    const agrees = declaredEnd > 0 && declaredEnd <= buffer.length && /^\s*endstream/.test(text.slice(declaredEnd, declaredEnd + 12));
    const end = agrees ? declaredEnd : buffer.indexOf(END_STREAM, start);
    const stop = end < 0 ? buffer.length : end;
    yield { filters: filtersOf(dictionary), data: buffer.subarray(start, stop) };
    from = stop;
  }
}

/** Refuses a PDF whose streams together expand past `limit` bytes. */
export async function checkStreamBudget(bytes: Uint8Array, limit: number): Promise<void> {
  let total = 0;
  for (const { filters, data } of streamsOf(bytes)) {
    total += filters.length ? await decodedSize(data, filters, limit - total) : data.length;
    if (total > limit) {
      throw new InputLimitError(`PDF 中的数据流解压后超过 ${formatBytes(limit)}（导入上限；多为“压缩炸弹”）：不导入（上限见 src/lib/importer/inputs/limits.ts）`);
    }
  }
  within('PDF 中的数据流解压后共', total, limit, formatBytes);
}
