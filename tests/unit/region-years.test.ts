import { describe, expect, it } from 'vitest';
import { defaultRegionYear, regionYears } from '../../src/lib/regions.ts';

describe('the year a region page shows', () => {
  const reports = new Map([
    ['a', [{ year: 2022 }, { year: 2023 }, { year: 2024 }]],
    ['b', [{ year: 2022 }, { year: 2023 }]],
    ['c', [{ year: 2023 }, { year: 2023 }]],
  ]);

  it('counts each agency once a year, newest year first', () => {
    expect(regionYears({ agencyIds: ['a', 'b', 'c', 'none'] }, reports)).toEqual([
      { year: 2024, agencies: 1 },
      { year: 2023, agencies: 3 },
      { year: 2022, agencies: 2 },
    ]);
  });

  it('is the year the most agencies reported, the latest of those', () => {
    expect(defaultRegionYear(regionYears({ agencyIds: ['a', 'b', 'c'] }, reports))).toBe(2023);
    expect(defaultRegionYear(regionYears({ agencyIds: ['a', 'b'] }, reports))).toBe(2023);
    expect(defaultRegionYear(regionYears({ agencyIds: ['a'] }, reports))).toBe(2024);
    expect(defaultRegionYear([])).toBeUndefined();
  });
});
