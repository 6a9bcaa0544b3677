/** Printing an HTML file to PDF with Debian's Chromium, and a PDF to text with Poppler, as the project's PDF fixtures and eval variants are made. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const canPrintPdf = () => existsSync(CHROMIUM);

/**
 * Print `htmlFile` to `pdfFile`: without Chromium's own header and footer lines, or with them (`headerFooter`:
 * the date, page title, address and page numbers a reader's "print to PDF" puts on every page).
 */
export function printPdf(htmlFile: string, pdfFile: string, options: { headerFooter?: boolean } = {}): void {
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  execFileSync(CHROMIUM, [...flags, ...(options.headerFooter ? [] : ['--no-pdf-header-footer']), `--print-to-pdf=${pdfFile}`, htmlFile], { stdio: 'ignore' });
}

/** Poppler's pdftotext, as editors' converters turn a PDF into text. */
export const PDFTOTEXT = process.env['PDFTOTEXT_PATH'] ?? '/usr/bin/pdftotext';

export const canConvertPdfToText = () => existsSync(PDFTOTEXT);

/** The text `pdftotext -layout` makes of a PDF (columns kept apart by spaces). */
export function pdfToLayoutText(pdfFile: string): Buffer {
  return execFileSync(PDFTOTEXT, ['-layout', '-enc', 'UTF-8', pdfFile, '-']);
}
