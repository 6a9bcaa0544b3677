/**
 * Name the cells of a report's table values that do not name one yet (reports written by hand, or
 * imported before values recorded their cell): the importer reads the body again, and a value gets the
 * cell the importer read it from only when the importer found the same value in the same quoted row. A
 * value it does not read the same way is left as it is, for an editor.
 */
import type { EditionId } from '../catalogue/index.ts';
import { extractMetrics } from '../importer/extract/index.ts';
import type { MetricValue } from '../metric-value.ts';
import type { FrontMatterEdit } from './edit-front-matter.ts';

export function cellEdits(report: { edition: EditionId; year: number; metrics: Readonly<Record<string, MetricValue>> }, body: string): FrontMatterEdit[] {
  const read = new Map(extractMetrics(body, report.edition, report.year).metrics.map((f) => [f.metric, f]));
  const edits: FrontMatterEdit[] = [];
  for (const [id, value] of Object.entries(report.metrics)) {
    if (value.cell || !value.quote) continue;
    const found = read.get(id);
    if (!found?.cellRef || found.quote !== value.quote || found.value !== value.value || found.approx !== value.approx) continue;
    edits.push({ op: 'set', path: ['metrics', id, 'cell'], value: found.cellRef });
  }
  return edits;
}
