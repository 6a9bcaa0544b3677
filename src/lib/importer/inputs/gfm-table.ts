/** A grid of cell texts as a GFM table; the first row is the header. Pipes in cells are escaped. */
export function gfmTable(rows: readonly (readonly string[])[]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const cell = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().replaceAll('|', '\\|');
  const line = (r: readonly string[]) => `| ${Array.from({ length: width }, (_, i) => cell(r[i])).join(' | ')} |`;
  return [line(rows[0]!), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n');
}
