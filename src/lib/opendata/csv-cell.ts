/**
 * One CSV cell and one line, without a library: what the browser's exports use (the compare page), so its
 * script does not carry csv-stringify. The same formula rule as every CSV of the site (csv.ts).
 */

/** Characters that make a spreadsheet read a text cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as written: with a leading apostrophe when a spreadsheet would read it as a formula. */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A CSV line (RFC 4180 quoting; numbers as numbers, text neutralized), ending in "\n". */
export function csvLine(cells: readonly (string | number)[]): string {
  return `${cells
    .map((cell) => {
      if (typeof cell === 'number') return String(cell);
      const text = neutralizeCell(cell);
      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',')}\n`;
}
