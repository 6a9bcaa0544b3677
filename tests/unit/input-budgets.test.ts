/**
 * The pieces the input limits stand on: the decoders that count what a stream
 * expands to (against zlib and a reference LZW encoder), the PDF stream scanner
 * (which must not be fooled by a fake "endstream" inside the data), and the zip
 * directory reader.
 */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ascii85Decode, asciiHexDecode, decodedSize, inflatedSize, lzwDecode, runLengthDecode } from '../../src/lib/importer/inputs/inflate-budget.ts';
import { checkStreamBudget, filtersOf, streamsOf } from '../../src/lib/importer/inputs/pdf/stream-budget.ts';
import { checkZipBudget, zipEntries } from '../../src/lib/importer/inputs/zip-budget.ts';
import { Deadline, InputLimitError } from '../../src/lib/importer/inputs/limits.ts';
import { deflateBomb, docxEntries, makeZip } from '../helpers/make-zip.ts';

/** LZW as PDF writes it (9–12 bit codes, early change, clear table when full): the reference the decoder is checked against. */
function lzwEncode(data: Uint8Array): Buffer {
  const out: number[] = [];
  let buffer = 0;
  let held = 0;
  let bits = 9;
  const write = (code: number) => {
    buffer = (buffer << bits) | code;
    held += bits;
    while (held >= 8) {
      out.push((buffer >>> (held - 8)) & 0xff);
      held -= 8;
    }
    buffer &= (1 << held) - 1;
  };
  let table = new Map<string, number>();
  let next = 258;
  write(256);
  let w = '';
  for (const byte of data) {
    const wc = `${w},${byte}`;
    if (w === '' ) {
      w = String(byte);
      continue;
    }
    if (table.has(wc)) {
      w = wc;
      continue;
    }
    write(w.includes(',') ? table.get(w)! : Number(w));
    table.set(wc, next++);
    if (next + 1 > 1 << bits && bits < 12) bits++;
    if (next >= 4094) {
      write(256);
      table = new Map();
      next = 258;
      bits = 9;
    }
    w = String(byte);
  }
  if (w !== '') write(w.includes(',') ? table.get(w)! : Number(w));
  write(257);
  if (held > 0) out.push((buffer << (8 - held)) & 0xff);
  return Buffer.from(out);
}

describe('decoders that count', () => {
  const text = Buffer.from('政府信息公开工作年度报告 '.repeat(3000) + Array.from({ length: 2000 }, (_, i) => i).join(','));

  it('LZW: decodes what the reference encoder wrote, byte for byte, and counts the same size without keeping it', () => {
    const encoded = lzwEncode(text);
    expect(lzwDecode(encoded, 1e9, true).bytes!.equals(text)).toBe(true);
    expect(lzwDecode(encoded, 1e9, false).size).toBe(text.length);
    expect(lzwDecode(encoded, 1000, false).size).toBe(1001);
  });

  it('Flate: the size zlib inflates to, stopping one past the cap', async () => {
    const deflated = deflateSync(text);
    expect((await inflatedSize(deflated, 1e9)).size).toBe(text.length);
    expect((await inflatedSize(deflated, 1e9, true)).bytes!.equals(text)).toBe(true);
    expect((await inflatedSize(deflated, 5000)).size).toBe(5001);
    // Corrupt data counts what came out before the fault.
    const corrupt = Buffer.concat([deflated.subarray(0, 200), Buffer.alloc(50, 0xff)]);
    expect((await inflatedSize(corrupt, 1e9)).size).toBeLessThan(text.length);
  });

  it('RunLength, ASCIIHex and ASCII85 decode as the PDF specification says', () => {
    // 2 literal bytes, then 0xfe = 257 − 254 = 3 copies of "z", then EOD.
    expect(runLengthDecode(Buffer.from([1, 0x61, 0x62, 0xfe, 0x7a, 0x80]), 100, true).bytes!.toString()).toBe('abzzz');
    expect(runLengthDecode(Buffer.from([0x81, 0x41]), 10, false).size).toBe(11);
    expect(asciiHexDecode(Buffer.from('48 65 6C6C 6F7>')).toString()).toBe('Hellop');
    expect(ascii85Decode(Buffer.from('<~87cURD]i,"Ebo80~>')).toString()).toBe('Hello World!');
    expect(ascii85Decode(Buffer.from('z~>'))).toEqual(Buffer.alloc(4));
  });

  it('a chain of filters: ASCIIHex then Flate is the inflated size; an image filter ends the count', async () => {
    const deflated = deflateSync(text);
    expect(await decodedSize(Buffer.from(`${deflated.toString('hex')}>`), ['ASCIIHexDecode', 'FlateDecode'], 1e9)).toBe(text.length);
    expect(await decodedSize(deflated, ['FlateDecode', 'DCTDecode'], 1e9)).toBe(text.length);
    expect(await decodedSize(deflated, ['DCTDecode'], 1e9)).toBe(deflated.length);
  });
});

