/**
 * How many bytes compressed data expands to, found without keeping the output and
 * without going past a budget. PDF streams and zip entries say little honestly
 * about their expanded size: a 1 MiB Flate stream can inflate to 1 GiB. Counting
 * before the reading library decodes anything is what keeps a bomb from reaching
 * it. Decoders here follow the PDF specification (ISO 32000-1, 7.4).
 */
import { createInflate, createInflateRaw, type Inflate, type InflateRaw } from 'node:zlib';

/**
 * Bytes that `stream` produces from `data`, stopping once it passes `cap` (the result is then cap + 1).
 * Output is counted and dropped unless `keep`, when it is returned too. Corrupt data counts what came out
 * before the fault, as a reader that tolerates errors would decode it.
 */
function drain(stream: Inflate | InflateRaw, data: Uint8Array, cap: number, keep: boolean): Promise<{ size: number; bytes?: Buffer }> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      stream.destroy();
      resolve(keep && size <= cap ? { size, bytes: Buffer.concat(chunks) } : { size: Math.min(size, cap + 1) });
    };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (keep) chunks.push(chunk);
      if (size > cap) finish();
    });
    stream.on('end', finish);
    stream.on('error', finish);
    stream.end(data);
  });
}

/** Size of a zlib (Flate) stream's output, up to cap + 1. */
export const inflatedSize = (data: Uint8Array, cap: number, keep = false) => drain(createInflate(), data, cap, keep);

/** Size of raw deflate data's output (a zip entry), up to cap + 1. */
export const rawInflatedSize = (data: Uint8Array, cap: number) => drain(createInflateRaw(), data, cap, false).then((r) => r.size);

/** LZWDecode (early change 1, as PDF defaults), output up to cap + 1 bytes; only the size unless `keep`. */
export function lzwDecode(data: Uint8Array, cap: number, keep: boolean): { size: number; bytes?: Buffer } {
  const out: number[] = [];
  let size = 0;
  // The table as prefix links: code → (previous code, last byte, length), so nothing is copied per code.
  const prefix = new Int32Array(4096);
  const last = new Uint8Array(4096);
  const length = new Int32Array(4096);
  const first = new Uint8Array(4096);
  for (let c = 0; c < 256; c++) {
    prefix[c] = -1;
    last[c] = c;
    length[c] = 1;
    first[c] = c;
  }
  let next = 258;
  let bits = 9;
  let previous = -1;
  let buffer = 0;
  let held = 0;
  const emit = (code: number) => {
    size += length[code]!;
    if (!keep) return;
    const start = out.length;
    for (let c = code; c >= 0; c = prefix[c]!) out.push(last[c]!);
    // Links run backwards: reverse this code's bytes in place.
    for (let a = start, b = out.length - 1; a < b; a++, b--) [out[a], out[b]] = [out[b]!, out[a]!];
  };
  for (let i = 0; i < data.length && size <= cap; i++) {
    buffer = (buffer << 8) | data[i]!;
    held += 8;
    while (held >= bits && size <= cap) {
      const code = (buffer >>> (held - bits)) & ((1 << bits) - 1);
      held -= bits;
      if (code === 256) {
        next = 258;
        bits = 9;
        previous = -1;
        continue;
      }
      if (code === 257) return { size, ...(keep ? { bytes: Buffer.from(out) } : {}) };
      if (previous < 0) {
        if (code > 255) return { size, ...(keep ? { bytes: Buffer.from(out) } : {}) }; // corrupt: stop as a reader would
        emit(code);
        previous = code;
        continue;
      }
      if (code > next) return { size, ...(keep ? { bytes: Buffer.from(out) } : {}) };
      const known = code < next;
      if (next < 4096) {
        prefix[next] = previous;
        last[next] = known ? first[code]! : first[previous]!;
        length[next] = length[previous]! + 1;
        first[next] = first[previous]!;
        next++;
      }
      emit(code);
      previous = code;
      if (next + 1 >= 1 << bits && bits < 12) bits++;
    }
  }
  return size > cap ? { size: cap + 1 } : { size, ...(keep ? { bytes: Buffer.from(out) } : {}) };
}

