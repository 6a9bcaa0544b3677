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
import { readAppendix, readTable2, readTable3, readTable4 } from './tables.ts';

function merge(found: readonly Found[], warnings: string[]): Found[] {
  const byMetric = new Map<string, Found[]>();
  for (const f of found) byMetric.set(f.metric, [...(byMetric.get(f.metric) ?? []), f]);
  const kept: Found[] = [];
  for (const [metric, all] of byMetric) {
    // Priority 0 marks a part ("其中…", "各乡镇…"): never kept, and no conflict with the whole.
    const best = all.filter((f) => (f.priority ?? 1) > 0);
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
  for (const table of tables) {
    if (edition === 'pre2019') {
      const appendix = readAppendix(table, year);
      found.push(...appendix.found);
      warnings.push(...appendix.warnings);
    } else {
      found.push(...readTable2(table, edition), ...readTable3(table, edition), ...readTable4(table, edition));
    }
  }
  const prose = readProse(sentences, edition);
  found.push(...prose.metrics);

  const metrics = merge(found, warnings).filter((f) => {
    const problems = checkMetricNumber(findMetric(f.metric)!, f.value);
    if (problems.length) warnings.push(`${problems.join('；')}，出处：“${f.quote}”`);
    return problems.length === 0 && !f.quote.includes('\\');
  });
  metrics.sort((a, b) => catalogueOrder(a.metric) - catalogueOrder(b.metric));
  return { metrics, categories: prose.categories, warnings };
}
