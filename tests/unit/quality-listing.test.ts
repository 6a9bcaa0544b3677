/** The quality pages' lists: by check and by province, in region order, none lost (src/lib/quality/listing.ts). */
import { describe, expect, it } from 'vitest';
import type { Agency } from '../../src/lib/archive.ts';
import { reportName } from '../../src/lib/archive.ts';
import type { Finding } from '../../src/lib/quality/index.ts';
import { listedFindings, provinceOf, qualityListings, QUALITY_FILTERS } from '../../src/lib/quality/listing.ts';

const agency = (id: string, divisionCode: string, province: string, shortName: string) =>
  ({ id, divisionCode, province, shortName, name: shortName }) as unknown as Agency;
const agencies = new Map([
  ['350128-a', agency('350128-a', '350128', '福建省', '平潭管委会')],
  ['370303-b', agency('370303-b', '370303', '山东省', '张店区政府')],
]);
const findings: Finding[] = [
  { kind: 'similarity', report: '370303-b/2020', message: 's' },
  { kind: 'sum', report: '350128-a/2019', message: 'x' },
  { kind: 'carryover', report: '350128-a/2022', message: 'c' },
  { kind: 'sum', report: '350128-a/2022', message: 'y' },
  { kind: 'sum', report: 'gone/2022', message: 'z' },
];

describe('quality listings', () => {
  it('orders findings by severity (numbers that do not add up first), then the agencies\' region order, then newest year, then check', () => {
    const order = new Map([['350128-a', 0], ['370303-b', 1]]);
    expect(listedFindings(findings, order).map((f) => `${f.report} ${f.kind}`)).toEqual([
      '350128-a/2022 sum', '350128-a/2022 carryover', '350128-a/2019 sum', 'gone/2022 sum', '370303-b/2020 similarity',
    ]);
  });

  it('lists every finding under its check and "all", for the archive and for its province', () => {
    const listings = qualityListings(findings, agencies);
    const find = (filter: string, code?: string) => listings.find((l) => l.filter === filter && l.province?.code === code)?.findings;
    expect(find('all')).toHaveLength(5);
    expect(find('sum')?.map((f) => f.report)).toEqual(['350128-a/2019', '350128-a/2022', 'gone/2022']);
    expect(find('sum', '35')).toHaveLength(2);
    expect(find('sum', '37')).toBeUndefined(); // no empty lists
    expect(find('similarity', '37')).toHaveLength(1);
    expect(find('all', '35')).toHaveLength(3);
    // Every filter has a whole-archive list, even an empty one.
    for (const filter of QUALITY_FILTERS) expect(find(filter)).toBeDefined();
    expect(find('identity')).toEqual([]);
  });

  it('finds a report\'s province from its agency, and names reports by agency and year', () => {
    expect(provinceOf(findings[0]!, agencies)).toEqual({ code: '37', name: '山东省' });
    expect(provinceOf(findings[4]!, agencies)).toBeUndefined();
    expect(reportName({ agencyById: agencies }, '350128-a/2022')).toBe('平潭管委会 2022年度');
    expect(reportName({ agencyById: agencies }, 'gone/2022')).toBe('gone/2022');
  });
});
