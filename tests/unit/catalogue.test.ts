import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APPLICANT_COLUMNS,
  EDITIONS,
  editionForYear,
  findMetric,
  isStandardFor,
  METRIC_GROUPS,
  METRICS,
  TABLE_3_ROWS,
  UNITS,
} from '../../src/lib/catalogue/index.ts';

const reference = readFileSync(new URL('../../docs/reference/report-formats.md', import.meta.url), 'utf8');

/** The text of every stored source report (seeds and corpus pages), tags stripped. */
function sourceTexts(): string {
  const root = new URL('../fixtures/sources', import.meta.url).pathname;
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => /\.(txt|html?)$/.test(f))
    .map((f) => readFileSync(join(root, f), 'utf8').replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' '))
    .join('\n');
}

describe('metric catalogue', () => {
  it('gives every metric a unique id', () => {
    const ids = METRICS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]*(\.[a-z_]+)?$/);
  });

  it('gives every metric a label, a known unit and group, and only sources for its own editions', () => {
    for (const m of METRICS) {
      expect(m.label.length, m.id).toBeGreaterThan(0);
      expect(UNITS, m.id).toContain(m.unit);
      expect(METRIC_GROUPS, m.id).toContain(m.group);
      expect(m.editions.length, m.id).toBeGreaterThan(0);
      for (const edition of Object.keys(m.source)) expect(m.editions, m.id).toContain(edition);
    }
  });

  it('uses money units exactly for amounts', () => {
    for (const m of METRICS) expect(m.kind === 'amount', m.id).toBe(m.unit === '元' || m.unit === '万元');
  });

  it('takes every source label verbatim from the reference or from a stored source report', () => {
    const sources = sourceTexts().replace(/\s+/g, '');
    for (const m of METRICS) {
      for (const source of Object.values(m.source)) {
        const labels = source.kind === 'row' ? source.labels : [source.row, source.column];
        for (const label of labels) {
          const bare = label.replace(/^[一二三四]、|^（[一二三四五六七]）|^\d\./, '');
          expect(reference.includes(bare) || sources.includes(bare), `${m.id}: ${label}`).toBe(true);
        }
      }
    }
  });

  it('has table 三 as 26 rows × (6 applicant columns + 总计), with 其他处理 split only in 2021', () => {
    expect(TABLE_3_ROWS).toHaveLength(26);
    expect(APPLICANT_COLUMNS).toHaveLength(6);
    const table3 = METRICS.filter((m) => Object.values(m.source).some((s) => s.kind === 'cell' && s.table === '三'));
    expect(table3).toHaveLength(26 * 7);
    expect(findMetric('result_other')!.editions).toEqual(['2019']);
    expect(findMetric('result_other_unpaid_fee')!.editions).toEqual(['2021']);
    expect(findMetric('result_granted.natural_person')!.column).toMatchObject({ totalId: 'result_granted', label: '自然人' });
  });

  it('has table 四 as 15 numbers', () => {
    const table4 = METRICS.filter((m) => Object.values(m.source).some((s) => s.kind === 'cell' && s.table === '四'));
    expect(table4).toHaveLength(15);
  });

  it('lets only 本年增/减 be negative', () => {
    const changes = METRICS.filter((m) => m.kind === 'change');
    expect(changes.length).toBeGreaterThan(0);
    for (const m of changes) expect(m.label).toContain('本年增/减');
  });

  it('marks the statutory rows of each edition as standard', () => {
    expect(isStandardFor(findMetric('proactive_total')!, 'pre2019')).toBe(true);
    expect(isStandardFor(findMetric('website_visits')!, 'pre2019')).toBe(false);
    expect(isStandardFor(findMetric('requests_new')!, '2021')).toBe(true);
    expect(isStandardFor(findMetric('licensing_decisions')!, '2019')).toBe(true);
  });
});

describe('editions', () => {
  it('assigns each report year exactly one edition', () => {
    expect(editionForYear(2006)).toBeUndefined();
    expect(editionForYear(2007)).toBe('pre2019');
    expect(editionForYear(2018)).toBe('pre2019');
    expect(editionForYear(2019)).toBe('2019');
    expect(editionForYear(2020)).toBe('2019');
    expect(editionForYear(2021)).toBe('2021');
    expect(editionForYear(2030)).toBe('2021');
    expect(EDITIONS.map((e) => e.id)).toEqual(['pre2019', '2019', '2021']);
  });
});
