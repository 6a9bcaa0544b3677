/** Regions with pages: each province and each prefecture-level city, named by division code prefix. */
import { sortByPinyin } from './collate.ts';
import type { Agency } from './archive.ts';

export interface Region {
  /** "37" for a province, "3703" for a city. */
  code: string;
  name: string;
  parent?: string;
  parentName?: string;
  agencyIds: string[];
}

export function regionsOf(agencies: readonly Agency[]): Region[] {
  const regions = new Map<string, Region>();
  for (const a of agencies) {
    if (a.stub) continue;
    const p = a.divisionCode.slice(0, 2);
    const province = regions.get(p) ?? { code: p, name: a.province, agencyIds: [] };
    province.agencyIds.push(a.id);
    regions.set(p, province);
    if (a.city) {
      const c = a.divisionCode.slice(0, 4);
      const city = regions.get(c) ?? { code: c, name: a.city, parent: p, parentName: a.province, agencyIds: [] };
      city.agencyIds.push(a.id);
      regions.set(c, city);
    }
  }
  return sortByPinyin([...regions.values()], (r) => `${r.parentName ?? ''}${r.name}`);
}

/** The years a region's agencies reported, newest first, each with how many of them did. */
export function regionYears(region: Pick<Region, 'agencyIds'>, reportsByAgency: ReadonlyMap<string, readonly { year: number }[]>): { year: number; agencies: number }[] {
  const counts = new Map<number, number>();
  for (const id of region.agencyIds) {
    for (const year of new Set((reportsByAgency.get(id) ?? []).map((r) => r.year))) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return [...counts].map(([year, agencies]) => ({ year, agencies })).sort((a, b) => b.year - a.year);
}

/**
 * The year a region page shows first: the one in which the most of its agencies reported, the latest of those
 * (the newest year is often still coming in, and a year of one report compares nothing).
 */
export function defaultRegionYear(years: readonly { year: number; agencies: number }[]): number | undefined {
  return [...years].sort((a, b) => b.agencies - a.agencies || b.year - a.year)[0]?.year;
}
