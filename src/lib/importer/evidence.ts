/**
 * Arithmetic as evidence. The identities the official tables print
 * (catalogue/identities.ts) are evaluated over the values read; each value records
 * the identities that confirmed it. A value placed uncertainly (by template order
 * where its label was lost, or from a row that had to be narrowed) is kept only
 * when an identity over whole rows confirms it: a wrong number is worse than a
 * missing one. A value found by its label is kept even when the report's own
 * arithmetic fails: the report is never corrected, and the quality checks show
 * the disagreement.
 */
import { identitiesOf, evaluateIdentity, type EditionId } from '../catalogue/index.ts';
import type { Found } from './extract/found.ts';

export interface Withheld {
  found: Found;
  reason: string;
}

export interface Weighed {
  kept: Found[];
  withheld: Withheld[];
}

export function weighEvidence(found: readonly Found[], edition: EditionId): Weighed {
  const byMetric = new Map(found.map((f) => [f.metric, f]));
  const confirmed = new Map<string, { all: string[]; rows: boolean }>();
  for (const identity of identitiesOf(edition)) {
    if (evaluateIdentity(identity, (id) => byMetric.get(id)) !== 'holds') continue;
    for (const id of [...identity.left, ...identity.right]) {
      const entry = confirmed.get(id) ?? { all: [], rows: false };
      entry.all.push(identity.id);
      entry.rows ||= identity.scope === 'rows';
      confirmed.set(id, entry);
    }
  }
  const kept: Found[] = [];
  const withheld: Withheld[] = [];
  for (const f of found) {
    const entry = confirmed.get(f.metric);
    if ((f.placement === 'order' || f.placement === 'inferred') && !entry?.rows) {
      const how = f.placement === 'order' ? '原文中这一行的标签与数字分开，按模板顺序放置' : '这一行的数比模板多（合并单元格重复或空白格），去掉重复或空白后放置';
      withheld.push({ found: f, reason: `${how}，但没有跨行的恒等式证实“${f.metric}”的这一位置` });
      continue;
    }
    kept.push(entry ? { ...f, confirmedBy: entry.all } : f);
  }
  return { kept, withheld };
}
