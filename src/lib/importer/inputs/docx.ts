/**
 * Word (.docx) → HTML through `mammoth`, then the saved-page path. Mammoth keeps
 * paragraphs, headings and tables (merged cells as colspan/rowspan), which is
 * what the HTML converter reads; images and styling are dropped.
 */
import mammoth from 'mammoth';

export class DocxError extends Error {
  override name = 'DocxError';
}

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: true });
    // A fragment: the HTML converter takes it whole, and its first lines as the title.
    return `<!doctype html><html><body>${value}</body></html>`;
  } catch (error) {
    throw new DocxError(`Word 文件无法读取（只支持 .docx，不支持旧的 .doc）：${error instanceof Error ? error.message : String(error)}`);
  }
}
