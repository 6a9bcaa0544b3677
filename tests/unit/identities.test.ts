/** The tables' arithmetic as data: which identities each edition has, and how one is evaluated. */
import { describe, expect, it } from 'vitest';
import { evaluateIdentity, findIdentity, findMetric, IDENTITY_IDS, identitiesOf } from '../../src/lib/catalogue/index.ts';

describe('table identities', () => {
  it('name only catalogue metrics of their edition', () => {
    for (const edition of ['2019', '2021'] as const) {
      for (const identity of identitiesOf(edition)) {
        for (const id of [...identity.left, ...identity.right]) expect(findMetric(id)?.editions, `${identity.id}: ${id}`).toContain(edition);
      }
    }
    expect(identitiesOf('pre2019')).toEqual([]);
    expect(new Set(IDENTITY_IDS).size).toBe(IDENTITY_IDS.length);
  });

  it('sum the results of each edition: （六）其他处理 is one row in 2019 and three in 2021', () => {
    expect(identitiesOf('2019').find((i) => i.id === 't3_results')!.right).toContain('result_other');
    const results2021 = identitiesOf('2021').find((i) => i.id === 't3_results')!.right;
    expect(results2021).not.toContain('result_other');
    expect(results2021).toEqual(expect.arrayContaining(['result_other_overdue_correction', 'result_other_unpaid_fee', 'result_other_other']));
    expect(results2021).toHaveLength(2 + 8 + 3 + 5 + 3);
  });

  it('hold, fail, or cannot be judged when a term is missing or approximate', () => {
    const balance = findIdentity('t3_balance')!;
    const values = (v: Record<string, number>, approx: string[] = []) => (id: string) => (id in v ? { value: v[id]!, approx: approx.includes(id) } : undefined);
    const full = { requests_new: 10, requests_carried_over: 2, result_total: 11, requests_carried_forward: 1 };
    expect(evaluateIdentity(balance, values(full))).toBe('holds');
    expect(evaluateIdentity(balance, values({ ...full, result_total: 12 }))).toBe('fails');
    const { requests_carried_forward: _, ...missing } = full;
    expect(evaluateIdentity(balance, values(missing))).toBe('incomplete');
    expect(evaluateIdentity(balance, values(full, ['requests_new']))).toBe('incomplete');
    expect(findIdentity('t4.review')!.label).toContain('表四行政复议');
    expect(findIdentity('t3_row.result_granted')!.scope).toBe('columns');
  });
});
