/**
 * Bytes to text: UTF-8 (with or without BOM) or GB18030/GBK, detected. A file
 * that is neither, or holds binary data, is refused with a reason.
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

export class DecodeError extends Error {
  override name = 'DecodeError';
}

/** The charset an HTML document declares in its first bytes, if any. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
}

/** Share of characters that are control characters other than tab and line breaks. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  return (text.match(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]/g)?.length ?? 0) / text.length;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new DecodeError('文件为空');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return checked(new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(3)), 'utf-8-bom');
  }
  const declared = declaredCharset(bytes);
  const gbFirst = declared !== undefined && /^(gb2312|gbk|gb18030)$/.test(declared);
  if (!gbFirst) {
    try {
      return checked(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8');
    } catch (error) {
      if (error instanceof DecodeError) throw error;
      // not UTF-8: try GB18030 below
    }
  }
  try {
    return checked(new TextDecoder('gb18030', { fatal: true }).decode(bytes), 'gb18030');
  } catch (error) {
    if (error instanceof DecodeError) throw error;
    throw new DecodeError('无法识别编码：既不是 UTF-8，也不是 GB18030/GBK');
  }
}

function checked(text: string, encoding: Encoding): Decoded {
  if (text.includes('\u0000') || controlShare(text) > 0.01) {
    throw new DecodeError(`内容不是文本（含控制字符或二进制数据，按 ${encoding} 解码）`);
  }
  return { text, encoding };
}
