/**
 * What one input file may cost the importer. Editors import files from anywhere,
 * so a file that would take minutes or gigabytes (a decompression bomb, a page
 * tree that names the same pages thousands of times, 200,000 glyphs on their own
 * baselines) is refused with the limit it broke, inside the worker that reads it,
 * before it costs that much. Real annual reports are far inside every limit: the
 * largest PDF in the evaluation has 40 pages and 30,000 characters; a .docx holds
 * a few dozen zip entries.
 */

export interface InputLimits {
  /** Bytes of the input file itself. */
  fileBytes: number;
  /** Pages of a PDF (as its page tree counts them). */
  pdfPages: number;
  /** Text items (runs of glyphs) in a whole PDF. */
  pdfTextItems: number;
  /** Characters of text in a whole PDF. */
  pdfCharacters: number;
  /** Bytes that a PDF's streams or a .docx's zip entries inflate to, all together. */
  decompressedBytes: number;
  /** Entries of a .docx's zip. */
  zipEntries: number;
  /** Seconds one file may take, checked between pages and between stages. */
  seconds: number;
}

const MiB = 1024 * 1024;

export const INPUT_LIMITS: Readonly<InputLimits> = {
  fileBytes: 100 * MiB,
  pdfPages: 500,
  pdfTextItems: 500_000,
  pdfCharacters: 5_000_000,
  decompressedBytes: 256 * MiB,
  zipEntries: 2_000,
  seconds: 120,
};

/** A file refused because it passes one of the limits; the message names the limit and the file's figure. */
export class InputLimitError extends Error {
  override name = 'InputLimitError';
}

/** Refuse when `figure` passes `limit`: "PDF 的页数 2000 页，超过导入上限 500 页：不导入". */
export function within(subject: string, figure: number, limit: number, show: (n: number) => string = String): void {
  if (figure > limit) throw new InputLimitError(`${subject} ${show(figure)}，超过导入上限 ${show(limit)}：不导入（上限见 src/lib/importer/inputs/limits.ts）`);
}

/**
 * The time a file may still take. Checked between pages and stages, so a slow file stops itself with a
 * clear refusal; the worker pool's own timer (src/cli/import-pool.ts) is the backstop for a stage that
 * never returns.
 */
export class Deadline {
  private readonly end: number;
  private readonly seconds: number;
  private readonly now: () => number;
  constructor(seconds: number, now: () => number = () => performance.now()) {
    this.seconds = seconds;
    this.now = now;
    this.end = now() + seconds * 1000;
  }
  /** Throws when the time is up, naming what was being done. */
  check(doing: string): void {
    if (this.now() >= this.end) throw new InputLimitError(`${doing}时超过每个文件 ${this.seconds} 秒的导入时间上限：不导入（见 src/lib/importer/inputs/limits.ts）`);
  }
}
