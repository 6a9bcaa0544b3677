/**
 * Arithmetic as evidence. The identities the official tables print
 * (catalogue/identities.ts) are evaluated over the values read; each value records
 * the identities that confirmed it. A value placed only by template order (its
 * label was lost) is kept only when an identity over whole rows confirms it: a
 * wrong number is worse than a missing one. A value found by its label is kept
 * even when the report's own arithmetic fails: the report is never corrected,
 * and the quality checks show the disagreement.
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
    if (f.placement === 'order' && !entry?.rows) {
      withheld.push({ found: f, reason: `原文中这一行的标签与数字分开，按模板顺序放到“${f.metric}”，但没有跨行的恒等式证实这一位置` });
      continue;
    }
    kept.push(entry ? { ...f, confirmedBy: entry.all } : f);
  }
  return { kept, withheld };
}
