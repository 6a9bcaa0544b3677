/**
 * PDF → text lines with tables, through Mozilla's PDF.js (`pdfjs-dist`): the
 * text items of every page with their positions, laid out by pdf-layout.ts.
 * Fonts' CMaps and standard font data come from the package itself; nothing is
 * fetched. A PDF without text (a scan) is refused: there is nothing to read.
 * (pdfjs-dist 6 has no `isEvalSupported` option any more: it compiles nothing from
 * a file's fonts or functions, so there is no eval to turn off.)
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { layoutText, type Page, type PdfText } from './pdf-layout.ts';
import { Deadline, INPUT_LIMITS, within, type InputLimits } from '../limits.ts';
import { checkStreamBudget } from './stream-budget.ts';

export class PdfError extends Error {
  override name = 'PdfError';
}

const packageDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
// A plain path, not a file:// URL: PDF.js's Node reader cannot open a file:// string, and a CJK PDF that relies on
// a predefined CMap (UniGB-UCS2-H, no ToUnicode) then came out without text and was refused as a scan.
const asset = (folder: string) => `${join(packageDir, folder)}${sep}`;

/**
 * The positioned text items of every page, within the input limits: the streams' expanded size is counted
 * before PDF.js reads anything; pages, text items, characters and time are checked page by page.
 */
export async function readPdfPages(bytes: Uint8Array, limits: InputLimits = INPUT_LIMITS, deadline = new Deadline(limits.seconds)): Promise<Page[]> {
  await checkStreamBudget(bytes, limits.decompressedBytes);
  deadline.check('检查 PDF 的数据流');
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(bytes), // PDF.js takes the buffer over; keep the caller's
    cMapUrl: asset('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: asset('standard_fonts'),
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    throw new PdfError(`PDF 文件无法打开：${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    // A page tree that names the same pages again and again counts them each time: so does this limit.
    within('PDF 的页数', doc.numPages, limits.pdfPages, (n) => `${n} 页`);
    const pages: Page[] = [];
    let items = 0;
    let characters = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      deadline.check(`读 PDF 第 ${n} 页`);
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      items += content.items.length;
      for (const item of content.items) if ('str' in item) characters += item.str.length;
      within(`PDF 到第 ${n} 页的文字块`, items, limits.pdfTextItems, (k) => `${k} 个`);
      within(`PDF 到第 ${n} 页的文字`, characters, limits.pdfCharacters, (k) => `${k} 字`);
      pages.push({
        height: page.getViewport({ scale: 1 }).height,
        items: content.items.flatMap((item) =>
          'str' in item ? [{ str: item.str, x: item.transform[4]!, y: item.transform[5]!, width: item.width, size: Math.hypot(item.transform[2]!, item.transform[3]!) }] : [],
        ),
      });
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** The PDF's text as lines, tables as Markdown rows, for the text converter; and the running headers and footers taken out. */
export async function pdfToText(bytes: Uint8Array, limits: InputLimits = INPUT_LIMITS, deadline = new Deadline(limits.seconds)): Promise<PdfText> {
  const pages = await readPdfPages(bytes, limits, deadline);
  deadline.check('排列 PDF 的文字');
  const laid = layoutText(pages);
  if (laid.text.replace(/\s+/g, '').length < 50) throw new PdfError('PDF 中几乎没有文字（可能是扫描件）：需要先做文字识别（OCR）再导入');
  return laid;
}
