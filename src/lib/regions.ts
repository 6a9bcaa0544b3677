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
