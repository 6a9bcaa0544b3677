/**
 * Small PDFs made at test time, byte by byte, so the importer's PDF limits and
 * fonts can be tested without binary fixtures: a page tree (optionally one that
 * names the same page many times), content streams (optionally Flate-compressed,
 * or claiming to be and inflating to far more than they hold), and either a
 * standard Latin font or a CJK font that has no embedded glyphs and no ToUnicode,
 * only a predefined CMap (UniGB-UCS2-H), as older Chinese office software writes.
 */
import { deflateSync } from 'node:zlib';

export interface PdfPage {
  /** The page's content stream (PDF operators). */
  content: string | Buffer;
}

export interface PdfOptions {
  pages: PdfPage[];
  /** Compress each content stream with Flate. */
  compress?: boolean;
  /** The font F1 is a CJK font with the predefined CMap UniGB-UCS2-H (no ToUnicode, nothing embedded). */
  cjk?: boolean;
  /** The page tree lists each page this many times (a tree that references the same pages repeatedly). */
  repeatKids?: number;
  /** Streams added to the file but used by no page (for a decompression bomb that pdf.js need not even read). */
  extraStreams?: { data: Buffer; filter?: string }[];
}

/** Text shown with F1 at (x, y): Latin text as a literal string; with `cjk`, UCS-2 hex. */
export function textOp(text: string, x: number, y: number, size = 12, cjk = false): string {
  const shown = cjk ? `<${[...text].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('')}>` : `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  return `BT /F1 ${size} Tf ${x} ${y} Td ${shown} Tj ET\n`;
}

/** A PDF file holding the pages (A4, 595 × 842 points). */
export function makePdf(options: PdfOptions): Buffer {
  const objects: Buffer[] = [];
  const add = (body: string | Buffer) => {
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return objects.length;
  };
  const stream = (dict: string, data: Buffer) =>
    Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);

  const catalog = add('');
  const pagesId = add('');
  let font: number;
  if (options.cjk) {
    const descriptor = add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
    const cid = add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${descriptor} 0 R /DW 1000 >>`);
    font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [${cid} 0 R] >>`);
  } else {
    font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  }
  const pageIds = options.pages.map((page) => {
    const raw = Buffer.isBuffer(page.content) ? page.content : Buffer.from(page.content, options.cjk ? 'latin1' : 'utf8');
    const content = add(options.compress ? stream('/Filter /FlateDecode', deflateSync(raw)) : stream('', raw));
    return add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`);
  });
  for (const extra of options.extraStreams ?? []) add(stream(extra.filter ? `/Filter ${extra.filter}` : '', extra.data));
  const kids = Array.from({ length: options.repeatKids ?? 1 }, () => pageIds).flat();
  objects[pagesId - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((id) => `${id} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`, 'latin1');

  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(at);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    at += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
