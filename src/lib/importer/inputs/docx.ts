/**
 * Word (.docx) → HTML through `mammoth`, then the saved-page path. Mammoth keeps
 * paragraphs, headings and tables (merged cells as colspan/rowspan), which is
 * what the HTML converter reads; images and styling are dropped. The zip is
 * measured first (zip-budget.ts): mammoth's zip reader inflates whatever an
 * entry holds.
 */
import mammoth from 'mammoth';
import { INPUT_LIMITS, InputLimitError, type InputLimits } from './limits.ts';
import { checkZipBudget, ZipError } from './zip-budget.ts';

export class DocxError extends Error {
  override name = 'DocxError';
}

const WORD_ONLY = '（只支持 .docx，不支持旧的 .doc）';

export async function docxToHtml(bytes: Uint8Array, limits: InputLimits = INPUT_LIMITS): Promise<string> {
  try {
    await checkZipBudget(bytes, limits);
  } catch (error) {
    if (error instanceof ZipError) throw new DocxError(`Word 文件无法读取${WORD_ONLY}：${error.message}`);
    throw error;
  }
  try {
    const { value } = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      // Images are never read: the archive keeps text, and base64 copies of photos would only cost memory.
      { ignoreEmptyParagraphs: true, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    // A fragment: the HTML converter takes it whole, and its first lines as the title.
    return `<!doctype html><html><body>${value}</body></html>`;
  } catch (error) {
    if (error instanceof InputLimitError) throw error;
    throw new DocxError(`Word 文件无法读取${WORD_ONLY}：${error instanceof Error ? error.message : String(error)}`);
  }
}