/** RunLengthDecode, output up to cap + 1 bytes; only the size unless `keep`. */
export function runLengthDecode(data: Uint8Array, cap: number, keep: boolean): { size: number; bytes?: Buffer } {
  const out: number[] = [];
  let size = 0;
  for (let i = 0; i < data.length && size <= cap; ) {
    const n = data[i]!;
    if (n === 128) break;
    if (n < 128) {
      const run = data.subarray(i + 1, i + 2 + n);
      size += run.length;
      if (keep) out.push(...run);
      i += n + 2;
    } else {
      size += 257 - n;
      if (keep) for (let k = 0; k < 257 - n; k++) out.push(data[i + 1] ?? 0);
      i += 2;
    }
  }
  return size > cap ? { size: cap + 1 } : { size, ...(keep ? { bytes: Buffer.from(out) } : {}) };
}

/** ASCIIHexDecode (shrinks: never a bomb, decoded to feed the next filter). */
export function asciiHexDecode(data: Uint8Array): Buffer {
  const text = Buffer.from(data).toString('latin1');
  const end = text.indexOf('>');
  const hex = (end >= 0 ? text.slice(0, end) : text).replace(/[^0-9a-fA-F]/g, '');
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
}

/** ASCII85Decode (shrinks: never a bomb, decoded to feed the next filter). */
export function ascii85Decode(data: Uint8Array): Buffer {
  const text = Buffer.from(data).toString('latin1');
  const end = text.indexOf('~>');
  const body = (end >= 0 ? text.slice(0, end) : text).replace(/\s+/g, '').replace(/^<~/, '');
  const out: number[] = [];
  let group: number[] = [];
  const flush = (count: number) => {
    while (group.length < 5) group.push(84);
    let value = 0;
    for (const d of group) value = value * 85 + d;
    for (let k = 0; k < count; k++) out.push((value >>> (24 - 8 * k)) & 0xff);
    group = [];
  };
  for (const ch of body) {
    if (ch === 'z' && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    const d = ch.charCodeAt(0) - 33;
    if (d < 0 || d > 84) continue;
    group.push(d);
    if (group.length === 5) flush(4);
  }
  if (group.length > 1) flush(group.length - 1);
  return Buffer.from(out);
}

/**
 * Bytes that data run through `filters` (PDF filter names, in order) expands to, up to cap + 1. Image filters
 * (DCT, JPX, CCITT, JBIG2) end the count: text extraction never decodes images.
 */
export async function decodedSize(data: Uint8Array, filters: readonly string[], cap: number): Promise<number> {
  let bytes: Uint8Array = data;
  for (const [i, filter] of filters.entries()) {
    const keep = i < filters.length - 1;
    let step: { size: number; bytes?: Buffer | undefined };
    switch (filter) {
      case 'FlateDecode':
      case 'Fl':
        step = await inflatedSize(bytes, cap, keep);
        break;
      case 'LZWDecode':
      case 'LZW':
        step = lzwDecode(bytes, cap, keep);
        break;
      case 'RunLengthDecode':
      case 'RL':
        step = runLengthDecode(bytes, cap, keep);
        break;
      case 'ASCIIHexDecode':
      case 'AHx':
        step = { size: 0, bytes: asciiHexDecode(bytes) };
        step.size = step.bytes!.length;
        break;
      case 'ASCII85Decode':
      case 'A85':
        step = { size: 0, bytes: ascii85Decode(bytes) };
        step.size = step.bytes!.length;
        break;
      default:
        return bytes.length;
    }
    if (step.size > cap || !step.bytes) return step.size;
    bytes = step.bytes;
  }
  return bytes.length;
}
