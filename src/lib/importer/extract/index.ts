/**
 * All metrics of a report body: the tables of its edition, then prose. Findings
 * of one metric are merged: the same value from several places keeps the first
 * quote; different values (a table and the text disagreeing, say) keep neither,
 * with a warning that quotes both. Parts of a whole (priority 0: "其中…", "各乡镇…")
 * are never kept.
 */
import { catalogueOrder, findMetric, type EditionId } from '../../catalogue/index.ts';
import { checkMetricNumber } from '../../schema/metric-checks.ts';
import { blocksOf } from './blocks.ts';
import type { Extraction, Found } from './found.ts';
import { readProse } from './prose.ts';
import { readAppendix } from './tables.ts';
import { cellRef } from './cell-ref.ts';
import { statRows } from '../template/rows.ts';
import { readTable2 } from '../template/table2.ts';
import { readTable3 } from '../template/table3.ts';
import { readTable4 } from '../template/table4.ts';
import { weighEvidence, type Withheld } from '../evidence.ts';

function merge(found: readonly Found[], warnings: string[]): Found[] {
  const byMetric = new Map<string, Found[]>();
  for (const f of found) byMetric.set(f.metric, [...(byMetric.get(f.metric) ?? []), f]);
  const kept: Found[] = [];
  for (const [metric, all] of byMetric) {
    // Priority 0 marks a part ("其中…", "各乡镇…"): never kept, and no conflict with the whole.
    // A row placed by template order gives way to one found by its label.
    const whole = all.filter((f) => (f.priority ?? 1) > 0);
    const best = whole.some((f) => f.placement !== 'order') ? whole.filter((f) => f.placement !== 'order') : whole;
    if (best.length === 0) continue;
    const values = new Set(best.map((f) => `${f.value}/${f.approx}`));
    if (values.size === 1) {
      kept.push(best[0]!);
    } else {
      const quotes = best.map((f) => `${f.value}${f.approx ? '（约）' : ''}：“${f.quote}”`).join('；');
      warnings.push(`指标 ${metric} 有相互矛盾的数值，均未采用：${quotes}`);
    }
  }
  return kept;
}

export function extractMetrics(markdown: string, edition: EditionId, year: number): Extraction {
  const { tables, sentences } = blocksOf(markdown);
  const warnings: string[] = [];
  const found: Found[] = [];
  const readWithheld: Withheld[] = [];
  if (edition === 'pre2019') {
    for (const table of tables) {
      const appendix = readAppendix(table, year);
      found.push(...appendix.found);
      warnings.push(...appendix.warnings);
    }
  } else {
    const rows = statRows(markdown);
    const table3 = readTable3(rows, edition);
    readWithheld.push(...table3.withheld);
    for (const read of [readTable2(rows, edition), table3, readTable4(rows, edition)]) {
      found.push(...read.found);
      warnings.push(...read.warnings);
    }
  }
  const prose = readProse(sentences, edition);
  found.push(...prose.metrics);

  const merged = merge(found, warnings).filter((f) => {
    const problems = checkMetricNumber(findMetric(f.metric)!, f.value);
    if (problems.length) warnings.push(`${problems.join('；')}，出处：“${f.quote}”`);
    return problems.length === 0 && !f.quote.includes('\\');
  });
  const weighed = weighEvidence(merged, edition);
  const kept = weighed.kept;
  // What a table reader would not store, unless the same metric was stated elsewhere (prose) and kept.
  const withheld = [...readWithheld.filter((w) => !kept.some((k) => k.metric === w.found.metric)), ...weighed.withheld];
  for (const w of withheld) warnings.push(`未采用 ${w.found.metric} = ${w.found.value}：${w.reason}（“${w.found.quote}”）`);
  kept.sort((a, b) => catalogueOrder(a.metric) - catalogueOrder(b.metric));
  const withCell = <T extends Found>(f: T): T => {
    const ref = cellRef(f, edition);
    return ref ? { ...f, cellRef: ref } : f;
  };
  return {
    metrics: kept.map(withCell),
    categories: prose.categories,
    withheld: withheld.map(({ found: f, reason }) => {
      const ref = cellRef(f, edition);
      return { metric: f.metric, value: f.value, ...(f.approx ? { approx: true } : {}), quote: f.quote, ...(ref ? { cell: ref } : {}), reason };
    }),
    warnings,
  };
}