describe('PDF streams', () => {
  const object = (n: number, dict: string, data: Buffer) =>
    Buffer.concat([Buffer.from(`${n} 0 obj\n<< ${dict} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream\nendobj\n', 'latin1')]);

  it('reads each stream’s filters, in array or name form', () => {
    expect(filtersOf('1 0 obj << /Length 5 /Filter /FlateDecode >>')).toEqual(['FlateDecode']);
    expect(filtersOf('1 0 obj << /Filter [ /ASCII85Decode /LZWDecode ] /Length 9 >>')).toEqual(['ASCII85Decode', 'LZWDecode']);
    expect(filtersOf('1 0 obj << /Length 5 >>')).toEqual([]);
  });

  it('takes the declared length, direct or indirect, over a fake "endstream" inside the data', async () => {
    // "endstream" planted at the start of the data, in a stored deflate block (so the data stays valid), before
    // 64 MiB of zeros: a scan to the first "endstream" would count 11 bytes.
    const fake = Buffer.from('\nendstream\n');
    const stored = Buffer.from([0x00, fake.length, 0, ~fake.length & 0xff, 0xff]);
    const planted = Buffer.concat([Buffer.from([0x78, 0x9c]), stored, fake, deflateBomb(64)]);
    const direct = Buffer.concat([Buffer.from('%PDF-1.7\n'), object(1, `/Length ${planted.length} /Filter /FlateDecode`, planted)]);
    const indirect = Buffer.concat([Buffer.from('%PDF-1.7\n'), object(1, '/Length 2 0 R /Filter /FlateDecode', planted), Buffer.from(`2 0 obj\n${planted.length}\nendobj\n`)]);
    for (const pdf of [direct, indirect]) {
      expect([...streamsOf(pdf)].map((s) => s.data.length)).toEqual([planted.length]);
      await expect(checkStreamBudget(pdf, 32 * 1024 * 1024)).rejects.toThrow('解压后超过 32 MiB');
    }
    await expect(checkStreamBudget(direct, 128 * 1024 * 1024)).resolves.toBeUndefined();
  });
});

describe('zip directory', () => {
  it('lists a .docx’s entries with their sizes, and counts what they really inflate to', async () => {
    const docx = makeZip(docxEntries(['第一段', '第二段']));
    expect(zipEntries(docx, 10).map((e) => e.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    await expect(checkZipBudget(docx, { zipEntries: 10, decompressedBytes: 1e6 })).resolves.toBeUndefined();
    await expect(checkZipBudget(docx, { zipEntries: 2, decompressedBytes: 1e6 })).rejects.toThrow('条目 3 个，超过导入上限 2 个');
    const liar = makeZip([{ name: 'word/document.xml', deflated: deflateBomb(4), size: 10 }]);
    await expect(checkZipBudget(liar, { zipEntries: 10, decompressedBytes: 1024 * 1024 })).rejects.toThrow(InputLimitError);
    expect(() => zipEntries(Buffer.from('not a zip at all, long enough to search'), 10)).toThrow('不是 zip 文件');
  });
});

describe('deadline', () => {
  it('throws once its time is up, naming what was being done', () => {
    let now = 0;
    const deadline = new Deadline(2, () => now);
    now = 1999;
    expect(() => deadline.check('读 PDF 第 3 页')).not.toThrow();
    now = 2000;
    expect(() => deadline.check('读 PDF 第 4 页')).toThrow('读 PDF 第 4 页时超过每个文件 2 秒的导入时间上限');
  });
});
