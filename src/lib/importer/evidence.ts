/**
 * Arithmetic as evidence. The identities the official tables print
 * (catalogue/identities.ts) are evaluated over the values read; each value records
 * the identities that confirmed it. A value placed uncertainly (by template order
 * where its label was lost) is kept only when an identity over whole rows holds
 * **and would fail for the plausible alternative**: the same numbers one row up
 * or down. An identity that holds whichever of two neighbouring rows the numbers
 * belong to (一 and 二 both stand on the left of 一 + 二 = 三（七）+ 四; every
 * result row is a term of （七）= the sum of results) proves nothing about which
 * is which, so it confirms nothing; a value that is the same in both rows is safe
 * either way. A wrong number is worse than a missing one. A value found by its
 * label is kept even when the report's cross-row arithmetic fails: the report is
 * never corrected, and the quality checks show the disagreement. (Which column a
 * value belongs to is settled by its row's own 总计 in the table readers.)
 */
import { identitiesOf, evaluateIdentity, TABLE_3_ROWS, TABLE_4_SECTIONS, type EditionId, type Identity } from '../catalogue/index.ts';
import type { Found } from './extract/found.ts';

export interface Withheld {
  found: Found;
  reason: string;
}

export interface Weighed {
  kept: Found[];
  withheld: Withheld[];
}

const TABLE_4_ROW = new RegExp(`^(${TABLE_4_SECTIONS.map((s) => s.id).join('|')})_(.+)$`);

/** A table metric as its row and column: `result_granted.natural_person` → [result_granted, .natural_person]; `review_upheld` → [review, _upheld]. */
function rowAndColumn(metric: string): [string, string] {
  const t4 = TABLE_4_ROW.exec(metric);
  if (t4) return [t4[1]!, `_${t4[2]}`];
  const dot = metric.indexOf('.');
  return dot < 0 ? [metric, ''] : [metric.slice(0, dot), metric.slice(dot)];
}

/** The rows of a table in template order, for neighbours: table 三's rows of the edition, or table 四's sections. */
function rowOrder(edition: EditionId): string[][] {
  return [TABLE_3_ROWS.filter((r) => r.editions.includes(edition)).map((r) => r.id), TABLE_4_SECTIONS.map((s) => s.id)];
}

/** The rows next to `row` in template order whose numbers were also placed by order (the plausible alternatives). */
function neighbours(row: string, orderRows: ReadonlySet<string>, edition: EditionId): string[] {
  for (const order of rowOrder(edition)) {
    const at = order.indexOf(row);
    if (at >= 0) return [order[at - 1], order[at + 1]].filter((r): r is string => r !== undefined && orderRows.has(r));
  }
  return [];
}

export function weighEvidence(found: readonly Found[], edition: EditionId): Weighed {
  const byMetric = new Map(found.map((f) => [f.metric, f]));
  const identities = identitiesOf(edition);
  const holding = identities.filter((identity) => evaluateIdentity(identity, (id) => byMetric.get(id)) === 'holds');
  const confirmed = new Map<string, { all: string[]; rows: Identity[] }>();
  for (const identity of holding) {
    for (const id of [...identity.left, ...identity.right]) {
      const entry = confirmed.get(id) ?? { all: [], rows: [] };
      entry.all.push(identity.id);
      if (identity.scope === 'rows') entry.rows.push(identity);
      confirmed.set(id, entry);
    }
  }
  const orderRows = new Set(found.filter((f) => f.placement === 'order').map((f) => rowAndColumn(f.metric)[0]));

  /** Whether `f` is right whichever neighbouring row its numbers belong to: the same value there, or an identity that held fails. */
  const discriminated = (f: Found): boolean => {
    const [row, column] = rowAndColumn(f.metric);
    return neighbours(row, orderRows, edition).every((other) => {
      const there = byMetric.get(`${other}${column}`);
      if (there && there.value === f.value && there.approx === f.approx) return true;
      // The numbers of the two rows swapped: does any identity that held now fail?
      const swapped = (id: string) => {
        const [r, c] = rowAndColumn(id);
        return byMetric.get(r === row ? `${other}${c}` : r === other ? `${row}${c}` : id);
      };
      // 'incomplete' (a term missing in the other row) refutes nothing: only an identity that fails does.
      return holding.some((identity) => evaluateIdentity(identity, swapped) === 'fails');
    });
  };

  const kept: Found[] = [];
  const withheld: Withheld[] = [];
  for (const f of found) {
    const entry = confirmed.get(f.metric);
    if (f.placement === 'order' || f.placement === 'inferred') {
      const how = f.placement === 'order' ? '原文中这一行的标签与数字分开，按模板顺序放置' : '这一行的数比模板多（合并单元格重复或空白格），去掉重复或空白后放置';
      if (!entry?.rows.length) {
        withheld.push({ found: f, reason: `${how}，但没有跨行的恒等式证实“${f.metric}”的这一位置` });
        continue;
      }
      if (!discriminated(f)) {
        withheld.push({ found: f, reason: `${how}；跨行的恒等式虽然成立，但把这一行与相邻一行对调后仍然成立，不能证明“${f.metric}”属于这一行` });
        continue;
      }
    }
    kept.push(entry ? { ...f, confirmedBy: entry.all } : f);
  }
  return { kept, withheld };
}
