/**
 * docs/performance.md: a hand-written head, then one generated section per
 * archive size ("## 10000 份报告"), smallest first. A new run of a size replaces
 * that size's section and leaves the rest, including the head, as it was.
 */

const SECTION = /^## (\d+) 份报告$/m;

/** Put `section` (starting with "## <reports> 份报告") into `doc`, replacing that size's old section, sections ordered by size. */
export function placeSection(doc: string, reports: number, section: string): string {
  const lines = doc.split('\n');
  const starts = lines.flatMap((line, i) => (SECTION.test(line) ? [i] : []));
  const head = lines.slice(0, starts[0] ?? lines.length).join('\n').trimEnd();
  const sections = new Map<number, string>();
  starts.forEach((start, k) => {
    const size = Number(SECTION.exec(lines[start]!)![1]);
    sections.set(size, lines.slice(start, starts[k + 1] ?? lines.length).join('\n').trim());
  });
  sections.set(reports, section.trim());
  const ordered = [...sections.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
  return `${[head, ...ordered].join('\n\n')}\n`;
}
